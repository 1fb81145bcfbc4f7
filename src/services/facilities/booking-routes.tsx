/**
 * Resident pages of booking: 利用者登録, form → review (fee, terms) → confirm, the
 * booking's page with pay / receipt / cancel, my bookings. Thin: parse, call one
 * service function, present. Every refusal shows the form again with what was typed.
 */
import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { roomDays } from './availability.ts';
import { lotteryMonthsOf } from './availability-service.ts';
import { occupationsBetween } from './booked-times.ts';
import { emptyBookingForm, readBookingForm, type BookingFormValues } from './booking-form.ts';
import { cancelBooking, previewCancellation } from './booking-lifecycle.ts';
import { paymentReturn, receiptOf, startPayment, syncPayment } from './booking-payments.ts';
import { bookingForView, bookingsOf, loadBookingRow } from './booking-queries.ts';
import { bookRoom, quoteBooking, type SlotTakenError } from './booking-service.ts';
import { BookingsTable, BookingPage, CancelPage, MyBookingsPage } from './booking-page-views.tsx';
import { BookingFormPage, RegisterUserPage, ReviewPage, TakenPage, type UserFormValues } from './booking-views.tsx';
import { instantOf } from './booking-time.ts';
import { loadPurposes, loadRoom } from './catalogue.ts';
import { PAYMENT_SOURCE, type FacilityContext } from './facility-context.ts';
import { saveUser, userOf } from './facility-users.ts';
import { bookableGroupsOf } from './group-membership.ts';
import { canActOnBooking, canDownloadReceipt } from './policy.ts';

