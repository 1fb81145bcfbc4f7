// Oshu City's online procedures as data: one JSON definition per file in this
// folder (format: src/engines/forms/README.md). The procedures service seeds its
// definition versions from here; staff later edit them as new versions, so these
// files are the starting catalogue, not the live one.
//
// The folder is read once, synchronously, when first asked (at start-up): a
// definition the engine refuses stops the app with the file and the engine's
// errors, rather than a procedure silently missing from the portal.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDefinition, type ProcedureDefinition } from '../../../engines/forms/index.ts';

export const CATALOGUE_DIR = path.dirname(fileURLToPath(import.meta.url));

/** The definition files, sorted by name (= by procedure id). */
export function catalogueFiles(dir: string = CATALOGUE_DIR): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort();
}

/** Reads and checks every definition of a folder; throws one error listing every bad file. */
export function readCatalogue(dir: string = CATALOGUE_DIR): ProcedureDefinition[] {
  const definitions: ProcedureDefinition[] = [];
  const problems: string[] = [];
  for (const name of catalogueFiles(dir)) {
    let json: unknown;
    try {
      json = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      problems.push(`${name}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const parsed = parseDefinition(json);
    if (!parsed.ok) {
      problems.push(`${name}:\n  ${parsed.errors.join('\n  ')}`);
      continue;
    }
    // The file name is the id, so a procedure is found on disk by its id (and ids cannot collide).
    if (`${parsed.definition.id}.json` !== name) {
      problems.push(`${name}: its id is "${parsed.definition.id}"; the file must be named ${parsed.definition.id}.json`);
      continue;
    }
    definitions.push(parsed.definition);
  }
  if (problems.length) throw new Error(`procedure catalogue (${dir}) has ${problems.length} invalid definition(s):\n${problems.join('\n')}`);
  return definitions;
}

let loaded: ProcedureDefinition[] | undefined;

/**
 * Every procedure of the starting catalogue, checked by the form engine, in id
 * order. Read from disk on the first call only; each call returns a fresh copy,
 * so a caller that adjusts a definition cannot change what the next one gets.
 */
export function loadCatalogue(): ProcedureDefinition[] {
  loaded ??= readCatalogue();
  return structuredClone(loaded);
}

/** The ids of the starting catalogue, in order (the file names, checked by loadCatalogue). */
export const catalogueIds: readonly string[] = Object.freeze(catalogueFiles().map((name) => name.slice(0, -'.json'.length)));
