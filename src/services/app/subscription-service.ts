/**
 * Subscriptions to news by category × area, over email, LINE or web push.
 *
 * - Email: pending until the address's owner opens the confirmation link (a logged-in
 *   resident too: the address must be theirs); every email carries an unsubscribe link.
 * - LINE: pending until the resident sends the one-time code shown on the page to the
 *   city's LINE account; the webhook then links their LINE user id. Unfollowing (blocking)
 *   or sending 「停止」 ends it.
 * - Web push: the browser's PushSubscription, saved from the page's script; active at once.
 *
 * One destination (address, LINE user, push endpoint) holds one active subscription: a
 * newer one replaces the older, so a person never gets the same article twice.
 * Every change is audited in the same transaction.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import { auditActorOf, type ResidentActor } from '../../platform/access/actor.ts';
import { recordAudit, type AuditActor } from '../../platform/audit/audit-log.ts';
import { invalidInput, notFound, type FieldError } from '../../platform/http/errors.ts';
import type { AppContext } from './app-context.ts';
import { asPlatformDb, type AppDb, type SubscriberChannel, type SubscriberStatus } from './tables.ts';
import { isArea, isCategory, type AreaCode, type CategoryCode } from './taxonomy.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { normalisePushSubscription } from '../../platform/notify/recipients.ts';

/** How long a LINE link code can be used. */
export const LINK_CODE_HOURS = 24;

export interface SubscriptionInput {
  channel: SubscriberChannel;
  categories: string[];
  areas: string[];
  email?: string;
  /** The PushSubscription's JSON (push only). */
  push?: { endpoint: string; keys: { p256dh: string; auth: string }; expirationTime?: number | null };
}

export interface SubscriptionRow {
  id: string;
  channel: SubscriberChannel;
  status: SubscriberStatus;
  address: string | null;
  categories: CategoryCode[];
  areas: AreaCode[];
  token: string;
  link_code: string | null;
  link_code_expires_at: Date | null;
  resident_account_id: string | null;
  created_at: Date;
}

const COLUMNS = ['id', 'channel', 'status', 'address', 'categories', 'areas', 'token', 'link_code', 'link_code_expires_at', 'resident_account_id', 'created_at'] as const;

// The same rule browsers use for <input type="email">, plus a length limit.
const EMAIL = /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

export const newToken = () => crypto.randomBytes(32).toString('base64url');
const isToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

/** 8 digits, sent to the LINE account as a message ("1234 5678" and full-width digits work too). */
const newLinkCode = () => String(crypto.randomInt(0, 100_000_000)).padStart(8, '0');

const actorOf = (resident: ResidentActor | null): AuditActor => auditActorOf(resident);

function checkTopics(input: SubscriptionInput): FieldError[] {
  const errors: FieldError[] = [];
  const categories = [...new Set(input.categories)];
  const areas = [...new Set(input.areas)];
  if (categories.length === 0) errors.push({ field: 'categories', messageKey: 'app.error.categories' });
  else if (!categories.every(isCategory)) errors.push({ field: 'categories', messageKey: 'validation.enum', params: { field: 'categories' } });
  if (areas.length === 0) errors.push({ field: 'areas', messageKey: 'app.error.areas' });
  else if (!areas.every(isArea)) errors.push({ field: 'areas', messageKey: 'validation.enum', params: { field: 'areas' } });
  return errors;
}

/** The same rule Notify applies when sending (a 65-byte P-256 key, a 16-byte secret, https), so a subscription saved is one that can be sent to. */
function checkPush(push: SubscriptionInput['push']): boolean {
  return push !== undefined && push !== null && push.endpoint.length <= 1000 && normalisePushSubscription(JSON.stringify(push)) !== null;
}

const textArray = (values: string[]) => sql<string[]>`ARRAY[${sql.join(values)}]::text[]`;

