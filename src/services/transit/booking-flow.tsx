/**
 * The three steps of booking, shared by the resident's pages and the operator's phone
 * booking: ride form → offered times → confirm. Only the actor, the rider, the URLs
 * and the page shell differ. A change of a booked ride uses the same steps.
 */
import crypto from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { bookTrip, changeTrip, quoteTrip, type Offer } from './booking-service.ts';
import { loadNetwork } from './network.ts';
import { BookPage, OffersPage } from './resident-views.tsx';
import type { BookingChannel } from './tables.ts';
import { parseOffer, readTripForm, serviceDates, type TripFormValues } from './trip-form.ts';
import type { TransitContext } from './transit-context.ts';
import { isUuid } from '../../platform/http/ids.ts';

export interface FlowTarget {
  actor: Actor;
  riderId: string;
  channel: BookingChannel;
  /** Form action of step 1 (also where "back" goes), of step 2, and the page after booking. */
  formAction: string;
  confirmAction: string;
  done: (tripId: string) => string;
  title: string;
  shell: 'resident' | 'staff';
  /** Changing this booked ride instead of booking a new one. */
  changing?: string;
}

export async function showForm(request: FastifyRequest, reply: FastifyReply, ctx: TransitContext, target: FlowTarget, values: TripFormValues, errors: Record<string, string> = {}, refusal?: Parameters<typeof BookPage>[0]['refusal'], status = 200) {
  const network = await loadNetwork(ctx.db, ctx.travel);
  const days = await serviceDates(ctx.db, ctx.now());
  return reply.html(<BookPage ctx={viewContext(request)} action={target.formAction} title={target.title} values={values} errors={errors} stops={network.stops} days={days} refusal={refusal} lockDate={Boolean(target.changing)} shell={target.shell} />, status);
}

async function showOffers(request: FastifyRequest, reply: FastifyReply, ctx: TransitContext, target: FlowTarget, values: TripFormValues, offers: Offer[], extra: { taken?: boolean; error?: string; key?: string } = {}, status = 200) {
  const network = await loadNetwork(ctx.db, ctx.travel);
  return reply.html(
    <OffersPage
      ctx={viewContext(request)}
      title={target.title}
      action={target.confirmAction}
      backHref={target.formAction}
      values={values}
      offers={offers}
      stops={network.stopById}
      idempotencyKey={extra.key ?? crypto.randomUUID()}
      taken={extra.taken ?? false}
      error={extra.error}
      shell={target.shell}
    />,
    status,
  );
}

/** Step 2: the ride form was posted; show the offered times or what is wrong. */
export async function offerStep(request: FastifyRequest, reply: FastifyReply, ctx: TransitContext, target: FlowTarget) {
  const { values, input, errors } = readTripForm(request.body, request.t);
  if (!input) return showForm(request, reply, ctx, target, values, fieldErrorMap(errors, request.t), undefined, 400);
  try {
    const quote = await quoteTrip(ctx, target.actor, target.riderId, input, target.channel, target.changing ? { excludeTrip: target.changing } : {});
    if (!quote.ok) return showForm(request, reply, ctx, target, values, {}, { reason: quote.reason, note: quote.note }, 200);
    return showOffers(request, reply, ctx, target, values, quote.offers);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, ctx, target, values, fieldErrorMap(error.fields, request.t), undefined, 400);
    throw error;
  }
}

/** Step 3: an offer was accepted; book (or change) it, or show fresh offers if it was just taken. */
export async function confirmStep(request: FastifyRequest, reply: FastifyReply, ctx: TransitContext, target: FlowTarget) {
  const { values, input, errors } = readTripForm(request.body, request.t);
  if (!input) return showForm(request, reply, ctx, target, values, fieldErrorMap(errors, request.t), undefined, 400);
  const body = (request.body ?? {}) as Record<string, unknown>;
  const offer = parseOffer(body.offer);
  const key = typeof body.idempotencyKey === 'string' && isUuid(body.idempotencyKey) ? body.idempotencyKey : null;
  if (!offer || !key) {
    const quote = await quoteTrip(ctx, target.actor, target.riderId, input, target.channel, target.changing ? { excludeTrip: target.changing } : {});
    return showOffers(request, reply, ctx, target, values, quote.ok ? quote.offers : [], { error: request.t('transit.offers.required') }, 400);
  }
  try {
    if (target.changing) {
      await changeTrip(ctx, target.actor, target.changing, { input, ...offer });
      setFlash(reply, 'success', 'transit.changed.flash');
      return reply.redirect(target.done(target.changing), 303);
    }
    const booked = await bookTrip(ctx, target.actor, { riderId: target.riderId, input, ...offer, idempotencyKey: key, channel: target.channel });
    setFlash(reply, 'success', 'transit.booked.flash', { reference: booked.reference });
    return reply.redirect(target.done(booked.id), 303);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'trip_taken') {
      return showOffers(request, reply, ctx, target, values, (error as DomainError & { offers: Offer[] }).offers, { taken: true }, 409);
    }
    if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, ctx, target, values, fieldErrorMap(error.fields, request.t), undefined, 400);
    throw error;
  }
}
