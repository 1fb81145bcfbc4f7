/**
 * Masks personal data in text before it leaves the city's systems for an
 * LLM. Each value becomes a placeholder (［氏名1］, ［電話番号2］ …); the same
 * value keeps the same number within one masker, so the model can still say
 * 'the same person' and its answer stays readable for the staff member, who
 * knows the case. We do not restore placeholders in the answer: the reply
 * is a draft for staff, and putting data back is theirs to do.
 *
 * Detection is deliberately on the safe side (a 12-digit run is masked even
 * with a wrong check digit), but leaves ordinary words alone: place names
 * without a lot number, prices, dates, procedure names.
 */
import { findAddresses, knownAddressPattern } from './pii-address-patterns.ts';
import { findEmails, findIndividualNumbers, findPhones, findPostalCodes } from './pii-contact-patterns.ts';
import type { PiiMatch } from './pii-match.ts';
import { matchesOf } from './pii-match.ts';
import { findNamesByContext, knownNamePatterns } from './pii-name-patterns.ts';

export type PiiKind = 'name' | 'address' | 'phone' | 'individualNumber' | 'email' | 'postalCode';

export const PII_KINDS: readonly PiiKind[] = ['name', 'address', 'phone', 'individualNumber', 'email', 'postalCode'];

export interface KnownPersonalData {
  /** People in the case, e.g. '佐藤 花子' (a space between family and given name lets each part be found alone). */
  names?: string[];
  addresses?: string[];
}

export interface MaskResult {
  masked: string;
  /** How many places of each kind were replaced. */
  counts: Record<PiiKind, number>;
}

/** Individual numbers and postal codes are never told apart by the model, so they carry no number. */
const PLACEHOLDER_LABELS: Record<PiiKind, { label: string; numbered: boolean }> = {
  name: { label: '氏名', numbered: true },
  address: { label: '住所', numbered: true },
  phone: { label: '電話番号', numbered: true },
  individualNumber: { label: '個人番号', numbered: false },
  email: { label: 'メール', numbered: true },
  postalCode: { label: '郵便番号', numbered: false },
};

export function emptyCounts(): Record<PiiKind, number> {
  return { name: 0, address: 0, phone: 0, individualNumber: 0, email: 0, postalCode: 0 };
}

export function maskPersonalData(text: string, known?: KnownPersonalData): MaskResult {
  const masker = new PiiMasker(known);
  const masked = masker.mask(text);
  return { masked, counts: masker.counts };
}

type Detector = { kind: PiiKind; find: (text: string) => PiiMatch[] };

/**
 * One masker per conversation: placeholders stay consistent across all the
 * texts it masks (a name in the system prompt and in the user's message
 * get the same ［氏名1］).
 */
export class PiiMasker {
  private readonly detectors: Detector[];
  private readonly numbers = new Map<string, number>();
  private readonly nextNumber = emptyCounts();
  private readonly total = emptyCounts();

  constructor(known: KnownPersonalData = {}) {
    const knownNames = (known.names ?? []).flatMap((name, person) => {
      const patterns = knownNamePatterns(name);
      return patterns ? [{ person, ...patterns }] : [];
    });
    const knownAddresses = (known.addresses ?? []).map((a) => knownAddressPattern(a)).filter((re): re is RegExp => re !== null);
    // Order is priority: a stretch claimed by an earlier detector is not
    // claimed again; fixed-shape data first, known values before guesses.
    this.detectors = [
      { kind: 'email', find: findEmails },
      { kind: 'individualNumber', find: findIndividualNumbers },
      { kind: 'phone', find: findPhones },
      { kind: 'postalCode', find: findPostalCodes },
      {
        kind: 'name',
        // Everyone's full name before anyone's parts: in '佐藤 一郎' the 佐藤 is
        // 一郎's, not his wife 佐藤 花子's. All spellings of one person share one
        // key, so one placeholder.
        find: (text) => [
          ...knownNames.flatMap(({ person, full }) => matchesOf(full, text, { key: () => `known:${person}` })),
          ...knownNames.flatMap(({ person, parts }) => parts.flatMap((re) => matchesOf(re, text, { key: () => `known:${person}` }))),
        ],
      },
      { kind: 'address', find: (text) => knownAddresses.flatMap((re, i) => matchesOf(re, text, { key: () => `known:${i}` })) },
      { kind: 'address', find: findAddresses },
      { kind: 'name', find: findNamesByContext },
    ];
  }

  /** Placeholders replaced so far, by kind, over every text this masker has masked. */
  get counts(): Record<PiiKind, number> {
    return { ...this.total };
  }

  mask(text: string): string {
    const normalized = text.normalize('NFKC');
    const claimed = new Uint8Array(normalized.length);
    const spans: (PiiMatch & { kind: PiiKind })[] = [];
    for (const detector of this.detectors) {
      for (const match of detector.find(normalized)) {
        // A stretch partly claimed already is masked in its unclaimed parts,
        // so nothing of it leaks (e.g. an address that starts with a known name).
        for (const [start, end] of unclaimedParts(normalized, claimed, match.start, match.end)) {
          spans.push({ kind: detector.kind, start, end, key: match.key });
          claimed.fill(1, start, end);
        }
      }
    }
    spans.sort((a, b) => a.start - b.start);
    let out = '';
    let at = 0;
    for (const span of spans) {
      out += normalized.slice(at, span.start) + this.placeholder(span.kind, span.key);
      at = span.end;
    }
    return out + normalized.slice(at);
  }

  private placeholder(kind: PiiKind, key: string): string {
    this.total[kind] += 1;
    const { label, numbered } = PLACEHOLDER_LABELS[kind];
    if (!numbered) return `［${label}］`;
    const id = `${kind}\u0000${key}`;
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = ++this.nextNumber[kind];
      this.numbers.set(id, n);
    }
    return `［${label}${n}］`;
  }
}

/** The parts of [start, end) not claimed yet, without surrounding spaces; they keep the whole match's key. */
function unclaimedParts(text: string, claimed: Uint8Array, start: number, end: number): [number, number][] {
  const parts: [number, number][] = [];
  let i = start;
  while (i < end) {
    while (i < end && claimed[i]) i++;
    let j = i;
    while (j < end && !claimed[j]) j++;
    let s = i;
    let e = j;
    while (s < e && /\s/u.test(text[s] ?? '')) s++;
    while (e > s && /\s/u.test(text[e - 1] ?? '')) e--;
    if (e > s) parts.push([s, e]);
    i = j;
  }
  return parts;
}
