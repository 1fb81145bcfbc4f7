/**
 * Disaster mode (災害モード): staff switch it on with a message; every resident page then
 * shows it at the top, and everyone subscribed to 防災 is alerted on every channel they
 * chose. Switching off removes the banner. Both switches are audited.
 *
 * Pages render synchronously, so the banner reads an in-memory copy of the current alert.
 * The copy is refreshed from the database at most every REFRESH_MS (on the next request
 * after that), so an alert switched on at one app instance shows on every instance within
 * seconds; the instance that switched updates its copy at once.
 */
import type { FastifyInstance } from 'fastify';
import { auditActorOf, type StaffActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import type { AppContext } from './app-context.ts';
import { canSwitchDisasterMode } from './policy.ts';
import { asPlatformDb, type AppDb } from './tables.ts';

export interface DisasterAlert {
  id: number;
  message: string;
  startedAt: Date;
}

const REFRESH_MS = 3_000;

/**
 * The alert as this process last read it. One per process: the resident layout's
 * widgets get only the view context, and one process serves one app.
 */
class DisasterBoard {
  current: DisasterAlert | null = null;
  private checkedAt = 0;
  private loading: Promise<void> | null = null;

  async refresh(db: AppDb, force = false): Promise<void> {
    if (!force && Date.now() - this.checkedAt < REFRESH_MS) return;
    this.loading ??= activeAlert(db)
      .then((alert) => {
        this.current = alert;
        this.checkedAt = Date.now();
      })
      .finally(() => (this.loading = null));
    await this.loading;
  }

  set(alert: DisasterAlert | null): void {
    this.current = alert;
    this.checkedAt = Date.now();
  }
}

export const disasterBoard = new DisasterBoard();

export async function activeAlert(db: AppDb): Promise<DisasterAlert | null> {
  const row = await db.selectFrom('app_disaster_alerts').select(['id', 'message', 'started_at']).where('ended_at', 'is', null).orderBy('id', 'desc').executeTakeFirst();
  return row ? { id: row.id, message: row.message, startedAt: row.started_at } : null;
}

/** Keeps the banner's copy fresh: a cheap indexed read on page requests, at most every few seconds. */
export function registerDisasterRefresh(app: FastifyInstance, ctx: AppContext): void {
  app.addHook('onRequest', async (request) => {
    if (request.method !== 'GET' || request.url.startsWith('/assets/') || request.url.startsWith('/api/')) return;
    try {
      await disasterBoard.refresh(ctx.db);
    } catch (error) {
      // A failed read keeps the last known state; the page still renders.
      request.log.warn({ err: error }, 'disaster mode state could not be read');
    }
  });
}

export async function switchOn(ctx: AppContext, staff: StaffActor, message: string, requestId: string | null): Promise<DisasterAlert> {
  requireAccess(canSwitchDisasterMode(staff), 'forbidden');
  const text = message.trim();
  if (text.length === 0 || text.length > 500) throw invalidInput([{ field: 'message', messageKey: 'app.error.disasterMessage' }]);
  let alert: DisasterAlert;
  try {
    alert = await ctx.db.transaction().execute(async (trx) => {
      if (await activeAlert(trx)) throw new DomainError('disaster_on', 409, 'app.error.disasterAlreadyOn');
      const row = await trx.insertInto('app_disaster_alerts').values({ message: text, started_by: staff.id, started_at: ctx.now() }).returning(['id', 'message', 'started_at']).executeTakeFirstOrThrow();
      await ctx.jobs?.enqueue(asPlatformDb(trx), 'app.fanout', { kind: 'disaster', ref: String(row.id), after: '' }, { idempotencyKey: `app-fanout:disaster:${row.id}:` });
      await recordAudit(trx, { actor: auditActorOf(staff), action: 'app.disaster.on', targetType: 'app_disaster_alert', targetId: String(row.id), details: { message: text }, requestId });
      return { id: row.id, message: row.message, startedAt: row.started_at };
    });
  } catch (error) {
    // Two staff switching on at the same moment: the unique index lets one of them win.
    if ((error as { code?: string }).code === '23505') throw new DomainError('disaster_on', 409, 'app.error.disasterAlreadyOn');
    throw error;
  }
  disasterBoard.set(alert);
  return alert;
}

export async function switchOff(ctx: AppContext, staff: StaffActor, requestId: string | null): Promise<boolean> {
  requireAccess(canSwitchDisasterMode(staff), 'forbidden');
  const ended = await ctx.db.transaction().execute(async (trx) => {
    const on = await activeAlert(trx);
    if (!on) return false;
    await trx.updateTable('app_disaster_alerts').set({ ended_at: ctx.now(), ended_by: staff.id }).where('id', '=', on.id).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'app.disaster.off', targetType: 'app_disaster_alert', targetId: String(on.id), details: { message: on.message }, requestId });
    return true;
  });
  disasterBoard.set(null);
  return ended;
}

export async function recentAlerts(db: AppDb) {
  return db
    .selectFrom('app_disaster_alerts as a')
    .innerJoin('staff as s', 's.id', 'a.started_by')
    .leftJoin('staff as e', 'e.id', 'a.ended_by')
    .select(['a.id', 'a.message', 'a.started_at', 'a.ended_at', 's.display_name as started_by_name', 'e.display_name as ended_by_name'])
    .orderBy('a.id', 'desc')
    .limit(10)
    .execute();
}
