import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanAnswer, parseCorpus, parseCorpusText } from './corpus-format.ts';

test('splits question and answer on the first Answer separator', () => {
  const entry = parseCorpusText('7', 'Question: 犬の登録は？\nAnswer: 窓口で。\nAnswer: は本文の一部');
  assert.deepEqual(entry, { id: '7', question: '犬の登録は？', answer: '窓口で。 Answer: は本文の一部' });
});

test('cleanAnswer drops ＜改＞ markers and the related-FAQ list, keeps the contact block', () => {
  const raw = '■本文です。＜改＞。【関連するＦＡＱ】。別の質問？。＜改＞。【お問い合わせ】。市民課。';
  assert.equal(cleanAnswer(raw), '■本文です。 。 【お問い合わせ】。市民課。');
  assert.ok(cleanAnswer(raw, false).includes('別の質問'));
});

test('parseCorpus keeps every id', () => {
  const entries = parseCorpus({ a: 'Question: q1\nAnswer: a1', b: 'Question: q2\nAnswer: a2' });
  assert.deepEqual(
    entries.map((e) => e.id),
    ['a', 'b'],
  );
});
