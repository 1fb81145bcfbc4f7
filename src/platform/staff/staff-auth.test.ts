import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { currentStep, totpAt } from './totp.ts';
import { DEMO_STAFF_PASSWORD } from './demo-staff.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp({ registry: false });
});
after(() => t.close());

describe('staff login', () => {
  test('password then TOTP code reaches the menu their roles allow', async () => {
    const b = t.browser();
    const home = await b.loginStaff('shimin.tanto');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /業務メニュー/);
    assert.match(home.body, /href="\/staff\/registry"/, 'citizens clerk sees the registry');
    assert.doesNotMatch(home.body, /\/staff\/admin\/staff/, 'a clerk does not see staff administration');
    const cookie = home.headers['set-cookie'];
    assert.ok(cookie === undefined || !String(cookie).includes('oshu_staff=;'));
  });

  test('session cookie is HttpOnly and SameSite', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    const response = await b.post('/staff/login', { loginId: 'admin', password: DEMO_STAFF_PASSWORD, next: '' });
    const setCookie = String(response.headers['set-cookie']);
    assert.match(setCookie, /oshu_staff=[^;]+;.*HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
  });

  test('a wrong password or a wrong code is refused with a message, and no session', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    const wrong = await b.post('/staff/login', { loginId: 'zeimu.tanto', password: 'nope-nope-nope', next: '' });
    assert.equal(wrong.statusCode, 401);
    assert.match(wrong.body, /職員IDまたはパスワードが正しくありません/);
    assert.match(wrong.body, /value="zeimu.tanto"/, 'the typed login id is kept');
    const ok = await b.post('/staff/login', { loginId: 'zeimu.tanto', password: DEMO_STAFF_PASSWORD, next: '' });
    assert.equal(ok.headers.location, '/staff/login/mfa');
    const badCode = await b.post('/staff/login/mfa', { code: '000000', next: '' });
    assert.equal(badCode.statusCode, 401);
    assert.match(badCode.body, /確認コードが正しくない/);
    const menu = await b.get('/staff');
    assert.equal(menu.statusCode, 303, 'a half-finished login is not a login');
    await t.db.kysely.updateTable('staff').set({ failed_logins: 0 }).where('login_id', '=', 'zeimu.tanto').execute();
  });

  test('five failures lock the account, even against the right password', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    for (let i = 0; i < 4; i++) assert.equal((await b.post('/staff/login', { loginId: 'shimin.kacho', password: `wrong-${i}-password`, next: '' })).statusCode, 401);
    const fifth = await b.post('/staff/login', { loginId: 'shimin.kacho', password: 'wrong-5-password', next: '' });
    assert.equal(fifth.statusCode, 423);
    assert.match(fifth.body, /一時的にロックされています/);
    const right = await b.post('/staff/login', { loginId: 'shimin.kacho', password: DEMO_STAFF_PASSWORD, next: '' });
    assert.equal(right.statusCode, 423);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('action', '=', 'staff.locked').execute();
    assert.equal(audit.length, 1);
    // An administrator unlocks it.
    const admin = t.browser();
    await admin.loginStaff('admin');
    const target = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'shimin.kacho').executeTakeFirstOrThrow();
    await admin.get(`/staff/admin/staff/${target.id}`);
    assert.equal((await admin.post(`/staff/admin/staff/${target.id}/unlock`, { reason: 'called the help desk' })).statusCode, 303);
    assert.equal((await t.browser().loginStaff('shimin.kacho')).statusCode, 200);
  });

  test('unknown login ids get the same answer as a wrong password', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    const response = await b.post('/staff/login', { loginId: 'nobody', password: 'whatever-password', next: '' });
    assert.equal(response.statusCode, 401);
    assert.match(response.body, /職員IDまたはパスワードが正しくありません/);
  });

  test('a form without the CSRF token is refused with a page that says what to do', async () => {
    const b = t.browser();
    await b.get('/staff/login');
    const response = await b.request('POST', '/staff/login', { loginId: 'admin', password: DEMO_STAFF_PASSWORD });
    assert.equal(response.statusCode, 403);
    assert.match(response.body, /もう一度送信してください/);
    const forged = await b.request('POST', '/staff/login', { loginId: 'admin', password: DEMO_STAFF_PASSWORD, _csrf: 'x'.repeat(43) });
    assert.equal(forged.statusCode, 403);
  });

  test('logout ends the session', async () => {
    const b = t.browser();
    await b.loginStaff('shimin.tanto');
    const out = await b.post('/staff/logout');
    assert.equal(out.headers.location, '/staff/login');
    const again = await b.get('/staff');
    assert.equal(again.statusCode, 303);
    assert.match(String(again.headers.location), /^\/staff\/login\?next=%2Fstaff/);
  });

  test('an idle session expires and the login page says so', async () => {
    const b = t.browser();
    await b.loginStaff('shimin.tanto');
    await sql`UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE kind = 'staff'`.execute(t.db.kysely);
    const response = await b.get('/staff/registry');
    assert.equal(response.statusCode, 303);
    const page = await b.follow(response);
    assert.match(page.body, /一定時間操作がなかったため、ログアウトしました/);
    const api = await b.get('/api/registry/residents');
    assert.equal(api.statusCode, 401);
  });
});

