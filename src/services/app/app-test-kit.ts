/** Helpers for the city app's tests: multipart forms, LINE webhook calls, an XML well-formedness check. */
import type { TestApp } from '../../platform/testing/test-app.ts';
import type { BrowserSession } from '../../platform/testing/browser-session.ts';
import { lineChannelSecret, signLineBody } from './notify-bridge.ts';

/** Posts a multipart form (with the CSRF token) as the staff editor's browser would. */
export async function postMultipart(t: TestApp, session: BrowserSession, url: string, fields: Record<string, string>, file?: { name: string; field: string; type: string; bytes: Buffer }) {
  const boundary = `----oshu${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries({ _csrf: session.csrf, ...fields })) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`), file.bytes, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return t.app.inject({
    method: 'POST',
    url,
    headers: { host: 'localhost:3000', cookie: [...session.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat(parts),
  });
}

let eventSeq = 0;

export const lineUser = (n: number) => `U${n.toString(16).padStart(32, '0')}`;

export function lineEvent(type: 'follow' | 'unfollow' | 'message', userId: string, text?: string, id?: string) {
  eventSeq++;
  return {
    type,
    mode: 'active',
    timestamp: Date.now(),
    webhookEventId: id ?? `01TESTEVENT${String(eventSeq).padStart(10, '0')}`,
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    replyToken: 'nHuyWiB7yP5Zw52FIkcQobQuGDXCTA',
    ...(type === 'message' ? { message: { id: String(eventSeq), type: 'text', text } } : {}),
  };
}

/** Calls the webhook as LINE would: the exact body bytes signed with the channel secret (or a given signature). */
export async function postLineWebhook(t: TestApp, events: unknown[], signature?: string) {
  const body = JSON.stringify({ destination: 'Uoshucity', events });
  return t.app.inject({
    method: 'POST',
    url: '/app/line/webhook',
    headers: { 'content-type': 'application/json; charset=utf-8', ...(signature === '' ? {} : { 'x-line-signature': signature ?? signLineBody(lineChannelSecret(t.platform), body) }) },
    payload: body,
  });
}

/**
 * A strict enough XML 1.0 well-formedness check for feeds: one root, tags nest and
 * match, attributes are quoted and unique, text and attributes hold no '<' and only
 * the predefined or numeric entities. Returns the first problem, or null.
 */
export function xmlProblem(xml: string): string | null {
  let s = xml;
  if (s.startsWith('\uFEFF')) s = s.slice(1);
  const decl = /^<\?xml\s+version="1\.0"(\s+encoding="[A-Za-z0-9._-]+")?(\s+standalone="(yes|no)")?\s*\?>/.exec(s);
  if (!decl) return 'missing XML declaration';
  s = s.slice(decl[0].length);
  const name = '[A-Za-z_:][A-Za-z0-9_:.-]*';
  const entity = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9A-Fa-f]+);)/;
  const stack: string[] = [];
  let roots = 0;
  let i = 0;
  while (i < s.length) {
    const lt = s.indexOf('<', i);
    const text = lt === -1 ? s.slice(i) : s.slice(i, lt);
    if (entity.test(text)) return `bad entity in text near "${text.slice(0, 40)}"`;
    if (stack.length === 0 && text.trim() !== '') return `text outside the root: "${text.trim().slice(0, 40)}"`;
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(text)) return 'control character in text';
    if (lt === -1) break;
    if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt);
      if (end === -1) return 'unclosed comment';
      i = end + 3;
      continue;
    }
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt);
      if (end === -1 || stack.length === 0) return 'bad CDATA';
      i = end + 3;
      continue;
    }
    const gt = s.indexOf('>', lt);
    if (gt === -1) return 'unclosed tag';
    const tag = s.slice(lt + 1, gt);
    if (tag.startsWith('/')) {
      const closing = tag.slice(1).trim();
      const open = stack.pop();
      if (open !== closing) return `</${closing}> closes <${open ?? 'nothing'}>`;
    } else {
      const selfClosing = tag.endsWith('/');
      const body = selfClosing ? tag.slice(0, -1) : tag;
      const m = new RegExp(`^(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*$`).exec(body);
      if (!m) return `malformed tag <${tag.slice(0, 60)}>`;
      const attrs = [...(m[2] ?? '').matchAll(new RegExp(`(${name})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g'))];
      const seen = new Set<string>();
      for (const a of attrs) {
        if (seen.has(a[1]!)) return `duplicate attribute ${a[1]}`;
        seen.add(a[1]!);
        if (entity.test(a[2] ?? a[3] ?? '')) return `bad entity in attribute ${a[1]}`;
      }
      if (stack.length === 0) roots++;
      if (roots > 1) return 'more than one root element';
      if (!selfClosing) stack.push(m[1]!);
    }
    i = gt + 1;
  }
  if (stack.length) return `unclosed <${stack.at(-1)}>`;
  return roots === 1 ? null : 'no root element';
}
