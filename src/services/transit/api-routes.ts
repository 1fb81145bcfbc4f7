/**
 * The on-demand bus as JSON (in the OpenAPI document): stops and hours for anyone;
 * quotes, bookings and cancellations for the logged-in resident's own rides, in the
 * same rules as the pages (a city app or a kiosk can book without the web pages).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { bookTrip, cancelTrip, quoteTrip, type Offer, type TripInput } from './booking-service.ts';
import { loadNetwork } from './network.ts';
import { riderOfResident } from './rider-service.ts';
import { tripForView, tripsOfRider } from './trip-queries.ts';
import type { TransitContext } from './transit-context.ts';
import { clock, parseClock, TRIP_RULES } from './trip-windows.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Clock = Type.String({ pattern: '^\\d{1,2}:\\d{2}$', description: '時刻 H:MM（日本時間）' });
const StopJson = Type.Object({ id: Type.String(), name: Type.String(), nameKana: Type.String(), lat: Type.Number(), lng: Type.Number(), description: Type.String() });
const RideJson = Type.Object({
  date: Type.String({ description: '乗車日（YYYY-MM-DD、和暦も可）', maxLength: 30 }),
  originStopId: Type.String({ maxLength: 64 }),
  destinationStopId: Type.String({ maxLength: 64 }),
  kind: Type.Union([Type.Literal('depart'), Type.Literal('arrive')], { description: 'depart = この時刻に出発、arrive = この時刻までに到着' }),
  time: Type.String({ maxLength: 10, description: '希望時刻 H:MM' }),
  passengers: Type.Integer({ minimum: 1, maximum: TRIP_RULES.maxPassengers }),
  wheelchair: Type.Optional(Type.Boolean()),
});
const OfferJson = Type.Object({ pickup: Clock, pickupLatest: Clock, arrival: Clock, pickupSeconds: Type.Integer(), arrivalSeconds: Type.Integer() });
const QuoteJson = Type.Object({ offers: Type.Array(OfferJson), refused: Type.Union([Type.String(), Type.Null()]) });
const BookJson = Type.Intersect([RideJson, Type.Object({ pickupSeconds: Type.Integer({ minimum: 0, maximum: 86399 }), arrivalSeconds: Type.Integer({ minimum: 0, maximum: 86399 }), idempotencyKey: Type.String({ minLength: 8, maxLength: 64 }) })]);
const TripJson = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  date: Type.String({ format: 'date' }),
  origin: Type.String(),
  destination: Type.String(),
  passengers: Type.Integer(),
  pickupFrom: Clock,
  pickupTo: Clock,
  arriveBy: Clock,
  status: Type.String(),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

function tripInput(body: Static<typeof RideJson>): TripInput {
  const date = parseJapaneseDate(body.date);
  const time = parseClock(body.time);
  const errors = [];
  if (!date.ok) errors.push({ field: 'date', messageKey: 'validation.date' });
  if (time === null) errors.push({ field: 'time', messageKey: 'transit.error.time' });
  if (errors.length) throw invalidInput(errors);
  return { date: (date as { iso: string }).iso, originStopId: body.originStopId, destinationStopId: body.destinationStopId, kind: body.kind, time: time!, passengers: body.passengers, wheelchair: body.wheelchair ?? false };
}

const offerJson = (o: Offer) => ({ pickup: clock(o.pickup), pickupLatest: clock(o.pickup + TRIP_RULES.pickupFlex), arrival: clock(o.dropoff), pickupSeconds: o.pickup, arrivalSeconds: o.dropoff });

export async function registerTransitApi(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;

  async function riderId(resident: ResidentActor): Promise<string> {
    const rider = await riderOfResident(db, resident);
    if (!rider) throw new DomainError('not_registered', 409, 'transit.home.registerFirst');
    return rider.id;
  }

  app.get('/api/transit/stops', { schema: { tags: ['transit'], summary: 'デマンド交通の乗降場所と運行時間', response: { 200: Type.Object({ stops: Type.Array(StopJson), hours: Type.Array(Type.Object({ weekday: Type.Integer(), opens: Clock, closes: Clock })) }) } } }, async () => {
    const network = await loadNetwork(db, ctx.travel);
    const hours = await db.selectFrom('transit_service_hours').selectAll().orderBy('weekday').execute();
    return { stops: network.stops, hours: hours.map((h) => ({ weekday: h.weekday, opens: clock(h.opens_at), closes: clock(h.closes_at) })) };
  });

  app.post('/api/transit/quotes', { schema: { tags: ['transit'], summary: '乗車できる時刻の候補（本人、要利用登録）。最初の候補がおすすめ', body: RideJson, response: { 200: QuoteJson, 400: ErrorJson, 401: ErrorJson, 409: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const quote = await quoteTrip(ctx, resident, await riderId(resident), tripInput(request.body as Static<typeof RideJson>), 'web');
    return quote.ok ? { offers: quote.offers.map(offerJson), refused: null } : { offers: [], refused: quote.reason };
  });

  app.post(
    '/api/transit/trips',
    { schema: { tags: ['transit'], summary: '候補の時刻で予約する（同じ idempotencyKey は一度だけ予約）', body: BookJson, response: { 201: TripJson, 200: TripJson, 400: ErrorJson, 401: ErrorJson, 409: Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }), offers: Type.Array(OfferJson) }) } } },
    async (request, reply) => {
      const resident = requireResident(request.resident);
      const body = request.body as Static<typeof BookJson>;
      try {
        const booked = await bookTrip(ctx, resident, { riderId: await riderId(resident), input: tripInput(body), pickup: body.pickupSeconds, dropoff: body.arrivalSeconds, idempotencyKey: body.idempotencyKey, channel: 'web' });
        const trip = await tripForView(db, resident, booked.id);
        return reply.code(booked.created ? 201 : 200).send(tripJson(trip));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'trip_taken') {
          return reply.code(409).send({ error: { code: 'trip_taken', message: request.t('transit.error.taken') }, offers: (error as DomainError & { offers: Offer[] }).offers.map(offerJson) });
        }
        throw error;
      }
    },
  );

  app.get('/api/transit/trips', { schema: { tags: ['transit'], summary: '本人の今日以降の予約', response: { 200: Type.Object({ items: Type.Array(TripJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const rider = await riderOfResident(db, resident);
    const trips = rider ? await tripsOfRider(db, rider.id, japanClock(ctx.now()).date) : [];
    return { items: trips.map(tripJson) };
  });

  app.delete('/api/transit/trips/:id', { schema: { tags: ['transit'], summary: '本人の予約を取り消す', params: IdParams, response: { 204: Type.Null(), 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const trip = await tripForView(db, resident, (request.params as { id: string }).id);
    await cancelTrip(ctx, resident, trip.id, 'resident (API)');
    return reply.code(204).send();
  });
}

function tripJson(t: { id: string; reference: string; service_date: string; origin: string; destination: string; passengers: number; pickup_early: number; pickup_late: number; dropoff_late: number; status: string }): Static<typeof TripJson> {
  return { id: t.id, reference: t.reference, date: t.service_date, origin: t.origin, destination: t.destination, passengers: t.passengers, pickupFrom: clock(t.pickup_early), pickupTo: clock(t.pickup_late), arriveBy: clock(t.dropoff_late), status: t.status };
}
