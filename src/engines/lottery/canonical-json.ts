/**
 * Canonical JSON: the one byte string a value is hashed as, so that a digest
 * computed here equals one computed in another language from the README.
 * Objects: keys sorted by UTF-16 code unit order (JavaScript's default sort), keys
 * whose value is `undefined` left out; arrays in their order; no whitespace; strings
 * and numbers as JSON.stringify writes them. The result is hashed as UTF-8.
 */
import { createHash } from 'node:crypto';

export function canonicalJson(value: unknown): string {
  // The native serialiser does the writing (a 10,000-application result is several
  // MB); the replacer only hands it objects whose keys are already in order.
  // JSON.stringify itself drops undefined properties and writes undefined array
  // entries as null, as the README specifies.
  let indexLikeKey = false;
  const text = JSON.stringify(value, (_key: string, v: unknown) => {
    if (typeof v === 'number' && !Number.isFinite(v)) throw new Error('canonical JSON: non-finite number');
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const keys = Object.keys(v).sort();
    if (keys.some(isIndexLike)) indexLikeKey = true;
    const out: Record<string, unknown> = {};
    for (const k of keys) out[k] = (v as Record<string, unknown>)[k];
    return out;
  });
  if (text === undefined) throw new Error('canonical JSON: nothing to write');
  // JavaScript objects always list keys like "2" and "10" first, in numeric order,
  // whatever the insertion order; such objects are written by hand instead.
  return indexLikeKey ? writeByHand(value) : text;
}

function isIndexLike(key: string): boolean {
  return /^(0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

function writeByHand(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : writeByHand(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort().filter((k) => obj[k] !== undefined);
  return `{${keys.map((k) => `${JSON.stringify(k)}:${writeByHand(obj[k])}`).join(',')}}`;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}
