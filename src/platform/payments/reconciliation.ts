/**
 * The daily reconciliation (日次照合) of one Japanese calendar day: the city's
 * captures and refunds against the provider's transaction report; what the city
 * missed (a lost webhook) is fixed by asking the provider (a status query) and
 * listed as resolved; amount differences and what the provider does not have are
 * left for people (会計課) to look at. The provider's payout for the day is posted
 * to the ledger once. Every run is stored and audited.
 */
import { recordAudit, type AuditActor } from '../audit/audit-log.ts';
import { applyProviderStatus } from './capture.ts';
import { accountBalance, accounts, payoutPosting, postEntry } from './ledger.ts';
import { PaymentsUnavailable, type PaymentsContext } from './payment-model.ts';
import type { ProviderPayout } from './payment-provider.ts';
import type { ReconciliationStatus } from './payment-tables.ts';
import { compareDay, discrepancyCount, type CityTransaction, type DayReport } from './reconciliation-compare.ts';
import { driveRefund } from './refunds.ts';
import { japanDayRange } from './payment-dates.ts';

export interface StoredReconciliation {
  id: number;
  date: string;
  provider: string;
  status: ReconciliationStatus;
  matchedCount: number;
  discrepancyCount: number;
  report: DayReport;
  runBy: { type: 'staff' | 'system'; id: string | null };
  runAt: Date;
}

const itemKey = (i: { kind: string; paymentId: string; refundId: string | null }) => `${i.kind}:${i.refundId ?? i.paymentId}`;

/** The city's side of a day: captures by paid time, refunds by the time the provider completed them. */
async function cityTransactions(ctx: PaymentsContext, provider: string, date: string): Promise<CityTransaction[]> {
  const { from, to } = japanDayRange(date);
  const captures = await ctx.db
    .selectFrom('payments')
    .select(['id', 'provider_ref', 'amount_yen', 'method', 'paid_at', 'source', 'description'])
    .where('provider', '=', provider)
    .where('status', '=', 'paid')
    .where('paid_at', '>=', from)
    .where('paid_at', '<', to)
    .execute();
  const refunds = await ctx.db
    .selectFrom('payment_refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.payment_id', 'r.amount_yen', 'r.settled_at', 'p.provider_ref', 'p.method', 'p.source', 'p.description'])
    .where('r.provider', '=', provider)
    .where('r.status', '=', 'succeeded')
    .where('r.settled_at', '>=', from)
    .where('r.settled_at', '<', to)
    .execute();
  return [
    ...captures.map((c): CityTransaction => ({ kind: 'capture', paymentId: c.id, refundId: null, providerRef: c.provider_ref, amountYen: c.amount_yen, method: c.method, occurredAt: c.paid_at!, source: c.source, description: c.description })),
    ...refunds.map((r): CityTransaction => ({ kind: 'refund', paymentId: r.payment_id, refundId: r.id, providerRef: r.provider_ref, amountYen: r.amount_yen, method: r.method, occurredAt: r.settled_at!, source: r.source, description: r.description })),
  ];
}

/** Posts the provider's payout of the day (once: the entry's key is the payout's ref), audited in the same transaction. */
async function postPayout(ctx: PaymentsContext, provider: string, payout: ProviderPayout): Promise<boolean> {
  const posting = payoutPosting({ provider, ...payout, occurredAt: ctx.now() });
  if (!posting) return false;
  return ctx.db.transaction().execute(async (trx) => {
    const posted = await postEntry(trx, posting);
    if (posted) {
      await recordAudit(trx, { actor: { type: 'system', id: `payments:${provider}` }, action: 'payments.payout.posted', targetType: 'payment_payout', targetId: payout.payoutRef, details: { ...payout } });
    }
    return posted;
  });
}

/**
 * Reconciles one day and stores the report: what the provider has and the city
 * missed is fixed by status queries and the day compared again (those are listed
 * as resolved); refunds still pending are then asked about again, and the day's
 * payout is posted.
 */
