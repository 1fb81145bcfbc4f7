/** Reading payments for 会計課's pages: a filtered, paged list (and its CSV), and one payment with its timeline. */
import { sql } from 'kysely';
import type { PaymentMethod, PaymentStatus } from './payment-provider.ts';
import type { PaymentsDb } from './payment-tables.ts';
import { japanDayRange } from './payment-dates.ts';
import { UUID } from './payment-model.ts';

export interface PaymentFilters {
  /** A status, or `refunded`: paid payments with any refund. */
  status?: PaymentStatus | 'refunded';
  source?: string;
  method?: PaymentMethod;
  /** Which date `from`/`to` (Japanese calendar days, inclusive) apply to. */
  dateBasis?: 'created' | 'paid';
  from?: string;
  to?: string;
  /** A payment id, a service reference, a receipt number, or words of the description. */
  q?: string;
}

export const PAGE_SIZE = 50;
/** A CSV holds at most this many rows; narrow the filters for more (the page says so). */
export const CSV_LIMIT = 20_000;

function filtered(db: PaymentsDb, f: PaymentFilters) {
  let query = db.selectFrom('payments');
  if (f.status === 'refunded') query = query.where('status', '=', 'paid').where('refunded_yen', '>', 0);
  else if (f.status) query = query.where('status', '=', f.status);
  if (f.source) query = query.where('source', '=', f.source);
  if (f.method) query = query.where('method', '=', f.method);
  const column = f.dateBasis === 'paid' ? 'paid_at' : 'created_at';
  if (f.from) query = query.where(column, '>=', japanDayRange(f.from).from);
  if (f.to) query = query.where(column, '<', japanDayRange(f.to).to);
  const q = f.q?.trim();
  if (q) {
    if (UUID.test(q.toLowerCase())) query = query.where('id', '=', q.toLowerCase());
    else {
      const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where((eb) => eb.or([eb('reference', '=', q), eb('display_reference', '=', q), eb('receipt_number', '=', q), eb('description', 'ilike', like)]));
    }
  }
  return query;
}

export async function listPayments(db: PaymentsDb, filters: PaymentFilters, page: number) {
  const query = filtered(db, filters);
  const [rows, total] = await Promise.all([
    query.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE).execute(),
    query.select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.coalesce(eb.fn.sum<number>(sql<number>`CASE WHEN status = 'paid' THEN amount_yen - refunded_yen ELSE 0 END`), eb.lit(0)).as('net')]).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.n), netPaidYen: Number(total.net), pageCount: Math.max(1, Math.ceil(Number(total.n) / PAGE_SIZE)) };
}

export async function paymentsForCsv(db: PaymentsDb, filters: PaymentFilters) {
  return filtered(db, filters).selectAll().orderBy('created_at').orderBy('id').limit(CSV_LIMIT + 1).execute();
}

export async function paymentSources(db: PaymentsDb): Promise<string[]> {
  return (await db.selectFrom('payments').select('source').distinct().orderBy('source').execute()).map((r) => r.source);
}

export interface TimelineEntry {
  at: Date;
  /** A message key suffix: payments.staff.event.<kind>. */
  kind: string;
  amountYen: number | null;
  /** The provider's event id, the method, or a refund's reason. */
  note: string | null;
  /** False for an event that arrived after the payment was already settled (kept, changed nothing). */
  applied: boolean;
}

/** What happened to a payment, in order: opened, provider events (webhook or status query), refunds asked and settled. */
export async function paymentTimeline(db: PaymentsDb, paymentId: string): Promise<TimelineEntry[]> {
  const payment = await db.selectFrom('payments').select(['created_at', 'amount_yen']).where('id', '=', paymentId).executeTakeFirst();
  if (!payment) return [];
  const events = await db.selectFrom('payment_events').selectAll().where('payment_id', '=', paymentId).orderBy('id').execute();
  const refunds = await db.selectFrom('payment_refunds').selectAll().where('payment_id', '=', paymentId).orderBy('seq').execute();
  const refundEvents = refunds.length ? await db.selectFrom('payment_refund_events').selectAll().where('refund_id', 'in', refunds.map((r) => r.id)).orderBy('id').execute() : [];
  const entries: TimelineEntry[] = [
    { at: payment.created_at, kind: 'created', amountYen: payment.amount_yen, note: null, applied: true },
    ...events.map((e) => ({ at: e.received_at, kind: `${e.outcome}.${e.via}`, amountYen: e.amount_yen, note: e.provider_event_id, applied: e.applied })),
    ...refunds.map((r) => ({ at: r.created_at, kind: 'refund.requested', amountYen: r.amount_yen, note: r.reason, applied: true })),
    ...refundEvents.map((e) => ({ at: e.received_at, kind: `refund.${e.outcome}.${e.via}`, amountYen: refunds.find((r) => r.id === e.refund_id)?.amount_yen ?? null, note: e.provider_event_id, applied: e.applied })),
  ];
  return entries.sort((a, b) => a.at.getTime() - b.at.getTime());
}
