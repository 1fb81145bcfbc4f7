import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { toHiragana } from '../../platform/text/kana.ts';
import { formatWareki } from '../../platform/text/wareki.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { submitOnBehalf } from '../procedures/public-api.ts';
import { postMultipart, startCounterApp, shownHash, startVisitFor, TINY_PNG, type CounterTestApp } from './counter-test-kit.ts';
import { counterDb } from './tables.ts';

let t: CounterTestApp;
let clerk: BrowserSession;
before(async () => {
  t = await startCounterApp();
  clerk = t.browser();
  await clerk.loginStaff('shimin.tanto');
});
after(() => t.close());

async function resident(id: string) {
  return t.db.kysely
    .withTables<{ registry_residents: { id: string; family_name: string; given_name: string; family_name_kana: string; given_name_kana: string; birth_date: string; household_id: string } }>()
    .selectFrom('registry_residents')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

async function audits(action: string) {
  return t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('seq').execute();
}

/** 昭和50年4月1日 → S50.4.1 */
const shortWareki = (iso: string) => formatWareki(iso).replace(/^(昭和|平成|令和|大正)/, (era) => ({ 昭和: 'S', 平成: 'H', 令和: 'R', 大正: 'T' })[era]!).replace('元年', '1年').replace('年', '.').replace('月', '.').replace('日', '');

const WATER = {
  applicantPhone: '090-1234-5678',
  kind: 'start',
  date: '2026-12-01',
  usePostal: '023-0053',
  useAddress: '水沢大手町1-1',
  meterLocation: 'frontDoor',
  usage: 'home',
  sewer: 'public',
  persons: '3',
  payment: 'slip',
};

/** The form as the screen posts it: what the page shows, with some answers changed. */
function formValues(html: string, changes: Record<string, string>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const m of html.matchAll(/<input[^>]*>/g)) {
    const tag = m[0];
    const name = /name="([^"]+)"/.exec(tag)?.[1];
    if (!name || name === '_csrf' || /type="(submit|file)"/.test(tag)) continue;
    const value = (/value="([^"]*)"/.exec(tag)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
    if (/type="(radio|checkbox)"/.test(tag)) {
      if (!/ checked/.test(tag)) continue;
      const prev = out[name];
      out[name] = prev === undefined ? value : ([] as string[]).concat(prev, value);
      continue;
    }
    out[name] = value;
  }
  for (const m of html.matchAll(/<select[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/select>/g)) {
    out[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
  }
  for (const m of html.matchAll(/<textarea[^>]*name="([^"]+)"[^>]*>([\s\S]*?)<\/textarea>/g)) out[m[1]!] = m[2]!;
  return { ...out, ...changes };
}

describe('finding the resident', () => {
  test('by the start of the family or given name in any kana script, with a 和暦 birth date', async () => {
    const r = await resident('r0001');
    const familyHiragana = toHiragana(r.family_name_kana).slice(0, 2);
    const page = await clerk.get(`/staff/counter?kana=${encodeURIComponent(familyHiragana)}&birthDate=${encodeURIComponent(formatWareki(r.birth_date))}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /href="\/staff\/counter\/residents\/r0001"/);
    const givenHalfWidth = r.given_name_kana.slice(0, 2).normalize('NFKD');
    const byGiven = await clerk.get(`/staff/counter?kana=${encodeURIComponent(givenHalfWidth)}&birthDate=${encodeURIComponent(shortWareki(r.birth_date))}`);
    assert.match(byGiven.body, /href="\/staff\/counter\/residents\/r0001"/, 'given name in half-width kana, S-style date');
    const iso = await clerk.get(`/staff/counter?kana=${encodeURIComponent(r.family_name_kana)}&birthDate=${r.birth_date}`);
    assert.match(iso.body, /r0001/);
  });

  test('a match in the middle of a name is not a match', async () => {
    const r = await resident('r0001');
    const whole = `${r.family_name_kana}${r.given_name_kana}`;
    const middle = whole.slice(1, 4);
    assert.ok(!r.family_name_kana.startsWith(middle) && !r.given_name_kana.startsWith(middle));
    const page = await clerk.get(`/staff/counter?kana=${encodeURIComponent(middle)}&birthDate=${r.birth_date}`);
    assert.doesNotMatch(page.body, /residents\/r0001"/);
  });

  test('a wrong date or kanji instead of kana names the field, keeps what was typed, and finds nobody', async () => {
    const page = await clerk.get(`/staff/counter?kana=${encodeURIComponent('奥州')}&birthDate=${encodeURIComponent('平成32年1月1日')}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /「フリガナ」はひらがなかカタカナで入力してください/);
    assert.match(page.body, /「生年月日」がその元号の期間にありません/);
    assert.match(page.body, /href="#kana"/);
    assert.match(page.body, /value="平成32年1月1日"/);
  });

  test('the search is audited with who was found; opening the person is a registry view', async () => {
    const before = (await audits('counter.resident.searched')).length;
    const r = await resident('r0002');
    await clerk.get(`/staff/counter?kana=${encodeURIComponent(r.family_name_kana)}&birthDate=${r.birth_date}`);
    const entries = await audits('counter.resident.searched');
    assert.equal(entries.length, before + 1);
    assert.ok((entries.at(-1)!.details.found as string[]).includes('r0002'));
    const page = await clerk.get('/staff/counter/residents/r0002');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /世帯の方/);
    const views = await t.db.kysely.selectFrom('audit_log').selectAll().where('action', '=', 'registry.resident.viewed').where('target_id', '=', 'r0002').execute();
    assert.equal(views.at(-1)?.reason, 'counter');
  });
});