describe('staff administration', () => {
  test('a clerk cannot reach it', async () => {
    const b = t.browser();
    await b.loginStaff('shimin.tanto');
    assert.equal((await b.get('/staff/admin/staff')).statusCode, 403);
  });

  test('admin creates staff; the new person enrols TOTP at first login; admin resets MFA', async () => {
    const admin = t.browser();
    await admin.loginStaff('admin');
    await admin.get('/staff/admin/staff/new');
    const invalid = await admin.post('/staff/admin/staff/new', { loginId: 'X', displayName: '', email: 'bad', password: 'short', roles: [] });
    assert.equal(invalid.statusCode, 400);
    assert.match(invalid.body, /職員IDは半角英数字/);
    assert.match(invalid.body, /氏名を入力してください/);
    assert.match(invalid.body, /メールアドレスの形式/);
    assert.match(invalid.body, /12文字以上/);
    assert.match(invalid.body, /value="bad"/, 'typed values are kept');
    const created = await admin.post('/staff/admin/staff/new', {
      loginId: 'kodomo.tanto',
      displayName: '子育 三郎',
      email: 'kodomo@city.oshu.example',
      password: 'first-password-2026',
      roles: ['childcare:clerk', 'nonsense:admin'],
    });
    assert.equal(created.statusCode, 303);
    const roles = await t.db.kysely
      .selectFrom('staff_roles')
      .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
      .select(['department_code', 'role'])
      .where('login_id', '=', 'kodomo.tanto')
      .execute();
    assert.deepEqual(roles, [{ department_code: 'childcare', role: 'clerk' }], 'unknown departments are ignored');

    const person = t.browser();
    await person.get('/staff/login');
    const first = await person.post('/staff/login', { loginId: 'kodomo.tanto', password: 'first-password-2026', next: '' });
    assert.equal(first.headers.location, '/staff/login/enrol');
    const enrol = await person.get('/staff/login/enrol');
    assert.match(enrol.body, /<img class="qr" src="data:image\/png;base64,/);
    const secret = /id="totp-secret">([A-Z2-7 ]+)</.exec(enrol.body)![1]!.replace(/ /g, '');
    const wrong = await person.post('/staff/login/enrol', { code: '123456' });
    assert.equal(wrong.statusCode, 401);
    const done = await person.follow(await person.post('/staff/login/enrol', { code: totpAt(secret, currentStep()) }));
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /二要素認証を設定しました/);

    const target = await t.db.kysely.selectFrom('staff').select(['id', 'totp_enabled']).where('login_id', '=', 'kodomo.tanto').executeTakeFirstOrThrow();
    assert.equal(target.totp_enabled, true);
    await admin.get(`/staff/admin/staff/${target.id}`);
    const noReason = await admin.post(`/staff/admin/staff/${target.id}/reset-mfa`, { resetReason: '' });
    assert.equal(noReason.statusCode, 400);
    assert.equal((await admin.post(`/staff/admin/staff/${target.id}/reset-mfa`, { resetReason: 'lost phone' })).statusCode, 303);
    assert.equal((await person.get('/staff')).statusCode, 303, 'sessions end when MFA is reset');
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'reason']).where('action', '=', 'staff.mfa.reset').executeTakeFirstOrThrow();
    assert.equal(audit.reason, 'lost phone');
  });

  test('roles can be changed and the change is audited with before and after', async () => {
    const admin = t.browser();
    await admin.loginStaff('admin');
    const target = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'zeimu.tanto').executeTakeFirstOrThrow();
    await admin.get(`/staff/admin/staff/${target.id}`);
    const saved = await admin.post(`/staff/admin/staff/${target.id}`, { displayName: '税務 次郎', email: '', active: 'true', roles: ['tax:manager'], reason: '昇任' });
    assert.equal(saved.headers.location, `/staff/admin/staff/${target.id}`);
    const entry = await t.db.kysely.selectFrom('audit_log').select(['details', 'reason']).where('action', '=', 'staff.updated').orderBy('seq', 'desc').executeTakeFirstOrThrow();
    assert.equal(entry.reason, '昇任');
    assert.deepEqual((entry.details as { after: { roles: unknown } }).after.roles, [{ department: 'tax', role: 'manager' }]);
  });

  test('an administrator cannot change their own roles or deactivate themselves', async () => {
    const admin = t.browser();
    await admin.loginStaff('admin');
    const self = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'admin').executeTakeFirstOrThrow();
    await admin.get(`/staff/admin/staff/${self.id}`);
    const grab = await admin.post(`/staff/admin/staff/${self.id}`, { displayName: '管理 太郎（DX推進室）', email: '', active: 'true', roles: ['dx:admin', 'tax:manager'], reason: '' });
    assert.equal(grab.statusCode, 400);
    assert.match(grab.body, /自分自身の役割や利用停止は変更できません/);
    const off = await admin.post(`/staff/admin/staff/${self.id}`, { displayName: '管理 太郎（DX推進室）', email: '', active: 'false', roles: ['dx:admin'], reason: '' });
    assert.equal(off.statusCode, 400);
    const rename = await admin.post(`/staff/admin/staff/${self.id}`, { displayName: '管理 太郎（DX推進室 室長）', email: '', active: 'true', roles: ['dx:admin'], reason: '' });
    assert.equal(rename.statusCode, 303, 'other details of oneself can still be edited');
    const roles = await t.db.kysely.selectFrom('staff_roles').select(['department_code', 'role']).where('staff_id', '=', self.id).execute();
    assert.deepEqual(roles, [{ department_code: 'dx', role: 'admin' }]);
  });
});
