/**
 * Test helpers for the counter: the real app in memory (createTestApp, every service
 * with its demo data) on a fixed weekday morning with a clock tests can move; and the
 * clerk's steps as one-line helpers.
 */
import crypto from 'node:crypto';



import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';


import { BrowserSession } from '../../platform/testing/browser-session.ts';
import type { TestApp } from '../../platform/testing/test-app.ts';
import { createTestApp } from '../../platform/testing/test-app.ts';

/** Tuesday 24 November 2026, 10:00 in Japan. */
export const TEST_NOW = new Date('2026-11-24T01:00:00Z');

export interface CounterTestApp extends TestApp {
  clock: { now: Date };
  /** Moves the app's clock forward. */
  advance(minutes: number): void;
}

export async function startCounterApp(options: { env?: Record<string, string> } = {}): Promise<CounterTestApp> {
  const clock = { now: new Date(TEST_NOW) };
  const t = await createTestApp({ now: () => clock.now, ...(options.env ? { env: options.env } : {}) });
  return {
    ...t,
    clock,
    advance: (minutes) => {
      clock.now = new Date(clock.now.getTime() + minutes * 60_000);
    },
  };
}

/** The visit id in a /staff/counter/visits/:id location. */
export function visitIdOf(location: unknown): string {
  const id = /\/staff\/counter\/visits\/([0-9a-f-]{36})/.exec(String(location))?.[1];
  assert.ok(id, `no visit id in ${String(location)}`);
  return id;
}

/** Starts a visit for a resident with the My Number card checked; returns the visit id. */
export async function startVisitFor(b: BrowserSession, residentId: string, identity: Record<string, string> = { method: 'mynumber-card', digits: '1234' }): Promise<string> {
  await b.get(`/staff/counter/residents/${residentId}`);
  const response = await b.post(`/staff/counter/residents/${residentId}/visits`, { method: '', digits: '', note: '', agentName: '', agentDocument: '', ...identity });
  assert.equal(response.statusCode, 303, `starting a visit: ${response.statusCode} ${response.body.slice(0, 300)}`);
  return visitIdOf(response.headers.location);
}

/** The content hash a visit page or second screen carries in its confirmation form. */
export function shownHash(html: string): string {
  const hash = /name="contentHash" value="([0-9a-f]{64})"/.exec(html)?.[1];
  assert.ok(hash, 'the page offers a confirmation');
  return hash;
}

/** Posts multipart/form-data (a form with a file input) with the session's cookies and CSRF token. */
export async function postMultipart(t: TestApp, b: BrowserSession, url: string, fields: Record<string, string | string[]>, files: { name: string; filename: string; type: string; bytes: Buffer }[]): Promise<LightMyRequestResponse> {
  const boundary = `----counter${crypto.randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  const add = (head: string, body: Buffer) => parts.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), body, Buffer.from('\r\n'));
  for (const [name, value] of Object.entries({ _csrf: b.csrf, ...fields })) {
    for (const v of Array.isArray(value) ? value : [value]) add(`Content-Disposition: form-data; name="${name}"`, Buffer.from(v, 'utf8'));
  }
  for (const f of files) add(`Content-Disposition: form-data; name="${f.name}"; filename="${f.filename}"\r\nContent-Type: ${f.type}`, f.bytes);
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    headers: { host: 'localhost:3000', cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

/** A 1×1 PNG: the smallest scan a test can attach. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
