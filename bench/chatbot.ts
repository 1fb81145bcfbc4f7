/**
 * `npm run bench:chatbot`: p50/p95 time to answer a question through the
 * service (POST /api/chat/ask: retrieval, confidence, masking, query log) with
 * 2,000 published FAQ entries loaded — the city's ~180 entries plus variants.
 * Runs in-process on a fresh embedded database (or DATABASE_URL's server).
 */
import { performance } from 'node:perf_hooks';
import { createTestApp } from '../src/platform/testing/test-app.ts';
import { OSHU_FAQ } from '../src/services/chatbot/faq-content/index.ts';
import { seedFaq } from '../src/services/chatbot/chatbot-seed.ts';

const ENTRIES = 2000;
const QUESTIONS = ['ごみの日はいつ？', '住民票はコンビニで取れますか', '粗大ごみの出し方', 'マイナンバーカードの受け取り', '児童手当の申請', '保育所に入りたい', '水道を止めたい', '避難所はどこ', '体育館を予約したい', 'バスを予約したい', '税金を払い忘れた', '引っ越しの手続き'];

const app = await createTestApp({ registry: false });
const faqs = Array.from({ length: ENTRIES }, (_, i) => {
  const base = OSHU_FAQ[i % OSHU_FAQ.length]!;
  const copy = Math.floor(i / OSHU_FAQ.length);
  return copy === 0 ? base : { ...base, id: `${base.id}-v${copy}`, question: `${base.question}（${copy}）`, en: undefined };
});
await seedFaq(app.db.kysely, faqs);
// Warm-up builds the index once, as the first question after start-up does.
let started = performance.now();
await app.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: 'ごみ' } });
const buildMs = performance.now() - started;
const times: number[] = [];
for (let round = 0; round < 25; round++) {
  for (const q of QUESTIONS) {
    started = performance.now();
    const response = await app.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q } });
    times.push(performance.now() - started);
    if (response.statusCode !== 200) throw new Error(`unexpected ${response.statusCode}`);
  }
}
times.sort((a, b) => a - b);
const at = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
console.log(`chatbot answer latency, ${ENTRIES} published entries, ${times.length} questions on ${app.db.kind}`);
console.log(`first answer (index build) ${buildMs.toFixed(0)} ms; p50 ${at(0.5).toFixed(2)} ms; p95 ${at(0.95).toFixed(2)} ms; max ${at(1).toFixed(2)} ms`);
await app.close();
