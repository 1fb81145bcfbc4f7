/**
 * The draw itself — the algorithm published in README.md ("oshu-lottery/1").
 * Pure: the same input and seed give the same result, byte for byte.
 */
import { canonicalJson, digestOf, sha256Hex } from './canonical-json.ts';
import { applicantKeyOf, normaliseInput } from './normalise.ts';
import type { NormalisedApplication, NormalisedSlot } from './normalise.ts';
import { compareCodeUnits, normaliseSeed, ticketFor } from './tickets.ts';
import { ALGORITHM } from './types.ts';
import type {
  ApplicationResult,
  CapRule,
  EffectiveRules,
  IgnoredApplication,
  LotteryInput,
  LotteryResult,
  PreferenceResult,
  SlotResult,
} from './types.ts';

interface Entry {
  app: NormalisedApplication;
  key: string;
  ticket: string;
  prefs: PreferenceResult[];
  won: { slotId: string; rank: number } | null;
}

/** Counts wins per applicant: by slot type × month and by month. */
export class CapCounter {
  private readonly byTypeMonth = new Map<string, number>();
  private readonly byMonth = new Map<string, number>();
  constructor(private readonly rules: EffectiveRules) {}

  /** The first rule that stops `applicantKey` from taking `slot`, or null. */
  blockingRule(applicantKey: string, slot: NormalisedSlot): CapRule | null {
    if ((this.byTypeMonth.get(`${applicantKey}\u0000${slot.slotType}\u0000${slot.month}`) ?? 0) >= this.rules.maxWinsPerApplicantPerSlotTypeMonth) {
      return 'maxWinsPerApplicantPerSlotTypeMonth';
    }
    const monthCap = this.rules.maxWinsPerApplicantPerMonth;
    if (monthCap !== null && (this.byMonth.get(`${applicantKey}\u0000${slot.month}`) ?? 0) >= monthCap) return 'maxWinsPerApplicantPerMonth';
    return null;
  }

  add(applicantKey: string, slot: NormalisedSlot): void {
    const tm = `${applicantKey}\u0000${slot.slotType}\u0000${slot.month}`;
    const m = `${applicantKey}\u0000${slot.month}`;
    this.byTypeMonth.set(tm, (this.byTypeMonth.get(tm) ?? 0) + 1);
    this.byMonth.set(m, (this.byMonth.get(m) ?? 0) + 1);
  }
}

