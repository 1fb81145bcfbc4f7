/**
 * The counter's routes: the day sheet (any day, one or all facilities), one booking,
 * and its actions — check-in / no-show (idempotent), counter payment, fee reduction,
 * cancelling. Payments and reductions go through the booking service's own functions.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { sameSitePath } from '../../platform/http/safe-path.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { applyReduction, cancelBooking, recordCounterPayment } from './booking-lifecycle.ts';
import { syncPayment } from './booking-payments.ts';
import { bookingForView } from './booking-queries.ts';
import { instantOf } from './booking-time.ts';
import { PAYMENT_SOURCE, type FacilityContext } from './facility-context.ts';
import { clearCheckin, daySheet, recordCheckin } from './staff-day-service.ts';
import { DaySheetPage, noShowFrom, StaffBookingPage } from './staff-day-views.tsx';
import { canManageFacilities } from './staff-policy.ts';
import { staffDb } from './staff-tables.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DayQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 40 })), facility: Type.Optional(Type.String({ maxLength: 64 })) });
const CheckinForm = Type.Object({ state: Type.Union([Type.Literal('checked_in'), Type.Literal('no_show')]), presentCount: Type.String({ maxLength: 6, pattern: '^\\d{0,4}$' }), back: Type.String({ maxLength: 300 }) });
const BackForm = Type.Object({ back: Type.String({ maxLength: 300 }) });
const ReductionForm = Type.Object({ reduction: Type.String({ maxLength: 40 }), reason: Type.String({ maxLength: 500 }) });
const CancelForm = Type.Object({ cancelReason: Type.String({ maxLength: 500 }) });

/** Staff of the facilities department (other staff get 403 on every page here). */
export function facilityStaff(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canManageFacilities(staff), 'forbidden');
  return staff;
}