export async function reconcileDay(ctx: PaymentsContext, date: string, runBy: AuditActor & { type: 'staff' | 'system' }, requestId: string | null = null): Promise<StoredReconciliation> {
  const provider = ctx.provider;
  if (!provider) throw new PaymentsUnavailable();
  const { to } = japanDayRange(date);
  const reported = await provider.transactions(date);
  let comparison = compareDay(await cityTransactions(ctx, provider.name, date), reported);
  const found = comparison.missingAtCity;
  if (found.length) {
    for (const item of found) {
      if (item.kind === 'capture') await applyProviderStatus(ctx, item.paymentId);
      else if (item.refundId) await driveRefund(ctx, item.refundId);
    }
    comparison = compareDay(await cityTransactions(ctx, provider.name, date), reported);
  }
  // Resolved: missing at first, matched now (shown with the city's record, which the status query created).
  const foundKeys = new Set(found.map(itemKey));
  const resolved = comparison.matched.filter((i) => foundKeys.has(itemKey(i)));

  // Refunds still pending (the provider never answered, or is still working on them) are asked about again.
  const pending = await ctx.db.selectFrom('payment_refunds').select('id').where('provider', '=', provider.name).where('status', '=', 'pending').where('created_at', '<', to).orderBy('seq').limit(500).execute();
  for (const refund of pending) await driveRefund(ctx, refund.id);

  const payout = await provider.payout(date);
  const posted = payout ? await postPayout(ctx, provider.name, payout) : false;
  const report: DayReport = {
    ...comparison,
    date,
    provider: provider.name,
    resolved,
    clearingBalanceYen: await accountBalance(ctx.db, accounts.clearing(provider.name), to),
    payout: payout ? { ...payout, posted } : null,
  };
  const discrepancies = discrepancyCount(comparison);
  const status: ReconciliationStatus = discrepancies > 0 ? 'discrepancies' : resolved.length > 0 ? 'resolved' : 'balanced';
  const row = await ctx.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('payment_reconciliations')
      .values({ provider: provider.name, business_date: date, status, matched_count: comparison.matched.length, discrepancy_count: discrepancies, report: JSON.stringify(report), run_by_type: runBy.type, run_by_id: runBy.id, run_at: ctx.now() })
      .returning(['id', 'run_at'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: runBy,
      action: 'payments.reconciliation.run',
      targetType: 'payment_reconciliation',
      targetId: String(inserted.id),
      details: { date, provider: provider.name, status, matched: comparison.matched.length, discrepancies, resolved: resolved.length, payoutPosted: posted },
      requestId,
    });
    return inserted;
  });
  return { id: row.id, date, provider: provider.name, status, matchedCount: comparison.matched.length, discrepancyCount: discrepancies, report, runBy: { type: runBy.type, id: runBy.id }, runAt: row.run_at };
}

type ReconciliationRow = {
  id: number;
  provider: string;
  business_date: string;
  status: ReconciliationStatus;
  matched_count: number;
  discrepancy_count: number;
  report: unknown;
  run_by_type: 'staff' | 'system';
  run_by_id: string | null;
  run_at: Date;
};

function toStored(row: ReconciliationRow): StoredReconciliation {
  const report = (typeof row.report === 'string' ? JSON.parse(row.report) : row.report) as DayReport;
  return { id: row.id, date: row.business_date, provider: row.provider, status: row.status, matchedCount: row.matched_count, discrepancyCount: row.discrepancy_count, report, runBy: { type: row.run_by_type, id: row.run_by_id }, runAt: row.run_at };
}

/** The latest run of each day, newest day first. */
export async function latestReconciliations(ctx: PaymentsContext, limit = 60, offset = 0): Promise<{ rows: StoredReconciliation[]; total: number }> {
  const latest = ctx.db
    .selectFrom('payment_reconciliations')
    .selectAll()
    .distinctOn(['provider', 'business_date'])
    .orderBy('provider')
    .orderBy('business_date')
    .orderBy('run_at', 'desc')
    .orderBy('id', 'desc');
  const rows = await ctx.db.selectFrom(latest.as('l')).selectAll().orderBy('business_date', 'desc').orderBy('provider').limit(limit).offset(offset).execute();
  const total = await ctx.db.selectFrom(latest.as('l')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return { rows: rows.map((r) => toStored(r as ReconciliationRow)), total: Number(total.n) };
}

/** Every run of one day, newest first. */
export async function reconciliationsOfDay(ctx: PaymentsContext, date: string): Promise<StoredReconciliation[]> {
  const rows = await ctx.db.selectFrom('payment_reconciliations').selectAll().where('business_date', '=', date).orderBy('run_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((r) => toStored(r as ReconciliationRow));
}
