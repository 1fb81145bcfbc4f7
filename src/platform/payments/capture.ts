/**
 * Applying what the provider says happened to a payment: once per provider event
 * (its id is a unique key, so a replayed webhook changes nothing), a payment
 * leaves `created` once, and a paid payment stays paid. A capture posts its
 * ledger entry and its audit record in the same transaction as the status change.
 */
import { recordAudit } from '../audit/audit-log.ts';
import { capturePosting, postEntry } from './ledger.ts';
import type { PaymentsContext } from './payment-model.ts';
import type { CaptureEvent, PaymentOutcome, PaymentStatus } from './payment-provider.ts';

export type ApplyResult = 'applied' | 'unchanged' | 'rejected';

/** The next status, or null when the event changes nothing. A capture is never lost: paid wins over expired or cancelled. */
export function transition(current: PaymentStatus, outcome: PaymentOutcome): PaymentStatus | null {
  if (current === 'paid') return null;
  if (outcome === 'paid') return 'paid';
  if (current === 'created') return outcome;
  return null;
}

export async function applyCaptureEvent(ctx: PaymentsContext, providerName: string, event: CaptureEvent, via: 'webhook' | 'status'): Promise<ApplyResult> {
  return ctx.db.transaction().execute(async (trx) => {
    const payment = await trx.selectFrom('payments').selectAll().where('id', '=', event.paymentId).where('provider', '=', providerName).forUpdate().executeTakeFirst();
    if (!payment || payment.provider_ref !== event.providerRef) {
      ctx.log.warn({ provider: providerName, event: event.eventId }, 'payment event for an unknown payment');
      return 'rejected';
    }
    if (event.outcome === 'paid' && event.amountYen !== payment.amount_yen) {
      ctx.log.error({ provider: providerName, payment: payment.id, event: event.eventId }, 'payment event amount differs from the payment: not applied');
      return 'rejected';
    }
    const next = transition(payment.status, event.outcome);
    const inserted = await trx
      .insertInto('payment_events')
      .values({ payment_id: payment.id, provider: providerName, provider_event_id: event.eventId, via, outcome: event.outcome, amount_yen: event.amountYen, applied: next !== null, occurred_at: event.occurredAt, method: event.method, received_at: ctx.now() })
      .onConflict((oc) => oc.columns(['provider', 'provider_event_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted || next === null) return 'unchanged'; // a replay, or the payment is already settled
    const now = ctx.now();
    await trx
      .updateTable('payments')
      .set({ status: next, updated_at: now, ...(next === 'paid' ? { paid_at: event.occurredAt, method: event.method } : {}) })
      .where('id', '=', payment.id)
      .execute();
    if (next === 'paid') {
      await postEntry(trx, capturePosting({ provider: providerName, source: payment.source, paymentId: payment.id, amountYen: payment.amount_yen, occurredAt: event.occurredAt, memo: payment.description }));
    }
    await recordAudit(trx, {
      actor: { type: 'system', id: `payments:${providerName}` },
      action: `payments.${next}`,
      targetType: 'payment',
      targetId: payment.id,
      details: { source: payment.source, reference: payment.reference, amountYen: payment.amount_yen, via, event: event.eventId, ...(event.method ? { method: event.method } : {}), ...(payment.status === 'expired' ? { lateCapture: true } : {}) },
    });
    return 'applied';
  });
}

/**
 * Asks the provider what became of a payment the city does not know as paid (the
 * payer came back before the webhook, or the webhook was lost) and applies a final
 * answer as a `status` event: the same rules as a webhook, so a webhook arriving
 * later changes nothing.
 */
export async function applyProviderStatus(ctx: PaymentsContext, paymentId: string): Promise<void> {
  const provider = ctx.provider;
  const payment = await ctx.db.selectFrom('payments').select(['id', 'status', 'provider', 'provider_ref']).where('id', '=', paymentId).executeTakeFirst();
  if (!payment || !provider || payment.provider !== provider.name || !payment.provider_ref || payment.status === 'paid') return;
  const state = await provider.status(payment.provider_ref);
  if (!state || state.status === 'created') return;
  await applyCaptureEvent(
    ctx,
    provider.name,
    { kind: 'payment', eventId: `status:${payment.provider_ref}:${state.status}`, providerRef: payment.provider_ref, paymentId: payment.id, outcome: state.status, amountYen: state.amountYen, occurredAt: state.paidAt ?? ctx.now(), method: state.method },
    'status',
  );
}