describe('a visit', () => {
  test('needs the identity check first: no method, no visit; agent needs a name and a document', async () => {
    const count = async () => Number((await counterDb(t.db.kysely).selectFrom('counter_visits').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await count();
    await clerk.get('/staff/counter/residents/r0003');
    const missing = await clerk.post('/staff/counter/residents/r0003/visits', { method: '', digits: '', note: '', agentName: '', agentDocument: '' });
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /「確認した書類」を選んでください/);
    const agent = await clerk.post('/staff/counter/residents/r0003/visits', { method: 'agent', digits: '12345', note: '', agentName: '', agentDocument: '' });
    assert.equal(agent.statusCode, 400);
    assert.match(agent.body, /「代理人の氏名」を入力してください/);
    assert.match(agent.body, /「代理人の本人確認書類」を選んでください/);
    assert.match(agent.body, /「書類番号の末尾」は英数字4桁まで/);
    assert.equal(await count(), before);
    // No visit, no forms: procedures can only be added to a visit that exists.
    const orphan = await clerk.post('/staff/counter/visits/00000000-0000-4000-8000-000000000000/procedures', { bundle: 'move-in' });
    assert.equal(orphan.statusCode, 404);
    const visitId = await startVisitFor(clerk, 'r0003', { method: 'agent', digits: '９８７６', agentName: '奥州　一郎', agentDocument: 'driving-licence' });
    const visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(visit.identity_method, 'agent');
    assert.equal(visit.identity_digits, '9876');
    assert.equal(visit.identity_agent_name, '奥州 一郎');
    const started = await audits('counter.visit.started');
    assert.equal(started.at(-1)?.target_id, visitId);
  });

  test('a move-in bundle opens forms pre-filled from the register, with the bundle’s choices', async () => {
    const facts = (await residentFactsFor(t.db.kysely, 'r0001'))!;
    const visitId = await startVisitFor(clerk, 'r0001');
    const added = await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { bundle: 'move-in' });
    assert.equal(added.statusCode, 303);
    const forms = await counterDb(t.db.kysely).selectFrom('counter_visit_forms').selectAll().where('visit_id', '=', visitId).orderBy('position').execute();
    assert.deepEqual(forms.map((f) => f.procedure_id), ['kokuho-kanyu-dattai', 'jido-teate', 'kodomo-iryohi', 'suido-kaiheisen']);
    const water = forms.find((f) => f.procedure_id === 'suido-kaiheisen')!;
    assert.equal(water.answers.applicantName, facts.resident.name);
    assert.equal(water.answers.kind, 'start');
    const insurance = forms.find((f) => f.procedure_id === 'kokuho-kanyu-dattai')!;
    assert.equal(insurance.answers.kind, 'join');
    assert.equal((insurance.answers.members as unknown[]).length, facts.household.members.length);
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes(`value="${facts.resident.name}"`), 'the name from the register is in the form');
    // The engine writes Oshu addresses from 奥州市 on, as residents type them.
    assert.ok(page.body.includes(`value="${facts.resident.address.replace(/^岩手県/, '')}"`), 'the address from the register is in the form');
    assert.match(page.body, /住民記録から記入しました/);
    assert.match(page.body, /value="start" checked/);
    const prefilled = await audits('counter.forms.prefilled');
    assert.equal(prefilled.at(-1)?.target_id, 'r0001');
    assert.equal(prefilled.at(-1)?.target_type, 'resident');
  });

  test('a scanned attachment completes a form; without it the form can only be printed', async () => {
    const visitId = await startVisitFor(clerk, 'r0006');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { bundle: 'move-in' });
    const url = `/staff/counter/visits/${visitId}/forms/kokuho-kanyu-dattai`;
    const page = await clerk.get(url);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const answers = formValues(page.body, { applicantPhone: '0197-24-2111', joinReason: 'leftJob', eventDate: '令和8年11月1日', previousInsurer: '全国健康保険協会', pensionChange: 'yes', taxPayment: 'slip', action: 'done' });
    const noScan = await postMultipart(t, clerk, url, answers, []);
    assert.equal(noScan.statusCode, 400, 'the engine asks for the attachment');
    const visitPage = await clerk.get(`/staff/counter/visits/${visitId}`);
    assert.match(visitPage.body, /添付書類の確認待ち/);
    const wrongType = await postMultipart(t, clerk, url, answers, [{ name: 'proof', filename: 'memo.txt', type: 'text/plain', bytes: Buffer.from('not a scan') }]);
    assert.equal(wrongType.statusCode, 400);
    assert.match(wrongType.body, /href="#proof"/);
    const scanned = await postMultipart(t, clerk, url, answers, [{ name: 'proof', filename: 'shikaku-soshitsu.png', type: 'image/png', bytes: TINY_PNG }]);
    assert.equal(scanned.statusCode, 303, scanned.body.slice(0, 1500));
    const form = await counterDb(t.db.kysely).selectFrom('counter_visit_forms').selectAll().where('visit_id', '=', visitId).where('procedure_id', '=', 'kokuho-kanyu-dattai').executeTakeFirstOrThrow();
    const proof = form.answers.proof as { fileId: string; name: string };
    assert.equal(proof.name, 'shikaku-soshitsu.png');
    const file = await t.db.kysely.selectFrom('files').selectAll().where('id', '=', proof.fileId).executeTakeFirstOrThrow();
    assert.deepEqual([file.owner_type, file.owner_id], ['counter-visit', visitId]);
    const visitWithScan = await clerk.get(`/staff/counter/visits/${visitId}`);
    assert.match(visitWithScan.body, /入力済み/);

    // Submitted directly, the scan goes with the application: the department opens it like an upload.
    await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'clerk_screen', contentHash: shownHash(visitWithScan.body) });
    const submitted = await clerk.post(`/staff/counter/visits/${visitId}/finish`, { 'finish.kokuho-kanyu-dattai': 'submit' });
    assert.equal(submitted.statusCode, 303);
    const { rows } = await sql<{ file_id: string; field_id: string; uploaded_by: string }>`
      SELECT f.file_id, f.field_id, f.uploaded_by FROM application_files f JOIN applications a ON a.id = f.application_id
      WHERE a.counter_visit_id = ${visitId} AND a.procedure_id = 'kokuho-kanyu-dattai'`.execute(t.db.kysely);
    assert.deepEqual(rows, [{ file_id: proof.fileId, field_id: 'proof', uploaded_by: 'staff' }]);
  });

  test('without a second screen the resident confirms on the clerk’s screen, recorded as such', async () => {
    const visitId = await startVisitFor(clerk, 'r0007');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['juminhyo-copy'] });
    const page = await clerk.get(`/staff/counter/visits/${visitId}`);
    assert.match(page.body, /第2画面がないため、この画面で来庁者が確認した/);
    const confirmed = await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'clerk_screen', contentHash: shownHash(page.body) });
    assert.equal(confirmed.statusCode, 303);
    const visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(visit.confirmed_via, 'clerk_screen');
    const after = await clerk.follow(confirmed);
    assert.match(after.body, /職員の画面で確認（第2画面なし）/);
  });

  test('group items are added and removed with plain buttons', async () => {
    const visitId = await startVisitFor(clerk, 'r0001');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['kokuho-kanyu-dattai'] });
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/kokuho-kanyu-dattai`);
    const members = (html: string) => new Set([...html.matchAll(/name="members\.(\d+)\./g)].map((m) => m[1])).size;
    const before = members(page.body);
    const added = await clerk.post(`/staff/counter/visits/${visitId}/forms/kokuho-kanyu-dattai`, formValues(page.body, { action: 'add:members' }));
    assert.equal(added.statusCode, 200);
    assert.equal(members(added.body), before + 1);
    const removed = await clerk.post(`/staff/counter/visits/${visitId}/forms/kokuho-kanyu-dattai`, formValues(added.body, { action: 'remove:members:0' }));
    assert.equal(members(removed.body), before);
  });
});

describe('from the form to the application', () => {
  let visitId: string;
  before(async () => {
    visitId = await startVisitFor(clerk, 'r0004');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { bundle: 'move-in' });
    // Only the water and the dog: the others need documents this test does not scan.
    for (const id of ['kokuho-kanyu-dattai', 'jido-teate', 'kodomo-iryohi']) await clerk.post(`/staff/counter/visits/${visitId}/procedures/${id}/remove`);
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['inu-shibou'] });
  });

  test('validation messages are the engine’s, name the field, and keep what was typed', async () => {
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    const wrong = await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(page.body, { ...WATER, applicantPhone: '12', persons: '三人', action: 'done' }));
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /電話番号/);
    assert.match(wrong.body, /href="#applicantPhone"/);
    assert.match(wrong.body, /value="三人"/);
    const ok = await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(wrong.body, { ...WATER, action: 'done' }));
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 2000));
    const dog = await clerk.get(`/staff/counter/visits/${visitId}/forms/inu-shibou`);
    const dogSaved = await clerk.post(`/staff/counter/visits/${visitId}/forms/inu-shibou`, formValues(dog.body, { applicantPhone: '0197-24-2111', dogName: 'ポチ', breed: '柴犬', coat: '茶', sex: 'male', deathDate: '令和8年11月20日', tagReturn: 'counter', action: 'done' }));
    assert.equal(dogSaved.statusCode, 303, dogSaved.body.slice(0, 2000));
  });

  test('the second screen shows every form and records the resident’s confirmation; an edit makes it stale', async () => {
    const display = await clerk.get(`/staff/counter/visits/${visitId}/display`);
    assert.equal(display.statusCode, 200);
    assert.match(display.body, /この内容で間違いありません/);
    assert.match(display.body, /水道の使用開始/);
    assert.match(display.body, /ポチ/);
    assert.match(display.body, /<noscript><meta http-equiv="refresh" content="10"/);
    assert.match(display.body, /data-display-state="\/api\/staff\/counter\/visits\//);
    const state = await clerk.json('GET', `/api/staff/counter/visits/${visitId}/display-state`);
    assert.equal(state.statusCode, 200);
    const before = state.json() as { version: string; confirmation: string };
    assert.equal(before.confirmation, 'none');

    // The clerk corrects the number of people while the resident reads: the old screen can no longer be confirmed.
    const oldHash = shownHash(display.body);
    const form = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(form.body, { persons: '4', action: 'done' }));
    const after = (await clerk.json('GET', `/api/staff/counter/visits/${visitId}/display-state`)).json() as { version: string };
    assert.notEqual(after.version, before.version, 'the second screen sees the change');
    const stale = await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'second_screen', contentHash: oldHash });
    assert.equal(stale.statusCode, 303);
    assert.match(String(stale.headers.location), /display\?changed=1$/);
    let visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(visit.confirmed_at, null);

    const fresh = await clerk.get(`/staff/counter/visits/${visitId}/display?changed=1`);
    assert.match(fresh.body, /もう一度ご確認ください/);
    const confirmed = await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'second_screen', contentHash: shownHash(fresh.body) });
    assert.equal(confirmed.statusCode, 303);
    visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(visit.confirmed_via, 'second_screen');
    assert.deepEqual(visit.confirmed_at, t.clock.now);
    const shown = await clerk.get(`/staff/counter/visits/${visitId}/display`);
    assert.match(shown.body, /ご確認ありがとうございました/);
    assert.equal((await audits('counter.visit.confirmed')).at(-1)?.target_id, visitId);
  });

  test('direct submission creates one counter application per form, however often it is pressed', async () => {
    const choices = { 'finish.suido-kaiheisen': 'submit' };
    const [first, second] = await Promise.all([clerk.post(`/staff/counter/visits/${visitId}/finish`, choices), clerk.post(`/staff/counter/visits/${visitId}/finish`, choices)]);
    assert.equal(first.statusCode, 303, first.body.slice(0, 1500));
    assert.equal(second.statusCode, 303);
    const again = await clerk.post(`/staff/counter/visits/${visitId}/finish`, choices);
    assert.equal(again.statusCode, 303);
    const { rows } = await sql<{ id: string; reference: string; channel: string; identity_check: string; submitted_by_staff_id: string; resident_id: string }>`
      SELECT id, reference, channel, identity_check, submitted_by_staff_id, resident_id FROM applications WHERE counter_visit_id = ${visitId}`.execute(t.db.kysely);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.channel, 'counter');
    assert.equal(rows[0]!.resident_id, 'r0004');
    assert.match(rows[0]!.identity_check, /マイナンバーカード（末尾 1234）/);
    const form = await counterDb(t.db.kysely).selectFrom('counter_visit_forms').selectAll().where('visit_id', '=', visitId).where('procedure_id', '=', 'suido-kaiheisen').executeTakeFirstOrThrow();
    assert.equal(form.application_id, rows[0]!.id);
    assert.equal(form.reference, rows[0]!.reference);
    const page = await clerk.get(`/staff/counter/visits/${visitId}`);
    assert.ok(page.body.includes(rows[0]!.reference));
    assert.equal((await audits('counter.form.submitted')).filter((a) => a.target_id === visitId).length, 1);
  });

  test('the PDF holds the resident, every procedure, the reference and one signature box; its download is audited', async () => {
    const early = await clerk.get(`/staff/counter/visits/${visitId}/visit.pdf`);
    assert.equal(early.statusCode, 409, 'not before every form is finished');
    const printed = await clerk.post(`/staff/counter/visits/${visitId}/finish`, { 'finish.inu-shibou': 'print' });
    assert.equal(printed.statusCode, 303);
    const pdf = await clerk.get(`/staff/counter/visits/${visitId}/visit.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'counter-pdf-'));
    try {
      const file = path.join(dir, 'visit.pdf');
      fs.writeFileSync(file, pdf.rawPayload);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/[ \u3000]+/g, ' ');
      const facts = (await residentFactsFor(t.db.kysely, 'r0004'))!;
      assert.ok(text.includes(facts.resident.name), 'the resident’s name');
      assert.match(text, /水道の使用開始・中止申込/);
      assert.match(text, /犬の死亡届/);
      assert.match(text, /署名/);
      assert.match(text, /奥州市長/);
      assert.match(text, /令和8年/);
      assert.match(text, /OSU-2026-\d{6}/);
      assert.match(text, /マイナンバーカード/);
      assert.equal(text.match(/申請者の署名/g)?.length, 1, 'one signature box for the whole visit');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    const downloads = await audits('counter.pdf.downloaded');
    assert.equal(downloads.at(-1)?.target_id, visitId);
  });

  test('ending the visit records the time at the counter', async () => {
    const visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    t.advance(12);
    const ended = await clerk.post(`/staff/counter/visits/${visitId}/end`, { outcome: 'end' });
    assert.equal(ended.statusCode, 303);
    const row = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(row.outcome, 'completed');
    assert.equal(row.ended_at!.getTime() - visit.started_at.getTime(), 12 * 60_000);
    const display = await clerk.get(`/staff/counter/visits/${visitId}/display`);
    assert.match(display.body, /ありがとうございました/);
    assert.doesNotMatch(display.body, /ポチ/, 'the second screen shows no personal data once the visit ends');
    const late = await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['juminhyo-copy'] });
    assert.equal(late.statusCode, 409);
  });
});