export async function registerDayRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);
  const today = () => japanClock(ctx.now()).date;

  app.get('/staff/facilities/day', { schema: { querystring: DayQuery, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const q = request.query as { date?: string; facility?: string };
    const raw = (q.date ?? '').normalize('NFKC').trim();
    const parsed = raw ? parseJapaneseDate(raw) : null;
    const errors: Record<string, string> = {};
    if (parsed && !parsed.ok) errors.date = request.t('facilities.office.error.date', { field: request.t('facilities.office.day.date') });
    const date = parsed?.ok ? parsed.iso : today();
    const sheet = await daySheet(ctx, staff, date, q.facility || null);
    return reply.html(<DaySheetPage ctx={viewContext(request)} now={ctx.now()} date={date} today={today()} facilityId={q.facility ?? ''} facilities={sheet.facilities} rows={sheet.rows} errors={errors} dateText={raw || date} />, Object.keys(errors).length ? 400 : 200);
  });

  async function bookingPage(request: FastifyRequest, reply: FastifyReply, id: string, errors: FieldError[] = [], values = { reason: '', reduction: '' }) {
    const staff = facilityStaff(request);
    const booking = await bookingForView(ctx.db, staff, id);
    // A capture the booking has not seen yet (the payer never came back) shows as paid here.
    if (booking.status === 'awaiting_payment') await syncPayment(ctx, booking.id);
    const fresh = await bookingForView(ctx.db, staff, id);
    const [holder, checkin, reductions, open] = await Promise.all([
      fresh.resident_account_id ? db.selectFrom('facility_users').select(['name', 'phone', 'email']).where('resident_account_id', '=', fresh.resident_account_id).executeTakeFirst() : undefined,
      db.selectFrom('facility_booking_checkins').select(['state', 'present_count']).where('booking_id', '=', fresh.id).executeTakeFirst(),
      db.selectFrom('facility_reductions').select(['code', 'name_ja', 'name_en', 'percent']).where('active', '=', true).orderBy('sort_order').execute(),
      fresh.status === 'awaiting_payment' ? ctx.payments.openFor(PAYMENT_SOURCE, fresh.id) : null,
    ]);
    const state = {
      checkin: { state: checkin?.state ?? null, presentCount: checkin?.present_count ?? null },
      reductions: reductions.map((r) => ({ code: r.code, nameJa: r.name_ja, nameEn: r.name_en, percent: r.percent })),
      attendable: (fresh.status === 'confirmed' || fresh.status === 'awaiting_payment') && fresh.use_date <= today(),
      noShowFrom: noShowFrom(fresh, ctx.now()),
      cancellable: ['pending_approval', 'awaiting_payment', 'confirmed'].includes(fresh.status) && instantOf(fresh.use_date, fresh.starts_at) > ctx.now(),
      openPayment: open !== null,
    };
    return reply.html(<StaffBookingPage ctx={viewContext(request)} booking={fresh} holder={holder ?? null} state={state} errors={fieldErrorMap(errors, request.t)} values={values} />, errors.length ? 400 : 200);
  }

  app.get('/staff/facilities/bookings/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => bookingPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/facilities/bookings/:id/checkin', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values, errors } = readForm(CheckinForm, request.body);
    const back = sameSitePath(values.back, `/staff/facilities/bookings/${id}`);
    if (errors.length) {
      setFlash(reply, 'error', 'facilities.office.day.error.presentCount');
      return reply.redirect(back, 303);
    }
    let result: Awaited<ReturnType<typeof recordCheckin>>;
    try {
      result = await recordCheckin(ctx, staff, id, { state: values.state, presentCount: values.presentCount === '' ? null : Number(values.presentCount) });
    } catch (error) {
      // The forms sit in the day sheet's rows: a refusal (the count typed and the fix, or a no-show
      // before the start, a booking no longer attendable) comes back as the page's message, not a bare error page.
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_input' && error.fields[0]) setFlash(reply, 'error', error.fields[0].messageKey, error.fields[0].params ?? {});
      else if (error.status === 409) setFlash(reply, 'error', error.messageKey, error.params);
      else throw error;
      return reply.redirect(back, 303);
    }
    setFlash(reply, result === 'changed' ? 'success' : 'info', result === 'changed' ? `facilities.office.day.flash.${values.state}` : 'facilities.office.day.flash.unchanged');
    return reply.redirect(back, 303);
  });

  app.post('/staff/facilities/bookings/:id/checkin/clear', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(BackForm, request.body);
    const result = await clearCheckin(ctx, staff, id);
    setFlash(reply, 'info', result === 'changed' ? 'facilities.office.day.flash.cleared' : 'facilities.office.day.flash.unchanged');
    return reply.redirect(sameSitePath(values.back, `/staff/facilities/bookings/${id}`), 303);
  });

  app.post('/staff/facilities/bookings/:id/counter-payment', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    await recordCounterPayment(ctx, staff, id);
    setFlash(reply, 'success', 'facilities.office.booking.flash.paid');
    return reply.redirect(`/staff/facilities/bookings/${id}`, 303);
  });

  app.post('/staff/facilities/bookings/:id/reduction', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ReductionForm, request.body);
    try {
      await applyReduction(ctx, staff, id, values.reduction || null, values.reason || null);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return bookingPage(request, reply, id, error.fields, values);
      throw error;
    }
    setFlash(reply, 'success', values.reduction ? 'facilities.office.booking.flash.reduced' : 'facilities.office.booking.flash.reductionRemoved');
    return reply.redirect(`/staff/facilities/bookings/${id}`, 303);
  });

  app.post('/staff/facilities/bookings/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(CancelForm, request.body);
    if (!values.cancelReason) return bookingPage(request, reply, id, [{ field: 'cancelReason', messageKey: 'facilities.office.booking.error.cancelReason' }]);
    try {
      const terms = await cancelBooking(ctx, staff, id, values.cancelReason);
      setFlash(reply, 'success', 'facilities.office.booking.flash.cancelled', { refund: terms.refundYen.toLocaleString('ja-JP') });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return bookingPage(request, reply, id, error.fields.map((f) => (f.field === 'reason' ? { ...f, field: 'cancelReason' } : f)));
      throw error;
    }
    return reply.redirect(`/staff/facilities/bookings/${id}`, 303);
  });
}
