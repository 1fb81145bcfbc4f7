/**
 * Refunds, full or partial. The request is recorded first (under the payment's
 * row lock, so two refunds at once cannot together exceed what was paid, and a
 * retry with the same idempotency key finds the first), then the provider is
 * asked outside any transaction (it is a remote call; it is idempotent on our
 * refund id, so asking again is safe). Its answer — or a later signed webhook, or
 * a status query — settles the refund once: a success raises the payment's
 * refunded amount and posts the ledger entry in the same transaction.
 */
import { recordAudit } from '../audit/audit-log.ts';
import { DomainError, notFound } from '../http/errors.ts';
import { postEntry, refundPosting } from './ledger.ts';
import { auditActorOfPayments, PaymentsUnavailable, toRefund, UUID, type PaymentsActor, type PaymentsContext, type Refund } from './payment-model.ts';
import type { RefundEvent, RefundOutcome } from './payment-provider.ts';
import type { ApplyResult } from './capture.ts';
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../db/platform-tables.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';

export interface RefundInput {
  paymentId: string;
  /** Whole yen, at most what was paid minus what is already refunded (or being refunded). */
  amountYen: number;
  /** Why (kept with the refund and in the audit log), e.g. 「利用日7日前までの取消（全額返金）」. */
  reason: string;
  /** The same key always means the same refund: a retry (double press, lost answer) returns it instead of refunding twice. */
  idempotencyKey: string;
  actor: PaymentsActor;
  requestId?: string | null;
}

const refundError = (code: string, key: string, params: Record<string, string | number> = {}) => new DomainError(code, 409, key, params);
const yen = (n: number) => n.toLocaleString('ja-JP');

/** Pending and succeeded refunds both hold part of the payment: a pending one may yet succeed. */
async function heldYen(trx: PaymentsDb, paymentId: string): Promise<number> {
  const row = await trx
    .selectFrom('payment_refunds')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_yen'), eb.lit(0)).as('held'))
    .where('payment_id', '=', paymentId)
    .where('status', 'in', ['pending', 'succeeded'])
    .executeTakeFirstOrThrow();
  return Number(row.held);
}

function validate(input: RefundInput): { reason: string; key: string } {
  const reason = String(input.reason ?? '').normalize('NFKC').trim();
  const key = String(input.idempotencyKey ?? '').trim();
  if (!Number.isInteger(input.amountYen) || input.amountYen <= 0) throw new DomainError('invalid_refund', 400, 'payments.refund.amountInvalid');
  if (reason.length === 0 || reason.length > 500) throw new DomainError('invalid_refund', 400, 'payments.refund.reasonInvalid');
  if (key.length === 0 || key.length > 200) throw new DomainError('invalid_refund', 400, 'payments.refund.keyInvalid');
  return { reason, key };
}

/** Records the refund (or finds it by its key) and asks the provider; returns the refund as it stands. */
export async function requestRefund(ctx: PaymentsContext, input: RefundInput): Promise<Refund> {
  const provider = ctx.provider;
  if (!provider) throw new PaymentsUnavailable();
  if (!UUID.test(input.paymentId)) throw notFound();
  const { reason, key } = validate(input);
  const requester = auditActorOfPayments(input.actor);
  const refund = await ctx.db.transaction().execute(async (trx) => {
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', input.paymentId).forUpdate().executeTakeFirst();
    if (!payment) throw notFound();
    // Looked up after taking the lock: a concurrent request with the same key has committed by now.
    const existing = await trx.selectFrom('payment_refunds').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
    if (existing) {
      if (existing.payment_id !== payment.id || existing.amount_yen !== input.amountYen) throw refundError('refund_key_reused', 'payments.refund.keyReused');
      return existing;
    }
    if (payment.status !== 'paid') throw refundError('payment_not_paid', 'payments.refund.notPaid');
    if (payment.provider !== provider.name || !payment.provider_ref) throw refundError('refund_other_provider', 'payments.refund.otherProvider', { provider: payment.provider });
    const remaining = payment.amount_yen - (await heldYen(trx, payment.id));
    if (input.amountYen > remaining) throw refundError('refund_exceeds_payment', 'payments.refund.exceeds', { requested: yen(input.amountYen), remaining: yen(remaining), paid: yen(payment.amount_yen) });
    const now = ctx.now();
    const row = await trx
      .insertInto('payment_refunds')
      .values({ payment_id: payment.id, amount_yen: input.amountYen, reason, idempotency_key: key, provider: provider.name, provider_refund_ref: null, failure_reason: null, requested_by_type: requester.type === 'anonymous' ? 'system' : requester.type, requested_by_id: requester.id, created_at: now, updated_at: now, settled_at: null })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor: requester,
      action: 'payments.refund.requested',
      targetType: 'payment',
      targetId: payment.id,
      reason,
      details: { refundId: row.id, amountYen: input.amountYen, source: payment.source, reference: payment.reference, remainingYen: remaining - input.amountYen },
      requestId: input.requestId ?? null,
    });
    return row;
  });
  if (refund.status === 'pending') await driveRefund(ctx, refund.id);
  return toRefund(await ctx.db.selectFrom('payment_refunds').selectAll().where('id', '=', refund.id).executeTakeFirstOrThrow());
}

