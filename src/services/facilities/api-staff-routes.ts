/**
 * The facilities back office as JSON (OpenAPI tag `facilities-staff`): 仮予約 waiting
 * for approval and the decision, the counter's check-in, and maintenance blocks
 * (preview what a block cancels, then confirm it with the preview's fingerprint).
 * Staff session (cookie) and the X-CSRF-Token header; the same access rules, audit
 * and notices as the back-office pages, whose service functions these call.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireStaff } from '../../platform/access/require-access.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import { approveBooking, rejectBooking } from './booking-lifecycle.ts';
import { clockText } from './booking-time.ts';
import type { FacilityContext } from './facility-context.ts';
import { pendingBookings } from './staff-approvals-service.ts';
import { blocksForStaff, confirmBlock, previewBlock, type BlockInput } from './staff-blocks-service.ts';
import { recordCheckin } from './staff-day-service.ts';
import { facilityDepartmentsOf } from './staff-policy.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) }, { additionalProperties: true });
const Clock = Type.String({ pattern: '^\\d{1,2}:\\d{2}$', description: '時刻 H:MM（日本時間）' });
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const security = [{ session: [] }];

const PendingJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  facility: Type.String(),
  room: Type.String(),
  date: Type.String({ format: 'date' }),
  from: Clock,
  to: Clock,
  headcount: Type.Union([Type.Integer(), Type.Null()]),
  holder: Nullable(Type.String()),
  group: Nullable(Type.String()),
  requestedAt: Type.String({ format: 'date-time' }),
});
const DecisionBody = Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500, description: '不承認では必須（申請者に伝わる）' })) });
const CheckinBody = Type.Object({
  state: Type.Union([Type.Literal('checked_in'), Type.Literal('no_show')], { description: 'checked_in（来館）, no_show（無断不使用。開始時刻の後のみ）' }),
  presentCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 5000, description: '実際の利用人数' })),
});
const BlockBody = Type.Object({
  facilityId: Type.String({ maxLength: 64 }),
  roomId: Type.Optional(Type.String({ maxLength: 64, description: '省略：施設のすべての部屋' })),
  fromDate: Type.String({ format: 'date' }),
  toDate: Type.String({ format: 'date' }),
  from: Clock,
  to: Clock,
  reason: Type.String({ maxLength: 200, description: '利用者への通知に載る理由（例：空調設備の点検）' }),
});
const ConfirmBlockBody = Type.Object({ ...BlockBody.properties, fingerprint: Type.String({ maxLength: 128, description: 'preview の fingerprint（その後に予約が変わったら 409 block_changed）' }) });
const BlockPreviewJson = Type.Object({
  days: Type.Integer(),
  rooms: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  bookings: Type.Array(Type.Object({ id: Type.String(), reference: Type.String(), room: Type.String(), date: Type.String({ format: 'date' }), from: Clock, to: Clock, status: Type.String(), paidYen: Type.Integer({ description: '全額返金される額' }) }), { description: '取り消される予約' }),
  classes: Type.Integer({ description: '中止される講座の数' }),
  obstacles: Type.Array(Type.Object({ reference: Type.String(), kind: Type.Union([Type.Literal('block'), Type.Literal('lottery')]), room: Type.String(), date: Type.String({ format: 'date' }) }), { description: '既存の休止・抽選の確保（あると確定できない）' }),
  fingerprint: Type.String(),
});
const BlockJson = Type.Object({ id: Type.String({ format: 'uuid' }), facility: Type.String(), room: Nullable(Type.String()), fromDate: Type.String({ format: 'date' }), toDate: Type.String({ format: 'date' }), status: Type.String(), reason: Type.String(), cancelled: Type.Integer() });

/** "9:30" → minutes after midnight; a field error naming the field otherwise. */
function minutesOf(text: string, field: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!(minutes >= 0 && minutes <= 1440 && Number(m?.[2]) < 60)) throw invalidInput([{ field, messageKey: 'facilities.lottery.error.time' }]);
  return minutes;
}

function blockInputOf(body: Static<typeof BlockBody>): BlockInput {
  return { facilityId: body.facilityId, roomId: body.roomId ?? null, fromDate: body.fromDate, toDate: body.toDate, startsAt: minutesOf(body.from, 'from'), endsAt: minutesOf(body.to, 'to'), reason: body.reason };
}

