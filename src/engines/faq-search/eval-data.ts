// File access for the evaluation tools (cli.ts, bench.ts, calibrate.ts).
// The shared localgovFAQ sample has no licence: it is read in place from
// ../shared/data/faq next to the repository and never copied into it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCorpus } from './corpus-format.ts';
import type { FaqEntry } from './index.ts';
import type { Qrels } from './metrics.ts';

/** Repository root: this file is src/engines/faq-search/eval-data.ts. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const sharedFaqDir = path.resolve(repoRoot, '../shared/data/faq');

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

export function loadCorpus(file: string, dropRelated = true): FaqEntry[] {
  return parseCorpus(readJson<Record<string, string>>(file), dropRelated);
}

export function loadQueries(file: string): Record<string, string> {
  return readJson<Record<string, string>>(file);
}

export function loadQrels(file: string): Qrels {
  return readJson<Qrels>(file);
}

export interface SampleFiles {
  corpus: string;
  queries: string;
  qrels: string;
}

export const SAMPLE: SampleFiles = {
  corpus: path.join(sharedFaqDir, 'corpus.json'),
  queries: path.join(sharedFaqDir, 'queries.json'),
  qrels: path.join(sharedFaqDir, 'qrels.json'),
};
