/**
 * Test helpers for online procedures: a fixture definition that exercises every part of
 * the flow (prefill, a condition that skips a page, a group, a fee by quantity, a file,
 * a consent), publishing it as DX staff, multipart posts through the cookie-keeping
 * client, and a resident login that lands on a chosen page.
 */
import crypto from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { publishVersion } from './procedure-store.ts';
import { proceduresDb } from './tables.ts';

/** Tuesday 24 November 2026, 10:00 in Japan. */
export const TEST_NOW = new Date('2026-11-24T01:00:00Z');

const L = (ja: string, en: string) => ({ ja, en });

export function testDefinition(overrides: Record<string, unknown> = {}) {
  return {
    id: 'test-permit',
    title: L('テスト許可申請', 'Test permit'),
    summary: L('手続きの流れを試すための申請です。', 'An application to exercise the flow.'),
    category: 'community',
    lifeEvents: ['moving'],
    keywords: ['てすときょか'],
    department: 'citizens',
    assurance: 'password',
    processingDays: 5,
    fee: { unitYen: 200, quantityField: 'copies', label: L('手数料', 'Fee') },
    payment: ['online', 'counter'],
    pages: [
      {
        id: 'who',
        title: L('申請する方', 'About you'),
        fields: [
          { id: 'name', type: 'text', label: L('氏名', 'Name'), required: true, maxLength: 40, prefill: 'resident.name' },
          { id: 'kana', type: 'kana', label: L('フリガナ', 'Kana'), required: true, maxLength: 60, prefill: 'resident.nameKana' },
          { id: 'since', type: 'date', label: L('住み始めた日', 'Living here since'), required: true, max: 'today' },
          { id: 'postal', type: 'postal', label: L('郵便番号', 'Postal code') },
          { id: 'address', type: 'address', label: L('住所', 'Address'), maxLength: 120 },
          { id: 'email', type: 'email', label: L('メールアドレス', 'Email') },
          { id: 'hasPet', type: 'radios', label: L('ペットを飼っていますか', 'Do you keep a pet?'), required: true, options: [{ value: 'yes', label: L('はい', 'Yes') }, { value: 'no', label: L('いいえ', 'No') }] },
        ],
      },
      { id: 'pet', title: L('ペット', 'Your pet'), when: { field: 'hasPet', equals: 'yes' }, fields: [{ id: 'petName', type: 'text', label: L('ペットの名前', 'Pet name'), required: true, maxLength: 40 }] },
      {
        id: 'family',
        title: L('家族', 'Family'),
        fields: [
          { id: 'members', type: 'group', label: L('同居の家族', 'Family members'), itemLabel: L('家族', 'Member'), maxItems: 3, fields: [{ id: 'memberName', type: 'text', label: L('氏名', 'Name'), required: true, maxLength: 40 }] },
          { id: 'copies', type: 'number', label: L('通数', 'Copies'), required: true, min: 1, max: 5, unit: L('通', 'copies') },
        ],
      },
      { id: 'docs', title: L('書類', 'Documents'), fields: [{ id: 'photo', type: 'file', label: L('写真', 'Photo'), accept: ['image/png', 'image/jpeg', 'application/pdf'], maxBytes: 2048 }] },
      { id: 'confirm', title: L('確認', 'Declaration'), fields: [{ id: 'agree', type: 'consent', label: L('内容に間違いはありません。', 'This is true.'), required: true }] },
    ],
    ...overrides,
  };
}

export async function startProceduresApp(): Promise<TestApp> {
  // PROCEDURES_TEST_LOG=error shows the app's own log while debugging a test.
  return createTestApp({ now: () => TEST_NOW, ...(process.env.PROCEDURES_TEST_LOG ? { env: { LOG_LEVEL: process.env.PROCEDURES_TEST_LOG } } : {}) });
}

/** Publishes a definition as the DX administrator; returns the version. */
export async function publishAsAdmin(app: TestApp, definition: unknown, procedureId: string | null = null): Promise<number> {
  const row = await app.db.kysely.selectFrom('staff').select('id').where('login_id', '=', 'admin').executeTakeFirstOrThrow();
  const admin = (await loadStaffActor(app.db.kysely, row.id))!;
  const result = await publishVersion(app.db.kysely, admin, procedureId, definition);
  if (!result.ok) throw new Error(`fixture did not publish: ${JSON.stringify(result.errors)}`);
  return result.version;
}

/**
 * Logs a demo resident in through the demo provider, starting from `next` as the login page
 * would; stops at the redirect to `next` (not following it), so the caller sees where login led.
 * The provider may remember an earlier login and skip its own page.
 */
export async function loginResidentTo(b: BrowserSession, account: string, method: 'card' | 'password', next: string): Promise<LightMyRequestResponse> {
  await b.get(`/auth/login?next=${encodeURIComponent(next)}`);
  let response = await b.post('/auth/start', { next });
  const target = next.split('?')[0]!;
  for (let i = 0; i < 20; i++) {
    if (response.statusCode >= 300 && response.statusCode < 400) {
      const location = String(response.headers.location);
      const path = location.startsWith('http') ? new URL(location).pathname : location.split('?')[0]!;
      if (path === target) return response;
      response = await b.get(location);
      continue;
    }
    const action = /action="(\/demo-idp\/interaction\/[^"]+)"/.exec(response.body)?.[1];
    if (!action) break;
    response = await b.post(action, { account, method, pin: method === 'card' ? '1234' : '' });
  }
  throw new Error(`login did not lead to ${next} (${response.statusCode})`);
}

/** Posts multipart/form-data (fields + files) with the session's cookies and CSRF token, keeping the cookies it sets. */
export async function postMultipart(app: TestApp, b: BrowserSession, url: string, fields: Record<string, string | string[]>, files: { name: string; filename: string; type: string; bytes: Buffer }[]): Promise<LightMyRequestResponse> {
  const boundary = `----oshu${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  const add = (head: string, body: Buffer) => parts.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), body, Buffer.from('\r\n'));
  for (const [name, value] of Object.entries({ _csrf: b.csrf, ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) add(`Content-Disposition: form-data; name="${name}"`, Buffer.from(v, 'utf8'));
  }
  for (const f of files) add(`Content-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}`, f.bytes);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const response = await app.app.inject({
    method: 'POST',
    url,
    headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
  for (const c of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
    if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) b.cookies.delete(c.name);
    else b.cookies.set(c.name, c.value);
  }
  return response;
}

/** The application id in a /procedures/applications/:id/... location. */
export function applicationIdOf(location: unknown): string {
  const id = /\/procedures\/applications\/([0-9a-f-]{36})/.exec(String(location))?.[1];
  if (!id) throw new Error(`no application id in ${String(location)}`);
  return id;
}

export async function applicationRow(app: TestApp, id: string) {
  return proceduresDb(app.db.kysely).selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

export const PNG_1PX = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
