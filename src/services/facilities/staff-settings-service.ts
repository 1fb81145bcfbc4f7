/**
 * Facility settings kept by the department's managers: the facility's details and
 * rules (booking horizon, payment and cancellation rules, heating months), weekly
 * hours, closed days, rooms, fixed blocks, fees, and the city's list of fee
 * reductions. A change that would break an existing booking is refused naming the
 * bookings (staff contact the holders first). Fees and reduction rates apply to new
 * bookings only: a booking keeps the amounts it was quoted (base, heating, reduction
 * and fee are stored on it). Every change is audited with before and after.
 */
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { Closure } from './catalogue.ts';
import type { FacilityContext } from './facility-context.ts';
import { canEditFacility, canEditSettings } from './staff-policy.ts';
import { clockText } from './booking-time.ts';
import { blocksOutsideHours, brokenByBlocks, brokenByClosure, brokenByHours, brokenByRoomChange, describeConflicts, widestHours, type BlockTimes, type FutureOccupation, type WeekHours } from './staff-settings-rules.ts';
import { staffDb, type StaffDb } from './staff-tables.ts';
import { ACTIVE_STATUSES, HOURLY_FEE_KEY, type ClosureRule, type FacilitiesDb } from './tables.ts';

export const ACCESSIBILITY = ['wheelchair', 'accessible_toilet', 'elevator', 'parking', 'hearing_loop', 'braille', 'nursing_room'] as const;
export const EQUIPMENT = ['projector', 'microphone', 'piano', 'stage_lighting', 'kitchen_tools', 'tables_chairs', 'nets', 'mats', 'whiteboard', 'sound_system', 'lighting'] as const;

/** A refusal naming the bookings a change would break, on the field that would break them. */
function conflicts(field: string, list: FutureOccupation[]): DomainError {
  const { list: text, count } = describeConflicts(list);
  return invalidInput([{ field, messageKey: `facilities.office.settings.conflict.${field}`, params: { count, list: text } }]);
}

/** The facility row for a manager of its department (404 for anyone else's facility, 403 without the role). */
async function editableFacility(db: StaffDb, staff: StaffActor, facilityId: string) {
  requireAccess(canEditSettings(staff), 'forbidden');
  const facility = /^[a-z0-9-]{1,64}$/.test(facilityId) ? await db.selectFrom('facilities').selectAll().where('id', '=', facilityId).executeTakeFirst() : undefined;
  requireAccess(facility !== undefined && canEditFacility(staff, facility));
  return facility!;
}

async function editableRoom(db: StaffDb, staff: StaffActor, roomId: string) {
  const room = /^[a-z0-9-]{1,64}$/.test(roomId) ? await db.selectFrom('facility_rooms').selectAll().where('id', '=', roomId).executeTakeFirst() : undefined;
  requireAccess(room !== undefined);
  const facility = await editableFacility(db, staff, room!.facility_id);
  return { room: room!, facility };
}

/** Active bookings, lottery holds and classes of these rooms from today on. */
export async function futureOccupations(db: StaffDb | FacilitiesDb, roomIds: string[], today: string): Promise<FutureOccupation[]> {
  if (roomIds.length === 0) return [];
  const rows = await (db as FacilitiesDb)
    .selectFrom('facility_bookings')
    .select(['id', 'reference', 'kind', 'room_id', 'use_date', 'starts_at', 'ends_at', 'headcount', 'purpose', 'block_codes'])
    .where('room_id', 'in', roomIds)
    .where('use_date', '>=', today)
    .where('status', 'in', [...ACTIVE_STATUSES])
    .where('kind', '!=', 'block')
    .orderBy('use_date')
    .orderBy('starts_at')
    .execute();
  return rows.map((r) => ({ id: r.id, reference: r.reference, kind: r.kind, roomId: r.room_id, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at, headcount: r.headcount, purpose: r.purpose, blockCodes: r.block_codes }));
}

/** Everything the settings pages of one facility show. */
export async function facilityForEdit(ctx: FacilityContext, actor: StaffActor, facilityId: string) {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const facility = await editableFacility(db, staff, facilityId);
  const [hours, closures, rooms] = await Promise.all([
    db.selectFrom('facility_hours').selectAll().where('facility_id', '=', facility.id).orderBy('weekday').execute(),
    db.selectFrom('facility_closures').selectAll().where('facility_id', '=', facility.id).orderBy('id').execute(),
    db.selectFrom('facility_rooms').selectAll().where('facility_id', '=', facility.id).orderBy('sort_order').orderBy('id').execute(),
  ]);
  return { facility, hours, closures, rooms };
}

