/** Operator pages: the day board, riders, booking for a caller on the phone, rides, re-optimisation. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { cancelTrip } from './booking-service.ts';
import { confirmStep, offerStep, showForm, type FlowTarget } from './booking-flow.tsx';
import { NewRiderPage, OperatorDayPage, RiderPage, RidersPage, StaffTripPage } from './operator-views.tsx';
import { canManageNetwork, canOperate } from './policy.ts';
import { RiderForm, riderInputOf } from './resident-routes.tsx';
import { CancelPage, type RiderFormValues } from './resident-views.tsx';
import { findRiders, getRider, registerCaller } from './rider-service.ts';
import { emptyTripForm, serviceDates, tripFormOf } from './trip-form.ts';
import { tripForView, tripsOfDay, tripsOfRider } from './trip-queries.ts';
import { asPlatformDb, type TransitContext } from './transit-context.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const DayQuery = Type.Object({ date: Type.Optional(Type.String({ maxLength: 30 })) });
const SearchQuery = Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) });
const ReoptimiseForm = Type.Object({ date: Type.String({ minLength: 10, maxLength: 10, pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });
const CancelForm = Type.Object({ reason: Type.String({ maxLength: 200 }) });

function operator(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canOperate(staff), 'forbidden');
  return staff;
}

export async function registerOperatorRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;

  function target(staff: StaffActor, riderId: string, request: FastifyRequest, changing?: string): FlowTarget {
    return {
      actor: staff,
      riderId,
      channel: 'phone',
      formAction: changing ? `/staff/transit/trips/${changing}/change` : `/staff/transit/riders/${riderId}/book`,
      confirmAction: changing ? `/staff/transit/trips/${changing}/change/confirm` : `/staff/transit/riders/${riderId}/book/confirm`,
      done: (id) => `/staff/transit/trips/${id}`,
      title: request.t(changing ? 'transit.change.title' : 'transit.ops.bookFor'),
      shell: 'staff',
      ...(changing ? { changing } : {}),
    };
  }

  app.get('/staff/transit', { schema: { querystring: DayQuery, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const raw = (request.query as { date?: string }).date;
    const parsed = raw ? parseJapaneseDate(raw) : null;
    const date = parsed?.ok ? parsed.iso : japanClock(ctx.now()).date;
    if (raw && !parsed?.ok) setFlash(reply, 'warning', 'validation.date');
    const [trips, optimisations] = await Promise.all([tripsOfDay(db, date), db.selectFrom('transit_optimisations').selectAll().orderBy('id', 'desc').limit(5).execute()]);
    return reply.html(<OperatorDayPage ctx={viewContext(request)} date={date} trips={trips} optimisations={optimisations} canManage={canManageNetwork(staff)} />);
  });

  app.post('/staff/transit/reoptimise', async (request, reply) => {
    const staff = operator(request);
    requireAccess(canManageNetwork(staff), 'forbidden');
    const { values, errors } = readForm(ReoptimiseForm, request.body);
    if (errors.length || !ctx.jobs) throw new DomainError('invalid_input', 400, 'validation.date');
    // The solver runs in the job worker (off the web thread); the result appears in the history table.
    await ctx.jobs.enqueue(asPlatformDb(db), 'transit.reoptimise-once', { date: values.date, by: staff.id });
    setFlash(reply, 'info', 'transit.reopt.queued');
    return reply.redirect(`/staff/transit?date=${values.date}`, 303);
  });

  app.get('/staff/transit/riders', { schema: { querystring: SearchQuery, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const q = ((request.query as { q?: string }).q ?? '').trim();
    const riders = q ? await findRiders(db, staff, q) : [];
    return reply.html(<RidersPage ctx={viewContext(request)} q={q} riders={riders} searched={q !== ''} />);
  });

  app.get('/staff/transit/riders/new', async (request, reply) => {
    operator(request);
    return reply.html(<NewRiderPage ctx={viewContext(request)} values={{ name: '', nameKana: '', phone: '', email: '', needs: [], notes: '' }} errors={{}} />);
  });

  app.post('/staff/transit/riders/new', async (request, reply) => {
    const staff = operator(request);
    const t = request.t;
    const { values, errors } = readForm(RiderForm, request.body, { name: t('transit.rider.name'), nameKana: t('transit.rider.kana'), phone: t('transit.rider.phone'), email: t('transit.rider.email'), needs: t('transit.rider.needs'), notes: t('transit.rider.notes') });
    const show = (errs: Record<string, string>) => reply.html(<NewRiderPage ctx={viewContext(request)} values={values as RiderFormValues} errors={errs} />, 400);
    if (errors.length) return show(fieldErrorMap(errors, t));
    try {
      const id = await registerCaller(db, staff, riderInputOf(values));
      setFlash(reply, 'success', 'transit.ops.riderRegistered');
      return reply.redirect(`/staff/transit/riders/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
  });

  app.get('/staff/transit/riders/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const rider = await getRider(db, staff, (request.params as { id: string }).id);
    const trips = await tripsOfRider(db, rider.id, japanClock(ctx.now()).date);
    return reply.html(<RiderPage ctx={viewContext(request)} rider={rider} trips={trips} />);
  });

  app.get('/staff/transit/riders/:id/book', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const rider = await getRider(db, staff, (request.params as { id: string }).id);
    const days = await serviceDates(db, ctx.now());
    return showForm(request, reply, ctx, target(staff, rider.id, request), emptyTripForm(days[0]?.date ?? japanClock(ctx.now()).date, rider.wheelchair));
  });

  app.post('/staff/transit/riders/:id/book', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const rider = await getRider(db, staff, (request.params as { id: string }).id);
    return offerStep(request, reply, ctx, target(staff, rider.id, request));
  });

  app.post('/staff/transit/riders/:id/book/confirm', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const rider = await getRider(db, staff, (request.params as { id: string }).id);
    return confirmStep(request, reply, ctx, target(staff, rider.id, request));
  });

  app.get('/staff/transit/trips/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    return reply.html(<StaffTripPage ctx={viewContext(request)} trip={trip} />);
  });

  app.get('/staff/transit/trips/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    if (trip.status !== 'booked') return reply.redirect(`/staff/transit/trips/${trip.id}`, 303);
    return reply.html(<CancelPage ctx={viewContext(request)} trip={trip} action={`/staff/transit/trips/${trip.id}/cancel`} backHref={`/staff/transit/trips/${trip.id}`} askReason />);
  });

  app.post('/staff/transit/trips/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    const { values } = readForm(CancelForm, request.body);
    await cancelTrip(ctx, staff, trip.id, values.reason || 'operator');
    setFlash(reply, 'success', 'transit.cancelled.flash', { reference: trip.reference });
    return reply.redirect(`/staff/transit?date=${trip.service_date}`, 303);
  });

  app.get('/staff/transit/trips/:id/change', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    if (trip.status !== 'booked') return reply.redirect(`/staff/transit/trips/${trip.id}`, 303);
    const values = tripFormOf({ date: trip.service_date, originStopId: trip.origin_stop_id, destinationStopId: trip.destination_stop_id, kind: trip.request_kind, time: trip.requested_time, passengers: trip.passengers, wheelchair: trip.wheelchair });
    return showForm(request, reply, ctx, target(staff, trip.rider_id, request, trip.id), values);
  });

  app.post('/staff/transit/trips/:id/change', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    return offerStep(request, reply, ctx, target(staff, trip.rider_id, request, trip.id));
  });

  app.post('/staff/transit/trips/:id/change/confirm', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = operator(request);
    const trip = await tripForView(db, staff, (request.params as { id: string }).id);
    return confirmStep(request, reply, ctx, target(staff, trip.rider_id, request, trip.id));
  });
}
