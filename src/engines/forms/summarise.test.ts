import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summarise } from './summarise.ts';
import { fixtureAnswers, fixtureDefinition } from './test-fixture.ts';

const def = fixtureDefinition();
const answers = { ...fixtureAnswers(), gender: 'male', note: '窓口で\n受け取ります', items: ['domicile', 'head'], site: { lat: 39.1445, lng: 141.1391 } };
const row = (lang: 'ja' | 'en', fieldId: string) =>
  summarise(def, answers, lang)
    .flatMap((s) => s.rows)
    .find((r) => r.fieldId === fieldId);

describe('summarise', () => {
  it('lists visible pages with their titles, in order', () => {
    assert.deepEqual(summarise(def, answers, 'ja').map((s) => `${s.pageId}:${s.title}`), ['who:申請する方', 'what:請求の内容', 'family:記載する方', 'finish:添付と確認']);
    assert.deepEqual(summarise(def, { ...answers, purpose: 'official' }, 'en').map((s) => s.pageId), ['who', 'what', 'finish']);
  });
  it('writes dates with their 和暦 in Japanese and as Month D, YYYY in English', () => {
    assert.equal(row('ja', 'birthDate')?.display, '1980年5月5日（昭和55年5月5日）');
    assert.equal(row('en', 'birthDate')?.display, 'May 5, 1980');
  });
  it('writes options by label, numbers with units, phones with hyphens', () => {
    assert.equal(row('ja', 'gender')?.display, '男');
    assert.equal(row('en', 'purpose')?.display, 'Personal');
    assert.equal(row('ja', 'items')?.display, '本籍、世帯主');
    assert.equal(row('en', 'items')?.display, 'Registered domicile, Head of household');
    assert.equal(row('ja', 'copies')?.display, '2通');
    assert.equal(row('en', 'copies')?.display, '2 copies');
    assert.equal(row('ja', 'phone')?.display, '0197-24-2111');
    assert.equal(row('ja', 'note')?.display, '窓口で\n受け取ります');
  });
  it('numbers group items, one row each', () => {
    const member = row('ja', 'members.0');
    assert.equal(member?.label, '記載する方 1');
    assert.equal(member?.display, '氏名：奥州 太郎\n生年月日：1980年5月5日（昭和55年5月5日）\n続柄：世帯主');
    assert.equal(row('en', 'members.0')?.label, 'Person 1');
  });
  it('files by name and size, places as coordinates, consent as confirmed', () => {
    assert.equal(row('ja', 'idDocument')?.display, 'license.jpg（195.3KB）');
    assert.equal(row('en', 'idDocument')?.display, 'license.jpg (195.3 KB)');
    assert.equal(row('ja', 'site.lat')?.display, '北緯39.14450度、東経141.13910度');
    assert.equal(row('en', 'site.lat')?.display, '39.14450° N, 141.13910° E');
    assert.equal(row('ja', 'agree')?.display, '確認しました');
  });
  it('marks what was left blank', () => {
    const email = row('ja', 'email');
    assert.equal(email?.display, '（未入力）');
    assert.equal(email?.answered, false);
    assert.equal(row('ja', 'name')?.answered, true);
  });
});