export async function roomForEdit(ctx: FacilityContext, actor: StaffActor, roomId: string) {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { room, facility } = await editableRoom(db, staff, roomId);
  const [blocks, fees, purposes] = await Promise.all([
    db.selectFrom('facility_room_blocks').selectAll().where('room_id', '=', room.id).orderBy('sort_order').orderBy('starts_at').execute(),
    db.selectFrom('facility_fees').selectAll().where('room_id', '=', room.id).execute(),
    db.selectFrom('facility_purposes').selectAll().orderBy('sort_order').execute(),
  ]);
  return { room, facility, blocks, fees, purposes };
}

export interface FacilityDetails {
  name: string;
  nameKana: string;
  address: string;
  phone: string;
  description: string;
  accessibility: string[];
  bookingHorizonMonths: number;
  payDaysBeforeUse: number;
  payDaysAfterBooking: number;
  counterPayment: boolean;
  cancelFreeDaysBefore: number;
  cancelFeePercent: number;
  heatingMonths: number[];
  active: boolean;
}

export async function updateFacilityDetails(ctx: FacilityContext, actor: StaffActor, facilityId: string, input: FacilityDetails): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const before = await editableFacility(db, staff, facilityId);
  if (before.active && !input.active) {
    const rooms = await db.selectFrom('facility_rooms').select('id').where('facility_id', '=', facilityId).execute();
    const broken = await futureOccupations(db, rooms.map((r) => r.id), japanClock(ctx.now()).date);
    if (broken.length) throw conflicts('active', broken);
  }
  const after = {
    name: input.name,
    name_kana: input.nameKana,
    address: input.address,
    phone: input.phone,
    description: input.description,
    accessibility: input.accessibility,
    booking_horizon_months: input.bookingHorizonMonths,
    pay_days_before_use: input.payDaysBeforeUse,
    pay_days_after_booking: input.payDaysAfterBooking,
    counter_payment: input.counterPayment,
    cancel_free_days_before: input.cancelFreeDaysBefore,
    cancel_fee_percent: input.cancelFeePercent,
    heating_months: input.heatingMonths,
    active: input.active,
  };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('facilities').set(after).where('id', '=', facilityId).execute();
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify(v)).map(([k, v]) => [k, { before: (before as Record<string, unknown>)[k], after: v }]));
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.facility-updated', targetType: 'facility', targetId: facilityId, details: { changed } });
  });
}

/** New weekly hours (a weekday missing = closed that day every week). */
export async function updateHours(ctx: FacilityContext, actor: StaffActor, facilityId: string, hours: WeekHours): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  await editableFacility(db, staff, facilityId);
  for (const [weekday, h] of hours) {
    if (!(h.opensAt >= 0 && h.closesAt <= 1440 && h.opensAt < h.closesAt)) throw invalidInput([{ field: `opens_${weekday}`, messageKey: 'facilities.office.settings.error.hoursOrder' }]);
  }
  const rooms = await db.selectFrom('facility_rooms').select('id').where('facility_id', '=', facilityId).execute();
  await db.transaction().execute(async (trx) => {
    // Two managers changing the same facility's hours apply one after the other.
    await trx.selectFrom('facilities').select('id').where('id', '=', facilityId).forUpdate().execute();
    const broken = brokenByHours(await futureOccupations(trx, rooms.map((r) => r.id), japanClock(ctx.now()).date), hours);
    if (broken.length) throw conflicts('hours', broken);
    await checkRoomBlocksFit(trx, facilityId, hours);
    const before = await trx.selectFrom('facility_hours').selectAll().where('facility_id', '=', facilityId).orderBy('weekday').execute();
    await trx.deleteFrom('facility_hours').where('facility_id', '=', facilityId).execute();
    const rows = [...hours].sort(([a], [b]) => a - b).map(([weekday, h]) => ({ facility_id: facilityId, weekday, opens_at: h.opensAt, closes_at: h.closesAt }));
    if (rows.length) await trx.insertInto('facility_hours').values(rows).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.hours-updated', targetType: 'facility', targetId: facilityId, details: { before: before.map((h) => [h.weekday, h.opens_at, h.closes_at]), after: rows.map((h) => [h.weekday, h.opens_at, h.closes_at]) } });
  });
}