/**
 * Asks the provider about a pending refund (the first time, or again: it answers
 * with the same refund) and applies a final answer. A provider that cannot be
 * reached leaves it pending; the next retry, status query or nightly
 * reconciliation asks again.
 */
export async function driveRefund(ctx: PaymentsContext, refundId: string): Promise<void> {
  const provider = ctx.provider;
  if (!provider) return;
  const refund = await ctx.db
    .selectFrom('payment_refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.status', 'r.amount_yen', 'r.provider', 'p.provider_ref'])
    .where('r.id', '=', refundId)
    .executeTakeFirst();
  if (!refund || refund.status !== 'pending' || refund.provider !== provider.name || !refund.provider_ref) return;
  let answer: Awaited<ReturnType<typeof provider.refund>>;
  try {
    answer = await provider.refund({ providerRef: refund.provider_ref, refundId: refund.id, amountYen: refund.amount_yen });
  } catch (error) {
    ctx.log.warn({ refund: refund.id, err: error instanceof Error ? error.message : String(error) }, 'refund request to the provider failed: left pending, will be asked again');
    return;
  }
  await ctx.db.updateTable('payment_refunds').set({ provider_refund_ref: answer.providerRefundRef, updated_at: ctx.now() }).where('id', '=', refund.id).where('provider_refund_ref', 'is', null).execute();
  if (answer.status === 'pending') return;
  await settleRefund(ctx, {
    refundId: refund.id,
    providerRefundRef: answer.providerRefundRef,
    outcome: answer.status,
    amountYen: refund.amount_yen,
    occurredAt: answer.occurredAt ?? ctx.now(),
    failureReason: answer.failureReason ?? null,
    eventId: `response:${answer.providerRefundRef}:${answer.status}`,
    via: 'response',
  });
}

/** A refund webhook whose signature checked out. */
export async function applyRefundEvent(ctx: PaymentsContext, providerName: string, event: RefundEvent): Promise<ApplyResult> {
  const known = await ctx.db
    .selectFrom('payment_refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.amount_yen', 'r.provider', 'p.provider_ref'])
    .where('r.id', '=', UUID.test(event.refundId) ? event.refundId : '00000000-0000-0000-0000-000000000000')
    .executeTakeFirst();
  if (!known || known.provider !== providerName || known.provider_ref !== event.providerRef) {
    ctx.log.warn({ provider: providerName, event: event.eventId }, 'refund event for an unknown refund');
    return 'rejected';
  }
  if (event.amountYen !== known.amount_yen) {
    ctx.log.error({ provider: providerName, refund: known.id, event: event.eventId }, 'refund event amount differs from the refund: not applied');
    return 'rejected';
  }
  return settleRefund(ctx, { refundId: known.id, providerRefundRef: event.providerRefundRef, outcome: event.outcome, amountYen: event.amountYen, occurredAt: event.occurredAt, failureReason: event.failureReason, eventId: event.eventId, via: 'webhook' });
}

interface Settlement {
  refundId: string;
  providerRefundRef: string;
  outcome: RefundOutcome;
  amountYen: number;
  occurredAt: Date;
  failureReason: string | null;
  eventId: string;
  via: 'webhook' | 'response' | 'status';
}

