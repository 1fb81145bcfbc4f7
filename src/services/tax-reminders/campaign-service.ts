/**
 * What tax staff do with reminder campaigns: upload the overdue-taxpayer CSV
 * (good rows become recipients, bad rows the problem report), edit the text,
 * approve and schedule the sending (managers), cancel, follow the results and
 * export them. Every function asks "may this person do this?" first, and every
 * action is in the audit log in the same transaction as its change.
 */
import { sql, type Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { csvForSpreadsheet } from '../../platform/http/csv.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { statusesByReference } from '../../platform/notify/message-status.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, japanInstant, todayInJapan } from '../../platform/time/today.ts';
import { deliveryOf, PAID_WINDOW_DAYS, paidWithinWindow, paymentOf, summarise, type Dashboard } from './dashboard.ts';
import { canExportResults, canPrepareCampaign, canSendCampaign, canUseTaxReminders } from './policy.ts';
import { chooseSendTime, formatJst, parseSendAt } from './schedule.ts';
import { linkUrl, newToken, tokenHash } from './short-links.ts';
import { checkCampaignText, checkTemplate, previewMessages, renderReminder, type TextProblem } from './sms-text.ts';
import { taxRemindersDb, type CampaignState, type StoredProblem, type TaxRemindersDb } from './tables.ts';
import { fiscalYearLabel, parseTaxpayerCsv, problemsCsv } from './taxpayer-csv.ts';
import { isUuid } from '../../platform/http/ids.ts';

export const SOURCE = 'tax-reminders';
export const SEND_QUEUE = 'tax-reminders.send';
export const PAGE_SIZE = 50;

export type Failure = { ok: false; field: string; messageKey: string; params?: Record<string, string | number>; status?: number };

/** A service transaction is a platform database as far as the audit log is concerned. */
export const asPlatformDb = (db: TaxRemindersDb | Kysely<PlatformTables>) => db as unknown as Kysely<PlatformTables>;

const audit = (db: TaxRemindersDb | Kysely<PlatformTables>, actor: StaffActor, action: string, campaignId: string | null, requestId: string, details: Record<string, unknown> = {}) =>
  recordAudit(asPlatformDb(db), { actor: { type: 'staff', id: actor.id }, action: `tax-reminders.${action}`, targetType: 'tax-reminder-campaign', targetId: campaignId, details, requestId });

function fromText(field: string, problems: TextProblem[]): Failure | null {
  const first = problems[0];
  return first ? { ok: false, field, messageKey: first.messageKey, ...(first.params ? { params: first.params } : {}) } : null;
}

/** The last day a link works (Japan date), for a campaign sent at `at`. */
export function linkExpiryDate(at: Date, days: number): string {
  return addDays(todayInJapan(at), days);
}

async function loadCampaign(db: TaxRemindersDb, id: string) {
  if (!isUuid(id)) return null;
  return (await db.selectFrom('tax_reminder_campaigns').selectAll().where('id', '=', id).executeTakeFirst()) ?? null;
}

async function requireCampaign(db: TaxRemindersDb, id: string) {
  const campaign = await loadCampaign(db, id);
  requireAccess(campaign !== null);
  return campaign!;
}

function recipientRow(r: { row_number: number; name: string; tax_item: string; fiscal_year: number; installment: string; amount_yen: number; due_date: string }) {
  return { row: r.row_number, name: r.name, taxItem: r.tax_item, fiscalYear: r.fiscal_year, installment: r.installment, amountYen: r.amount_yen, dueDate: r.due_date };
}

// ---------------------------------------------------------------- list and create

export async function listCampaigns(platform: Platform, actor: StaffActor) {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  return db
    .selectFrom('tax_reminder_campaigns as c')
    .leftJoin('staff as s', 's.id', 'c.created_by')
    .select(['c.id', 'c.title', 'c.state', 'c.row_count', 'c.created_at', 'c.scheduled_at', 's.display_name as created_by_name'])
    .select((eb) => [
      eb.selectFrom('tax_reminder_recipients as r').whereRef('r.campaign_id', '=', 'c.id').select((e) => e.fn.countAll<number>().as('n')).as('recipients'),
      eb.selectFrom('tax_reminder_recipients as r').whereRef('r.campaign_id', '=', 'c.id').where('r.state', '=', 'handed').select((e) => e.fn.countAll<number>().as('n')).as('handed'),
    ])
    .orderBy('c.created_at', 'desc')
    .limit(100)
    .execute();
}