export interface ClosureInput {
  rule: ClosureRule;
  onDate: string | null;
  fromMd: string | null;
  toMd: string | null;
  nth: number | null;
  weekday: number | null;
  dayOfMonth: number | null;
  reason: string;
}

export async function addClosure(ctx: FacilityContext, actor: StaffActor, facilityId: string, input: ClosureInput): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  await editableFacility(db, staff, facilityId);
  const rooms = await db.selectFrom('facility_rooms').select('id').where('facility_id', '=', facilityId).execute();
  const closure: Closure = { rule: input.rule, onDate: input.onDate, fromMd: input.fromMd, toMd: input.toMd, nth: input.nth, weekday: input.weekday, dayOfMonth: input.dayOfMonth, reason: input.reason };
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('facilities').select('id').where('id', '=', facilityId).forUpdate().execute();
    const broken = brokenByClosure(await futureOccupations(trx, rooms.map((r) => r.id), japanClock(ctx.now()).date), closure);
    if (broken.length) throw conflicts('closureRule', broken);
    const row = await trx.insertInto('facility_closures').values({ facility_id: facilityId, rule: input.rule, on_date: input.onDate, from_md: input.fromMd, to_md: input.toMd, nth: input.nth, weekday: input.weekday, day_of_month: input.dayOfMonth, reason: input.reason }).returning('id').executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.closure-added', targetType: 'facility', targetId: facilityId, details: { closure: row.id, ...input } });
  });
}

export async function removeClosure(ctx: FacilityContext, actor: StaffActor, facilityId: string, closureId: number): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  await editableFacility(db, staff, facilityId);
  await db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('facility_closures').where('id', '=', closureId).where('facility_id', '=', facilityId).returningAll().executeTakeFirst();
    requireAccess(removed !== undefined);
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.closure-removed', targetType: 'facility', targetId: facilityId, details: { closure: removed } });
  });
}

export interface RoomInput {
  name: string;
  nameKana: string;
  capacity: number;
  floorAreaM2: number | null;
  equipment: string[];
  purposes: string[];
  needsApproval: boolean;
  lotteryEnabled: boolean;
  description: string;
  active: boolean;
}

/** A room's details; capacity below a booked headcount, a purpose in use or closing a booked room is refused. */
export async function updateRoom(ctx: FacilityContext, actor: StaffActor, roomId: string, input: RoomInput): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { room: before } = await editableRoom(db, staff, roomId);
  if (input.purposes.length === 0) throw invalidInput([{ field: 'purposes', messageKey: 'facilities.office.settings.error.purposes' }]);
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('facility_rooms').select('id').where('id', '=', roomId).forUpdate().execute();
    const broken = brokenByRoomChange(await futureOccupations(trx, [roomId], japanClock(ctx.now()).date), { roomId, capacity: input.capacity, purposes: input.purposes, active: input.active });
    if (broken.length) {
      const field = !input.active ? 'active' : broken.some((o) => o.headcount !== null && o.headcount > input.capacity) ? 'capacity' : 'purposes';
      throw conflicts(field, broken);
    }
    const after = { name: input.name, name_kana: input.nameKana, capacity: input.capacity, floor_area_m2: input.floorAreaM2, equipment: input.equipment, purposes: input.purposes, needs_approval: input.needsApproval, lottery_enabled: input.lotteryEnabled, description: input.description, active: input.active };
    await trx.updateTable('facility_rooms').set(after).where('id', '=', roomId).execute();
    const changed = Object.fromEntries(Object.entries(after).filter(([k, v]) => JSON.stringify((before as Record<string, unknown>)[k]) !== JSON.stringify(v)).map(([k, v]) => [k, { before: (before as Record<string, unknown>)[k], after: v }]));
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.room-updated', targetType: 'facility_room', targetId: roomId, details: { changed } });
  });
}

export interface BlockRowInput extends BlockTimes {
  nameJa: string;
  nameEn: string;
}

/** The facility's weekly opening hours as the rules read them. */
async function weekHoursOf(db: StaffDb, facilityId: string): Promise<WeekHours> {
  const rows = await db.selectFrom('facility_hours').select(['weekday', 'opens_at', 'closes_at']).where('facility_id', '=', facilityId).execute();
  return new Map(rows.map((h) => [h.weekday, { opensAt: h.opens_at, closesAt: h.closes_at }]));
}