export async function createSubscription(ctx: AppContext, resident: ResidentActor | null, input: SubscriptionInput, requestId: string | null): Promise<SubscriptionRow> {
  const errors = checkTopics(input);
  const email = (input.email ?? '').trim();
  if (input.channel === 'email' && (email.length > 254 || !EMAIL.test(email))) errors.push({ field: 'email', messageKey: email ? 'app.error.email' : 'app.error.emailRequired' });
  if (input.channel === 'push' && !checkPush(input.push)) errors.push({ field: 'push', messageKey: 'app.error.push' });
  if (errors.length) throw invalidInput(errors);
  const categories = [...new Set(input.categories)];
  const areas = [...new Set(input.areas)];
  const now = ctx.now();
  const token = newToken();
  const row = await ctx.db.transaction().execute(async (trx) => {
    const push = input.channel === 'push' ? input.push! : null;
    if (push) await replaceActive(trx, 'push', { endpoint: push.endpoint }, now);
    const values = {
      resident_account_id: resident?.accountId ?? null,
      channel: input.channel,
      address: input.channel === 'email' ? email : push ? JSON.stringify({ endpoint: push.endpoint, expirationTime: push.expirationTime ?? null, keys: { p256dh: push.keys.p256dh, auth: push.keys.auth } }) : null,
      push_endpoint: push?.endpoint ?? null,
      status: (push ? 'active' : 'pending') as SubscriberStatus,
      token,
      link_code: null as string | null,
      link_code_expires_at: null as Date | null,
      confirmed_at: push ? now : null,
    };
    if (input.channel === 'line') {
      values.link_code = await freeLinkCode(trx, now);
      values.link_code_expires_at = new Date(now.getTime() + LINK_CODE_HOURS * 3600_000);
    }
    const inserted = await trx
      .insertInto('app_subscribers')
      .values({ ...values, categories: textArray(categories), areas: textArray(areas) })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: actorOf(resident), action: 'app.subscription.created', targetType: 'app_subscriber', targetId: inserted.id, details: { channel: input.channel, categories, areas, status: values.status }, requestId });
    if (input.channel === 'email') await ctx.jobs?.enqueue(asPlatformDb(trx), 'app.confirm-email', { id: inserted.id }, { idempotencyKey: `app-confirm:${inserted.id}` });
    return inserted;
  });
  return row;
}

async function freeLinkCode(trx: AppDb, now: Date): Promise<string> {
  // Codes of expired links are released, so they can be handed out again.
  await trx.updateTable('app_subscribers').set({ link_code: null }).where('link_code_expires_at', '<', now).where('link_code', 'is not', null).execute();
  for (;;) {
    const code = newLinkCode();
    const taken = await trx.selectFrom('app_subscribers').select('id').where('link_code', '=', code).executeTakeFirst();
    if (!taken) return code;
  }
}

/** Ends the active subscriptions of one destination (before a newer one takes its place). */
async function replaceActive(trx: AppDb, channel: SubscriberChannel, where: { address?: string; endpoint?: string }, now: Date): Promise<void> {
  let query = trx.updateTable('app_subscribers').set({ status: 'unsubscribed', unsubscribed_at: now }).where('channel', '=', channel).where('status', '=', 'active');
  if (where.address !== undefined) query = query.where('address', '=', where.address);
  if (where.endpoint !== undefined) query = query.where('push_endpoint', '=', where.endpoint);
  await query.execute();
}

export async function subscriptionByToken(db: AppDb, token: string): Promise<SubscriptionRow> {
  if (!isToken(token)) throw notFound();
  const row = await db.selectFrom('app_subscribers').select(COLUMNS).where('token', '=', token).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The confirmation link of an email subscription; confirming twice is fine. */
export async function confirmEmail(ctx: AppContext, token: string, requestId: string | null): Promise<SubscriptionRow> {
  const sub = await subscriptionByToken(ctx.db, token);
  if (sub.channel !== 'email' || sub.status !== 'pending') return sub;
  const now = ctx.now();
  await ctx.db.transaction().execute(async (trx) => {
    await replaceActive(trx, 'email', { address: sub.address! }, now);
    await trx.updateTable('app_subscribers').set({ status: 'active', confirmed_at: now }).where('id', '=', sub.id).execute();
    await recordAudit(trx, { actor: { type: 'anonymous', id: null }, action: 'app.subscription.confirmed', targetType: 'app_subscriber', targetId: sub.id, details: { channel: 'email' }, requestId });
  });
  return { ...sub, status: 'active' };
}

async function endSubscription(ctx: AppContext, id: string, actor: AuditActor, how: string, requestId: string | null): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const ended = await trx.updateTable('app_subscribers').set({ status: 'unsubscribed', unsubscribed_at: ctx.now(), link_code: null }).where('id', '=', id).where('status', '<>', 'unsubscribed').executeTakeFirst();
    if (Number(ended.numUpdatedRows) > 0) await recordAudit(trx, { actor, action: 'app.subscription.ended', targetType: 'app_subscriber', targetId: id, details: { how }, requestId });
  });
}

/** The unsubscribe link in every email (and the manage page's button). */
export async function unsubscribeByToken(ctx: AppContext, token: string, requestId: string | null): Promise<SubscriptionRow> {
  const sub = await subscriptionByToken(ctx.db, token);
  await endSubscription(ctx, sub.id, { type: 'anonymous', id: null }, 'link', requestId);
  return sub;
}

/** A logged-in resident ends one of their own subscriptions (404 for anyone else's). */
export async function unsubscribeOwn(ctx: AppContext, resident: ResidentActor, id: string, requestId: string | null): Promise<void> {
  if (!isUuid(id)) throw notFound();
  const sub = await ctx.db.selectFrom('app_subscribers').select(['id', 'resident_account_id']).where('id', '=', id).executeTakeFirst();
  if (!sub || sub.resident_account_id !== resident.accountId) throw notFound();
  await endSubscription(ctx, id, auditActorOf(resident), 'my page', requestId);
}

