/** Resident pages of the on-demand bus. Thin: parse, call the service, present. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { japanClock } from '../../platform/time/today.ts';
import { cancelTrip } from './booking-service.ts';
import { confirmStep, offerStep, showForm, type FlowTarget } from './booking-flow.tsx';
import { loadNetwork } from './network.ts';
import { riderOfResident, saveOwnRider } from './rider-service.ts';
import { CancelPage, RegisterPage, TransitHomePage, TripPage, type RiderFormValues } from './resident-views.tsx';
import { emptyTripForm, serviceDates, tripFormOf } from './trip-form.ts';
import { tripForView, tripsOfRider } from './trip-queries.ts';
import type { TransitContext } from './transit-context.ts';

export const RiderForm = Type.Object({
  name: Type.String({ maxLength: 100 }),
  nameKana: Type.String({ maxLength: 100 }),
  phone: Type.String({ maxLength: 20 }),
  email: Type.String({ maxLength: 200 }),
  needs: Type.Array(Type.Union([Type.Literal('wheelchair'), Type.Literal('assistance')]), { maxItems: 2 }),
  notes: Type.String({ maxLength: 500 }),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const riderInputOf = (v: RiderFormValues) => ({ name: v.name, nameKana: v.nameKana, phone: v.phone, email: v.email, wheelchair: v.needs.includes('wheelchair'), needsAssistance: v.needs.includes('assistance'), notes: v.notes });

export async function registerResidentRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;

  /** The resident's rider profile; booking pages send an unregistered resident to register first. */
  async function riderOrRedirect(request: FastifyRequest) {
    const resident = requireResident(request.resident);
    return { resident, rider: await riderOfResident(db, resident) };
  }

  function target(resident: ResidentActor, riderId: string, request: FastifyRequest, changing?: string): FlowTarget {
    return {
      actor: resident,
      riderId,
      channel: 'web',
      formAction: changing ? `/transit/trips/${changing}/change` : '/transit/book',
      confirmAction: changing ? `/transit/trips/${changing}/change/confirm` : '/transit/book/confirm',
      done: (id) => `/transit/trips/${id}`,
      title: request.t(changing ? 'transit.change.title' : 'transit.book.title'),
      shell: 'resident',
      ...(changing ? { changing } : {}),
    };
  }

  app.get('/transit', async (request, reply) => {
    const network = await loadNetwork(db, ctx.travel);
    const hours = (await db.selectFrom('transit_service_hours').selectAll().orderBy('weekday').execute()).map((h) => ({ weekday: h.weekday, opens: h.opens_at, closes: h.closes_at }));
    const resident = request.resident;
    const rider = resident ? await riderOfResident(db, resident) : null;
    const trips = rider ? await tripsOfRider(db, rider.id, japanClock(ctx.now()).date) : [];
    return reply.html(<TransitHomePage ctx={viewContext(request)} stops={network.stops} hours={hours} state={!resident ? 'anonymous' : rider ? 'registered' : 'unregistered'} trips={trips} />);
  });

  app.get('/transit/register', async (request, reply) => {
    const { resident, rider } = await riderOrRedirect(request);
    const values: RiderFormValues = rider
      ? { name: rider.name, nameKana: rider.name_kana, phone: rider.phone, email: rider.email ?? '', needs: [...(rider.wheelchair ? ['wheelchair'] : []), ...(rider.needs_assistance ? ['assistance'] : [])], notes: rider.notes }
      : { name: resident.displayName, nameKana: '', phone: '', email: '', needs: [], notes: '' };
    return reply.html(<RegisterPage ctx={viewContext(request)} values={values} errors={{}} existing={rider !== null} />);
  });

  app.post('/transit/register', async (request, reply) => {
    const { resident, rider } = await riderOrRedirect(request);
    const t = request.t;
    const { values, errors } = readForm(RiderForm, request.body, { name: t('transit.rider.name'), nameKana: t('transit.rider.kana'), phone: t('transit.rider.phone'), email: t('transit.rider.email'), needs: t('transit.rider.needs'), notes: t('transit.rider.notes') });
    const show = (errs: Record<string, string>) => reply.html(<RegisterPage ctx={viewContext(request)} values={values} errors={errs} existing={rider !== null} />, 400);
    if (errors.length) return show(fieldErrorMap(errors, t));
    try {
      await saveOwnRider(db, resident, riderInputOf(values));
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(fieldErrorMap(error.fields, t));
      throw error;
    }
    setFlash(reply, 'success', 'transit.register.done');
    return reply.redirect(rider ? '/transit' : '/transit/book', 303);
  });

  app.get('/transit/book', async (request, reply) => {
    const { resident, rider } = await riderOrRedirect(request);
    if (!rider) return reply.redirect('/transit/register', 303);
    const days = await serviceDates(db, ctx.now());
    return showForm(request, reply, ctx, target(resident, rider.id, request), emptyTripForm(days[0]?.date ?? japanClock(ctx.now()).date, rider.wheelchair));
  });

  app.post('/transit/book', async (request, reply) => {
    const { resident, rider } = await riderOrRedirect(request);
    if (!rider) return reply.redirect('/transit/register', 303);
    return offerStep(request, reply, ctx, target(resident, rider.id, request));
  });

  app.post('/transit/book/confirm', async (request, reply) => {
    const { resident, rider } = await riderOrRedirect(request);
    if (!rider) return reply.redirect('/transit/register', 303);
    return confirmStep(request, reply, ctx, target(resident, rider.id, request));
  });

  app.get('/transit/trips/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    return reply.html(<TripPage ctx={viewContext(request)} trip={trip} canChange={trip.status === 'booked'} />);
  });

  app.get('/transit/trips/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    if (trip.status !== 'booked') return reply.redirect(`/transit/trips/${trip.id}`, 303);
    return reply.html(<CancelPage ctx={viewContext(request)} trip={trip} action={`/transit/trips/${trip.id}/cancel`} backHref={`/transit/trips/${trip.id}`} />);
  });

  app.post('/transit/trips/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    await cancelTrip(ctx, resident, trip.id, 'resident');
    setFlash(reply, 'success', 'transit.cancelled.flash', { reference: trip.reference });
    return reply.redirect('/transit', 303);
  });

  app.get('/transit/trips/:id/change', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    if (trip.status !== 'booked') return reply.redirect(`/transit/trips/${trip.id}`, 303);
    const values = tripFormOf({ date: trip.service_date, originStopId: trip.origin_stop_id, destinationStopId: trip.destination_stop_id, kind: trip.request_kind, time: trip.requested_time, passengers: trip.passengers, wheelchair: trip.wheelchair });
    return showForm(request, reply, ctx, target(resident, trip.rider_id, request, trip.id), values);
  });

  app.post('/transit/trips/:id/change', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    return offerStep(request, reply, ctx, target(resident, trip.rider_id, request, trip.id));
  });

  app.post('/transit/trips/:id/change/confirm', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    return confirmStep(request, reply, ctx, target(resident, trip.rider_id, request, trip.id));
  });
}