export function draw(input: LotteryInput, seedHex: string): LotteryResult {
  const seed = normaliseSeed(seedHex);
  const norm = normaliseInput(input);
  const slotById = new Map(norm.slots.map((s) => [s.id, s]));

  // Step 1: an application id seen before is ignored (first occurrence in input order counts).
  const ignored: IgnoredApplication[] = [];
  const ids = new Set<string>();
  const apps: NormalisedApplication[] = [];
  norm.applications.forEach((a, index) => {
    if (ids.has(a.id)) ignored.push({ applicationId: a.id, index, reason: 'duplicate-application-id' });
    else {
      ids.add(a.id);
      apps.push(a);
    }
  });

  // Step 2: tickets and the draw order (ticket, then id — a tie would need a SHA-256 collision).
  const entries: Entry[] = apps
    .map((app) => ({ app, key: applicantKeyOf(app), ticket: ticketFor(seed, app.id), prefs: [] as PreferenceResult[], won: null }))
    .sort((a, b) => compareCodeUnits(a.ticket, b.ticket) || compareCodeUnits(a.app.id, b.app.id));

  // Step 3: preferences that can never count. Within an application a repeated slot
  // keeps its first rank; across one applicant's applications a slot belongs to the
  // application whose id sorts first — independent of the seed, so applying twice
  // never buys a second ticket for the same slot.
  const owner = new Map<string, string>();
  for (const e of entries) {
    const inThis = new Set<string>();
    for (const slotId of e.app.preferences) {
      if (!slotById.has(slotId) || inThis.has(slotId)) continue;
      inThis.add(slotId);
      const k = `${e.key}\u0000${slotId}`;
      const current = owner.get(k);
      if (current === undefined || compareCodeUnits(e.app.id, current) < 0) owner.set(k, e.app.id);
    }
  }
  for (const e of entries) {
    const inThis = new Set<string>();
    e.prefs = e.app.preferences.map((slotId, i) => {
      const rank = i + 1;
      if (!slotById.has(slotId)) return { rank, slotId, outcome: 'unknown-slot' as const };
      if (inThis.has(slotId) || owner.get(`${e.key}\u0000${slotId}`) !== e.app.id) return { rank, slotId, outcome: 'duplicate' as const };
      inThis.add(slotId);
      // Provisional; every live preference is settled by the rounds below.
      return { rank, slotId, outcome: 'not-needed' as const };
    });
  }

  // Step 4: rounds by preference rank, each in ticket order.
  const winner = new Map<string, { id: string; rank: number }>();
  const caps = new CapCounter(norm.rules);
  const rounds = Math.max(0, ...entries.map((e) => e.prefs.length));
  for (let r = 0; r < rounds; r++) {
    for (const e of entries) {
      if (e.won) continue;
      const pref = e.prefs[r];
      if (!pref || pref.outcome !== 'not-needed') continue;
      const slot = slotById.get(pref.slotId)!;
      if (winner.has(slot.id)) {
        pref.outcome = 'taken';
        continue;
      }
      const rule = caps.blockingRule(e.key, slot);
      if (rule) {
        pref.outcome = 'cap';
        pref.rule = rule;
        continue;
      }
      pref.outcome = 'won';
      winner.set(slot.id, { id: e.app.id, rank: pref.rank });
      caps.add(e.key, slot);
      e.won = { slotId: slot.id, rank: pref.rank };
    }
  }

  // Step 5: per-application results (ticket order) and per-slot waiting lists.
  const applications: ApplicationResult[] = entries.map((e, i) => {
    const firstCap = e.prefs.find((p) => p.outcome === 'cap');
    const status = e.won ? 'won' : firstCap ? 'skipped' : 'lost';
    return {
      applicationId: e.app.id,
      applicantKey: e.key,
      ticket: e.ticket,
      position: i + 1,
      status,
      slotId: e.won?.slotId ?? null,
      rank: e.won?.rank ?? null,
      rule: status === 'skipped' ? firstCap!.rule! : null,
      preferences: e.prefs,
    };
  });
  const waiting = new Map<string, string[]>(norm.slots.map((s) => [s.id, []]));
  for (const e of entries) {
    if (e.won) continue;
    for (const p of e.prefs) if (p.outcome === 'taken' || p.outcome === 'cap') waiting.get(p.slotId)!.push(e.app.id);
  }
  const slots: SlotResult[] = norm.slots.map((s) => ({
    slotId: s.id,
    slotType: s.slotType,
    month: s.month,
    winner: winner.get(s.id)?.id ?? null,
    winnerRank: winner.get(s.id)?.rank ?? null,
    waitingList: waiting.get(s.id)!,
  }));

  const body: Omit<LotteryResult, 'digest'> = {
    algorithm: ALGORITHM,
    seed,
    inputDigest: digestOf(norm),
    rules: norm.rules,
    slots,
    applications,
    ignored,
  };
  return { ...body, digest: resultDigest(body) };
}

/** SHA-256 of the canonical JSON of a result without its `digest` field. */
export function resultDigest(result: Omit<LotteryResult, 'digest'> | LotteryResult): string {
  const { digest: _omit, ...body } = result as LotteryResult;
  return sha256Hex(canonicalJson(body));
}

/** The input digest alone (what a round publishes before its draw). */
export function inputDigest(input: LotteryInput): string {
  return digestOf(normaliseInput(input));
}