/** The page's script, when the browser drops its push subscription. */
export async function unsubscribePush(ctx: AppContext, endpoint: string, requestId: string | null): Promise<boolean> {
  const rows = await ctx.db.selectFrom('app_subscribers').select('id').where('channel', '=', 'push').where('push_endpoint', '=', endpoint).where('status', '=', 'active').execute();
  for (const row of rows) await endSubscription(ctx, row.id, { type: 'anonymous', id: null }, 'browser', requestId);
  return rows.length > 0;
}

export async function subscriptionsOf(db: AppDb, resident: ResidentActor): Promise<SubscriptionRow[]> {
  return db.selectFrom('app_subscribers').select(COLUMNS).where('resident_account_id', '=', resident.accountId).where('status', '<>', 'unsubscribed').orderBy('created_at', 'desc').execute();
}

/** Text a resident sent to the LINE account → a pending link code, if it is one. */
export function linkCodeIn(text: string): string | null {
  const digits = text.normalize('NFKC').replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : null;
}

/** Links a LINE user to the pending subscription with this code; null for an unknown or expired code. */
export async function linkLineUser(ctx: AppContext, code: string, lineUserId: string): Promise<SubscriptionRow | null> {
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const sub = await trx.selectFrom('app_subscribers').select(COLUMNS).where('link_code', '=', code).where('channel', '=', 'line').where('status', '=', 'pending').forUpdate().executeTakeFirst();
    if (!sub || !sub.link_code_expires_at || sub.link_code_expires_at < now) return null;
    await replaceActive(trx, 'line', { address: lineUserId }, now);
    await trx.updateTable('app_subscribers').set({ status: 'active', address: lineUserId, link_code: null, link_code_expires_at: null, confirmed_at: now }).where('id', '=', sub.id).execute();
    await recordAudit(trx, { actor: { type: 'system', id: null }, action: 'app.subscription.confirmed', targetType: 'app_subscriber', targetId: sub.id, details: { channel: 'line' } });
    await ctx.jobs?.enqueue(asPlatformDb(trx), 'app.line-linked', { id: sub.id }, { idempotencyKey: `app-line-linked:${sub.id}` });
    return { ...sub, status: 'active' as const, address: lineUserId };
  });
}

/** A LINE user blocked the account or sent 「停止」: their LINE subscriptions end. */
export async function endLineUser(ctx: AppContext, lineUserId: string, how: string): Promise<number> {
  const rows = await ctx.db.selectFrom('app_subscribers').select('id').where('channel', '=', 'line').where('address', '=', lineUserId).where('status', '=', 'active').execute();
  for (const row of rows) await endSubscription(ctx, row.id, { type: 'system', id: null }, how, null);
  return rows.length;
}

export async function sendEmailConfirmation(ctx: AppContext, id: string): Promise<void> {
  const sub = await ctx.db.selectFrom('app_subscribers').select(['id', 'address', 'status', 'token', 'channel']).where('id', '=', id).executeTakeFirst();
  if (!sub || sub.channel !== 'email' || sub.status !== 'pending' || !sub.address) return;
  await ctx.notifier.send({
    channel: 'email',
    to: sub.address,
    subject: '【ぽちっと奥州】メールアドレスの確認',
    body: [
      '奥州市「ぽちっと奥州」のお知らせ配信に、このメールアドレスが登録されました。',
      '次のリンクを開いて、受け取りを確定してください。',
      `${ctx.baseUrl}/app/subscribe/confirm/${sub.token}`,
      '',
      '心当たりがない場合は、このメールを破棄してください（確定しなければ配信されません）。',
      `登録の取り消し: ${ctx.baseUrl}/app/unsubscribe/${sub.token}`,
      '奥州市 DX推進室',
    ].join('\n'),
    idempotencyKey: `app:confirm:${sub.id}`,
    source: 'app',
    reference: `subscription:${sub.id}`,
  });
}

export async function sendLineLinked(ctx: AppContext, id: string): Promise<void> {
  const sub = await ctx.db.selectFrom('app_subscribers').select(['id', 'address', 'status', 'categories', 'areas']).where('id', '=', id).executeTakeFirst();
  if (!sub || sub.status !== 'active' || !sub.address) return;
  await ctx.notifier.send({
    channel: 'line',
    to: sub.address,
    body: '「ぽちっと奥州」のお知らせをLINEで受け取る登録ができました。配信をやめるときは「停止」と送ってください。',
    idempotencyKey: `app:line-linked:${sub.id}`,
    source: 'app',
    reference: `subscription:${sub.id}`,
  });
}
