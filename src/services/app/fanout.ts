/**
 * Sending to subscribers, in the job worker (never in a request): a new article to
 * the subscribers whose categories and areas match it, a disaster alert to everyone
 * subscribed to 防災, a vaccination reminder to a parent's subscriptions.
 *
 * "Exactly once" has two guards: app_deliveries records (kind, ref, subscriber) after
 * the notifier accepted a message, so a rerun skips it; and the message's idempotency
 * key is the same triple, so a crash between sending and recording sends nothing twice.
 * Batches of BATCH subscribers; each batch queues the next, so one huge list never holds
 * a job (or its lease) for long.
 */
import { sql } from 'kysely';
import { DomainError } from '../../platform/http/errors.ts';
import { LIMITS } from '../../platform/notify/message-rules.ts';
import type { OutgoingMessage } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import type { AppContext } from './app-context.ts';
import { articleUrl } from './feeds.ts';
import { asPlatformDb, type DeliveryKind, type SubscriberChannel } from './tables.ts';
import { AREA_JA, CATEGORY_JA, type AreaCode, type CategoryCode } from './taxonomy.ts';
import type { ScheduledDose } from './vaccination-schedule.ts';

export const BATCH = 200;
const SOURCE = 'app';

export interface Recipient {
  id: string;
  channel: SubscriberChannel;
  address: string | null;
  token: string;
}

/** What to say, by channel: the text and, for push, the page to open. */
export interface Content {
  subject: string;
  text: string;
  url: string;
  /** push notifications with the same tag replace each other (one disaster banner, not five). */
  tag: string;
}

const unsubscribeUrl = (ctx: AppContext, token: string) => `${ctx.baseUrl}/app/unsubscribe/${token}`;

export function messageFor(ctx: AppContext, r: Recipient, content: Content, idempotencyKey: string, reference: string): OutgoingMessage {
  const base = { to: r.address!, idempotencyKey, source: SOURCE, reference };
  if (r.channel === 'email') {
    // Every email says why it came and how to stop it.
    const body = [
      content.text,
      '',
      content.url,
      '',
      '――',
      'このメールは奥州市の「ぽちっと奥州」でお知らせの受け取りを登録された方へお送りしています。',
      `配信の停止: ${unsubscribeUrl(ctx, r.token)}`,
      '奥州市 DX推進室',
    ].join('\n');
    return { ...base, channel: 'email', subject: content.subject, body };
  }
  if (r.channel === 'line') {
    return { ...base, channel: 'line', body: `${content.subject}\n${content.text}\n${content.url}\n（配信の停止は「停止」と送ってください）` };
  }
  // The service worker (assets/sw.js) reads this JSON: title, body, url, tag.
  // Notify refuses push titles over LIMITS.pushTitle; a long article title is shortened here, not refused there.
  const title = [...content.subject].length > LIMITS.pushTitle ? `${[...content.subject].slice(0, LIMITS.pushTitle - 1).join('')}…` : content.subject;
  return { ...base, channel: 'push', subject: title, body: JSON.stringify({ title, body: content.text, url: content.url, tag: content.tag }) };
}

/** Sends to each recipient not yet sent this (kind, ref); returns how many were sent now. */
export async function deliver(ctx: AppContext, kind: DeliveryKind, ref: string, recipients: Recipient[], content: (r: Recipient) => Content): Promise<number> {
  if (recipients.length === 0) return 0;
  const done = new Set(
    (await ctx.db.selectFrom('app_deliveries').select('subscriber_id').where('kind', '=', kind).where('ref', '=', ref).where('subscriber_id', 'in', recipients.map((r) => r.id)).execute()).map((d) => d.subscriber_id),
  );
  let sent = 0;
  for (const r of recipients) {
    if (done.has(r.id) || !r.address) continue;
    const key = `app:${kind}:${ref}:${r.id}`;
    let id: string;
    try {
      ({ id } = await ctx.notifier.send(messageFor(ctx, r, content(r), key, `${kind}:${ref}`)));
    } catch (error) {
      // One recipient Notify refuses (a bad address, say) must not stop everyone after it.
      if (error instanceof DomainError && error.status < 500) {
        ctx.log.warn({ subscriber: r.id, channel: r.channel, kind, ref, code: error.code }, 'a subscriber was skipped: Notify refused the message');
        continue;
      }
      throw error;
    }
    await ctx.db.insertInto('app_deliveries').values({ kind, ref, subscriber_id: r.id, notification_id: id }).onConflict((oc) => oc.doNothing()).execute();
    sent++;
  }
  return sent;
}

