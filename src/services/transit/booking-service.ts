/**
 * Booking a ride: quote (offered pickup times from the dynamic insertion), book one
 * offer, change or cancel. Every change to a day's plan happens in one transaction
 * under that day's lock, so two bookings can never both take the same seat and a
 * failed booking leaves the plan exactly as it was.
 */
import crypto from 'node:crypto';
import { insertionOptions, scheduleStops, type InsertionOption, type RideRequest } from '../../engines/darp/index.ts';
import type { Actor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { addDays, japanInstant } from '../../platform/time/today.ts';
import { loadDayPlan, lockDay, writeVehiclePlan, type DayPlan, type VehicleDay } from './day-plan.ts';
import { bookableDay, loadNetwork, serviceDay, type Network } from './network.ts';
import { canActForRider } from './policy.ts';
import type { BookingChannel, RequestKind, TransitDb } from './tables.ts';
import { asPlatformDb, type TransitContext } from './transit-context.ts';
import { promiseFor, promiseRequest, sliceRequest, TRIP_RULES, type TripAsk } from './trip-windows.ts';

export interface TripInput {
  date: string;
  originStopId: string;
  destinationStopId: string;
  kind: RequestKind;
  /** Seconds after midnight. */
  time: number;
  passengers: number;
  wheelchair: boolean;
}

export interface Offer {
  vehicleId: string;
  /** Promised pickup time (whole minute); the bus comes within TRIP_RULES.pickupFlex after it. */
  pickup: number;
  /** Expected arrival at the destination. */
  dropoff: number;
}

export type RefusalReason = 'past' | 'too_far_ahead' | 'closed_weekday' | 'closed_day' | 'too_late_today' | 'outside_hours' | 'no_vehicle' | 'no_wheelchair_vehicle';

export type QuoteResult = { ok: true; offers: Offer[] } | { ok: false; reason: RefusalReason; note?: string };

export const tripTaken = (offers: Offer[]) => Object.assign(new DomainError('trip_taken', 409, 'transit.error.taken'), { offers });

type Rider = { id: string; resident_account_id: string | null; wheelchair: boolean };

async function riderFor(db: TransitDb, actor: Actor, riderId: string): Promise<Rider> {
  const rider = await db.selectFrom('transit_riders').select(['id', 'resident_account_id', 'wheelchair']).where('id', '=', riderId).executeTakeFirst();
  requireAccess(rider !== undefined && canActForRider(actor, rider));
  return rider!;
}

/** Field errors for what no search can fix (unknown or identical stops, too many people). */
function checkInput(network: Network, input: TripInput): void {
  const errors = [];
  if (!network.stops.some((s) => s.id === input.originStopId)) errors.push({ field: 'origin', messageKey: 'transit.error.unknownStop' });
  if (!network.stops.some((s) => s.id === input.destinationStopId)) errors.push({ field: 'destination', messageKey: 'transit.error.unknownStop' });
  if (input.originStopId === input.destinationStopId) errors.push({ field: 'destination', messageKey: 'transit.error.sameStop' });
  if (!Number.isInteger(input.passengers) || input.passengers < 1 || input.passengers > TRIP_RULES.maxPassengers) {
    errors.push({ field: 'passengers', messageKey: 'transit.error.passengers', params: { max: TRIP_RULES.maxPassengers } });
  }
  if (errors.length) throw invalidInput(errors);
}

function askOf(network: Network, input: TripInput): TripAsk {
  return {
    kind: input.kind,
    time: input.time,
    origin: network.matrix.indexOf(input.originStopId),
    destination: network.matrix.indexOf(input.destinationStopId),
    passengers: input.passengers,
    wheelchair: input.wheelchair,
  };
}

/** Feasible insertions (seats and wheelchair places are both capacities the engine checks). */
function feasibleOptions(plan: DayPlan, network: Network, request: RideRequest): InsertionOption[] {
  return insertionOptions(
    plan.vehicles.map((v) => v.plan),
    request,
    (a, b) => network.matrix.seconds(a, b),
  );
}

async function recordRefusal(db: TransitDb, input: TripInput, reason: RefusalReason, channel: BookingChannel): Promise<void> {
  await db
    .insertInto('transit_refusals')
    .values({ service_date: input.date, origin_stop_id: input.originStopId, destination_stop_id: input.destinationStopId, requested_time: input.time, passengers: input.passengers, reason, channel })
    .execute();
}

/**
 * Pick a few offers close to what was asked, at least TRIP_RULES.offerSpacing apart,
 * best first: closeness to the asked time plus the driving the ride adds (so the
 * suggested offer is also the one that keeps the fleet efficient).
 */
function chooseOffers(options: InsertionOption[], ask: TripAsk): Offer[] {
  const target = (o: InsertionOption) => (ask.kind === 'depart' ? o.pickupTime : o.dropoffTime);
  const ranked = [...options].sort((a, b) => Math.abs(target(a) - ask.time) + a.addedCost - (Math.abs(target(b) - ask.time) + b.addedCost));
  const offers: Offer[] = [];
  for (const o of ranked) {
    const pickup = Math.floor(o.pickupTime / 60) * 60;
    if (offers.some((x) => Math.abs(x.pickup - pickup) < TRIP_RULES.offerSpacing)) continue;
    offers.push({ vehicleId: o.vehicleId, pickup, dropoff: Math.ceil(o.dropoffTime / 60) * 60 });
    if (offers.length === TRIP_RULES.maxOffers) break;
  }
  return offers;
}

/** Offered times for a ride; nothing is reserved until `bookTrip`. */
export async function quoteTrip(
  ctx: TransitContext,
  actor: Actor,
  riderId: string,
  input: TripInput,
  channel: BookingChannel,
  options: { excludeTrip?: string } = {},
): Promise<QuoteResult> {
  await riderFor(ctx.db, actor, riderId);
  const network = await loadNetwork(ctx.db, ctx.travel);
  checkInput(network, input);
  const refuse = async (reason: RefusalReason, note?: string): Promise<QuoteResult> => {
    await recordRefusal(ctx.db, input, reason, channel);
    return { ok: false, reason, ...(note ? { note } : {}) };
  };
  const day = await bookableDay(ctx.db, input.date, ctx.now());
  if (!day.ok) return refuse(day.reason, day.note);
  if (input.time < day.opens || input.time > day.closes) return refuse('outside_hours');
  if (input.wheelchair && !network.vehicles.some((v) => v.wheelchairSpaces > 0)) return refuse('no_wheelchair_vehicle');
  const ask = askOf(network, input);
  const direct = network.matrix.seconds(ask.origin, ask.destination);
  const plan = await loadDayPlan(ctx.db, network, input.date, day, { now: ctx.now(), ...(options.excludeTrip ? { excludeTrip: options.excludeTrip } : {}) });
  const slices = input.kind === 'depart' ? TRIP_RULES.departSlices : TRIP_RULES.arriveSlices;
  const all: InsertionOption[] = [];
  for (const slice of slices) {
    const request = sliceRequest('new', ask, direct, slice, day);
    if (request) all.push(...feasibleOptions(plan, network, request));
  }
  const offers = chooseOffers(all, ask);
  if (offers.length === 0) return refuse(slices.every((s) => !sliceRequest('new', ask, direct, s, day)) ? 'outside_hours' : 'no_vehicle');
  return { ok: true, offers };
}

function newReference(date: string): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';
  const bytes = crypto.randomBytes(6);
  return `${date.slice(2).replaceAll('-', '')}-${Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface BookingRequest {
  riderId: string;
  input: TripInput;
  /** The offer the rider accepted. */
  pickup: number;
  dropoff: number;
  idempotencyKey: string;
  channel: BookingChannel;
}

async function notifyLater(ctx: TransitContext, db: TransitDb, tripId: string, kind: 'confirmed' | 'changed' | 'cancelled', version: string, date: string): Promise<void> {
  if (!ctx.jobs) return;
  const pdb = asPlatformDb(db);
  await ctx.jobs.enqueue(pdb, 'transit.notify', { tripId, kind }, { idempotencyKey: `transit-${kind}:${tripId}:${version}` });
  if (kind === 'cancelled') return;
  // Reminder at 18:00 the evening before; a ride booked later than that gets only the confirmation.
  const remindAt = japanInstant(addDays(date, -1), 18 * 3600);
  if (remindAt > ctx.now()) await ctx.jobs.enqueue(pdb, 'transit.notify', { tripId, kind: 'reminder' }, { runAt: remindAt, idempotencyKey: `transit-reminder:${tripId}` });
}

async function event(db: TransitDb, date: string, kind: string, tripId: string | null, vehicleId: string | null): Promise<void> {
  await db.insertInto('transit_events').values({ service_date: date, kind, trip_id: tripId, vehicle_id: vehicleId }).execute();
}

/** The cheapest way to keep the accepted offer, or null when it is no longer possible. */
function placeOffer(plan: DayPlan, network: Network, ask: TripAsk, pickup: number, dropoff: number, id: string, day: { opens: number; closes: number; earliestPickup: number }) {
  const direct = network.matrix.seconds(ask.origin, ask.destination);
  const promise = promiseFor(ask, direct, pickup, Math.max(dropoff, pickup + direct), day);
  if (promise.pickupEarly < day.earliestPickup - 60 || promise.dropoffLate > day.closes) return null;
  const options = feasibleOptions(plan, network, promiseRequest(id, ask, promise));
  return options.length ? { option: options[0]!, promise } : null;
}

export async function bookTrip(ctx: TransitContext, actor: Actor, req: BookingRequest): Promise<{ id: string; reference: string; created: boolean }> {
  const rider = await riderFor(ctx.db, actor, req.riderId);
  const network = await loadNetwork(ctx.db, ctx.travel);
  checkInput(network, req.input);
  const result = await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, req.input.date);
    const existing = await trx.selectFrom('transit_trips').select(['id', 'reference']).where('rider_id', '=', rider.id).where('idempotency_key', '=', req.idempotencyKey).executeTakeFirst();
    if (existing) return { ...existing, created: false, taken: false };
    const day = await bookableDay(trx, req.input.date, ctx.now());
    if (!day.ok) return { taken: true as const };
    const plan = await loadDayPlan(trx, network, req.input.date, day, { now: ctx.now() });
    const id = crypto.randomUUID();
    const ask = askOf(network, req.input);
    const placed = placeOffer(plan, network, ask, req.pickup, req.dropoff, id, day);
    if (!placed) return { taken: true as const };
    const { option, promise } = placed;
    const reference = newReference(req.input.date);
    await trx
      .insertInto('transit_trips')
      .values({
        id,
        reference,
        rider_id: rider.id,
        service_date: req.input.date,
        origin_stop_id: req.input.originStopId,
        destination_stop_id: req.input.destinationStopId,
        passengers: req.input.passengers,
        wheelchair: req.input.wheelchair,
        request_kind: req.input.kind,
        requested_time: req.input.time,
        pickup_early: promise.pickupEarly,
        pickup_late: promise.pickupLate,
        dropoff_early: promise.dropoffEarly,
        dropoff_late: promise.dropoffLate,
        max_ride: promise.maxRide,
        service_seconds: promise.service,
        channel: req.channel,
        booked_by_staff_id: actor.kind === 'staff' ? actor.id : null,
        idempotency_key: req.idempotencyKey,
      })
      .execute();
    await writeVehiclePlan(trx, plan, plan.vehicles.find((v) => v.vehicle.id === option.vehicleId)!, option.stops, option.schedule);
    await event(trx, req.input.date, 'booked', id, option.vehicleId);
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(actor), action: 'transit.trip.booked', targetType: 'transit_trip', targetId: id, details: { reference, channel: req.channel, vehicle: option.vehicleId } });
    await notifyLater(ctx, trx, id, 'confirmed', '1', req.input.date);
    return { id, reference, created: true, taken: false };
  });
  if (result.taken) {
    const again = await quoteTrip(ctx, actor, req.riderId, req.input, req.channel);
    throw tripTaken(again.ok ? again.offers : []);
  }
  return { id: result.id!, reference: result.reference!, created: result.created! };
}

async function tripFor(db: TransitDb, actor: Actor, tripId: string) {
  const trip = await db
    .selectFrom('transit_trips')
    .innerJoin('transit_riders', 'transit_riders.id', 'transit_trips.rider_id')
    .selectAll('transit_trips')
    .select('transit_riders.resident_account_id')
    .where('transit_trips.id', '=', tripId)
    .executeTakeFirst();
  requireAccess(trip !== undefined && canActForRider(actor, trip));
  return trip!;
}

/** Replans one vehicle after a stop list shrank (a cancellation or a trip moved away). */
async function replanVehicle(trx: TransitDb, network: Network, plan: DayPlan, day: VehicleDay): Promise<void> {
  const times = scheduleStops(day.plan, (a, b) => network.matrix.seconds(a, b));
  // Taking stops out never makes a plan infeasible; if the data say otherwise, keep the promised earliest times.
  await writeVehiclePlan(trx, plan, day, day.plan.stops, times ?? day.plan.stops.map((s) => s.early));
}

export async function cancelTrip(ctx: TransitContext, actor: Actor, tripId: string, reason: string): Promise<void> {
  const trip = await tripFor(ctx.db, actor, tripId);
  if (trip.status !== 'booked') throw new DomainError('not_cancellable', 409, 'transit.error.notCancellable');
  const network = await loadNetwork(ctx.db, ctx.travel);
  await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, trip.service_date);
    const current = await trx.selectFrom('transit_trips').select('status').where('id', '=', tripId).executeTakeFirstOrThrow();
    if (current.status !== 'booked') throw new DomainError('not_cancellable', 409, 'transit.error.notCancellable');
    await trx.updateTable('transit_trips').set({ status: 'cancelled', cancelled_reason: reason.slice(0, 200), updated_at: new Date() }).where('id', '=', tripId).execute();
    const hours = await dayHours(trx, trip.service_date);
    const plan = await loadDayPlan(trx, network, trip.service_date, hours, { now: ctx.now() });
    const vehicle = plan.vehicles.find((v) => v.vehicle.id === trip.vehicle_id);
    if (vehicle) await replanVehicle(trx, network, plan, vehicle);
    await trx.deleteFrom('transit_plan_stops').where('trip_id', '=', tripId).execute();
    await event(trx, trip.service_date, 'cancelled', tripId, trip.vehicle_id);
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(actor), action: 'transit.trip.cancelled', targetType: 'transit_trip', targetId: tripId, reason });
    await notifyLater(ctx, trx, tripId, 'cancelled', '1', trip.service_date);
  });
}

/** Hours of a day that already has trips (closing a day later must not strand its plan). */
async function dayHours(db: TransitDb, date: string): Promise<{ opens: number; closes: number }> {
  const day = await serviceDay(db, date);
  if (day.open) return day;
  const span = await db.selectFrom('transit_trips').select((eb) => [eb.fn.min('pickup_early').as('opens'), eb.fn.max('dropoff_late').as('closes')]).where('service_date', '=', date).executeTakeFirst();
  return { opens: Number(span?.opens ?? 0), closes: Number(span?.closes ?? 86400) };
}

/**
 * Moves a booked ride to another time, stops or party size on the same day. The new
 * place is found with the ride itself taken out of the plan; if there is none, nothing
 * changes and fresh offers come back.
 */
export async function changeTrip(ctx: TransitContext, actor: Actor, tripId: string, change: { input: TripInput; pickup: number; dropoff: number }): Promise<void> {
  const trip = await tripFor(ctx.db, actor, tripId);
  if (trip.status !== 'booked') throw new DomainError('not_changeable', 409, 'transit.error.notCancellable');
  if (change.input.date !== trip.service_date) throw invalidInput([{ field: 'date', messageKey: 'transit.error.changeDate' }]);
  const network = await loadNetwork(ctx.db, ctx.travel);
  checkInput(network, change.input);
  const taken = await ctx.db.transaction().execute(async (trx) => {
    await lockDay(trx, trip.service_date);
    const day = await bookableDay(trx, trip.service_date, ctx.now());
    if (!day.ok) return true;
    const plan = await loadDayPlan(trx, network, trip.service_date, day, { now: ctx.now(), excludeTrip: tripId });
    const ask = askOf(network, change.input);
    const placed = placeOffer(plan, network, ask, change.pickup, change.dropoff, tripId, day);
    if (!placed) return true;
    const { option, promise } = placed;
    await trx
      .updateTable('transit_trips')
      .set({
        origin_stop_id: change.input.originStopId,
        destination_stop_id: change.input.destinationStopId,
        passengers: change.input.passengers,
        wheelchair: change.input.wheelchair,
        request_kind: change.input.kind,
        requested_time: change.input.time,
        pickup_early: promise.pickupEarly,
        pickup_late: promise.pickupLate,
        dropoff_early: promise.dropoffEarly,
        dropoff_late: promise.dropoffLate,
        max_ride: promise.maxRide,
        service_seconds: promise.service,
        updated_at: new Date(),
      })
      .where('id', '=', tripId)
      .execute();
    const previous = plan.vehicles.find((v) => v.vehicle.id === trip.vehicle_id);
    if (previous && previous.vehicle.id !== option.vehicleId) await replanVehicle(trx, network, plan, previous);
    await writeVehiclePlan(trx, plan, plan.vehicles.find((v) => v.vehicle.id === option.vehicleId)!, option.stops, option.schedule);
    await event(trx, trip.service_date, 'changed', tripId, option.vehicleId);
    await recordAudit(asPlatformDb(trx), { actor: auditActorOf(actor), action: 'transit.trip.changed', targetType: 'transit_trip', targetId: tripId });
    await notifyLater(ctx, trx, tripId, 'changed', String(Date.now()), trip.service_date);
    return false;
  });
  if (taken) {
    const again = await quoteTrip(ctx, actor, trip.rider_id, change.input, trip.channel, { excludeTrip: tripId });
    throw tripTaken(again.ok ? again.offers : []);
  }
}