describe('a hand-over between clerks', () => {
  async function actor(loginId: string): Promise<StaffActor> {
    const row = await t.db.kysely.selectFrom('staff').select(['id', 'login_id', 'display_name']).where('login_id', '=', loginId).executeTakeFirstOrThrow();
    return { kind: 'staff', id: row.id, loginId: row.login_id, displayName: row.display_name, roles: [{ department: 'citizens', role: loginId.endsWith('kacho') ? 'manager' : 'clerk' }] };
  }

  test('two clerks submitting the same form of the same visit make one application', async () => {
    const visitId = await startVisitFor(clerk, 'r0004');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['suido-kaiheisen'] });
    // Twice: the "start" page's fields are shown only once the kind of request is 'start'.
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(page.body, { ...WATER, action: 'done' }));
    const shown = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    const saved = await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(shown.body, { ...WATER, action: 'done' }));
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const form = await counterDb(t.db.kysely).selectFrom('counter_visit_forms').selectAll().where('visit_id', '=', visitId).where('procedure_id', '=', 'suido-kaiheisen').executeTakeFirstOrThrow();
    // The first clerk presses submit, then hands the resident over and a colleague presses it again.
    const submission = { residentId: 'r0004', procedureId: 'suido-kaiheisen', answers: form.answers, idempotencyKey: form.idempotency_key, identityCheck: 'マイナンバーカード', counterVisitId: visitId };
    const first = await submitOnBehalf(t.platform, await actor('shimin.tanto'), submission);
    const second = await submitOnBehalf(t.platform, await actor('shimin.kacho'), submission);
    assert.equal(second.applicationId, first.applicationId);
    const { rows } = await sql<{ id: string }>`SELECT id FROM applications WHERE counter_visit_id = ${visitId}`.execute(t.db.kysely);
    assert.equal(rows.length, 1);
  });
});