export interface NewCampaign {
  title: string;
  body: string;
  fileName: string;
  bytes: Buffer;
}

export async function createCampaign(platform: Platform, actor: StaffActor, input: NewCampaign, requestId: string): Promise<{ ok: true; id: string; recipients: number; problems: number } | Failure> {
  requireAccess(canPrepareCampaign(actor), 'forbidden');
  if (!input.title) return { ok: false, field: 'title', messageKey: 'tax.new.title.required' };
  const textProblem = fromText('body', checkTemplate(input.body));
  if (textProblem) return textProblem;
  if (input.bytes.length === 0) return { ok: false, field: 'file', messageKey: 'tax.upload.required' };
  const parsed = parseTaxpayerCsv(input.bytes, todayInJapan(platform.now()));
  if (!parsed.ok) return { ok: false, field: 'file', messageKey: parsed.messageKey, status: parsed.messageKey === 'tax.upload.binary' || parsed.messageKey === 'tax.upload.encoding' ? 415 : 422, ...(parsed.params ? { params: parsed.params } : {}) };
  const db = taxRemindersDb(platform.db.kysely);
  const id = await db.transaction().execute(async (trx) => {
    const campaign = await trx
      .insertInto('tax_reminder_campaigns')
      .values({ title: input.title, body: input.body, file_name: input.fileName.normalize('NFKC').slice(0, 200), file_sha256: parsed.sha256, file_encoding: parsed.encoding, row_count: parsed.rowCount, problems: JSON.stringify(parsed.problems), created_by: actor.id, text_changed_by: actor.id, created_at: platform.now(), updated_at: platform.now(), scheduled_at: null, approved_by: null, approved_at: null, completed_at: null, cancelled_by: null, cancelled_at: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (let i = 0; i < parsed.rows.length; i += 500) {
      await trx
        .insertInto('tax_reminder_recipients')
        .values(
          parsed.rows.slice(i, i + 500).map((r) => ({
            campaign_id: campaign.id,
            row_number: r.row,
            taxpayer_number: r.taxpayerNumber,
            name: r.name,
            phone: r.phone,
            tax_item: r.taxItem,
            fiscal_year: r.fiscalYear,
            installment: r.installment,
            amount_yen: r.amountYen,
            due_date: r.dueDate,
            rejected_reason: null,
            message_body: null,
            notification_id: null,
            sent_at: null,
          })),
        )
        .execute();
    }
    await audit(trx, actor, 'campaign.created', campaign.id, requestId, { file: input.fileName, sha256: parsed.sha256, encoding: parsed.encoding, rows: parsed.rowCount, recipients: parsed.rows.length, problems: parsed.problems.length });
    return campaign.id;
  });
  return { ok: true, id, recipients: parsed.rows.length, problems: parsed.problems.length };
}

// ---------------------------------------------------------------- one campaign

export interface CampaignView {
  campaign: NonNullable<Awaited<ReturnType<typeof loadCampaign>>> & { created_by_name: string | null; approved_by_name: string | null };
  recipients: {
    id: string;
    row_number: number;
    taxpayer_number: string;
    name: string;
    phone: string;
    tax_item: string;
    fiscal_year: number;
    installment: string;
    amount_yen: number;
    due_date: string;
    state: string;
    message_body: string | null;
    preview: { text: string; units: number; segments: number; tooLong: boolean } | null;
    delivery: string;
    paidAt: Date | null;
  }[];
  total: number;
  page: number;
  pageCount: number;
  problems: StoredProblem[];
  textProblems: TextProblem[];
  linkExpires: string;
  dashboard: Dashboard | null;
  /** Longest message of the campaign, for the cost line. */
  segmentsTotal: number;
}

/** The campaign page: summary, problems, text check, a page of recipients with their preview, and results once sent. Viewing is audited (names and numbers of taxpayers). */
export async function viewCampaign(platform: Platform, actor: StaffActor, id: string, page: number, requestId: string): Promise<CampaignView> {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  const names = new Map((await db.selectFrom('staff').select(['id', 'display_name']).where('id', 'in', [campaign.created_by, campaign.approved_by ?? campaign.created_by]).execute()).map((s) => [s.id, s.display_name]));
  const all = await db.selectFrom('tax_reminder_recipients').selectAll().where('campaign_id', '=', id).orderBy('row_number').execute();
  const linkExpires = linkExpiryDate(campaign.scheduled_at ?? platform.now(), campaign.link_valid_days);
  const textProblems = campaign.state === 'draft' ? checkCampaignText(campaign.body, all.filter((r) => r.state === 'ready').map(recipientRow), platform.config.publicUrl, linkExpires) : [];
  const pageCount = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
  const current = Math.min(Math.max(1, page), pageCount);
  const slice = all.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE);
  const preview = textProblems.some((p) => p.messageKey !== 'tax.template.tooLong') ? [] : previewMessages(campaign.body, slice.map(recipientRow), platform.config.publicUrl, linkExpires);
  const previewByRow = new Map(preview.map((p) => [p.row, p]));
  let segmentsTotal = 0;
  if (!textProblems.some((p) => p.messageKey !== 'tax.template.tooLong')) {
    for (const p of previewMessages(campaign.body, all.map(recipientRow), platform.config.publicUrl, linkExpires)) segmentsTotal += p.length.segments;
  }
  const sent = campaign.state !== 'draft' && campaign.state !== 'cancelled' ? await results(platform, all.map((r) => r.id)) : null;
  const links = sent ? new Map((await db.selectFrom('tax_reminder_links').select(['recipient_id', 'first_opened_at']).where('recipient_id', 'in', all.length ? all.map((r) => r.id) : ['00000000-0000-0000-0000-000000000000']).execute()).map((l) => [l.recipient_id, l.first_opened_at])) : new Map<string, Date | null>();
  const dashboard = sent ? summarise(all.map((r) => ({ id: r.id, state: r.state, sentAt: r.sent_at, amountYen: r.amount_yen, openedAt: links.get(r.id) ?? null })), sent.messages, sent.payments) : null;
  await audit(platform.db.kysely, actor, 'campaign.viewed', id, requestId, { page: current });
  return {
    campaign: { ...campaign, created_by_name: names.get(campaign.created_by) ?? null, approved_by_name: campaign.approved_by ? (names.get(campaign.approved_by) ?? null) : null },
    recipients: slice.map((r) => {
      const p = previewByRow.get(r.row_number);
      return {
        ...r,
        preview: r.message_body ? null : p ? { text: p.text, units: p.length.units, segments: p.length.segments, tooLong: p.tooLong } : null,
        delivery: deliveryOf(r.state, sent?.messages.get(r.id)),
        paidAt: paymentOf(sent?.payments.get(r.id))?.paidAt ?? null,
      };
    }),
    total: all.length,
    page: current,
    pageCount,
    problems: campaign.problems,
    textProblems,
    linkExpires,
    dashboard,
    segmentsTotal,
  };
}

async function results(platform: Platform, recipientIds: string[]) {
  const [messages, payments] = await Promise.all([statusesByReference(platform.db.kysely, SOURCE, recipientIds), platform.payments.byReferences(SOURCE, recipientIds)]);
  return { messages, payments };
}

export async function dashboardOf(platform: Platform, actor: StaffActor, id: string): Promise<{ state: CampaignState; dashboard: Dashboard }> {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  const all = await db
    .selectFrom('tax_reminder_recipients as r')
    .leftJoin('tax_reminder_links as l', 'l.recipient_id', 'r.id')
    .select(['r.id', 'r.state', 'r.sent_at', 'r.amount_yen', 'l.first_opened_at'])
    .where('r.campaign_id', '=', id)
    .execute();
  const { messages, payments } = await results(platform, all.map((r) => r.id));
  return { state: campaign.state, dashboard: summarise(all.map((r) => ({ id: r.id, state: r.state, sentAt: r.sent_at, amountYen: r.amount_yen, openedAt: r.first_opened_at })), messages, payments) };
}

export async function campaignProblemsCsv(platform: Platform, actor: StaffActor, id: string, t: (key: string, params?: Record<string, string | number>) => string, requestId: string): Promise<string> {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  await audit(platform.db.kysely, actor, 'problems.downloaded', id, requestId, { problems: campaign.problems.length });
  return problemsCsv(campaign.problems, t);
}

/** Changes the text of a draft; refused (and not saved) when it has an unknown placeholder, no link, or a taxpayer's message would be too long. */
export async function updateText(platform: Platform, actor: StaffActor, id: string, body: string, requestId: string): Promise<{ ok: true } | Failure> {
  requireAccess(canPrepareCampaign(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  if (campaign.state !== 'draft') return { ok: false, field: 'body', messageKey: 'tax.campaign.notDraft', status: 409 };
  const rows = await db.selectFrom('tax_reminder_recipients').selectAll().where('campaign_id', '=', id).where('state', '=', 'ready').execute();
  const problem = fromText('body', checkCampaignText(body, rows.map(recipientRow), platform.config.publicUrl, linkExpiryDate(platform.now(), campaign.link_valid_days)));
  if (problem) return problem;
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('tax_reminder_campaigns').set({ body, text_changed_by: actor.id, updated_at: platform.now() }).where('id', '=', id).where('state', '=', 'draft').execute();
    await audit(trx, actor, 'campaign.text-changed', id, requestId, { body });
  });
  return { ok: true };
}

// ---------------------------------------------------------------- approve, send, cancel

export type ScheduleResult = { ok: true; at: Date; shifted: boolean; already: boolean; queued: number } | Failure;

/**
 * A manager approves the campaign and sets when it goes out. Once: the first
 * approval moves the draft on; any later one (a double click, a second tab,
 * another manager) changes nothing. Each recipient gets a link and the final text
 * now, so the send job — however often it is retried — sends the same message.
 */
export async function approveAndSchedule(platform: Platform, actor: StaffActor, id: string, input: { sendAt: string; confirmed: boolean }, requestId: string): Promise<ScheduleResult> {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  requireAccess(canSendCampaign(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  if (campaign.state !== 'draft') {
    if (campaign.state === 'cancelled') return { ok: false, field: 'sendAt', messageKey: 'tax.campaign.cancelled', status: 409 };
    return { ok: true, at: campaign.scheduled_at!, shifted: false, already: true, queued: 0 };
  }
  // Four eyes: whoever prepared the campaign or last wrote its text cannot also be the one who sends it.
  if (actor.id === campaign.created_by || actor.id === (campaign.text_changed_by ?? campaign.created_by)) {
    return { ok: false, field: 'sendAt', messageKey: 'tax.send.fourEyes', status: 409 };
  }
  if (!input.confirmed) return { ok: false, field: 'confirmed', messageKey: 'tax.send.confirm.required' };
  const requested = parseSendAt(input.sendAt);
  if (!requested.ok) return { ok: false, field: 'sendAt', messageKey: requested.messageKey };
  const now = platform.now();
  const time = chooseSendTime(requested.at, now, { fromHour: platform.config.notify.smsQuietFromHour, untilHour: platform.config.notify.smsQuietUntilHour });
  if (!time.ok) return { ok: false, field: 'sendAt', messageKey: time.messageKey, ...(time.params ? { params: time.params } : {}) };
  const rows = await db.selectFrom('tax_reminder_recipients').selectAll().where('campaign_id', '=', id).where('state', '=', 'ready').orderBy('row_number').execute();
  if (rows.length === 0) return { ok: false, field: 'sendAt', messageKey: 'tax.send.noRecipients' };
  const expiryDate = linkExpiryDate(time.at, campaign.link_valid_days);
  const problem = fromText('sendAt', checkCampaignText(campaign.body, rows.map(recipientRow), platform.config.publicUrl, expiryDate));
  if (problem) return problem;
  const expiresAt = japanInstant(addDays(expiryDate, 1), 0); // the end of the last day
  return db.transaction().execute(async (trx): Promise<ScheduleResult> => {
    const moved = await trx
      .updateTable('tax_reminder_campaigns')
      .set({ state: 'scheduled', scheduled_at: time.at, approved_by: actor.id, approved_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', '=', 'draft')
      // re-checked here: the approver may have changed the text since it was read above
      .where((eb) => eb(eb.fn.coalesce('text_changed_by', 'created_by'), '<>', actor.id))
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      const current = await trx.selectFrom('tax_reminder_campaigns').select('state').where('id', '=', id).executeTakeFirst();
      if (current?.state === 'draft') return { ok: false, field: 'sendAt', messageKey: 'tax.send.fourEyes', status: 409 };
      return { ok: true, at: time.at, shifted: false, already: true, queued: 0 };
    }
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500).map((r) => {
        const token = newToken();
        return { id: r.id, hash: tokenHash(token), body: renderReminder(campaign.body, recipientRow(r), linkUrl(platform.config.publicUrl, token), expiryDate) };
      });
      await trx.insertInto('tax_reminder_links').values(chunk.map((c) => ({ token_hash: c.hash, recipient_id: c.id, expires_at: expiresAt, first_opened_at: null }))).execute();
      await sql`UPDATE tax_reminder_recipients AS r SET state = 'queued', message_body = v.body
        FROM (VALUES ${sql.join(chunk.map((c) => sql`(${c.id}::uuid, ${c.body})`))}) AS v(id, body)
        WHERE r.id = v.id AND r.state = 'ready'`.execute(trx);
    }
    await platform.jobs.enqueue(asPlatformDb(trx), SEND_QUEUE, { campaignId: id }, { runAt: time.at, idempotencyKey: `${SEND_QUEUE}:${id}` });
    await audit(trx, actor, 'campaign.approved', id, requestId, { scheduledAt: time.at.toISOString(), shifted: time.shifted, recipients: rows.length, linkExpires: expiryDate });
    return { ok: true, at: time.at, shifted: time.shifted, already: false, queued: rows.length };
  });
}

/** Stops a draft (clerks and managers) or a scheduled campaign before it starts (managers); the links made for it stop working. */
export async function cancelCampaign(platform: Platform, actor: StaffActor, id: string, requestId: string): Promise<{ ok: true } | Failure> {
  requireAccess(canPrepareCampaign(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await requireCampaign(db, id);
  if (campaign.state === 'scheduled') requireAccess(canSendCampaign(actor), 'forbidden');
  else if (campaign.state !== 'draft') return { ok: false, field: 'cancel', messageKey: campaign.state === 'cancelled' ? 'tax.campaign.cancelled' : 'tax.campaign.tooLateToCancel', status: 409 };
  const now = platform.now();
  const done = await db.transaction().execute(async (trx) => {
    const moved = await trx
      .updateTable('tax_reminder_campaigns')
      .set({ state: 'cancelled', cancelled_by: actor.id, cancelled_at: now, updated_at: now })
      .where('id', '=', id)
      .where('state', 'in', ['draft', 'scheduled'])
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return false;
    await trx.updateTable('tax_reminder_links').set({ expires_at: now }).where('recipient_id', 'in', trx.selectFrom('tax_reminder_recipients').select('id').where('campaign_id', '=', id)).execute();
    await audit(trx, actor, 'campaign.cancelled', id, requestId, { from: campaign.state });
    return true;
  });
  return done ? { ok: true } : { ok: false, field: 'cancel', messageKey: 'tax.campaign.tooLateToCancel', status: 409 };
}

/**
 * The send job: hands each queued recipient's message to Notify once (idempotency
 * key per recipient, so a retry or a second run sends nothing twice), then marks the
 * campaign sent. A message Notify refuses (e.g. an invalid number) is recorded on
 * its row; anything else fails the job, which the queue retries.
 */
export async function runSendJob(platform: Platform, campaignId: string): Promise<void> {
  const db = taxRemindersDb(platform.db.kysely);
  const campaign = await loadCampaign(db, campaignId);
  if (!campaign || (campaign.state !== 'scheduled' && campaign.state !== 'sending')) return;
  await db.updateTable('tax_reminder_campaigns').set({ state: 'sending', updated_at: platform.now() }).where('id', '=', campaignId).where('state', '=', 'scheduled').execute();
  // A manager may have stopped it between the two statements: send only a campaign that is now sending.
  const now = await db.selectFrom('tax_reminder_campaigns').select('state').where('id', '=', campaignId).executeTakeFirstOrThrow();
  if (now.state !== 'sending') return;
  let handed = 0;
  let rejected = 0;
  for (;;) {
    const batch = await db.selectFrom('tax_reminder_recipients').select(['id', 'phone', 'message_body']).where('campaign_id', '=', campaignId).where('state', '=', 'queued').orderBy('row_number').limit(200).execute();
    if (batch.length === 0) break;
    for (const r of batch) {
      try {
        const sent = await platform.notifier.send({
          channel: 'sms',
          to: r.phone,
          body: r.message_body!,
          idempotencyKey: `${SOURCE}:${r.id}`,
          source: SOURCE,
          reference: r.id,
          ...(campaign.scheduled_at ? { sendAfter: campaign.scheduled_at } : {}),
        });
        await db.updateTable('tax_reminder_recipients').set({ state: 'handed', notification_id: sent.id, sent_at: platform.now() }).where('id', '=', r.id).execute();
        handed++;
      } catch (error) {
        // Notify refused this message (e.g. the number): record why and go on; anything else is retried.
        if (!(error instanceof DomainError) || error.status >= 500) throw error;
        await db.updateTable('tax_reminder_recipients').set({ state: 'rejected', rejected_reason: error.fields[0]?.messageKey ?? error.messageKey }).where('id', '=', r.id).execute();
        rejected++;
      }
    }
  }
  await db.transaction().execute(async (trx) => {
    const moved = await trx.updateTable('tax_reminder_campaigns').set({ state: 'sent', completed_at: platform.now(), updated_at: platform.now() }).where('id', '=', campaignId).where('state', '=', 'sending').executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 1) {
      await recordAudit(asPlatformDb(trx), { actor: { type: 'system', id: SEND_QUEUE }, action: 'tax-reminders.campaign.sent', targetType: 'tax-reminder-campaign', targetId: campaignId, details: { handed, rejected } });
    }
  });
}

// ---------------------------------------------------------------- export

const DELIVERY_LABEL: Record<string, string> = { delivered: 'tax.delivery.delivered', failed: 'tax.delivery.failed', 'in-progress': 'tax.delivery.in-progress', 'not-sent': 'tax.delivery.not-sent', unknown: 'tax.delivery.unknown' };

/** Every recipient with what became of the message and the payment; audited (it carries taxpayers' data). */
export async function exportResults(platform: Platform, actor: StaffActor, id: string, t: (key: string, params?: Record<string, string | number>) => string, requestId: string): Promise<string> {
  requireAccess(canUseTaxReminders(actor), 'forbidden');
  requireAccess(canExportResults(actor), 'forbidden');
  const db = taxRemindersDb(platform.db.kysely);
  await requireCampaign(db, id);
  const all = await db
    .selectFrom('tax_reminder_recipients as r')
    .leftJoin('tax_reminder_links as l', 'l.recipient_id', 'r.id')
    .selectAll('r')
    .select('l.first_opened_at')
    .where('r.campaign_id', '=', id)
    .orderBy('r.row_number')
    .execute();
  const { messages, payments } = await results(platform, all.map((r) => r.id));
  const lines: (string | number | null)[][] = [
    ['行', '納税義務者番号', '氏名', '電話番号', '税目', '年度', '期別', '金額', '納期限', '送信', '配信状況', '送信日時', 'リンクを開いた日時', '納付日時', `${PAID_WINDOW_DAYS}日以内の納付`],
  ];
  for (const r of all) {
    const payment = paymentOf(payments.get(r.id));
    lines.push([
      r.row_number,
      r.taxpayer_number,
      r.name,
      r.phone,
      r.tax_item,
      fiscalYearLabel(r.fiscal_year),
      r.installment,
      r.amount_yen,
      r.due_date,
      t(`tax.recipient.state.${r.state}`),
      t(DELIVERY_LABEL[deliveryOf(r.state, messages.get(r.id))]!),
      r.sent_at ? formatJst(r.sent_at) : '',
      r.first_opened_at ? formatJst(r.first_opened_at) : '',
      payment?.paidAt ? formatJst(payment.paidAt) : '',
      paidWithinWindow(r.sent_at, payment) ? t('tax.export.yes') : '',
    ]);
  }
  await audit(platform.db.kysely, actor, 'results.exported', id, requestId, { rows: all.length });
  return csvForSpreadsheet(lines);
}
