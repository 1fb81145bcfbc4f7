/**
 * Just enough MIME to show received mail in the simulator inbox: headers (folded,
 * RFC 2047 encoded words), base64 / quoted-printable bodies in any charset Node's
 * TextDecoder knows (UTF-8, ISO-2022-JP, Shift_JIS), and the first text/plain part
 * of a multipart message.
 */

export interface ParsedMail {
  headers: Map<string, string>;
  subject: string;
  text: string;
}

function decodeCharset(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset || 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function quotedPrintable(text: string, encodedWord = false): Uint8Array {
  const source = encodedWord ? text.replace(/_/g, ' ') : text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(source.slice(i + 1, i + 3))) {
      bytes.push(parseInt(source.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(c, 'utf8'));
  }
  return Uint8Array.from(bytes);
}

/** =?UTF-8?B?…?= and =?ISO-2022-JP?Q?…?= words; whitespace between two encoded words is dropped (RFC 2047 §6.2). */
export function decodeHeaderValue(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, charset: string, encoding: string, text: string) =>
      decodeCharset(encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64') : quotedPrintable(text, true), charset.toLowerCase()),
    );
}

function splitHeaders(raw: string): { headers: Map<string, string>; body: string } {
  const end = raw.search(/\r?\n\r?\n/);
  const head = end < 0 ? raw : raw.slice(0, end);
  const body = end < 0 ? '' : raw.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) {
      const name = line.slice(0, colon).trim().toLowerCase();
      if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
    }
  }
  return { headers, body };
}

function parameter(header: string, name: string): string {
  const match = new RegExp(`${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header);
  return match ? (match[1] ?? match[2] ?? '') : '';
}

function decodeBody(body: string, headers: Map<string, string>): string {
  const type = headers.get('content-type') ?? 'text/plain';
  const charset = parameter(type, 'charset').toLowerCase() || 'utf-8';
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (encoding === 'base64') return decodeCharset(Buffer.from(body.replace(/\s+/g, ''), 'base64'), charset);
  if (encoding === 'quoted-printable') return decodeCharset(quotedPrintable(body), charset);
  return decodeCharset(Buffer.from(body, 'latin1'), charset);
}

function textOf(headers: Map<string, string>, body: string, depth = 0): string {
  const type = (headers.get('content-type') ?? 'text/plain').toLowerCase();
  if (type.startsWith('multipart/') && depth < 5) {
    const boundary = parameter(headers.get('content-type')!, 'boundary');
    const parts = body.split(`--${boundary}`).slice(1);
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const parsed = splitHeaders(part.replace(/^\r?\n/, ''));
      const text = textOf(parsed.headers, parsed.body.replace(/\r?\n$/, ''), depth + 1);
      if (text) return text;
    }
    return '';
  }
  return type.startsWith('text/plain') ? decodeBody(body, headers).replace(/\r\n/g, '\n').replace(/\n$/, '') : '';
}

/** `raw` as the bytes arrived (latin1 keeps 8-bit bodies intact until their charset is known). */
export function parseMail(raw: Buffer): ParsedMail {
  const { headers, body } = splitHeaders(raw.toString('latin1'));
  return { headers, subject: decodeHeaderValue(headers.get('subject') ?? ''), text: textOf(headers, body) };
}
