/** The register check of 住民票の写し: the household members compared for the scope the resident asked for. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResidentFacts } from '../registry/resident-facts.ts';
import { readCatalogue } from './catalogue/index.ts';
import { compareWithRegistry } from './review-compare.ts';

const juminhyo = readCatalogue().find((d) => d.id === 'juminhyo-copy')!;

const facts: ResidentFacts = {
  resident: { name: '髙橋 一郎', nameKana: 'タカハシ イチロウ', birthDate: '1970-01-02', gender: 'male', postalCode: '023-0053', address: '岩手県奥州市水沢大手町1丁目1番地' },
  household: {
    head: '髙橋 一郎',
    members: [
      { name: '髙橋 一郎', nameKana: 'タカハシ イチロウ', birthDate: '1970-01-02', relationship: '世帯主' },
      { name: '髙橋 花子', nameKana: 'タカハシ ハナコ', birthDate: '1972-03-04', relationship: '妻' },
      { name: '髙橋 次郎', nameKana: 'タカハシ ジロウ', birthDate: '2005-06-07', relationship: '子' },
    ],
  },
};

const applicant = { applicantName: '髙橋 一郎', applicantKana: 'タカハシ イチロウ', applicantBirthDate: '1970-01-02', applicantPostal: '023-0053', applicantAddress: '岩手県奥州市水沢大手町1丁目1番地' };

test('住民票の写し for the whole household (世帯全員): every registered member is listed as included, none as left out, no difference', () => {
  // The members list is hidden for 世帯全員, so the stored answers have none (or stale prefilled ones, which do not count).
  for (const answers of [{ ...applicant, scope: 'all' }, { ...applicant, scope: 'all', members: [{ name: '髙橋 一郎', birthDate: '1970-01-02' }] }]) {
    const c = compareWithRegistry(juminhyo, answers, facts);
    assert.deepEqual(
      c.members!.map((m) => [m.registered?.name, m.verdict]),
      facts.household.members.map((m) => [m.name, 'whole-household']),
    );
    assert.equal(c.differences, 0);
  }
});

test('住民票の写し for part of the household: the listed members are compared, the others shown as not in the application', () => {
  const c = compareWithRegistry(juminhyo, { ...applicant, scope: 'part', members: [{ name: '高橋 一郎', birthDate: '1970-01-02' }, { name: '髙橋 花子', birthDate: '1972-03-05' }] }, facts);
  assert.deepEqual(c.members!.map((m) => [(m.answered ?? m.registered)!.name, m.verdict]), [
    ['高橋 一郎', 'same'],
    ['髙橋 花子', 'birth-date-differs'],
    ['髙橋 次郎', 'not-in-application'],
  ]);
  assert.equal(c.differences, 1);
});

test('no register record: nothing to list for the whole household', () => {
  const c = compareWithRegistry(juminhyo, { ...applicant, scope: 'all' }, null);
  assert.equal(c.hasRecord, false);
  assert.deepEqual(c.members, []);
});
