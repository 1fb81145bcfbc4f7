// npm run bench:forms [-- --sets 100000 --runs 3]
// Validates generated applications against a realistic large definition (転入届:
// applicant, the move, a 6-member household, related procedures, a file and a
// declaration) and prints validations per second, the median of the runs.
// Answer generation is outside the timing; about 5% of the sets carry a mistake
// so that the error path (messages) is measured too.

import { parseArgs } from 'node:util';
import { parseDefinition } from './parse-definition.ts';
import type { Answers, ProcedureDefinition } from './types.ts';
import { validateAnswers } from './validate-answers.ts';

const L = (ja: string, en: string) => ({ ja, en });
const opt = (value: string, ja: string, en: string) => ({ value, label: L(ja, en) });

function moveInDefinition(): ProcedureDefinition {
  const json: unknown = {
    id: 'bench-tennyu',
    title: L('転入届', 'Notice of moving in'),
    summary: L('奥州市へ引っ越してきた方の届出です。', 'For people moving into Oshu.'),
    category: 'moving',
    lifeEvents: ['moving'],
    keywords: ['てんにゅう'],
    department: 'citizens',
    assurance: 'card',
    processingDays: 1,
    fee: null,
    payment: [],
    pages: [
      {
        id: 'applicant',
        title: L('届け出る方', 'About you'),
        fields: [
          { id: 'name', type: 'text', label: L('氏名', 'Full name'), required: true, maxLength: 40, prefill: 'resident.name' },
          { id: 'nameKana', type: 'kana', label: L('フリガナ', 'Name in katakana'), required: true, maxLength: 60, prefill: 'resident.nameKana' },
          { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, min: 'today-120y', max: 'today', prefill: 'resident.birthDate' },
          { id: 'phone', type: 'phone', label: L('電話番号', 'Phone'), required: true },
          { id: 'email', type: 'email', label: L('メールアドレス', 'Email') },
        ],
      },
      {
        id: 'move',
        title: L('引越しの内容', 'The move'),
        fields: [
          { id: 'arrivalDate', type: 'date', label: L('住み始めた日', 'Day you moved in'), required: true, min: 'today-14d', max: 'today' },
          { id: 'newPostal', type: 'postal', label: L('新しい住所の郵便番号', 'New postal code'), required: true, oshuOnly: true },
          { id: 'newAddress', type: 'address', label: L('新しい住所', 'New address'), required: true, maxLength: 150, pattern: { regex: '^奥州市.+$', message: L('「奥州市」から入力してください。', 'Start with 奥州市.') } },
          { id: 'previousPostal', type: 'postal', label: L('前の住所の郵便番号', 'Previous postal code'), required: true },
          { id: 'previousAddress', type: 'address', label: L('前の住所', 'Previous address'), required: true, maxLength: 150 },
          { id: 'outMethod', type: 'radios', label: L('転出の届け出', 'Moving-out notice'), required: true, options: [opt('card', 'マイナンバーカードで', 'With the card'), opt('certificate', '転出証明書', 'Certificate')] },
          { id: 'certificateNo', type: 'text', label: L('転出証明書の番号', 'Certificate number'), required: true, maxLength: 20, when: { field: 'outMethod', equals: 'certificate' } },
        ],
      },
      {
        id: 'household',
        title: L('引越ししてきた方', 'Who moved'),
        fields: [
          {
            id: 'members',
            type: 'group',
            label: L('引越ししてきた方', 'People who moved'),
            itemLabel: L('引越ししてきた方', 'Person'),
            minItems: 1,
            maxItems: 8,
            prefill: 'household.members',
            fields: [
              { id: 'name', type: 'text', label: L('氏名', 'Full name'), required: true, maxLength: 40 },
              { id: 'nameKana', type: 'kana', label: L('フリガナ', 'Name in katakana'), required: true, maxLength: 60 },
              { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, max: 'today' },
              { id: 'gender', type: 'radios', label: L('性別', 'Sex'), required: true, options: [opt('male', '男', 'Male'), opt('female', '女', 'Female')] },
              { id: 'relationship', type: 'select', label: L('続柄', 'Relationship'), required: true, options: [opt('head', '世帯主', 'Head'), opt('spouse', '妻・夫', 'Spouse'), opt('child', '子', 'Child'), opt('parent', '父・母', 'Parent')] },
              { id: 'nationality', type: 'text', label: L('国籍（日本以外の方）', 'Nationality'), maxLength: 40 },
            ],
          },
          {
            id: 'related',
            type: 'checkboxes',
            label: L('あてはまるもの', 'Which apply'),
            options: [opt('nhi', '国民健康保険', 'NHI'), opt('school', '小中学生がいる', 'School children'), opt('dog', '犬を飼っている', 'Keeps a dog'), opt('care', '介護保険', 'Care insurance')],
          },
          { id: 'schoolName', type: 'text', label: L('転校先の学校', 'New school'), required: true, maxLength: 40, when: { field: 'related', includes: 'school' } },
        ],
      },
      {
        id: 'finish',
        title: L('確認', 'Declaration'),
        fields: [
          { id: 'idDocument', type: 'file', label: L('本人確認書類', 'Proof of identity'), required: true, accept: ['image/jpeg', 'image/png', 'application/pdf'], maxBytes: 10485760 },
          { id: 'declare', type: 'consent', label: L('届け出た内容に誤りはありません。', 'What I entered is true.'), required: true },
        ],
      },
    ],
  };
  const parsed = parseDefinition(json);
  if (!parsed.ok) throw new Error(`bench definition is invalid:\n${parsed.errors.join('\n')}`);
  return parsed.definition;
}