/** A block outside the building's opening hours would never be offered: refused, naming the block's time and the hours. */
async function checkBlocksWithinHours(db: StaffDb, facilityId: string, blocks: BlockRowInput[]): Promise<void> {
  const hours = await weekHoursOf(db, facilityId);
  const widest = widestHours(hours);
  const outside = blocksOutsideHours(blocks, hours);
  if (outside.length === 0) return;
  throw invalidInput(
    outside.map((b): FieldError => {
      const field = widest && b.startsAt >= widest.opensAt && b.endsAt > widest.closesAt ? `block_${b.code}_ends` : `block_${b.code}_starts`;
      if (!widest) return { field, messageKey: 'facilities.office.settings.error.blockNoHours', params: { name: b.nameJa } };
      return { field, messageKey: 'facilities.office.settings.error.blockOutsideHours', params: { name: b.nameJa, from: clockText(b.startsAt), to: clockText(b.endsAt), opens: clockText(widest.opensAt), closes: clockText(widest.closesAt) } };
    }),
  );
}

/** Shorter hours must not leave a room's fixed block outside every day (it would silently stop being offered). */
async function checkRoomBlocksFit(db: StaffDb, facilityId: string, hours: WeekHours): Promise<void> {
  const blocks = await db
    .selectFrom('facility_room_blocks as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .select(['b.code', 'b.name_ja', 'b.starts_at as startsAt', 'b.ends_at as endsAt', 'r.name as room'])
    .where('r.facility_id', '=', facilityId)
    .where('r.active', '=', true)
    .where('r.slot_mode', '=', 'blocks')
    .orderBy('r.sort_order')
    .orderBy('b.starts_at')
    .execute();
  const outside = blocksOutsideHours(blocks, hours);
  if (outside.length === 0) return;
  const list = outside.map((b) => `${b.room}「${b.name_ja}」（${clockText(b.startsAt)}〜${clockText(b.endsAt)}）`).join('、');
  throw invalidInput([{ field: 'hours', messageKey: 'facilities.office.settings.conflict.hoursBlocks', params: { count: outside.length, list } }]);
}

/** The fixed blocks of a room (slot rules): changing or removing a block that has bookings is refused. */
export async function updateBlocks(ctx: FacilityContext, actor: StaffActor, roomId: string, blocks: BlockRowInput[]): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { room } = await editableRoom(db, staff, roomId);
  if (room.slot_mode !== 'blocks') throw new DomainError('slot_mode', 409, 'facilities.office.settings.error.notBlocks');
  const sorted = [...blocks].sort((a, b) => a.startsAt - b.startsAt);
  for (let i = 0; i < sorted.length; i++) {
    const b = sorted[i]!;
    if (!(b.startsAt < b.endsAt)) throw invalidInput([{ field: `block_${b.code}_starts`, messageKey: 'facilities.office.settings.error.blockOrder', params: { name: b.nameJa } }]);
    if (i > 0 && sorted[i - 1]!.endsAt > b.startsAt) throw invalidInput([{ field: `block_${b.code}_starts`, messageKey: 'facilities.office.settings.error.blockOverlap', params: { name: b.nameJa, other: sorted[i - 1]!.nameJa } }]);
  }
  if (sorted.length === 0) throw invalidInput([{ field: 'blocks', messageKey: 'facilities.office.settings.error.noBlocks' }]);
  await checkBlocksWithinHours(db, room.facility_id, sorted);
  await db.transaction().execute(async (trx) => {
    await trx.selectFrom('facility_rooms').select('id').where('id', '=', roomId).forUpdate().execute();
    const before = await trx.selectFrom('facility_room_blocks').selectAll().where('room_id', '=', roomId).execute();
    const broken = brokenByBlocks(await futureOccupations(trx, [roomId], japanClock(ctx.now()).date), roomId, before.map((b) => ({ code: b.code, startsAt: b.starts_at, endsAt: b.ends_at })), sorted);
    if (broken.length) throw conflicts('blocks', broken);
    await trx.deleteFrom('facility_room_blocks').where('room_id', '=', roomId).execute();
    await trx.insertInto('facility_room_blocks').values(sorted.map((b, i) => ({ room_id: roomId, code: b.code, name_ja: b.nameJa, name_en: b.nameEn, starts_at: b.startsAt, ends_at: b.endsAt, sort_order: i }))).execute();
    // A removed block's fee goes with it (a block without a fee cannot be booked online anyway).
    const codes = sorted.map((b) => b.code);
    await trx.deleteFrom('facility_fees').where('room_id', '=', roomId).where('block_code', 'not in', codes).execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.settings.blocks-updated', targetType: 'facility_room', targetId: roomId, details: { before: before.map((b) => [b.code, b.starts_at, b.ends_at, b.name_ja]), after: sorted.map((b) => [b.code, b.startsAt, b.endsAt, b.nameJa]) } });
  });
}

