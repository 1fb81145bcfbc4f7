import { test } from 'node:test';
import assert from 'node:assert/strict';
import { xmlProblem } from './app-test-kit.ts';
import { atomFeed, rfc3339, rfc822, rssFeed, xmlEscape, type FeedArticle } from './feeds.ts';

const nasty: FeedArticle = {
  id: '6f1d3c2a-1111-4222-8333-944455556666',
  title: '<script>alert("x")</script> & 「水沢」の\u0007お知らせ',
  summary: "O'Reilly & <b>太字</b>",
  body: '本文 ]]> & <tag>\n\n二段落目',
  category: 'events',
  area: 'mizusawa',
  published_at: new Date('2026-04-01T00:30:00Z'),
  updated_at: new Date('2026-04-02T01:00:00Z'),
};
const info = { baseUrl: 'http://localhost:3000', title: '奥州市 & お知らせ', description: '説明 <テスト>', query: '?category=events&area=mizusawa' };

test('XML escaping covers markup characters and drops characters XML cannot hold', () => {
  assert.equal(xmlEscape(`<a href="x">&'</a>\u0001\uFFFE`), '&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;');
  assert.equal(xmlEscape('絵文字😀'), '絵文字😀');
});

test('dates: RFC 822 in RSS, RFC 3339 in Atom', () => {
  assert.equal(rfc822(new Date('2026-04-01T00:30:00Z')), 'Wed, 01 Apr 2026 00:30:00 GMT');
  assert.equal(rfc3339(new Date('2026-04-01T00:30:00.123Z')), '2026-04-01T00:30:00Z');
});

test('feeds with hostile text are well-formed and keep the text', () => {
  const now = new Date('2026-04-03T00:00:00Z');
  const rss = rssFeed(info, [nasty], now);
  const atom = atomFeed(info, [nasty], now);
  assert.equal(xmlProblem(rss), null);
  assert.equal(xmlProblem(atom), null);
  assert.match(rss, /<title>&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; 「水沢」のお知らせ<\/title>/);
  assert.match(rss, /<pubDate>Wed, 01 Apr 2026 00:30:00 GMT<\/pubDate>/);
  assert.match(rss, /<atom:link href="http:\/\/localhost:3000\/app\/feed.rss\?category=events&amp;area=mizusawa" rel="self"/);
  assert.match(atom, /<updated>2026-04-02T01:00:00Z<\/updated>/);
  assert.match(atom, /<published>2026-04-01T00:30:00Z<\/published>/);
  assert.match(atom, /<content type="text">本文 \]\]&gt; &amp; &lt;tag&gt;/);
  assert.equal(xmlProblem('<?xml version="1.0"?><a><b></a></b>'), '</a> closes <b>', 'the checker itself catches bad nesting');
  assert.match(xmlProblem('<?xml version="1.0"?><a>&nbsp;</a>') ?? '', /bad entity/);
  assert.equal(xmlProblem(rssFeed(info, [], now)), null, 'an empty feed is valid too');
});