export async function registerFacilitiesStaffApi(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const tags = ['facilities-staff'];

  app.get('/api/staff/facilities/approvals', { schema: { tags, security, summary: '承認待ちの仮予約（担当施設、利用日の近い順）', response: { 200: Type.Object({ items: Type.Array(PendingJson) }), 401: ErrorJson, 403: ErrorJson } } }, async (request) => {
    const rows = await pendingBookings(ctx, requireStaff(request.staff));
    return { items: rows.map((b) => ({ id: b.id, reference: b.reference, facility: b.facility_name, room: b.room_name, date: b.use_date, from: clockText(b.starts_at), to: clockText(b.ends_at), headcount: b.headcount, holder: b.holder, group: b.group_name, requestedAt: b.created_at.toISOString() })) };
  });

  app.post('/api/staff/facilities/bookings/:id/approve', { schema: { tags, security, summary: '仮予約を承認する（使用料があれば支払待ちに）', params: IdParams, body: DecisionBody, response: { 204: Type.Null(), 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request, reply) => {
    await approveBooking(ctx, requireStaff(request.staff), (request.params as { id: string }).id, (request.body as Static<typeof DecisionBody>).reason ?? null);
    return reply.code(204).send();
  });

  app.post('/api/staff/facilities/bookings/:id/reject', { schema: { tags, security, summary: '仮予約を承認しない（理由は必須。枠はすぐに空く）', params: IdParams, body: DecisionBody, response: { 204: Type.Null(), 400: ErrorJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request, reply) => {
    await rejectBooking(ctx, requireStaff(request.staff), (request.params as { id: string }).id, (request.body as Static<typeof DecisionBody>).reason ?? '');
    return reply.code(204).send();
  });

  app.post('/api/staff/facilities/bookings/:id/checkin', { schema: { tags, security, summary: '来館（チェックイン）または無断不使用を記録する（利用日から）', params: IdParams, body: CheckinBody, response: { 200: Type.Object({ changed: Type.Boolean() }), 400: ErrorJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request) => {
    const body = request.body as Static<typeof CheckinBody>;
    const outcome = await recordCheckin(ctx, requireStaff(request.staff), (request.params as { id: string }).id, { state: body.state, presentCount: body.presentCount ?? null });
    return { changed: outcome === 'changed' };
  });

  app.get('/api/staff/facilities/blocks', { schema: { tags, security, summary: '担当施設の利用休止（今日以降に終わるもの）', response: { 200: Type.Object({ items: Type.Array(BlockJson) }), 401: ErrorJson } } }, async (request) => {
    const staff = requireStaff(request.staff);
    const rows = await blocksForStaff(ctx, staff, facilityDepartmentsOf(staff));
    return { items: rows.map((b) => ({ id: b.id, facility: b.facility_name, room: b.room_name, fromDate: b.from_date, toDate: b.to_date, status: b.status, reason: b.reason, cancelled: Number(b.cancelled ?? 0) })) };
  });

  app.post('/api/staff/facilities/blocks/preview', { schema: { tags, security, summary: '利用休止の確認：取り消される予約・講座と fingerprint（まだ何も変えない）', body: BlockBody, response: { 200: BlockPreviewJson, 400: ErrorJson, 401: ErrorJson, 404: ErrorJson } } }, async (request) => {
    const preview = await previewBlock(ctx, requireStaff(request.staff), blockInputOf(request.body as Static<typeof BlockBody>));
    return {
      days: preview.days,
      rooms: preview.rooms,
      bookings: preview.bookings.map((b) => ({ id: b.id, reference: b.reference, room: b.roomName, date: b.date, from: clockText(b.startsAt), to: clockText(b.endsAt), status: b.status, paidYen: b.paidYen })),
      classes: preview.classes.length,
      obstacles: preview.obstacles.map((o) => ({ reference: o.reference, kind: o.kind, room: o.roomName, date: o.date })),
      fingerprint: preview.fingerprint,
    };
  });

  app.post('/api/staff/facilities/blocks', { schema: { tags, security, summary: '利用休止を確定する（重なる予約は取り消して全額返金・通知）', body: ConfirmBlockBody, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }), cancelled: Type.Integer(), classesCancelled: Type.Integer(), refundsRequested: Type.Integer() }), 400: ErrorJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request, reply) => {
    const body = request.body as Static<typeof ConfirmBlockBody>;
    const result = await confirmBlock(ctx, requireStaff(request.staff), blockInputOf(body), body.fingerprint);
    return reply.code(201).send({ id: result.blockId, cancelled: result.cancelled, classesCancelled: result.classesCancelled, refundsRequested: result.refundsRequested });
  });
}
