// Fields whose answer is not one typed string: checkboxes (a list), consent
// (a tick), file (an upload the service stored) and location (two numbers).
// Like text-values.ts, each reader takes either what a form sent or a stored
// answer.

import { messages } from './error-messages.ts';
import { insideOshu } from './location-bounds.ts';
import type { Read } from './text-values.ts';
import type { CheckboxesField, FileAnswer, FileField, Localized, LocationAnswer } from './types.ts';

const problem = (code: string, message: Localized, part?: string) => ({ problem: part ? { code, message, part } : { code, message } });
const EMPTY = { empty: true } as const;

/** Ticked values in the options' order, each once; a value not offered is refused (a tampered form). */
export function readCheckboxes(field: CheckboxesField, label: Localized, input: unknown): Read<string[]> {
  if (input === undefined || input === null) return EMPTY;
  const list = Array.isArray(input) ? input : [input];
  if (!list.every((v) => typeof v === 'string')) return problem('invalid-value', messages.invalidValue(label));
  const ticked = new Set((list as string[]).map((v) => v.trim()).filter((v) => v !== ''));
  if (ticked.size === 0) return EMPTY;
  for (const v of ticked) if (!field.options.some((o) => o.value === v)) return problem('option-invalid', messages.optionInvalid(label));
  const value = field.options.filter((o) => ticked.has(o.value)).map((o) => o.value);
  if (field.minChecked !== undefined && value.length < field.minChecked) return problem('checked-min', messages.checkedMin(label, field.minChecked));
  if (field.maxChecked !== undefined && value.length > field.maxChecked) return problem('checked-max', messages.checkedMax(label, field.maxChecked));
  return { value };
}

const TICKED = new Set(['yes', 'on', 'true', '1', 'agree']);

/** A consent is `true` or absent: an unticked box sends nothing. */
export function readConsent(label: Localized, input: unknown): Read<true> {
  if (input === undefined || input === null || input === false || input === '') return EMPTY;
  if (input === true) return { value: true };
  const s = Array.isArray(input) ? input[0] : input;
  if (typeof s === 'string' && TICKED.has(s.trim().toLowerCase())) return { value: true };
  return problem('invalid-value', messages.invalidValue(label));
}

export function isFileAnswer(v: unknown): v is FileAnswer {
  if (v === null || typeof v !== 'object') return false;
  const f = v as Record<string, unknown>;
  return typeof f.fileId === 'string' && f.fileId !== '' && typeof f.name === 'string' && typeof f.type === 'string' && typeof f.size === 'number' && Number.isFinite(f.size) && f.size >= 0;
}

/**
 * A stored upload, or the service's reason for refusing one. The engine checks
 * type and size itself too, so a definition's limits hold whatever the upload
 * layer allowed; a message states the limit.
 */
export function readFile(field: FileField, label: Localized, input: unknown): Read<FileAnswer> {
  if (input === undefined || input === null || input === '') return EMPTY;
  if (typeof input === 'object' && 'error' in input) {
    const e = input as { error: unknown; limitBytes?: unknown };
    if (e.error === 'too-large') {
      const limit = typeof e.limitBytes === 'number' ? Math.min(e.limitBytes, field.maxBytes) : field.maxBytes;
      return problem('file-too-large', messages.fileTooLarge(label, limit, undefined));
    }
    if (e.error === 'wrong-type') return problem('file-wrong-type', messages.fileWrongType(label, field.accept));
    return problem('file-missing', messages.fileMissing(label));
  }
  if (!isFileAnswer(input)) return problem('invalid-value', messages.invalidValue(label));
  if (!field.accept.includes(input.type.toLowerCase())) return problem('file-wrong-type', messages.fileWrongType(label, field.accept));
  if (input.size > field.maxBytes) return problem('file-too-large', messages.fileTooLarge(label, field.maxBytes, input.size));
  if (input.size === 0) return problem('file-missing', messages.fileMissing(label));
  const { fileId, name, type, size } = input;
  return { value: { fileId, name, type, size } };
}

const COORDINATE = /^[+-]?\d{1,3}(\.\d+)?$/;

function coordinate(v: unknown): number | null | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string') return null;
  const s = v.normalize('NFKC').replace(/\s/gu, '');
  if (s === '') return undefined;
  return COORDINATE.test(s) ? Number(s) : null;
}

/** `{ lat, lng }` from two inputs ('id.lat', 'id.lng') or a stored answer; inside Oshu's box (location-bounds.ts). */
export function readLocation(label: Localized, input: unknown): Read<LocationAnswer> {
  if (input === undefined || input === null) return EMPTY;
  if (typeof input !== 'object' || Array.isArray(input)) return problem('invalid-value', messages.invalidValue(label), 'lat');
  const raw = input as { lat?: unknown; lng?: unknown };
  const lat = coordinate(raw.lat);
  const lng = coordinate(raw.lng);
  if (lat === undefined && lng === undefined) return EMPTY;
  if (lat === null) return problem('location-format', messages.locationFormat(label), 'lat');
  if (lng === null) return problem('location-format', messages.locationFormat(label), 'lng');
  if (lat === undefined) return problem('location-incomplete', messages.locationIncomplete(label, 'lat'), 'lat');
  if (lng === undefined) return problem('location-incomplete', messages.locationIncomplete(label, 'lng'), 'lng');
  const inside = insideOshu(lat, lng);
  if (!inside.lat) return problem('location-range', messages.locationRange(label), 'lat');
  if (!inside.lng) return problem('location-range', messages.locationRange(label), 'lng');
  return { value: { lat, lng } };
}
