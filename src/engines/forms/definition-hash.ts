// A definition's version identity: SHA-256 of its canonical JSON, so that the
// same definition stored with its keys in another order (a round trip through
// jsonb does that) has the same hash, and any real change gives another.

import { createHash } from 'node:crypto';
import type { ProcedureDefinition } from './types.ts';

/**
 * Canonical JSON: object keys sorted by UTF-16 code units, undefined members
 * left out, arrays in order, no whitespace, strings and numbers as
 * JSON.stringify writes them. Written by hand because JavaScript objects list
 * integer-like keys ('2', '10') first whatever their insertion order.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('canonical JSON: non-finite number');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

/** Hex SHA-256 of the canonical JSON. */
export function definitionHash(def: ProcedureDefinition): string {
  return createHash('sha256').update(canonicalJson(def), 'utf8').digest('hex');
}