describe('statistics', () => {
  // A hand-worked example on days the demo data does not touch (Mon 1 and Tue 2 June 2026, JST).
  // Minutes: 10, 20, 30, 40 on the 1st; 5 and 65 on the 2nd → sorted 5 10 20 30 40 65.
  // median = (20 + 30) / 2 = 25; p90 = ⌈0.9 × 6⌉ = 6th = 65; procedures 1+3+2+1+1+4 = 12 → 2.0 per visit;
  // second screen: 3 of 6 = 50%. Clerk 花子: 10, 30, 5 → median 10, p90 30; clerk 一郎: 20, 40, 65 → median 40.
  before(async () => {
    const staff = Object.fromEntries((await t.db.kysely.selectFrom('staff').select(['id', 'login_id']).where('login_id', 'in', ['shimin.tanto', 'shimin.kacho']).execute()).map((s) => [s.login_id, s.id]));
    const visits: [string, string, number, number, string | null, 'second_screen' | 'clerk_screen' | null][] = [
      ['2026-06-01T09:00:00+09:00', 'shimin.tanto', 10, 1, null, 'second_screen'],
      ['2026-06-01T10:00:00+09:00', 'shimin.kacho', 20, 3, 'move-in', 'second_screen'],
      ['2026-06-01T11:00:00+09:00', 'shimin.tanto', 30, 2, 'move-in', 'clerk_screen'],
      ['2026-06-01T13:00:00+09:00', 'shimin.kacho', 40, 1, null, null],
      ['2026-06-02T09:30:00+09:00', 'shimin.tanto', 5, 1, null, 'second_screen'],
      ['2026-06-02T14:00:00+09:00', 'shimin.kacho', 65, 4, 'bereavement', 'clerk_screen'],
    ];
    const cdb = counterDb(t.db.kysely);
    for (const [start, login, minutes, procedures, bundle, via] of visits) {
      const startedAt = new Date(start);
      const endedAt = new Date(startedAt.getTime() + minutes * 60_000);
      const visit = await cdb
        .insertInto('counter_visits')
        .values({ staff_id: staff[login]!, resident_id: 'r0100', resident_name: '統計 用', identity_method: 'mynumber-card', bundle_id: bundle, started_at: startedAt, ended_at: endedAt, outcome: 'completed', confirmed_at: via ? endedAt : null, confirmed_via: via, confirmed_hash: via ? 'x' : null })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let i = 0; i < procedures; i++) {
        await cdb.insertInto('counter_visit_forms').values({ visit_id: visit.id, procedure_id: `p${i}`, procedure_version: 1, position: i + 1, answers: '{}', prefilled: '[]', finish: 'print', finished_at: endedAt, updated_at: endedAt }).execute();
      }
    }
    // An open visit that day is not counted.
    await cdb.insertInto('counter_visits').values({ staff_id: staff['shimin.tanto']!, resident_id: 'r0100', resident_name: '統計 用', identity_method: 'passport', started_at: new Date('2026-06-02T16:00:00+09:00') }).execute();
  });

  test('the API computes the hand-worked example', async () => {
    const response = await clerk.json('GET', '/api/staff/counter/visits?from=2026-06-01&to=' + encodeURIComponent('令和8年6月2日'));
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json() as { totals: Record<string, number>; visits: { minutes: number; bundle: string | null; confirmedVia: string | null; date: string }[] };
    assert.deepEqual(body.totals, { visits: 6, medianMinutes: 25, p90Minutes: 65, proceduresPerVisit: 2, secondScreenShare: 0.5 });
    assert.deepEqual(body.visits.map((v) => v.minutes), [10, 20, 30, 40, 5, 65]);
    assert.deepEqual(body.visits.map((v) => v.date), ['2026-06-01', '2026-06-01', '2026-06-01', '2026-06-01', '2026-06-02', '2026-06-02']);
  });

  test('the page shows the figures by clerk and bundle as charts with tables, and the CSV has a BOM', async () => {
    const page = await clerk.get('/staff/counter/stats?from=2026-06-01&to=2026-06-02');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<svg[^>]*role="img"/);
    assert.match(page.body, /25\.0/);
    assert.match(page.body, /65\.0/);
    assert.match(page.body, /50\.0%/);
    const clerks = /<table class="table" id="clerks">([\s\S]*?)<\/table>/.exec(page.body)![1]!;
    assert.match(clerks, /市民 花子[\s\S]*?<td class="numeric">3<\/td><td class="numeric">10\.0<\/td><td class="numeric">30\.0<\/td>/);
    assert.match(clerks, /戸籍 一郎[\s\S]*?<td class="numeric">3<\/td><td class="numeric">40\.0<\/td><td class="numeric">65\.0<\/td>/);
    const bundles = /<table class="table" id="bundles">([\s\S]*?)<\/table>/.exec(page.body)![1]!;
    assert.match(bundles, /転入セット[\s\S]*?<td class="numeric">2<\/td><td class="numeric">25\.0<\/td>/);
    const csv = await clerk.get('/staff/counter/stats.csv?from=2026-06-01&to=2026-06-02');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF来庁日,受付開始,受付終了,所要時間（分）'));
    assert.equal(csv.body.trim().split('\n').length, 7);
    assert.match(csv.body, /2026-06-02,14:00,15:05,65\.0,/);
  });

  test('a bad period names the field', async () => {
    const page = await clerk.get(`/staff/counter/stats?from=${encodeURIComponent('2026-06-31')}&to=`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /存在しない日付です/);
    const api = await clerk.json('GET', '/api/staff/counter/visits?from=2026-06-05&to=2026-06-01');
    assert.equal(api.statusCode, 400);
  });

  test('the visits API is described in OpenAPI', async () => {
    const spec = (await clerk.get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    assert.ok(spec.paths['/api/staff/counter/visits']);
    assert.ok(spec.paths['/api/staff/counter/visits/{visitId}/display-state']);
  });

  test('the demo data gives the charts something to show', async () => {
    const response = await clerk.json('GET', '/api/staff/counter/visits');
    const body = response.json() as { totals: { visits: number } };
    assert.ok(body.totals.visits >= 20, `demo visits: ${body.totals.visits}`);
  });
});

