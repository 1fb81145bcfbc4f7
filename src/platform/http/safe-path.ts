/**
 * Redirect targets taken from the request (`next`, `back`) must stay on this
 * site. Browsers read "\" as "/", so "/\evil.example" would leave it: only
 * plain same-site paths pass, anything else becomes the fallback.
 */
export function sameSitePath(value: unknown, fallback: string): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[^\s\\]*$/.test(value)) return fallback;
  const url = new URL(value, 'http://same-site.invalid');
  return url.origin === 'http://same-site.invalid' ? url.pathname + url.search : fallback;
}
