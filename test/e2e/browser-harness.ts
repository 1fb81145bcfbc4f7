/**
 * Serves the real app on a loopback port and drives Debian's Chromium with
 * Playwright; axe-core checks accessibility (WCAG 2.1 A/AA rules).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { DEMO_STAFF_PASSWORD, demoTotpSecret } from '../../src/platform/staff/demo-staff.ts';
import { currentStep, totpAt } from '../../src/platform/staff/totp.ts';
import type { CityService } from '../../src/platform/catalogue/city-service.ts';
import { createTestApp, type TestApp } from '../../src/platform/testing/test-app.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Served {
  app: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A browser context as a resident in Japan has it: Japanese locale and time zone. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** Logs a demo staff account in (password + current TOTP) and returns the page at /staff. */
  staffLogin(context: BrowserContext, loginId: string): Promise<Page>;
  close(): Promise<void>;
}

/** `services`: a subset of the app's services (each with its demo data); `env`: extra configuration. */
export async function serveAndLaunch(options: { now?: () => Date; services?: CityService[]; env?: Record<string, string> } = {}): Promise<Served> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: run .ci/run (it installs Debian's chromium) or set CHROMIUM_PATH`);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const app = await createTestApp({ env: { ...options.env, PUBLIC_URL: baseUrl }, ...(options.now ? { now: options.now } : {}), ...(options.services ? { services: options.services } : {}) });
  await app.app.listen({ port, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    app,
    baseUrl,
    browser,
    newContext: (options = {}) => browser.newContext({ locale: 'ja-JP', timezoneId: 'Asia/Tokyo', ...options }),
    async staffLogin(context, loginId) {
      const page = await context.newPage();
      await page.goto(`${baseUrl}/staff/login`);
      await page.getByLabel('職員ID').fill(loginId);
      await page.getByLabel('パスワード').fill(DEMO_STAFF_PASSWORD);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL(/\/staff\/login\/mfa$/);
      // A code may be used once; tests log the same account in several times within 30 s.
      await app.db.kysely.updateTable('staff').set({ last_totp_step: 0 }).where('login_id', '=', loginId).execute();
      await page.getByLabel('確認コード（6桁）').fill(totpAt(demoTotpSecret(loginId), currentStep()));
      await page.getByRole('button', { name: '確認する' }).click();
      await page.waitForURL(/\/staff$/);
      return page;
    },
    async close() {
      await browser.close();
      await app.close();
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page (through the DevTools protocol, so our CSP does not block it). */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
}

/** Fails the test with every axe-core violation on the page, named. */
export async function assertAccessible(page: Page): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], describeViolations(page.url(), violations));
}

export function describeViolations(url: string, violations: AxeViolation[]): string {
  return `${url}: ${violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('; ')}`;
}