/** Settles a pending refund once: the event is recorded by its id, and only a pending refund changes. */
async function settleRefund(ctx: PaymentsContext, s: Settlement): Promise<ApplyResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const head = await trx.selectFrom('payment_refunds').select('payment_id').where('id', '=', s.refundId).executeTakeFirstOrThrow();
    // The payment first, then the refund: the same order as requestRefund, so the two never deadlock.
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', head.payment_id).forUpdate().executeTakeFirstOrThrow();
    const refund = await trx.selectFrom('payment_refunds').selectAll().where('id', '=', s.refundId).forUpdate().executeTakeFirstOrThrow();
    const applies = refund.status === 'pending';
    const inserted = await trx
      .insertInto('payment_refund_events')
      .values({ refund_id: refund.id, provider: refund.provider, provider_event_id: s.eventId, via: s.via, outcome: s.outcome, applied: applies, occurred_at: s.occurredAt, received_at: ctx.now() })
      .onConflict((oc) => oc.columns(['provider', 'provider_event_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted || !applies) return 'unchanged';
    const now = ctx.now();
    await trx
      .updateTable('payment_refunds')
      .set({ status: s.outcome, settled_at: s.occurredAt, updated_at: now, provider_refund_ref: refund.provider_refund_ref ?? s.providerRefundRef, failure_reason: s.outcome === 'failed' ? (s.failureReason ?? 'refused by the provider') : null })
      .where('id', '=', refund.id)
      .execute();
    if (s.outcome === 'succeeded') {
      await trx.updateTable('payments').set((eb) => ({ refunded_yen: eb('refunded_yen', '+', refund.amount_yen), updated_at: now })).where('id', '=', payment.id).execute();
      await postEntry(trx, refundPosting({ provider: refund.provider, source: payment.source, paymentId: payment.id, refundId: refund.id, amountYen: refund.amount_yen, occurredAt: s.occurredAt, memo: `返金 ${payment.description}` }));
    }
    await recordAudit(trx, {
      actor: { type: 'system', id: `payments:${refund.provider}` },
      action: `payments.refund.${s.outcome}`,
      targetType: 'payment',
      targetId: payment.id,
      details: { refundId: refund.id, amountYen: refund.amount_yen, via: s.via, event: s.eventId, ...(s.outcome === 'failed' ? { failureReason: s.failureReason } : {}) },
    });
    return 'applied';
  });
}

export async function refundsFor(ctx: PaymentsContext, paymentId: string): Promise<Refund[]> {
  if (!UUID.test(paymentId)) return [];
  const rows = await ctx.db.selectFrom('payment_refunds').selectAll().where('payment_id', '=', paymentId).orderBy('seq').execute();
  return rows.map(toRefund);
}

/**
 * The refunds of every payment of these references in one source, oldest first, by
 * reference. Only reads (no expiry sweep, no provider), so a page that has just the
 * database (a service's my-page section) can show a payer what went back to them.
 */
export async function refundsByReferences(db: Kysely<PlatformTables>, source: string, references: string[]): Promise<Map<string, Refund[]>> {
  const result = new Map<string, Refund[]>();
  if (references.length === 0) return result;
  const rows = await paymentsDb(db)
    .selectFrom('payment_refunds as r')
    .innerJoin('payments as p', 'p.id', 'r.payment_id')
    .selectAll('r')
    .select('p.reference')
    .where('p.source', '=', source)
    .where('p.reference', 'in', references)
    .orderBy('r.created_at')
    .orderBy('r.seq')
    .execute();
  for (const { reference, ...row } of rows) result.set(reference, [...(result.get(reference) ?? []), toRefund(row)]);
  return result;
}

/** Pending refunds older than `olderThan`: asked again by reconciliation. */
export async function pendingRefundIds(ctx: PaymentsContext, olderThan: Date, paymentId?: string): Promise<string[]> {
  let query = ctx.db.selectFrom('payment_refunds').select('id').where('status', '=', 'pending').where('created_at', '<=', olderThan);
  if (paymentId) query = query.where('payment_id', '=', paymentId);
  return (await query.orderBy('seq').limit(500).execute()).map((r) => r.id);
}
