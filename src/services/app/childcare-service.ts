/**
 * 子育て応援: a parent (a logged-in resident) registers a child by nickname and birth
 * date and sees the routine vaccination schedule; reminders go to the parent's active
 * subscriptions (email, LINE, push) REMINDER_DAYS_BEFORE days before each due date,
 * from the daily job. A child's record is the parent's alone (404 for anyone else).
 */
import { auditActorOf, type ResidentActor } from '../../platform/access/actor.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, notFound } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { AppContext } from './app-context.ts';
import { deliver, vaccineContent } from './fanout.ts';
import { ownsChild } from './policy.ts';
import type { AppDb } from './tables.ts';
import { remindersDue } from './vaccination-schedule.ts';
import { isUuid } from '../../platform/http/ids.ts';

export const MAX_CHILDREN = 10;
/** The schedule runs to the HPV doses of 中学1年; older children have no routine doses left. */
const MAX_AGE_YEARS = 16;

export interface ChildRow {
  id: string;
  resident_account_id: string;
  nickname: string;
  birth_date: string;
  created_at: Date;
}

export async function registerChild(ctx: AppContext, resident: ResidentActor, input: { nickname: string; birthDate: string }, requestId: string | null): Promise<string> {
  const errors = [];
  const nickname = input.nickname.trim();
  if (nickname.length === 0) errors.push({ field: 'nickname', messageKey: 'app.child.error.nickname' });
  const parsed = parseJapaneseDate(input.birthDate);
  const today = todayInJapan(ctx.now());
  if (!parsed.ok) errors.push({ field: 'birthDate', messageKey: parsed.reason === 'era-range' ? 'validation.dateEra' : parsed.reason === 'invalid-date' ? 'validation.dateInvalid' : 'validation.date' });
  else if (parsed.iso > today) errors.push({ field: 'birthDate', messageKey: 'app.child.error.future' });
  else if (Number(today.slice(0, 4)) - Number(parsed.iso.slice(0, 4)) > MAX_AGE_YEARS) errors.push({ field: 'birthDate', messageKey: 'app.child.error.tooOld', params: { years: MAX_AGE_YEARS } });
  if (errors.length) throw invalidInput(errors);
  return ctx.db.transaction().execute(async (trx) => {
    const count = Number((await trx.selectFrom('app_children').select((eb) => eb.fn.countAll<number>().as('n')).where('resident_account_id', '=', resident.accountId).executeTakeFirstOrThrow()).n);
    if (count >= MAX_CHILDREN) throw new DomainError('too_many', 409, 'app.child.error.tooMany', { max: MAX_CHILDREN });
    const row = await trx.insertInto('app_children').values({ resident_account_id: resident.accountId, nickname, birth_date: (parsed as { iso: string }).iso }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'app.child.registered', targetType: 'app_child', targetId: row.id, requestId });
    return row.id;
  });
}

export async function childrenOf(db: AppDb, resident: ResidentActor): Promise<ChildRow[]> {
  return db.selectFrom('app_children').selectAll().where('resident_account_id', '=', resident.accountId).orderBy('birth_date').execute();
}

export async function childOf(db: AppDb, resident: ResidentActor, id: string): Promise<ChildRow> {
  if (!isUuid(id)) throw notFound();
  const child = await db.selectFrom('app_children').selectAll().where('id', '=', id).executeTakeFirst();
  if (!child || !ownsChild(resident, child)) throw notFound();
  return child;
}

export async function deleteChild(ctx: AppContext, resident: ResidentActor, id: string, requestId: string | null): Promise<void> {
  const child = await childOf(ctx.db, resident, id);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('app_children').where('id', '=', child.id).execute();
    await recordAudit(trx, { actor: auditActorOf(resident), action: 'app.child.deleted', targetType: 'app_child', targetId: child.id, requestId });
  });
}

/** The daily job's part: reminders whose day has come, to each parent's active subscriptions. */
export async function sendVaccineReminders(ctx: AppContext): Promise<number> {
  const today = todayInJapan(ctx.now());
  let sent = 0;
  let after = '';
  for (;;) {
    let query = ctx.db.selectFrom('app_children').selectAll().orderBy('id').limit(500);
    if (after) query = query.where('id', '>', after);
    const children = await query.execute();
    for (const child of children) {
      const due = remindersDue(child.birth_date, today);
      if (due.length === 0) continue;
      const recipients = await ctx.db.selectFrom('app_subscribers').select(['id', 'channel', 'address', 'token']).where('resident_account_id', '=', child.resident_account_id).where('status', '=', 'active').execute();
      for (const dose of due) sent += await deliver(ctx, 'vaccine', `${child.id}:${dose.key}:${dose.from}`, recipients, () => vaccineContent(ctx, child, dose));
    }
    if (children.length < 500) return sent;
    after = children.at(-1)!.id;
  }
}
