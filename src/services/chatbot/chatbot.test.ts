import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { chatbotDb } from './tables.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false });
  await t.platform.services.find((s) => s.id === 'chatbot')!.seedDemo!(t.platform);
});
after(() => t.close());

describe('asking', () => {
  test('every resident page carries the question box, which works as a plain form', async () => {
    const home = await t.app.inject('/');
    assert.match(home.body, /<form method="get" action="\/ask" id="chat-form">/);
    assert.match(home.body, /<script src="\/assets\/chatbot\/chat.js" defer=""><\/script>|<script src="\/assets\/chatbot\/chat.js" defer><\/script>/);
    assert.equal((await t.app.inject('/assets/chatbot/chat.js')).statusCode, 200);
    const staff = await t.app.inject('/staff/login');
    assert.doesNotMatch(staff.body, /chat-form/, 'not on staff pages');
  });

  test('a clear question gets the answer, its source and a feedback form', async () => {
    const b = t.browser();
    const page = await b.get(`/ask?q=${encodeURIComponent('ゴミの収集日を知りたい')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="answer-title">回答<\/h2>/);
    assert.match(page.body, /出典：よくある質問/);
    assert.match(page.body, /この回答は役に立ちましたか/);
    const queryId = /name="queryId" value="(\d+)"/.exec(page.body)![1]!;
    const token = /name="token" value="([^"]+)"/.exec(page.body)![1]!;
    const forged = await t.app.inject({ method: 'POST', url: '/api/chat/feedback', payload: { queryId: Number(queryId), token: 'guessed', helpful: true } });
    assert.equal(forged.statusCode, 404, 'someone else cannot rate this answer');
    assert.equal((await t.app.inject({ method: 'POST', url: '/api/chat/feedback', payload: { queryId: 999999, token: 'x', helpful: true } })).statusCode, 404);
    const thanks = await b.follow(await b.post('/ask/feedback', { queryId, token, helpful: 'no', q: 'ゴミの収集日を知りたい' }));
    assert.match(thanks.body, /ご意見ありがとうございました/);
    const row = await chatbotDb(t.db.kysely).selectFrom('chatbot_feedback').selectAll().where('query_id', '=', Number(queryId)).executeTakeFirstOrThrow();
    assert.equal(row.helpful, false);
  });

  test('empty, huge, emoji-only and script questions are answered safely', async () => {
    const empty = await t.app.inject('/ask?q=%20%20');
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /質問を入力してください/);
    const huge = await t.app.inject(`/ask?q=${encodeURIComponent('住民票'.repeat(2000))}`);
    assert.equal(huge.statusCode, 200);
    const logged = await chatbotDb(t.db.kysely).selectFrom('chatbot_queries').select('query').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.ok(logged.query.length <= 200, 'questions are capped');
    const emoji = await t.app.inject(`/ask?q=${encodeURIComponent('😀😀😀')}`);
    assert.equal(emoji.statusCode, 200);
    assert.match(emoji.body, /職員に質問する/);
    const script = await t.app.inject(`/ask?q=${encodeURIComponent('<script>alert(1)</script>ごみ')}`);
    assert.equal(script.statusCode, 200);
    assert.ok(!script.body.includes('<script>alert(1)</script>'), 'never echoed unescaped');
    assert.match(script.body, /&lt;script>alert\(1\)&lt;\/script>ごみ|&lt;script&gt;alert\(1\)&lt;\/script&gt;ごみ/);
  });

  test('the JSON API answers with confidence, validates input and personal data is masked in the log', async () => {
    const ok = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '住民票はコンビニで取れますか' } });
    assert.equal(ok.statusCode, 200);
    const body = ok.json();
    assert.ok(body.confidence >= 0 && body.confidence <= 1);
    assert.ok(body.answer || body.candidates.length > 0);
    const bad = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '' } });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].field, 'q');
    const extra = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: 'x', admin: true } });
    assert.equal(extra.statusCode, 400);
    await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '090-1234-5678 に電話がほしい' } });
    const logged = await chatbotDb(t.db.kysely).selectFrom('chatbot_queries').select('query').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.ok(!logged.query.includes('1234-5678'), logged.query);
  });

  test('English speakers get English where the entry has it', async () => {
    const page = await t.app.inject({ url: `/ask?q=${encodeURIComponent('住民票')}`, headers: { cookie: 'lang=en' } });
    assert.match(page.body, /<html lang="en">/);
    assert.match(page.body, /certificate/i);
  });
});

describe('inquiries', () => {
  test('a resident hands a question to staff; the department answers; the answer is sent; it becomes an FAQ draft', async () => {
    const resident = t.browser();
    await resident.get('/ask/inquiry?q=%E7%A9%BA%E3%81%8D%E5%AE%B6&department=citizens');
    const invalid = await resident.post('/ask/inquiry', { question: '空き家の管理について相談したい', department: 'citizens', email: 'not-an-email', phone: '12', from: '' });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /メールアドレスの形式/);
    assert.match(invalid.body, /電話番号は0から始まる/);
    assert.match(invalid.body, /空き家の管理について相談したい/, 'what was typed is kept');
    const done = await resident.post('/ask/inquiry', { question: '空き家の管理について相談したい', department: 'citizens', email: 'taro@example.jp', phone: '', from: '' });
    assert.equal(done.statusCode, 201);
    const reference = /受付番号：(Q-\d{8}-[0-9A-F]{6})/.exec(done.body)![1]!;

    const other = t.browser();
    await other.loginStaff('zeimu.tanto');
    const otherInbox = await other.get('/staff/chatbot');
    assert.doesNotMatch(otherInbox.body, new RegExp(reference), 'another department does not see it');
    const inquiry = await chatbotDb(t.db.kysely).selectFrom('chatbot_inquiries').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
    assert.equal((await other.get(`/staff/chatbot/inquiries/${inquiry.id}`)).statusCode, 404);

    const clerk = t.browser();
    await clerk.loginStaff('shimin.tanto');
    const inbox = await clerk.get('/staff/chatbot?status=open');
    assert.match(inbox.body, new RegExp(reference));
    await clerk.get(`/staff/chatbot/inquiries/${inquiry.id}`);
    const empty = await clerk.post(`/staff/chatbot/inquiries/${inquiry.id}/answer`, { answer: '' });
    assert.equal(empty.statusCode, 400);
    const answered = await clerk.follow(await clerk.post(`/staff/chatbot/inquiries/${inquiry.id}/answer`, { answer: '空き家の相談は市民課の窓口で受け付けています。' }));
    assert.match(answered.body, /メールで送信しました/);
    const mail = t.notifier.sent.find((m) => m.to === 'taro@example.jp')!;
    assert.equal(mail.channel, 'email');
    assert.match(mail.body, new RegExp(reference));
    const draft = await clerk.follow(await clerk.post(`/staff/chatbot/inquiries/${inquiry.id}/to-faq`));
    assert.match(draft.body, /FAQの下書きを作りました/);
    assert.match(draft.body, /下書き/);
  });

  test('a logged-in resident sees their inquiries on my page', async () => {
    const resident = t.browser();
    await resident.loginResident('demo-visitor');
    await resident.get('/ask/inquiry');
    await resident.post('/ask/inquiry', { question: 'バスの時刻表はどこで見られますか', department: 'transport', email: '', phone: '090-1111-2222', from: '' });
    const mypage = await resident.get('/mypage');
    assert.match(mypage.body, /市へのお問い合わせ/);
    assert.match(mypage.body, /バスの時刻表はどこで見られますか/);
  });
});

describe('FAQ editor', () => {
  test('draft → review → publish (managers only), and the published entry is found at once', async () => {
    const clerk = t.browser();
    await clerk.loginStaff('shimin.tanto');
    await clerk.get('/staff/chatbot/faq/new');
    const invalid = await clerk.post('/staff/chatbot/faq/new', { id: 'Bad Id', department: 'tax', category: '', question: '', answer: '', keywords: '', questionEn: 'Only English question', answerEn: '' });
    assert.equal(invalid.statusCode, 400);
    for (const message of ['IDは英小文字', '担当課を選んでください', '質問を300文字以内', '回答を3,000文字以内', '英語の質問と回答は両方']) assert.match(invalid.body, new RegExp(message));
    const created = await clerk.post('/staff/chatbot/faq/new', {
      id: 'hanami-shuttle',
      department: 'citizens',
      category: 'くらし・手続き',
      question: '桜まつりの臨時シャトルの乗り場はどこですか',
      answer: '臨時シャトルは水沢駅前から出ます。',
      keywords: 'シャトル、桜',
      questionEn: '',
      answerEn: '',
    });
    assert.equal(created.headers.location, '/staff/chatbot/faq/hanami-shuttle');
    const before = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '桜まつりの臨時シャトルの乗り場' } });
    assert.notEqual(before.json().answer?.id, 'hanami-shuttle', 'a draft is not live');
    await clerk.get('/staff/chatbot/faq/hanami-shuttle');
    assert.equal((await clerk.post('/staff/chatbot/faq/hanami-shuttle/versions/1/submit')).statusCode, 303);
    assert.equal((await clerk.post('/staff/chatbot/faq/hanami-shuttle/versions/1/publish')).statusCode, 403, 'a clerk cannot publish');
    const manager = t.browser();
    await manager.loginStaff('shimin.kacho');
    await manager.get('/staff/chatbot/faq/hanami-shuttle');
    assert.equal((await manager.post('/staff/chatbot/faq/hanami-shuttle/versions/1/publish')).statusCode, 303);
    const after = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '桜まつりの臨時シャトルの乗り場' } });
    assert.equal(after.json().answer?.id, 'hanami-shuttle');
    // An edit is a new draft; the published text stays live until it is published.
    await manager.post('/staff/chatbot/faq/hanami-shuttle', { id: '', department: '', category: 'くらし・手続き', question: '桜まつりの臨時シャトルの乗り場はどこですか', answer: '臨時シャトルは水沢駅前と江刺総合支所前から出ます。', keywords: 'シャトル', questionEn: '', answerEn: '' });
    const versions = await chatbotDb(t.db.kysely).selectFrom('chatbot_faq_versions').select(['version', 'status']).where('entry_id', '=', 'hanami-shuttle').orderBy('version').execute();
    assert.deepEqual(versions, [{ version: 1, status: 'published' }, { version: 2, status: 'draft' }]);
    await manager.post('/staff/chatbot/faq/hanami-shuttle/versions/2/submit');
    assert.equal((await manager.post('/staff/chatbot/faq/hanami-shuttle/versions/2/publish')).statusCode, 403, 'the author does not publish their own version');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('target_id', '=', 'hanami-shuttle').where('action', '!=', 'chatbot.faq.submitted').orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => a.action), ['chatbot.faq.created', 'chatbot.faq.published', 'chatbot.faq.edited']);
  });

  test('reports show unanswered questions and the weekly chart', async () => {
    await t.app.inject(`/ask?q=${encodeURIComponent('ドローンの飛行許可はどこで申請しますか 田中一郎様')}`);
    const manager = t.browser();
    await manager.loginStaff('shimin.kacho');
    const page = await manager.get('/staff/chatbot/reports');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg viewBox="0 0 640 220" role="img"/);
    assert.match(page.body, /答えられなかった質問/);
    assert.doesNotMatch(page.body, /田中一郎/, 'names are masked in the log');
  });

  test('questions the bot answered are reported to the department whose entry answered them', async () => {
    const asked = await t.app.inject({ method: 'POST', url: '/api/chat/ask', payload: { q: '住民票の写しはコンビニで取れますか' } });
    const answer = asked.json().answer;
    assert.ok(answer, 'answered');
    assert.equal(answer.department, 'citizens');
    const citizens = t.browser();
    await citizens.loginStaff('shimin.kacho');
    const seen = await citizens.get('/staff/chatbot/reports');
    assert.match(seen.body, /住民票の写しはコンビニで取れますか/);
    const tax = t.browser();
    await tax.loginStaff('zeimu.tanto');
    const other = await tax.get('/staff/chatbot/reports');
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, /住民票の写しはコンビニで取れますか/, 'another department does not see it');
  });

  test('residents and staff without a clerk or manager role cannot use the back office', async () => {
    const admin = t.browser();
    await admin.loginStaff('admin');
    assert.equal((await admin.get('/staff/chatbot')).statusCode, 403);
    const anonymous = await t.app.inject('/staff/chatbot');
    assert.equal(anonymous.statusCode, 303);
  });
});
