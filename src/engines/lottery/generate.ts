/**
 * A seeded synthetic month of applications for the benchmark and the property
 * tests: popular slots (weekend evenings) get most first choices, as in the real
 * coordination meetings, and groups apply through several members.
 */
import type { LotteryApplication, LotteryInput, LotterySlot } from './types.ts';

/** mulberry32: tiny, seeded, good enough to shape test data (never used for a draw). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    let t = (s = (s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  slots: number;
  applications: number;
  seed: number;
  /** Share of applications made for a group (default 0.4). */
  groupShare?: number;
  /** How many distinct groups apply (default one per 12 applications). */
  groups?: number;
  month?: string;
}

const TYPES = ['gym-weekend-evening', 'gym-weekday-evening', 'hall-weekend-day', 'court-weekend-morning', 'room-weekday-evening'];

export function generateInput(o: GenerateOptions): LotteryInput {
  const next = rng(o.seed);
  const month = o.month ?? '2026-12';
  const slots: LotterySlot[] = Array.from({ length: o.slots }, (_, i) => ({
    id: `s${String(i + 1).padStart(4, '0')}`,
    slotType: TYPES[i % TYPES.length]!,
    month,
  }));
  // Skewed popularity: slot i is picked with weight 1/(1 + i/20).
  const weights = slots.map((_, i) => 1 / (1 + i / 20));
  const total = weights.reduce((a, b) => a + b, 0);
  const pick = (): string => {
    let x = next() * total;
    for (let i = 0; i < slots.length; i++) {
      x -= weights[i]!;
      if (x <= 0) return slots[i]!.id;
    }
    return slots[slots.length - 1]!.id;
  };
  const persons = Math.max(1, Math.round(o.applications * 0.7));
  const groups = o.groups ?? Math.max(1, Math.round(o.applications / 12));
  const applications: LotteryApplication[] = Array.from({ length: o.applications }, (_, i) => {
    const prefs: string[] = [];
    const want = 1 + Math.floor(next() * 3);
    while (prefs.length < want && prefs.length < slots.length) {
      const s = pick();
      if (!prefs.includes(s)) prefs.push(s);
    }
    const isGroup = next() < (o.groupShare ?? 0.4);
    return {
      id: `app-${String(i + 1).padStart(6, '0')}`,
      applicantId: `p${Math.floor(next() * persons)}`,
      groupId: isGroup ? `g${Math.floor(next() * groups)}` : null,
      preferences: prefs,
    };
  });
  return { slots, applications, rules: { maxWinsPerApplicantPerSlotTypeMonth: 1 } };
}
