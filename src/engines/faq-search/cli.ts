// Evaluation CLI.
//   tsx src/engines/faq-search/cli.ts rank --corpus C.json --queries Q.json --k 10 --out RANKS.json
// writes { "<queryId>": ["<docId>", …] } (best first). Corpus and queries use
// the localgovFAQ JSON format (see shared/data/faq/README.md); when omitted
// they default to the shared sample.

import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SAMPLE, loadCorpus, loadQueries } from './eval-data.ts';
import { createFaqIndex } from './index.ts';

const USAGE = 'usage: cli.ts rank [--corpus C.json] [--queries Q.json] [--k 10] [--out RANKS.json]';

/** Rank every query; exported so the test can call it without spawning a process. */
export function rankQueries(corpusFile: string, queriesFile: string, k: number): Record<string, string[]> {
  const index = createFaqIndex(loadCorpus(corpusFile));
  const ranks: Record<string, string[]> = {};
  for (const [queryId, query] of Object.entries(loadQueries(queriesFile))) {
    ranks[queryId] = index.search(query, k).results.map((hit) => hit.id);
  }
  return ranks;
}

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      corpus: { type: 'string', default: SAMPLE.corpus },
      queries: { type: 'string', default: SAMPLE.queries },
      k: { type: 'string', default: '10' },
      out: { type: 'string' },
    },
  });
  if (positionals[0] !== 'rank') {
    console.error(USAGE);
    return 2;
  }
  const k = Number.parseInt(values.k, 10);
  if (!Number.isInteger(k) || k < 1) {
    console.error(`--k must be a positive integer\n${USAGE}`);
    return 2;
  }
  const json = `${JSON.stringify(rankQueries(values.corpus, values.queries, k), null, 2)}\n`;
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
  return 0;
}

// Run only when executed directly, not when imported by the test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
