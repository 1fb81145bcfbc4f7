/**
 * A tiny cookie-keeping client over fastify.inject, for HTTP tests that walk
 * through pages like a browser without JavaScript: it keeps cookies, follows
 * redirects when asked, and reads the CSRF token from the last page.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { DEMO_STAFF_PASSWORD, demoTotpSecret } from '../staff/demo-staff.ts';
import { currentStep, totpAt } from '../staff/totp.ts';

export class BrowserSession {
  readonly cookies = new Map<string, string>();
  lastHtml = '';

  /**
   * `beforeStaffLogin` lets a test app clear the TOTP replay guard: tests log
   * the same demo account in many times within one 30-second step, which the
   * guard rightly refuses in real life (totp.test.ts covers the guard itself).
   */
  constructor(
    private readonly app: FastifyInstance,
    private readonly hooks: { beforeStaffLogin?: (loginId: string) => Promise<void> } = {},
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(response: LightMyRequestResponse) {
    for (const c of response.cookies as { name: string; value: string; expires?: Date; maxAge?: number }[]) {
      const expired = (c.expires && c.expires.getTime() < Date.now()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if ((response.headers['content-type'] ?? '').toString().includes('text/html')) this.lastHtml = response.body;
  }

  get csrf(): string {
    return this.cookies.get('oshu_csrf') ?? '';
  }

  async request(method: 'GET' | 'POST', url: string, payload?: Record<string, string | string[]>, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const target = url.startsWith('http') ? new URL(url) : new URL(url, 'http://localhost:3000');
    let body: string | undefined;
    if (payload) {
      const params = new URLSearchParams();
      for (const [k, v] of Object.entries(payload)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
      body = params.toString();
    }
    const response = await this.app.inject({
      method,
      url: target.pathname + target.search,
      headers: {
        host: target.host,
        cookie: this.cookieHeader(),
        ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: body } : {}),
    });
    this.remember(response);
    return response;
  }

  get(url: string, headers: Record<string, string> = {}) {
    return this.request('GET', url, undefined, headers);
  }

  /** Calls the JSON API with this session's cookies and CSRF header, as a page script would. */
  async json(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
    const response = await this.app.inject({
      method,
      url,
      headers: { host: 'localhost:3000', cookie: this.cookieHeader(), 'x-csrf-token': this.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    this.remember(response);
    return response;
  }

  /** Posts a form with the CSRF token, as the page's own form would. */
  post(url: string, form: Record<string, string | string[]> = {}) {
    return this.request('POST', url, { _csrf: this.csrf, ...form });
  }

  /** Follows redirects (GET) until a page answers. */
  async follow(response: LightMyRequestResponse, limit = 10): Promise<LightMyRequestResponse> {
    let current = response;
    for (let i = 0; i < limit && current.statusCode >= 300 && current.statusCode < 400; i++) {
      current = await this.get(String(current.headers.location));
    }
    return current;
  }

  async loginStaff(loginId: string, password = DEMO_STAFF_PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/staff/login');
    const afterPassword = await this.post('/staff/login', { loginId, password, next: '/staff' });
    if (afterPassword.headers.location !== '/staff/login/mfa') {
      throw new Error(`staff login of ${loginId} stopped at the password step (${afterPassword.statusCode})`);
    }
    await this.get('/staff/login/mfa');
    await this.hooks.beforeStaffLogin?.(loginId);
    const code = totpAt(demoTotpSecret(loginId), currentStep());
    return this.follow(await this.post('/staff/login/mfa', { code, next: '/staff' }));
  }

  /** Walks the resident OpenID Connect flow through the demo provider's screen. */
  async loginResident(account: string, method: 'card' | 'password' = 'card'): Promise<LightMyRequestResponse> {
    await this.get('/auth/login');
    let response = await this.post('/auth/start', { next: '/mypage' });
    response = await this.follow(response);
    const action = /action="(\/demo-idp\/interaction\/[^"]+)"/.exec(this.lastHtml)?.[1];
    if (!action) throw new Error('demo provider login page not reached');
    response = await this.post(action, { account, method, pin: method === 'card' ? '1234' : '' });
    return this.follow(response);
  }
}