const UserForm = Type.Object({
  name: Type.String({ maxLength: 100 }),
  nameKana: Type.String({ maxLength: 100 }),
  phone: Type.String({ maxLength: 20 }),
  email: Type.String({ maxLength: 200 }),
  address: Type.String({ maxLength: 200 }),
  next: Type.String({ maxLength: 500 }),
});
const BookQuery = Type.Object({ room: Type.Optional(Type.String({ maxLength: 64 })), date: Type.Optional(Type.String({ maxLength: 30 })), blocks: Type.Optional(Type.Union([Type.String({ maxLength: 16 }), Type.Array(Type.String({ maxLength: 16 }), { maxItems: 24 })])) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const PaidQuery = Type.Object({ payment: Type.Optional(Type.String({ maxLength: 64 })) });

/** Only paths on this site are followed after registration. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/facilities(\/|\?|$)/.test(next) && !next.startsWith('//') ? next : '/facilities/mine');

/** Field errors keyed by the form's own fields (the service says groupId; the form's radios are bookFor). */
function formErrors(errors: FieldError[], t: FastifyRequest['t']): Record<string, string> {
  return fieldErrorMap(errors.map((e) => (e.field === 'groupId' ? { ...e, field: 'bookFor' } : e)), t);
}

export async function registerBookingRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = ctx.db;

  async function showForm(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, values: BookingFormValues, errors: Record<string, string> = {}, status = 200) {
    const loaded = await loadRoom(db, values.room);
    if (!loaded) throw new DomainError('not_found', 404, 'error.notFound.body');
    const parsed = parseJapaneseDate(values.date);
    const date = parsed.ok ? parsed.iso : null;
    const lotteryMonths = date ? await lotteryMonthsOf(db, loaded.facility, [date], ctx.now()) : new Set<string>();
    const cells = date ? roomDays(loaded.facility, loaded.room, [date], await occupationsBetween(db, [loaded.room.id], date, date), ctx.now(), lotteryMonths).days[0]!.cells.filter((c) => c.state !== 'outside') : [];
    const byLottery = date !== null && loaded.room.lotteryEnabled && lotteryMonths.has(date.slice(0, 7));
    const purposes = (await loadPurposes(db)).filter((p) => loaded.room.purposes.includes(p.code));
    const groups = await bookableGroupsOf(db, resident);
    return reply.html(<BookingFormPage ctx={viewContext(request)} facility={loaded.facility} room={loaded.room} values={values} errors={errors} cells={cells} purposes={purposes} groups={groups} byLottery={byLottery} />, status);
  }

  async function registeredOrRedirect(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, next: string): Promise<boolean> {
    if (await userOf(db, resident)) return true;
    setFlash(reply, 'info', 'facilities.user.registerFirst');
    await reply.redirect(`/facilities/register?next=${encodeURIComponent(next)}`, 303);
    return false;
  }

  async function review(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, values: BookingFormValues, extra: { error?: string; notice?: string; key?: string } = {}, status = 200) {
    const { input, errors } = readBookingForm(values, request.t);
    if (!input) return showForm(request, reply, resident, values, formErrors(errors, request.t), 400);
    try {
      const prepared = await quoteBooking(ctx, resident, input);
      const purposes = await loadPurposes(db);
      const purpose = purposes.find((p) => p.code === input.purpose);
      return reply.html(<ReviewPage ctx={viewContext(request)} prepared={prepared} values={values} idempotencyKey={extra.key ?? crypto.randomUUID()} purposeName={(request.locale === 'ja' ? purpose?.nameJa : purpose?.nameEn) ?? input.purpose} error={extra.error} notice={extra.notice} />, status);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, resident, values, formErrors(error.fields, request.t), 400);
      throw error;
    }
  }

  app.get('/facilities/register', async (request, reply) => {
    const resident = requireResident(request.resident);
    const user = await userOf(db, resident);
    const values: UserFormValues = user ? { name: user.name, nameKana: user.name_kana, phone: user.phone, email: user.email ?? '', address: user.address } : { name: resident.displayName, nameKana: '', phone: '', email: '', address: '' };
    return reply.html(<RegisterUserPage ctx={viewContext(request)} values={values} errors={{}} existing={user !== null} next={safeNext((request.query as { next?: string }).next)} />);
  });

  app.post('/facilities/register', async (request, reply) => {
    const resident = requireResident(request.resident);
    const t = request.t;
    const { values, errors } = readForm(UserForm, request.body, { name: t('facilities.user.name'), nameKana: t('facilities.user.kana'), phone: t('facilities.user.phone'), email: t('facilities.user.email'), address: t('facilities.user.address') });
    const existing = (await userOf(db, resident)) !== null;
    const show = (errs: Record<string, string>) => reply.html(<RegisterUserPage ctx={viewContext(request)} values={values} errors={errs} existing={existing} next={safeNext(values.next)} />, 400);
    if (errors.length) return show(fieldErrorMap(errors, t));
    try {
      await saveUser(db, resident, values, ctx.now());
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
    setFlash(reply, 'success', 'facilities.user.saved');
    return reply.redirect(safeNext(values.next), 303);
  });

  app.get('/facilities/book', { schema: { querystring: BookQuery, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    if (!(await registeredOrRedirect(request, reply, resident, request.url))) return reply;
    const q = request.query as { room?: string; date?: string; blocks?: string | string[] };
    const blocks = q.blocks === undefined ? [] : Array.isArray(q.blocks) ? q.blocks : [q.blocks];
    return showForm(request, reply, resident, emptyBookingForm(q.room ?? '', (q.date ?? japanClock(ctx.now()).date).normalize('NFKC'), blocks));
  });

  // Step 2: the form (or an alternative chosen on the "just taken" page) → the review with the fee.
  app.post('/facilities/book', async (request, reply) => {
    const resident = requireResident(request.resident);
    if (!(await registeredOrRedirect(request, reply, resident, '/facilities'))) return reply;
    const { values, errors } = readBookingForm(request.body, request.t);
    if (errors.length) return showForm(request, reply, resident, values, formErrors(errors, request.t), 400);
    return review(request, reply, resident, values);
  });

  // Step 3: confirm (or go back to edit).
  app.post('/facilities/book/confirm', async (request, reply) => {
    const resident = requireResident(request.resident);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { values, input, errors } = readBookingForm(request.body, request.t);
    if (body.action === 'edit' || !input) return showForm(request, reply, resident, values, formErrors(errors, request.t), errors.length ? 400 : 200);
    const key = typeof body.idempotencyKey === 'string' && isUuid(body.idempotencyKey) ? body.idempotencyKey : null;
    const agreed = body.agree === 'yes' || (Array.isArray(body.agree) && body.agree.includes('yes'));
    if (!key || !agreed) return review(request, reply, resident, values, { error: request.t('facilities.review.mustAgree'), ...(key ? { key } : {}) }, 400);
    const expected = typeof body.expectedFeeYen === 'string' && /^\d{1,9}$/.test(body.expectedFeeYen) ? Number(body.expectedFeeYen) : undefined;
    try {
      const booked = await bookRoom(ctx, resident, { ...input, idempotencyKey: key, ...(expected !== undefined ? { expectedFeeYen: expected } : {}) });
      setFlash(reply, 'success', booked.status === 'pending_approval' ? 'facilities.booked.pendingFlash' : 'facilities.booked.flash', { reference: booked.reference });
      return reply.redirect(`/facilities/bookings/${booked.id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'slot_taken') return reply.html(<TakenPage ctx={viewContext(request)} values={values} alternatives={(error as SlotTakenError).alternatives} />, 409);
      if (error instanceof DomainError && error.code === 'fee_changed') return review(request, reply, resident, values, { notice: request.t('facilities.review.feeChanged') }, 409);
      if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, resident, values, formErrors(error.fields, request.t), 400);
      throw error;
    }
  });

  app.get('/facilities/bookings/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const seen = await bookingForView(db, resident, (request.params as { id: string }).id);
    await syncPayment(ctx, seen.id);
    const b = (await loadBookingRow(db, seen.id))!;
    const holder = canActOnBooking(resident, b, b);
    const notStarted = instantOf(b.use_date, b.starts_at) > ctx.now();
    const refunds = (await ctx.payments.refundsByReferences(PAYMENT_SOURCE, [b.id])).get(b.id) ?? [];
    return reply.html(
      <BookingPage
        ctx={viewContext(request)}
        booking={b}
        refunds={refunds}
        actions={{
          canPay: holder && b.status === 'awaiting_payment' && b.fee_yen > 0 && (b.payment_due_at?.getTime() ?? 0) > ctx.now().getTime(),
          canCancel: holder && notStarted && ['pending_approval', 'awaiting_payment', 'confirmed'].includes(b.status),
          hasReceipt: canDownloadReceipt(resident, b),
          paymentsUnavailable: !ctx.payments.available,
          isHolder: holder,
        }}
      />,
    );
  });

  app.post('/facilities/bookings/:id/pay', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { redirect } = await startPayment(ctx, resident, (request.params as { id: string }).id);
    return reply.redirect(redirect, 303);
  });

  app.get('/facilities/bookings/:id/paid', { schema: { params: IdParams, querystring: PaidQuery, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    const paymentId = (request.query as { payment?: string }).payment ?? '';
    const { booking, payment } = await paymentReturn(ctx, resident, id, paymentId);
    if (payment.status === 'paid' && booking.paid_at) setFlash(reply, 'success', 'facilities.paid.flash', { reference: booking.reference });
    else if (payment.status === 'created') setFlash(reply, 'info', 'facilities.paid.pending');
    // Withdrawn because the booking ended (cancelled, by a block, lapsed): "try again" would be wrong.
    else if (payment.status === 'cancelled' && booking.status !== 'awaiting_payment') setFlash(reply, 'warning', 'facilities.paid.bookingEnded', { reference: booking.reference });
    else setFlash(reply, 'warning', 'facilities.paid.notPaid');
    return reply.redirect(`/facilities/bookings/${booking.id}`, 303);
  });

  app.get('/facilities/bookings/:id/receipt.pdf', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { pdf, filename } = await receiptOf(ctx, resident, (request.params as { id: string }).id);
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').send(pdf);
  });

  app.get('/facilities/bookings/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { booking, terms } = await previewCancellation(ctx, resident, (request.params as { id: string }).id);
    return reply.html(<CancelPage ctx={viewContext(request)} booking={booking} terms={terms} />);
  });

  app.post('/facilities/bookings/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    const terms = await cancelBooking(ctx, resident, id);
    const b = (await loadBookingRow(db, id))!;
    if (terms.refundYen > 0) setFlash(reply, 'success', terms.refundAtCounter ? 'facilities.cancelled.flashCounter' : 'facilities.cancelled.flashRefund', { reference: b.reference, refund: `${terms.refundYen.toLocaleString('ja-JP')}円` });
    else setFlash(reply, 'success', 'facilities.cancelled.flash', { reference: b.reference });
    return reply.redirect(`/facilities/bookings/${id}`, 303);
  });

  app.get('/facilities/mine', async (request, reply) => {
    const resident = requireResident(request.resident);
    const today = japanClock(ctx.now()).date;
    const [upcoming, past, user] = await Promise.all([bookingsOf(db, resident, today, 'upcoming'), bookingsOf(db, resident, today, 'past', 20), userOf(db, resident)]);
    for (const b of upcoming.filter((x) => x.status === 'awaiting_payment')) await syncPayment(ctx, b.id);
    const fresh = upcoming.some((x) => x.status === 'awaiting_payment') ? await bookingsOf(db, resident, today, 'upcoming') : upcoming;
    const refunds = await ctx.payments.refundsByReferences(PAYMENT_SOURCE, [...fresh, ...past].map((b) => b.id));
    return reply.html(<MyBookingsPage ctx={viewContext(request)} viewer={resident} upcoming={fresh} past={past} registered={user !== null} refunds={refunds} />);
  });
}

export { BookingsTable };
