/**
 * Maintenance blocks (利用休止): a room, or a whole facility, out of use for some
 * days at a time of day. Staff first see what the block would cancel (bookings with
 * their holders and what they paid; classes with their attendees) and what stops it
 * (an existing block, a lottery hold); on confirm, in ONE transaction, the bookings
 * are cancelled with a full refund due and their open payments withdrawn (nobody can
 * pay for a slot the city took back), classes cancelled, holders' notices queued
 * and the block's rows inserted into facility_bookings — so the exclusion
 * constraint protects the block from the moment it exists, and a booking made
 * between the preview and the confirm makes the confirm fail rather than be missed.
 * Refunds and closing the provider's checkouts come after the commit (remote calls)
 * through the booking's own path, which the service's sweep retries until answered.
 */
import crypto from 'node:crypto';
import type { StaffActor } from '../../platform/access/actor.ts';
import { auditActorOf } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { recordAudit } from '../../platform/audit/audit-log.ts';
import { DomainError, invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { isUuid } from '../../platform/http/ids.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import type { Payment } from '../../platform/payments/payments.ts';
import { afterBookingEnded, withdrawOpenPayment } from './booking-payments.ts';
import { EXCLUSION_VIOLATION, sqlState } from './booking-service.ts';
import { daysBetween, duringRange } from './booking-time.ts';
import { cancelClassIn } from './classes-service.ts';
import type { FacilityContext } from './facility-context.ts';
import { queueBlockNotice } from './staff-block-notices.ts';
import { canManageFacility } from './staff-policy.ts';
import { staffDb, type StaffDb } from './staff-tables.ts';
import { ACTIVE_STATUSES } from './tables.ts';

/** The longest block, in days (a quarter: longer closures are closed days in the facility's settings). */
export const MAX_BLOCK_DAYS = 93;

export interface BlockInput {
  facilityId: string;
  /** null: every room of the facility. */
  roomId: string | null;
  fromDate: string;
  toDate: string;
  startsAt: number;
  endsAt: number;
  reason: string;
}

export interface AffectedBooking {
  id: string;
  reference: string;
  roomName: string;
  date: string;
  startsAt: number;
  endsAt: number;
  status: string;
  holder: string | null;
  groupName: string | null;
  /** What was paid (refunded in full). */
  paidYen: number;
  paymentMethod: string;
}

export interface AffectedClass {
  classId: string;
  reference: string;
  title: string;
  roomName: string;
  date: string;
  startsAt: number;
  endsAt: number;
  holders: number;
}

/** What stops a block: an existing block or a lottery hold at that time. */
export interface Obstacle {
  reference: string;
  kind: 'block' | 'lottery';
  title: string;
  roomName: string;
  date: string;
  startsAt: number;
  endsAt: number;
}

export interface BlockPreview {
  input: BlockInput;
  facility: { id: string; name: string; area: string };
  rooms: { id: string; name: string }[];
  days: number;
  bookings: AffectedBooking[];
  classes: AffectedClass[];
  obstacles: Obstacle[];
  /** Digest of what would be cancelled: the confirm must match it, or staff are shown the new list. */
  fingerprint: string;
}

export const blockChanged = () => new DomainError('block_changed', 409, 'facilities.office.blocks.error.changed');

function fingerprintOf(bookings: { id: string }[], classes: { classId: string }[]): string {
  const ids = [...bookings.map((b) => `b:${b.id}`), ...classes.map((c) => `c:${c.classId}`)].sort();
  return crypto.createHash('sha256').update(ids.join(',')).digest('hex').slice(0, 32);
}

function cleanReason(reason: string): string {
  return reason.normalize('NFKC').trim();
}

/** Checks the block's own fields and the staff member's access to the facility and room. */
async function checkInput(db: StaffDb, staff: StaffActor, input: BlockInput, today: string) {
  const facility = await db.selectFrom('facilities').select(['id', 'name', 'area', 'department_code']).where('id', '=', input.facilityId).executeTakeFirst();
  requireAccess(facility !== undefined && canManageFacility(staff, facility));
  let roomsQuery = db.selectFrom('facility_rooms').select(['id', 'name']).where('facility_id', '=', facility!.id).where('active', '=', true);
  if (input.roomId) roomsQuery = roomsQuery.where('id', '=', input.roomId);
  const rooms = await roomsQuery.orderBy('sort_order').orderBy('id').execute();
  const errors: FieldError[] = [];
  if (rooms.length === 0) errors.push({ field: 'target', messageKey: 'facilities.office.blocks.error.target' });
  if (input.fromDate < today) errors.push({ field: 'fromDate', messageKey: 'facilities.office.blocks.error.past' });
  if (input.toDate < input.fromDate) errors.push({ field: 'toDate', messageKey: 'facilities.office.blocks.error.order' });
  else if (daysBetween(input.fromDate, input.toDate) + 1 > MAX_BLOCK_DAYS) errors.push({ field: 'toDate', messageKey: 'facilities.office.blocks.error.tooLong', params: { max: MAX_BLOCK_DAYS } });
  if (!(input.startsAt >= 0 && input.endsAt <= 1440 && input.startsAt < input.endsAt)) errors.push({ field: 'endsAt', messageKey: 'facilities.office.blocks.error.times' });
  const reason = cleanReason(input.reason);
  if (!reason) errors.push({ field: 'reason', messageKey: 'facilities.office.blocks.error.reasonRequired' });
  else if (reason.length > 200) errors.push({ field: 'reason', messageKey: 'facilities.office.blocks.error.reasonTooLong', params: { limit: 200 } });
  if (errors.length) throw invalidInput(errors);
  return { facility: facility!, rooms, reason };
}

/** Active occupations of the rooms over the dates that overlap the block's time of day (locked when `lock`). */
async function overlapping(db: StaffDb, roomIds: string[], input: BlockInput, lock: boolean) {
  let query = db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .leftJoin('facility_groups as g', 'g.id', 'b.group_id')
    .select(['b.id', 'b.reference', 'b.kind', 'b.status', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.title', 'b.fee_yen', 'b.paid_at', 'b.payment_method', 'b.class_id', 'r.name as room_name', 'u.name as holder', 'g.name as group_name'])
    .where('b.room_id', 'in', roomIds)
    .where('b.use_date', '>=', input.fromDate)
    .where('b.use_date', '<=', input.toDate)
    .where('b.starts_at', '<', input.endsAt)
    .where('b.ends_at', '>', input.startsAt)
    .where('b.status', 'in', [...ACTIVE_STATUSES])
    .orderBy('b.use_date')
    .orderBy('b.starts_at')
    .orderBy('r.sort_order');
  if (lock) query = query.forUpdate('b');
  return query.execute();
}

async function describe(db: StaffDb, rows: Awaited<ReturnType<typeof overlapping>>) {
  const bookings: AffectedBooking[] = [];
  const classes: AffectedClass[] = [];
  const obstacles: Obstacle[] = [];
  for (const r of rows) {
    if (r.kind === 'booking') {
      bookings.push({ id: r.id, reference: r.reference, roomName: r.room_name, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at, status: r.status, holder: r.holder, groupName: r.group_name, paidYen: r.paid_at ? r.fee_yen : 0, paymentMethod: r.payment_method });
    } else if (r.kind === 'class' && r.class_id) {
      const holders = await db.selectFrom('facility_class_seats').select((eb) => eb.fn.countAll<string>().as('n')).where('class_id', '=', r.class_id).where('status', 'in', ['booked', 'waiting']).executeTakeFirstOrThrow();
      classes.push({ classId: r.class_id, reference: r.reference, title: r.title, roomName: r.room_name, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at, holders: Number(holders.n) });
    } else {
      obstacles.push({ reference: r.reference, kind: r.kind === 'lottery' ? 'lottery' : 'block', title: r.title, roomName: r.room_name, date: r.use_date, startsAt: r.starts_at, endsAt: r.ends_at });
    }
  }
  return { bookings, classes, obstacles };
}

/** Step 1: what the block would cancel, and what stops it. Changes nothing. */
export async function previewBlock(ctx: FacilityContext, actor: StaffActor, input: BlockInput): Promise<BlockPreview> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { facility, rooms, reason } = await checkInput(db, staff, input, japanClock(ctx.now()).date);
  const found = await describe(db, await overlapping(db, rooms.map((r) => r.id), input, false));
  return { input: { ...input, reason }, facility: { id: facility.id, name: facility.name, area: facility.area }, rooms, days: daysBetween(input.fromDate, input.toDate) + 1, ...found, fingerprint: fingerprintOf(found.bookings, found.classes) };
}

function blockReference(date: string): string {
  const alphabet = 'ACDEFGHJKLMNPQRTUVWXY3479';
  return `M${date.slice(2).replaceAll('-', '')}-${Array.from(crypto.randomBytes(6), (b) => alphabet[b % alphabet.length]).join('')}`;
}

export interface BlockResult {
  blockId: string;
  cancelled: number;
  classesCancelled: number;
  refundsRequested: number;
}

/**
 * Step 2: the block, if what it cancels is still what staff saw (`fingerprint`).
 * Everything in one transaction; refunds after it.
 */
export async function confirmBlock(ctx: FacilityContext, actor: StaffActor, input: BlockInput, fingerprint: string): Promise<BlockResult> {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const { facility, rooms, reason } = await checkInput(db, staff, input, japanClock(ctx.now()).date);
  const now = ctx.now();
  let outcome: { blockId: string; bookingIds: string[]; withdrawn: Map<string, Payment[]>; refundsRequested: number; classes: number };
  try {
    outcome = await db.transaction().execute(async (trx) => {
      const found = await describe(trx, await overlapping(trx, rooms.map((r) => r.id), input, true));
      if (found.obstacles.length > 0 || fingerprintOf(found.bookings, found.classes) !== fingerprint) throw blockChanged();
      const block = await trx
        .insertInto('facility_maintenance_blocks')
        .values({ facility_id: facility.id, room_id: input.roomId, from_date: input.fromDate, to_date: input.toDate, starts_at: input.startsAt, ends_at: input.endsAt, reason, created_by_staff_id: staff.id, created_at: now, removed_by_staff_id: null, removed_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      const cancelReason = `施設の利用休止のため（${reason}）`;
      const withdrawn = new Map<string, Payment[]>();
      for (const b of found.bookings) {
        // An unpaid booking's open checkout goes with it: nobody may pay for a slot the city took back.
        withdrawn.set(b.id, await withdrawOpenPayment(ctx, trx, b.id, cancelReason, staff));
        await trx.updateTable('facility_bookings').set({ status: 'cancelled', cancelled_at: now, cancel_reason: cancelReason, cancel_fee_yen: 0, refund_yen: b.paidYen, updated_at: now }).where('id', '=', b.id).execute();
        await trx.insertInto('facility_block_cancellations').values({ booking_id: b.id, block_id: block.id, paid_yen: b.paidYen }).execute();
        await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.booking.cancelled-by-block', targetType: 'facility_booking', targetId: b.id, reason, details: { block: block.id, paidYen: b.paidYen, refundYen: b.paidYen, paymentMethod: b.paymentMethod } });
        await queueBlockNotice(ctx.jobs, trx, b.id);
      }
      for (const c of found.classes) {
        const told = await cancelClassIn(ctx, trx, c.classId, cancelReason, now);
        await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.class.cancelled', targetType: 'facility_class', targetId: c.classId, reason: cancelReason, details: { block: block.id, seats: told ?? 0 } });
      }
      for (let day = input.fromDate; day <= input.toDate; day = addDays(day, 1)) {
        for (const room of rooms) {
          const row = await trx
            .insertInto('facility_bookings')
            .values({ reference: blockReference(day), room_id: room.id, kind: 'block', status: 'held', use_date: day, starts_at: input.startsAt, ends_at: input.endsAt, during: duringRange(day, input.startsAt, input.endsAt), block_codes: [], resident_account_id: null, group_id: null, created_by_staff_id: staff.id, title: reason, purpose: null, headcount: null, rate: null, reduction_code: null, payment_due_at: null, paid_at: null, payment_id: null, idempotency_key: null, created_at: now, updated_at: now })
            .returning('id')
            .executeTakeFirstOrThrow();
          await trx.insertInto('facility_maintenance_block_rows').values({ booking_id: row.id, block_id: block.id }).execute();
        }
      }
      await recordAudit(trx, {
        actor: auditActorOf(staff),
        action: 'facilities.block.created',
        targetType: 'facility_maintenance_block',
        targetId: block.id,
        reason,
        details: { facility: facility.id, room: input.roomId, from: input.fromDate, to: input.toDate, startsAt: input.startsAt, endsAt: input.endsAt, cancelledBookings: found.bookings.length, cancelledClasses: found.classes.length },
      });
      return { blockId: block.id, bookingIds: found.bookings.map((b) => b.id), withdrawn, refundsRequested: found.bookings.filter((b) => b.paidYen > 0 && b.paymentMethod === 'online').length, classes: found.classes.length };
    });
  } catch (error) {
    // A booking committed between our look and the block's insert: show staff the list again.
    if (sqlState(error) === EXCLUSION_VIOLATION) throw blockChanged();
    throw error;
  }
  for (const id of outcome.bookingIds) await afterBookingEnded(ctx, id, outcome.withdrawn.get(id) ?? [], staff);
  const total = await db.selectFrom('facility_block_cancellations').select((eb) => eb.fn.countAll<string>().as('n')).where('block_id', '=', outcome.blockId).executeTakeFirstOrThrow();
  return { blockId: outcome.blockId, cancelled: Number(total.n), classesCancelled: outcome.classes, refundsRequested: outcome.refundsRequested };
}

/** Blocks of the staff member's facilities that end today or later (and the last month's removed ones). */
export async function blocksForStaff(ctx: FacilityContext, actor: StaffActor, departments: string[]) {
  requireStaff(actor);
  if (departments.length === 0) return [];
  const today = japanClock(ctx.now()).date;
  return staffDb(ctx.db)
    .selectFrom('facility_maintenance_blocks as m')
    .innerJoin('facilities as f', 'f.id', 'm.facility_id')
    .leftJoin('facility_rooms as r', 'r.id', 'm.room_id')
    .selectAll('m')
    .select(['f.name as facility_name', 'r.name as room_name'])
    .select((eb) => eb.selectFrom('facility_block_cancellations as x').select((x) => x.fn.countAll<string>().as('n')).whereRef('x.block_id', '=', 'm.id').as('cancelled'))
    .where('f.department_code', 'in', departments)
    .where('m.to_date', '>=', today)
    .orderBy('m.status')
    .orderBy('m.from_date')
    .execute();
}

/** One block with what it cancelled (and where each refund stands), for its facility's staff. */
export async function blockDetail(ctx: FacilityContext, actor: StaffActor, id: string) {
  const staff = requireStaff(actor);
  const db = staffDb(ctx.db);
  const block = isUuid(id)
    ? await db
        .selectFrom('facility_maintenance_blocks as m')
        .innerJoin('facilities as f', 'f.id', 'm.facility_id')
        .leftJoin('facility_rooms as r', 'r.id', 'm.room_id')
        .leftJoin('staff as s', 's.id', 'm.created_by_staff_id')
        .selectAll('m')
        .select(['f.name as facility_name', 'f.department_code', 'r.name as room_name', 's.display_name as created_by'])
        .where('m.id', '=', id)
        .executeTakeFirst()
    : undefined;
  requireAccess(block !== undefined && canManageFacility(staff, block));
  const cancelled = await db
    .selectFrom('facility_block_cancellations as x')
    .innerJoin('facility_bookings as b', 'b.id', 'x.booking_id')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .select(['b.id', 'b.reference', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.payment_method', 'b.refund_id', 'b.refund_yen', 'x.paid_yen', 'r.name as room_name', 'u.name as holder'])
    .where('x.block_id', '=', block!.id)
    .orderBy('b.use_date')
    .orderBy('b.starts_at')
    .execute();
  return { block: block!, cancelled };
}

/** Lifts a block: its rows stop holding the rooms (the bookings it cancelled stay cancelled). */
export async function removeBlock(ctx: FacilityContext, actor: StaffActor, id: string): Promise<void> {
  const { block } = await blockDetail(ctx, actor, id);
  const staff = requireStaff(actor);
  if (block.status !== 'active') return;
  const now = ctx.now();
  await staffDb(ctx.db).transaction().execute(async (trx) => {
    const locked = await trx.selectFrom('facility_maintenance_blocks').select('status').where('id', '=', id).forUpdate().executeTakeFirstOrThrow();
    if (locked.status !== 'active') return;
    await trx.updateTable('facility_maintenance_blocks').set({ status: 'removed', removed_by_staff_id: staff.id, removed_at: now }).where('id', '=', id).execute();
    await trx
      .updateTable('facility_bookings')
      .set({ status: 'cancelled', cancelled_at: now, cancel_reason: '利用休止の解除', updated_at: now })
      .where('id', 'in', trx.selectFrom('facility_maintenance_block_rows').select('booking_id').where('block_id', '=', id))
      .where('status', '=', 'held')
      .execute();
    await recordAudit(trx, { actor: auditActorOf(staff), action: 'facilities.block.removed', targetType: 'facility_maintenance_block', targetId: id, details: { facility: block.facility_id, room: block.room_id, from: block.from_date, to: block.to_date } });
  });
}
