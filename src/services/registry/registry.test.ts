import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { registryDb } from './tables.ts';

let t: TestApp;
let clerk: BrowserSession;
let manager: BrowserSession;
before(async () => {
  t = await createTestApp();
  clerk = t.browser();
  await clerk.loginStaff('shimin.tanto');
  manager = t.browser();
  await manager.loginStaff('shimin.kacho');
});
after(() => t.close());

function resultCount(html: string): number {
  const match = /検索結果 (\d+)件/.exec(html);
  assert.ok(match, 'a result count is shown');
  return Number(match[1]);
}

async function record(id: string) {
  return registryDb(t.db.kysely).selectFrom('registry_residents').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('search', () => {
  test('kana in hiragana, katakana or half-width kana finds the same people', async () => {
    const r = await record('r0001');
    const katakana = `${r.family_name_kana}${r.given_name_kana}`;
    const hiragana = katakana.replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
    const halfWidth = katakana.normalize('NFKD'); // decomposes voiced marks; NFKC in the app recomposes
    const counts = [];
    for (const q of [katakana, hiragana, `${r.family_name_kana}　${r.given_name_kana}`, halfWidth]) {
      const page = await clerk.get(`/staff/registry?kana=${encodeURIComponent(q)}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /href="\/staff\/registry\/residents\/r0001"/);
      counts.push(resultCount(page.body));
    }
    assert.equal(new Set(counts).size, 1);
  });

  test('old-form kanji match their standard forms both ways (髙橋 ~ 高橋)', async () => {
    const r = await record('r0002');
    assert.equal(r.family_name, '髙橋');
    const page = await clerk.get(`/staff/registry?name=${encodeURIComponent(`高橋 ${r.given_name}`)}`);
    assert.match(page.body, /r0002/);
    const reverse = await clerk.get(`/staff/registry?name=${encodeURIComponent('髙橋')}`);
    const plain = await clerk.get(`/staff/registry?name=${encodeURIComponent('高橋')}`);
    assert.equal(resultCount(reverse.body), resultCount(plain.body));
  });

  test('birth date in 和暦 or Western form, and address with or without 区', async () => {
    const r = await record('r0001');
    const [y, m, d] = r.birth_date.split('-').map(Number) as [number, number, number];
    const showa = y >= 1926 && y <= 1988 ? `昭和${y - 1925}年${m}月${d}日` : y >= 1989 ? `平成${y - 1988}年${m}月${d}日` : r.birth_date;
    const western = await clerk.get(`/staff/registry?birthDate=${r.birth_date}`);
    const wareki = await clerk.get(`/staff/registry?birthDate=${encodeURIComponent(showa)}`);
    assert.match(wareki.body, /r0001/);
    assert.equal(resultCount(western.body), resultCount(wareki.body));
    const withKu = await clerk.get(`/staff/registry?address=${encodeURIComponent('奥州市水沢区大手町')}`);
    const withoutKu = await clerk.get(`/staff/registry?address=${encodeURIComponent('水沢大手町')}`);
    assert.equal(resultCount(withKu.body), resultCount(withoutKu.body));
    assert.ok(resultCount(withKu.body) > 0);
  });

  test('the area filter narrows to one of the five areas', async () => {
    const all = resultCount((await clerk.get(`/staff/registry?kana=${encodeURIComponent('サ')}`)).body);
    const byArea = await Promise.all(['水沢', '江刺', '前沢', '胆沢', '衣川'].map(async (area) => resultCount((await clerk.get(`/staff/registry?kana=${encodeURIComponent('サ')}&area=${encodeURIComponent(area)}`)).body)));
    assert.equal(byArea.reduce((a, b) => a + b, 0), all);
    assert.ok(byArea.every((n) => n < all));
    const page = await clerk.get(`/staff/registry?area=${encodeURIComponent('衣川')}`);
    assert.match(page.body, /<option value="衣川" selected>/);
  });

  test('a bad date names the field and the fix, and keeps what was typed', async () => {
    const page = await clerk.get(`/staff/registry?kana=${encodeURIComponent('サトウ')}&birthDate=${encodeURIComponent('平成32年1月1日')}`);
    assert.equal(page.statusCode, 400);
    assert.match(page.body, /その元号の期間にない日付です/);
    assert.match(page.body, /href="#birthDate"/);
    assert.match(page.body, /value="サトウ"/);
  });

  test('results page, 20 at a time', async () => {
    const page1 = await clerk.get(`/staff/registry?address=${encodeURIComponent('水沢')}`);
    const total = resultCount(page1.body);
    assert.ok(total > 40);
    assert.equal((page1.body.match(/href="\/staff\/registry\/residents\//g) ?? []).length, 20);
    assert.match(page1.body, /rel="next"/);
    const page2 = await clerk.get(`/staff/registry?address=${encodeURIComponent('水沢')}&page=2`);
    assert.notEqual(page1.body.match(/residents\/(r\d+)/)![1], page2.body.match(/residents\/(r\d+)/)![1]);
  });

  test('staff of another department may not search the registry', async () => {
    const tax = t.browser();
    await tax.loginStaff('zeimu.tanto');
    assert.equal((await tax.get('/staff/registry?kana=%E3%82%B5')).statusCode, 403);
    assert.equal((await tax.get('/api/registry/residents/r0001')).statusCode, 404);
  });

  test('the JSON API searches the same way and validates its input', async () => {
    const ok = await clerk.get(`/api/registry/residents?kana=${encodeURIComponent('さとう')}`);
    assert.equal(ok.statusCode, 200);
    const body = ok.json();
    assert.ok(body.total > 0);
    assert.ok(body.items.every((i: { familyNameKana: string; givenNameKana: string }) => `${i.familyNameKana}${i.givenNameKana}`.includes('サトウ')));
    const bad = await clerk.get('/api/registry/residents?page=0');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.code, 'invalid_input');
    assert.equal(bad.json().error.fields[0].field, 'page');
  });
});

describe('viewing a record', () => {
  test('shows the record, household and movements, and is audited', async () => {
    const page = await clerk.get('/staff/registry/residents/r0001');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /世帯の構成/);
    assert.match(page.body, /異動履歴/);
    assert.match(page.body, /（(昭和|平成|令和)/, 'dates carry 和暦');
    const staffId = (await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'shimin.tanto').executeTakeFirstOrThrow()).id;
    const entry = await t.db.kysely
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'registry.resident.viewed')
      .where('target_id', '=', 'r0001')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_type, 'staff');
    assert.equal(entry.actor_id, staffId);
  });

  test('an unknown id is a 404 page in the user’s language', async () => {
    const page = await clerk.get('/staff/registry/residents/nope', { 'accept-language': 'en' });
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /Page not found/);
  });
});

describe('CSV', () => {
  test('export is for managers, with a BOM and the import columns', async () => {
    assert.equal((await clerk.get('/staff/registry/export.csv?address=%E8%A1%A3%E5%B7%9D')).statusCode, 403);
    const csv = await manager.get('/staff/registry/export.csv?address=%E8%A1%A3%E5%B7%9D');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFF住民票コード,世帯番号,氏,名,氏カナ,名カナ,生年月日,性別,続柄,町字コード,番地,状態'));
    const lines = csv.body.trim().split('\n');
    const search = await manager.get('/staff/registry?address=%E8%A1%A3%E5%B7%9D');
    assert.equal(lines.length - 1, resultCount(search.body));
    const audit = await t.db.kysely.selectFrom('audit_log').select('details').where('action', '=', 'registry.exported').executeTakeFirstOrThrow();
    assert.equal((audit.details as { rows: number }).rows, lines.length - 1);
  });

  async function upload(session: BrowserSession, name: string, content: Buffer | string) {
    const boundary = '----oshu' + Math.random().toString(16).slice(2);
    const body = Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${session.csrf}\r\n`),
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return t.app.inject({
      method: 'POST',
      url: '/staff/registry/import',
      headers: { cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: body,
    });
  }

  const header = '住民票コード,世帯番号,氏,名,氏カナ,名カナ,生年月日,性別,続柄,町字コード,番地,状態';

  test('an import with errors reports every problem by row and column and writes nothing', async () => {
    const town = (await registryDb(t.db.kysely).selectFrom('registry_towns').select('code').executeTakeFirstOrThrow()).code;
    const before = await registryDb(t.db.kysely).selectFrom('registry_residents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const csv = [
      header,
      `90000000001,0090000001,奥州,一郎,オウシュウ,イチロウ,昭和50年1月2日,男,世帯主,${town},1番地,住民`,
      `9000000000X,0090000001,奥州,花子,おうしゅう,はなこ,平成32年1月1日,女,妻,${town},1番地,住民`,
      `90000000003,0090000001,奥州,次郎,Oshu,ジロウ,2001-02-30,X,次男,9999,,引越`,
    ].join('\n');
    const response = await upload(manager, 'residents.csv', csv);
    assert.equal(response.statusCode, 422);
    assert.match(response.body, /誤りがあるため、取り込みませんでした/);
    for (const message of ['住民票コードは11桁', '生年月日は', 'フリガナは', '性別は', '続柄が', '町字コードが', '番地を', '状態は']) {
      assert.match(response.body, new RegExp(message));
    }
    const after = await registryDb(t.db.kysely).selectFrom('registry_residents').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(after.n, before.n);
    const link = /href="(\/staff\/registry\/import\/problems\/[^"]+)"/.exec(response.body)![1]!;
    const report = await manager.get(link);
    assert.equal(report.statusCode, 200);
    assert.match(report.body, /^\uFEFF行,項目,入力値,内容/);
    assert.match(report.body, /^3,住民票コード,9000000000X,/m);
    assert.equal((await clerk.get(link)).statusCode, 404, 'another person cannot even learn the report exists');
  });

  test('a valid import creates residents with a 転入 movement; they are then searchable', async () => {
    const town = (await registryDb(t.db.kysely).selectFrom('registry_towns').select('code').executeTakeFirstOrThrow()).code;
    const csv = `\uFEFF${header}\n90000000011,0090000011,奥州,一郎,オウシュウ,イチロウ,S50.1.2,男,世帯主,${town},１番地,住民\n90000000012,0090000011,奥州,花子,おうしゅう,はなこ,1977-03-04,女,妻,${town},1番地,住民\n`;
    const response = await upload(manager, 'new.csv', csv);
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /2件を取り込みました/);
    const created = await record('r-90000000011');
    assert.equal(created.birth_date, '1975-01-02');
    assert.equal(created.family_name_kana, 'オウシュウ');
    const moves = await registryDb(t.db.kysely).selectFrom('registry_movements').select('kind').where('resident_id', '=', 'r-90000000012').execute();
    assert.deepEqual(moves, [{ kind: '転入' }]);
    const search = await clerk.get(`/staff/registry?kana=${encodeURIComponent('おうしゅう')}`);
    assert.equal(resultCount(search.body), 2);
  });

  test('uploads are checked by content and size', async () => {
    const exe = await upload(manager, 'residents.csv', Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]));
    assert.equal(exe.statusCode, 415);
    assert.match(exe.body, /このファイルは受け付けられません/);
    const big = await upload(manager, 'big.csv', Buffer.alloc(11 * 1024 * 1024, 0x41));
    assert.equal(big.statusCode, 413);
    assert.match(big.body, /ファイルが大きすぎます/);
    assert.equal((await upload(clerk, 'x.csv', header)).statusCode, 403, 'clerks do not import');
  });
});