export interface FeeInput {
  blockCode: string;
  residentYen: number;
  nonResidentYen: number;
  commercialYen: number;
  heatingYen: number;
}

/**
 * The fee table of a room. Applies to bookings made from now on: existing bookings
 * keep the amounts stored on them when they were quoted.
 */
export async function updateFees(ctx: FacilityContext, actor: StaffActor, roomId: string, fees: FeeInput[]): Promise<void> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { room } = await editableRoom(db, staff, roomId);
  const codes = room.slot_mode === 'hourly' ? [HOURLY_FEE_KEY] : (await db.selectFrom('facility_room_blocks').select('code').where('room_id', '=', roomId).execute()).map((b) => b.code);
  const unknown = fees.find((f) => !codes.includes(f.blockCode));
  if (unknown) throw invalidInput([{ field: 'fees', messageKey: 'facilities.office.settings.error.feeBlock' }]);
  await db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('facility_fees').selectAll().where('room_id', '=', roomId).execute();
    for (const f of fees) {
      await trx
        .insertInto('facility_fees')
        .values({ room_id: roomId, block_code: f.blockCode, resident_yen: f.residentYen, non_resident_yen: f.nonResidentYen, commercial_yen: f.commercialYen, heating_yen: f.heatingYen })
        .onConflict((oc) => oc.columns(['room_id', 'block_code']).doUpdateSet({ resident_yen: f.residentYen, non_resident_yen: f.nonResidentYen, commercial_yen: f.commercialYen, heating_yen: f.heatingYen }))
        .execute();
    }
    await recordAudit(trx, {
      actor: auditActorOf(staff),
      action: 'facilities.settings.fees-updated',
      targetType: 'facility_room',
      targetId: roomId,
      details: { before: before.map((f) => [f.block_code, f.resident_yen, f.non_resident_yen, f.commercial_yen, f.heating_yen]), after: fees.map((f) => [f.blockCode, f.residentYen, f.nonResidentYen, f.commercialYen, f.heatingYen]) },
    });
  });
}

export async function reductionsForEdit(ctx: FacilityContext, actor: StaffActor) {
  const staff = requireStaff(actor);
  requireAccess(canEditSettings(staff), 'forbidden');
  return ctx.db.selectFrom('facility_reductions').selectAll().orderBy('sort_order').orderBy('code').execute();
}

export interface ReductionInput {
  code: string;
  nameJa: string;
  nameEn: string;
  percent: number;
  active: boolean;
}

/**
 * Adds or changes a reason for a fee reduction (減免). A changed rate applies to
 * reductions applied from now on; bookings already reduced keep their amount.
 */
export async function saveReduction(ctx: FacilityContext, actor: StaffActor, input: ReductionInput): Promise<'added' | 'updated'> {
  const staff = requireStaff(actor);
  requireAccess(canEditSettings(staff), 'forbidden');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('facility_reductions').selectAll().where('code', '=', input.code).forUpdate().executeTakeFirst();
    if (before) await trx.updateTable('facility_reductions').set({ name_ja: input.nameJa, name_en: input.nameEn, percent: input.percent, active: input.active }).where('code', '=', input.code).execute();
    else {
      const last = await trx.selectFrom('facility_reductions').select((eb) => eb.fn.max('sort_order').as('max')).executeTakeFirst();
      await trx.insertInto('facility_reductions').values({ code: input.code, name_ja: input.nameJa, name_en: input.nameEn, percent: input.percent, active: input.active, sort_order: Number(last?.max ?? 0) + 10 }).execute();
    }
    await recordAudit(trx, { actor: auditActorOf(staff), action: before ? 'facilities.settings.reduction-updated' : 'facilities.settings.reduction-added', targetType: 'facility_reduction', targetId: input.code, details: { before: before ? { nameJa: before.name_ja, percent: before.percent, active: before.active } : null, after: { nameJa: input.nameJa, percent: input.percent, active: input.active } } });
    return before ? ('updated' as const) : ('added' as const);
  });
}
