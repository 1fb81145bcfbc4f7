import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASELINE_OPTIONS, createFaqIndex } from './index.ts';
import type { FaqEntry } from './index.ts';

// A tiny hand-made FAQ base (not from any evaluation data).
const FAQS: FaqEntry[] = [
  { id: 'gomi', question: '粗大ごみの出し方を知りたい。', answer: '粗大ごみは電話かインターネットで申込んでください。収集日に出してください。' },
  { id: 'jumin', question: '住民票の写しはどこで取れますか。', answer: '市民課の窓口、またはコンビニで取得できます。本人確認書類が必要です。' },
  { id: 'tenkyo', question: '市内で転居したときの届出は。', answer: '転居届を14日以内に市民課へ出してください。' },
  { id: 'kodomo', question: '子どもの医療費の助成について。', answer: '中学生までの子どもの医療費を助成します。' },
  { id: 'katei', question: '家庭ごみの分別方法は。', answer: '燃やすごみ、資源ごみに分けて、決められた曜日の朝に出してください。' },
  { id: 'inu', question: '犬を飼い始めたら何が必要ですか。', answer: '犬の登録と毎年の狂犬病予防注射が必要です。' },
];

test('search returns top-k hits with ids and descending scores', () => {
  const index = createFaqIndex(FAQS);
  const { results, confidence } = index.search('住民票を取りたい', 3);
  assert.equal(results[0]?.id, 'jumin');
  assert.ok(results.length <= 3);
  for (let i = 1; i < results.length; i++) assert.ok((results[i - 1]?.score ?? 0) >= (results[i]?.score ?? 0));
  assert.ok(confidence >= 0 && confidence <= 1);
});

test('ゴミ query finds the ごみ FAQ (kana folding / variants)', () => {
  const index = createFaqIndex(FAQS);
  assert.equal(index.search('家庭ゴミの分け方', 1).results[0]?.id, 'katei');
  assert.equal(index.search('家庭塵', 1).results[0]?.id, 'katei');
});

test('synonyms: 大きなゴミ finds the 粗大ごみ FAQ, which shares no word with it', () => {
  // ICU keeps 粗大ごみ as one word, so only the synonym group links the two.
  const ids = (options = {}): string[] => createFaqIndex(FAQS, options).search('大きなゴミを捨てたい', 3).results.map((r) => r.id);
  assert.ok(ids().includes('gomi'));
  assert.ok(!ids({ synonymWeight: 0 }).includes('gomi'));
});

test('子供 query finds the 子ども FAQ (表記ゆれ)', () => {
  assert.equal(createFaqIndex(FAQS).search('子供の病院代', 1).results[0]?.id, 'kodomo');
});

test('synonyms: 引っ越し finds the 転居 FAQ only with synonym expansion', () => {
  const query = '市内で引っ越しをした';
  assert.equal(createFaqIndex(FAQS).search(query, 1).results[0]?.id, 'tenkyo');
  const plain = createFaqIndex(FAQS, { ...BASELINE_OPTIONS }).search('引っ越しをした', 1);
  assert.notEqual(plain.results[0]?.id, 'tenkyo');
});

test('a query with nothing in common returns no results and zero confidence', () => {
  const { results, confidence } = createFaqIndex(FAQS).search('量子コンピュータ', 5);
  assert.deepEqual(results, []);
  assert.equal(confidence, 0);
});

test('a clear match is more confident than a vague one', () => {
  const index = createFaqIndex(FAQS);
  const clear = index.search('犬の登録と狂犬病予防注射', 3).confidence;
  const vague = index.search('必要なものは何ですか', 3).confidence;
  assert.ok(clear > vague, `${clear} > ${vague}`);
});

test('entries may carry extra fields', () => {
  const index = createFaqIndex([{ id: 'x', question: '犬の登録', answer: '窓口へ', category: 'pets', url: '/faq/x' }]);
  assert.equal(index.search('犬').results[0]?.id, 'x');
  assert.equal(index.size, 1);
});

test('every option combination builds and searches', () => {
  for (const fusion of ['sum', 'rrf', 'merged'] as const) {
    const index = createFaqIndex(FAQS, { bigrams: true, fusion, feedback: { docs: 2, terms: 5, originalWeight: 0.5 } });
    assert.equal(index.search('粗大ごみの申込', 1).results[0]?.id, 'gomi');
  }
  assert.throws(() => createFaqIndex(FAQS, { words: false, bigrams: false }));
  assert.equal(createFaqIndex([]).search('ごみ').results.length, 0);
});
