/** Dates on Notify's pages, in Japan time whatever the server's zone. */
export function formatJapanTime(d: Date | null, locale: string, seconds = false): string {
  if (!d) return '—';
  return d.toLocaleString(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: seconds ? 'medium' : 'short' });
}