/** A small deterministic generator (mulberry32), so every run validates the same sets. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FAMILY = ['佐藤', '及川', '千田', '菊池', '高橋', '小野寺'];
const GIVEN = ['太郎', '花子', '一郎', '美咲', '健太', '陽菜'];
const KANA_FAMILY = ['サトウ', 'オイカワ', 'チダ', 'キクチ', 'タカハシ', 'オノデラ'];
const KANA_GIVEN = ['タロウ', 'ハナコ', 'イチロウ', 'ミサキ', 'ケンタ', 'ヒナ'];
const OSHU_CODES = ['023-0053', '023-0821', '023-1101', '029-4204', '023-0402', '029-4474'];

function generateAnswers(count: number, today: string, seed = 1): Answers[] {
  const next = rng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const iso = (daysAgo: number) => new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86400000).toISOString().slice(0, 10);
  const sets: Answers[] = [];
  for (let n = 0; n < count; n++) {
    const family = pick(FAMILY);
    const k = FAMILY.indexOf(family);
    const members = Array.from({ length: 6 }, (_, i) => ({
      name: `${family} ${pick(GIVEN)}`,
      nameKana: `${KANA_FAMILY[k]}　${pick(KANA_GIVEN)}`,
      birthDate: iso(Math.floor(next() * 80 * 365) + 1),
      gender: next() < 0.5 ? 'male' : 'female',
      relationship: i === 0 ? 'head' : i === 1 ? 'spouse' : 'child',
    }));
    const related = ['nhi', 'school', 'dog', 'care'].filter(() => next() < 0.3);
    const answers: Answers = {
      name: members[0]?.name ?? '',
      nameKana: members[0]?.nameKana ?? '',
      birthDate: members[0]?.birthDate ?? '',
      phone: `090${String(Math.floor(next() * 1e8)).padStart(8, '0')}`,
      email: `user${n}@example.jp`,
      arrivalDate: iso(Math.floor(next() * 14)),
      newPostal: pick(OSHU_CODES),
      newAddress: `奥州市水沢大手町${1 + Math.floor(next() * 5)}丁目${1 + Math.floor(next() * 30)}番地`,
      previousPostal: '100-0001',
      previousAddress: '東京都千代田区千代田1-1',
      outMethod: next() < 0.7 ? 'card' : 'certificate',
      certificateNo: `第${Math.floor(next() * 100000)}号`,
      members,
      related,
      ...(related.includes('school') ? { schoolName: '奥州市立水沢小学校' } : {}),
      idDocument: { fileId: `file-${n}`, name: 'license.jpg', type: 'image/jpeg', size: 150000 + Math.floor(next() * 1e6) },
      declare: true,
    };
    // About 5% with one mistake somewhere, as a real day of submissions would have.
    if (next() < 0.05) {
      const mistake = Math.floor(next() * 4);
      if (mistake === 0) answers.phone = '12345';
      else if (mistake === 1) (members[3] as Record<string, unknown>).birthDate = '2026-02-30';
      else if (mistake === 2) answers.newPostal = '100-0001';
      else delete answers.declare;
    }
    sets.push(answers);
  }
  return sets;
}

function main(): void {
  const { values } = parseArgs({ options: { sets: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, today: { type: 'string', default: '2026-04-01' } } });
  const count = Number(values.sets);
  const runs = Number(values.runs);
  const def = moveInDefinition();
  const sets = generateAnswers(count, values.today);
  const ctx = { today: values.today };
  for (let i = 0; i < Math.min(2000, count); i++) validateAnswers(def, sets[i] as Answers, ctx); // warm-up (JIT)
  const rates: number[] = [];
  let invalid = 0;
  for (let r = 0; r < runs; r++) {
    invalid = 0;
    const start = process.hrtime.bigint();
    for (const answers of sets) if (validateAnswers(def, answers, ctx).length) invalid++;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    rates.push(count / seconds);
    console.log(`run ${r + 1}: ${count} validations in ${seconds.toFixed(2)} s = ${Math.round(count / seconds).toLocaleString('en-US')}/s`);
  }
  rates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)] ?? 0;
  const fields = def.pages.reduce((n, p) => n + p.fields.length, 0);
  console.log('');
  console.log('| definition | answer sets | with errors | runs | validations/s (median) | µs per validation |');
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(`| 転入届: ${def.pages.length} pages, ${fields} fields, 6-member household | ${count.toLocaleString('en-US')} | ${invalid.toLocaleString('en-US')} | ${runs} | ${Math.round(median).toLocaleString('en-US')} | ${(1e6 / median).toFixed(1)} |`);
}

main();