describe('who may use the counter', () => {
  test('a tax clerk gets 403 on the pages and the API; the menu does not offer it', async () => {
    const tax = t.browser();
    await tax.loginStaff('zeimu.tanto');
    assert.equal((await tax.get('/staff/counter')).statusCode, 403);
    assert.equal((await tax.get('/staff/counter/stats')).statusCode, 403);
    assert.equal((await tax.get('/staff/counter/residents/r0001')).statusCode, 403);
    assert.equal((await tax.json('GET', '/api/staff/counter/visits')).statusCode, 403);
    const home = await tax.get('/staff');
    assert.doesNotMatch(home.body, /href="\/staff\/counter"/);
    const clerkHome = await clerk.get('/staff');
    assert.match(clerkHome.body, /href="\/staff\/counter"/);
  });

  test('without a login the pages go to the staff login', async () => {
    const anonymous = t.browser();
    const page = await anonymous.get('/staff/counter');
    assert.equal(page.statusCode, 303);
    assert.match(String(page.headers.location), /\/staff\/login/);
  });

  test('the DX administrator may open the counter, and is told the register is the Citizens Division’s', async () => {
    const admin = t.browser();
    await admin.loginStaff('admin');
    assert.equal((await admin.get('/staff/counter/stats')).statusCode, 200);
    const search = await admin.get(`/staff/counter?kana=${encodeURIComponent('サ')}&birthDate=1980-01-01`);
    assert.equal(search.statusCode, 403);
    assert.match(search.body, /住民記録の検索は、市民課の職員だけが行えます/);
  });
});