async function articleRecipients(ctx: AppContext, category: CategoryCode, area: AreaCode, after: string): Promise<Recipient[]> {
  let query = ctx.db
    .selectFrom('app_subscribers')
    .select(['id', 'channel', 'address', 'token'])
    .where('status', '=', 'active')
    .where(sql<boolean>`${category} = ANY(categories)`);
  // An article for the whole city reaches every area; otherwise the subscriber must have chosen its area.
  if (area !== 'all') query = query.where(sql<boolean>`${area} = ANY(areas)`);
  if (after) query = query.where('id', '>', after);
  return query.orderBy('id').limit(BATCH).execute();
}

async function disasterRecipients(ctx: AppContext, after: string): Promise<Recipient[]> {
  let query = ctx.db.selectFrom('app_subscribers').select(['id', 'channel', 'address', 'token']).where('status', '=', 'active').where(sql<boolean>`'disaster' = ANY(categories)`);
  if (after) query = query.where('id', '>', after);
  return query.orderBy('id').limit(BATCH).execute();
}

export function articleContent(ctx: AppContext, a: { id: string; title: string; summary: string; body: string; category: CategoryCode; area: AreaCode }): Content {
  const lead = a.summary || (a.body.length > 120 ? `${a.body.slice(0, 120)}…` : a.body);
  return {
    subject: `【ぽちっと奥州・${CATEGORY_JA[a.category]}・${AREA_JA[a.area]}】${a.title}`,
    text: `${a.title}\n${lead}`,
    url: articleUrl(ctx.baseUrl, a.id),
    tag: `article-${a.id}`,
  };
}

export function disasterContent(ctx: AppContext, alert: { id: number; message: string }): Content {
  return { subject: '【奥州市 災害情報】災害モードになりました', text: alert.message, url: `${ctx.baseUrl}/app/`, tag: 'disaster' };
}

export function vaccineContent(ctx: AppContext, child: { id: string; nickname: string }, dose: ScheduledDose): Content {
  return {
    subject: `【ぽちっと奥州・子育て応援】${child.nickname}さんの予防接種のお知らせ`,
    text: `${dose.vaccineJa}（${dose.doseJa}）の標準的な接種時期が近づいています。\n${formatDateJa(dose.from)}〜${formatDateJa(dose.until)}\nかかりつけの医療機関で予約してください。`,
    url: `${ctx.baseUrl}/app/childcare/${child.id}`,
    tag: `vaccine-${child.id}-${dose.key}`,
  };
}

/**
 * One batch of an article's or an alert's fan-out; queues the next batch when this one
 * was full. An article unpublished before its turn came is not sent.
 */
export async function fanOutBatch(ctx: AppContext, kind: 'article' | 'disaster', ref: string, after: string): Promise<{ sent: number; next: string | null }> {
  let recipients: Recipient[];
  let content: Content;
  if (kind === 'article') {
    const article = await ctx.db.selectFrom('app_articles').select(['id', 'title', 'summary', 'body', 'category', 'area', 'status']).where('id', '=', ref).executeTakeFirst();
    if (!article || article.status !== 'published') return { sent: 0, next: null };
    recipients = await articleRecipients(ctx, article.category, article.area, after);
    content = articleContent(ctx, article);
  } else {
    const alert = await ctx.db.selectFrom('app_disaster_alerts').select(['id', 'message', 'ended_at']).where('id', '=', Number(ref)).executeTakeFirst();
    if (!alert || alert.ended_at !== null) return { sent: 0, next: null };
    recipients = await disasterRecipients(ctx, after);
    content = disasterContent(ctx, alert);
  }
  const sent = await deliver(ctx, kind, ref, recipients, () => content);
  const next = recipients.length === BATCH ? recipients.at(-1)!.id : null;
  if (next) await ctx.jobs?.enqueue(asPlatformDb(ctx.db), 'app.fanout', { kind, ref, after: next }, { idempotencyKey: `app-fanout:${kind}:${ref}:${next}` });
  return { sent, next };
}
