/**
 * RSS 2.0 and Atom 1.0 feeds of the published news. Pure functions: articles in, XML
 * out. Text is escaped for XML (& < > " ') and stripped of characters XML 1.0 cannot
 * hold; dates are RFC 822 in RSS (pubDate) and RFC 3339 in Atom; every link is absolute.
 */
import { AREA_JA, CATEGORY_JA, type AreaCode, type CategoryCode } from './taxonomy.ts';

export interface FeedArticle {
  id: string;
  title: string;
  summary: string;
  body: string;
  category: CategoryCode;
  area: AreaCode;
  published_at: Date;
  updated_at: Date;
}

export interface FeedInfo {
  /** Public base URL, no trailing slash. */
  baseUrl: string;
  title: string;
  description: string;
  /** The query the feed was filtered with (kept on the self link). */
  query: string;
}

// Characters outside XML 1.0's Char production (control characters, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** RFC 822 date as RSS wants it (RFC 1123 form, four-digit year, GMT). */
export const rfc822 = (date: Date) => date.toUTCString();
/** RFC 3339 (Atom), in UTC. */
export const rfc3339 = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

export const articleUrl = (baseUrl: string, id: string) => `${baseUrl}/app/news/${id}`;

function excerpt(a: FeedArticle): string {
  if (a.summary) return a.summary;
  const flat = a.body.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

const latest = (articles: FeedArticle[], fallback: Date) => articles.reduce((max, a) => (a.updated_at > max ? a.updated_at : max), articles[0]?.updated_at ?? fallback);

export function rssFeed(info: FeedInfo, articles: FeedArticle[], now: Date): string {
  const self = `${info.baseUrl}/app/feed.rss${info.query}`;
  const items = articles.map((a) => {
    const url = articleUrl(info.baseUrl, a.id);
    return [
      '    <item>',
      `      <title>${xmlEscape(a.title)}</title>`,
      `      <link>${xmlEscape(url)}</link>`,
      `      <guid isPermaLink="true">${xmlEscape(url)}</guid>`,
      `      <description>${xmlEscape(excerpt(a))}</description>`,
      `      <category>${xmlEscape(CATEGORY_JA[a.category])}</category>`,
      `      <category domain="${xmlEscape(`${info.baseUrl}/app/news?area=`)}">${xmlEscape(AREA_JA[a.area])}</category>`,
      `      <pubDate>${rfc822(a.published_at)}</pubDate>`,
      '    </item>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
    '  <channel>',
    `    <title>${xmlEscape(info.title)}</title>`,
    `    <link>${xmlEscape(`${info.baseUrl}/app/news`)}</link>`,
    `    <description>${xmlEscape(info.description)}</description>`,
    '    <language>ja</language>',
    `    <lastBuildDate>${rfc822(latest(articles, now))}</lastBuildDate>`,
    `    <atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

export function atomFeed(info: FeedInfo, articles: FeedArticle[], now: Date): string {
  const self = `${info.baseUrl}/app/feed.atom${info.query}`;
  const entries = articles.map((a) => {
    const url = articleUrl(info.baseUrl, a.id);
    return [
      '  <entry>',
      `    <id>urn:uuid:${xmlEscape(a.id)}</id>`,
      `    <title type="text">${xmlEscape(a.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xmlEscape(url)}"/>`,
      `    <published>${rfc3339(a.published_at)}</published>`,
      `    <updated>${rfc3339(a.updated_at > a.published_at ? a.updated_at : a.published_at)}</updated>`,
      `    <category term="${xmlEscape(a.category)}" label="${xmlEscape(CATEGORY_JA[a.category])}"/>`,
      `    <category term="area:${xmlEscape(a.area)}" label="${xmlEscape(AREA_JA[a.area])}"/>`,
      `    <summary type="text">${xmlEscape(excerpt(a))}</summary>`,
      `    <content type="text">${xmlEscape(a.body)}</content>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ja">',
    `  <id>${xmlEscape(`${info.baseUrl}/app/feed.atom${info.query}`)}</id>`,
    `  <title type="text">${xmlEscape(info.title)}</title>`,
    `  <subtitle type="text">${xmlEscape(info.description)}</subtitle>`,
    `  <updated>${rfc3339(latest(articles, now))}</updated>`,
    '  <author><name>奥州市</name></author>',
    `  <link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xmlEscape(`${info.baseUrl}/app/news`)}"/>`,
    `  <icon>${xmlEscape(`${info.baseUrl}/app/icons/icon-192.png`)}</icon>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