describe('the counter hands the certificate over now', () => {
  test('住民票の写し at the counter: no 郵送 option, collected today, and submitted directly with today as the day', async () => {
    const visitId = await startVisitFor(clerk, 'r0010');
    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['juminhyo-copy'] });
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/juminhyo-copy`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /name="receiveMethod" value="mail"|value="mail"[^>]*name="receiveMethod"/, 'posting it is not offered');
    for (const postOnly of ['mailTo', 'mailName', 'mailPostal', 'mailAddress']) assert.doesNotMatch(page.body, new RegExp(`name="${postOnly}"`), `${postOnly} belongs to delivery by post`);
    assert.doesNotMatch(page.body, /オンライン決済でお支払いください/, 'the online hint about paying for post is not shown');
    assert.match(page.body, /value="counter" checked/);
    const saved = await clerk.post(
      `/staff/counter/visits/${visitId}/forms/juminhyo-copy`,
      formValues(page.body, { applicantPhone: '0197-24-2111', scope: 'all', copies: '1', purpose: 'passport', counter: 'honcho', pickupDate: '2026-11-24', pickupBy: 'self', declaration: 'true', action: 'done' }),
    );
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 3000));
    const visitPage = await clerk.get(`/staff/counter/visits/${visitId}`);
    await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'clerk_screen', contentHash: shownHash(visitPage.body) });
    const finished = await clerk.post(`/staff/counter/visits/${visitId}/finish`, { 'finish.juminhyo-copy': 'submit' });
    assert.equal(finished.statusCode, 303, finished.body.slice(0, 3000));
    const { rows } = await sql<{ answers: Record<string, unknown>; channel: string }>`SELECT answers, channel FROM applications WHERE counter_visit_id = ${visitId}`.execute(t.db.kysely);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]!.answers.pickupDate, '2026-11-24');
    assert.equal(rows[0]!.answers.receiveMethod, 'counter');
  });

  test('online the same definition still asks for a later day (the counter variant is the counter’s only)', async () => {
    const page = await t.browser().get('/api/procedures/juminhyo-copy');
    const def = JSON.parse(page.body).definition as { pages: { fields: { id: string; min?: string; options?: { value: string }[] }[] }[] };
    const fields = def.pages.flatMap((p) => p.fields);
    assert.equal(fields.find((f) => f.id === 'pickupDate')!.min, 'today+1d');
    assert.deepEqual(fields.find((f) => f.id === 'receiveMethod')!.options!.map((o) => o.value), ['mail', 'counter']);
  });
});

describe('a visitor not on the register (転入)', () => {
  const visitor = { name: '転入 花子', nameKana: 'てんにゅう はなこ', birthDate: '平成2年5月6日', postalCode: '０２３０８１３', address: '奥州市水沢中町1番地' };
  const identity = { method: 'mynumber-card', digits: '4321', note: '', agentName: '', agentDocument: '' };

  test('the clerk types who they are; wrong input names the field and keeps what was typed', async () => {
    const home = await clerk.get('/staff/counter');
    assert.match(home.body, /href="\/staff\/counter\/visitors\/new"/);
    const form = await clerk.get('/staff/counter/visitors/new');
    assert.equal(form.statusCode, 200);
    const wrong = await clerk.post('/staff/counter/visitors', { ...visitor, ...identity, nameKana: 'Tennyu', postalCode: '12', birthDate: '', method: '' });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /「フリガナ」はひらがなかカタカナ/);
    assert.match(wrong.body, /「郵便番号」は7桁の数字/);
    assert.match(wrong.body, /「生年月日」を入力してください/);
    assert.match(wrong.body, /「確認した書類」を選んでください/);
    assert.match(wrong.body, /value="転入 花子"/);
    assert.match(wrong.body, /value="奥州市水沢中町1番地"/);
  });

  test('the visit starts with the identity check, forms are filled from what was typed, and a form is printed (not submitted)', async () => {
    const started = await clerk.post('/staff/counter/visitors', { ...visitor, ...identity });
    assert.equal(started.statusCode, 303, started.body.slice(0, 2000));
    const visitId = /\/staff\/counter\/visits\/([0-9a-f-]{36})/.exec(String(started.headers.location))![1]!;
    const visit = await counterDb(t.db.kysely).selectFrom('counter_visits').selectAll().where('id', '=', visitId).executeTakeFirstOrThrow();
    assert.equal(visit.resident_id, null);
    assert.equal(visit.identity_method, 'mynumber-card');
    assert.deepEqual(visit.visitor, { name: '転入 花子', nameKana: 'テンニュウ ハナコ', birthDate: '1990-05-06', postalCode: '023-0813', address: '奥州市水沢中町1番地' });
    const audit = (await audits('counter.visit.started')).at(-1)!;
    assert.equal(audit.target_id, visitId);
    assert.equal(audit.details.notInRegister, true);

    await clerk.post(`/staff/counter/visits/${visitId}/procedures`, { procedure: ['suido-kaiheisen'] });
    const page = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    assert.ok(page.body.includes('value="転入 花子"'), 'the typed name is in the form');
    // The 開始 page shows once 開始 is chosen: saved twice, as the clerk would after the choice.
    await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(page.body, { ...WATER, action: 'save' }));
    const again = await clerk.get(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`);
    const saved = await clerk.post(`/staff/counter/visits/${visitId}/forms/suido-kaiheisen`, formValues(again.body, { ...WATER, action: 'done' }));
    assert.equal(saved.statusCode, 303, saved.body.slice(0, 2000));
    const visitPage = await clerk.get(`/staff/counter/visits/${visitId}`);
    assert.match(visitPage.body, /住民記録にない方/);
    await clerk.post(`/staff/counter/visits/${visitId}/confirm`, { via: 'clerk_screen', contentHash: shownHash(visitPage.body) });
    const submit = await clerk.post(`/staff/counter/visits/${visitId}/finish`, { 'finish.suido-kaiheisen': 'submit' });
    assert.equal(submit.statusCode, 409);
    assert.match(submit.body, /住民記録にない方の申請は、直接申請できません/);
    const printed = await clerk.post(`/staff/counter/visits/${visitId}/finish`, { 'finish.suido-kaiheisen': 'print' });
    assert.equal(printed.statusCode, 303, /<div class="banner[\s\S]*?<\/div>/.exec(printed.body)?.[0]);
    const pdf = await clerk.get(`/staff/counter/visits/${visitId}/visit.pdf`);
    assert.equal(pdf.statusCode, 200);
  });
});

describe('postal codes and demo visits', () => {
  test('the identity page prints the postal code once hyphenated (〒023-0053, never 〒023--0053)', async () => {
    const page = await clerk.get('/staff/counter/residents/r0003');
    assert.match(page.body, /〒\d{3}-\d{4} /);
    assert.doesNotMatch(page.body, /〒\d{3}--/);
  });

  test('demo visits fall on the city’s business days only (no weekends or holidays such as 11/3 and 11/23)', async () => {
    const { isBusinessDay } = await import('../../platform/time/business-days.ts');
    const visits = await counterDb(t.db.kysely).selectFrom('counter_visits').select('started_at').where('resident_id', 'like', 'r%').execute();
    const days = new Set(visits.map((v) => new Date(v.started_at.getTime() + 9 * 3600_000).toISOString().slice(0, 10)));
    assert.ok(days.size > 10);
    for (const day of days) assert.ok(isBusinessDay(day), `a demo visit on ${day}`);
  });
});
