/**
 * Classes as JSON (in the OpenAPI document): the list and one class for anyone; a
 * seat booked, read and cancelled by the logged-in resident, under the same rules
 * as the pages (a full class answers 409 class_full; another's seat is 404).
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import { notFound } from '../../platform/http/errors.ts';
import { japanClock } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import { asArea, asLevel, loadClass, seatsOfResident, upcomingClasses, waitingPosition, type ClassRow, type SeatRow } from './classes-queries.ts';
import { bookSeat, cancelSeat, seatForView } from './classes-seats.ts';
import type { FacilityContext } from './facility-context.ts';
import { staffDb } from './staff-tables.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Clock = Type.String({ pattern: '^\\d{1,2}:\\d{2}$', description: '時刻 H:MM（日本時間）' });
const Level = Type.Union([Type.Literal('first'), Type.Literal('basic'), Type.Literal('applied')], { description: 'first = はじめて, basic = 基本, applied = 応用' });
const ClassJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  title: Type.String(),
  description: Type.String(),
  level: Level,
  instructor: Type.String({ description: '講師（デジタル活用支援員）' }),
  facility: Type.Object({ id: Type.String(), name: Type.String(), area: Type.String() }),
  room: Type.Object({ id: Type.String(), name: Type.String() }),
  date: Type.String({ format: 'date' }),
  startsAt: Clock,
  endsAt: Clock,
  seats: Type.Integer({ minimum: 1 }),
  seatsLeft: Type.Integer({ minimum: 0 }),
  feeYen: Type.Integer({ minimum: 0, description: '参加費（当日会場で支払い）。0 は無料' }),
  applyUntil: Type.String({ format: 'date-time', description: '申込締切' }),
  waitingList: Type.Boolean({ description: '満席のときキャンセル待ちを受け付けるか' }),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
});
const SeatJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.String(),
  status: Type.Union([Type.Literal('booked'), Type.Literal('waiting'), Type.Literal('cancelled')], { description: 'booked = 参加確定, waiting = キャンセル待ち, cancelled = 取消' }),
  waitingPosition: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'キャンセル待ちの順番（1 = 次）' }),
  classId: Type.String({ format: 'uuid' }),
  title: Type.String(),
  date: Type.String({ format: 'date' }),
  startsAt: Clock,
  endsAt: Clock,
  place: Type.String(),
  classStatus: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
});
const ListQuery = Type.Object({
  area: Type.Optional(Type.Union([Type.Literal('水沢'), Type.Literal('江刺'), Type.Literal('前沢'), Type.Literal('胆沢'), Type.Literal('衣川')])),
  level: Type.Optional(Level),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })),
});
const BookBody = Type.Object({ waitingList: Type.Optional(Type.Boolean({ description: '満席ならキャンセル待ちに登録する（既定 false: 満席なら 409 class_full）' })) }, { additionalProperties: false });
const MineQuery = Type.Object({ when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')])) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export function classJson(c: ClassRow) {
  return {
    id: c.id,
    reference: c.reference,
    title: c.title,
    description: c.description,
    level: c.level,
    instructor: c.instructor,
    facility: { id: c.facility_id, name: c.facility_name, area: c.area },
    room: { id: c.room_id, name: c.room_name },
    date: c.use_date,
    startsAt: clockText(c.starts_at),
    endsAt: clockText(c.ends_at),
    seats: c.seats,
    seatsLeft: Math.max(0, c.seats - c.seats_taken),
    feeYen: c.fee_yen,
    applyUntil: c.apply_until.toISOString(),
    waitingList: c.waiting_list,
    status: c.status,
  };
}

function seatJson(s: SeatRow, position: number | null) {
  return { id: s.id, reference: s.reference, status: s.status, waitingPosition: position, classId: s.class_id, title: s.title, date: s.use_date, startsAt: clockText(s.starts_at), endsAt: clockText(s.ends_at), place: `${s.facility_name} ${s.room_name}`, classStatus: s.class_status };
}

export async function registerClassApi(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);
  const today = () => japanClock(ctx.now()).date;

  app.get(
    '/api/facilities/classes',
    { schema: { tags: ['facilities'], summary: 'これから開催される教室（スマホ教室・デジタル活用支援）。地区・レベルで絞り込み、20件ずつ', querystring: ListQuery, response: { 200: Type.Object({ classes: Type.Array(ClassJson), total: Type.Integer(), page: Type.Integer(), pageCount: Type.Integer() }), 400: ErrorJson } } },
    async (request) => {
      const q = request.query as Static<typeof ListQuery>;
      const area = asArea(q.area);
      const level = asLevel(q.level);
      const result = await upcomingClasses(db, today(), { ...(area ? { area } : {}), ...(level ? { level } : {}), page: q.page ?? 1 });
      return { classes: result.rows.map(classJson), total: result.total, page: Math.min(q.page ?? 1, result.pageCount), pageCount: result.pageCount };
    },
  );

  app.get('/api/facilities/classes/:id', { schema: { tags: ['facilities'], summary: '教室の詳細と残席', params: IdParams, response: { 200: ClassJson, 404: ErrorJson } } }, async (request) => {
    const cls = await loadClass(db, (request.params as { id: string }).id);
    if (!cls) throw notFound();
    return classJson(cls);
  });

  app.post(
    '/api/facilities/classes/:id/seats',
    { schema: { tags: ['facilities'], summary: '教室に申し込む（本人、要利用者登録）。同じ教室に2回申し込んでも席は1つ', params: IdParams, body: BookBody, response: { 200: SeatJson, 201: SeatJson, 400: ErrorJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } },
    async (request, reply) => {
      const resident = requireResident(request.resident);
      const body = (request.body ?? {}) as Static<typeof BookBody>;
      const result = await bookSeat(ctx, resident, (request.params as { id: string }).id, { joinWaitingList: body.waitingList ?? false });
      const seat = await seatForView(ctx, resident, result.id);
      return reply.code(result.created ? 201 : 200).send(seatJson(seat, await waitingPosition(db, seat)));
    },
  );

  app.get('/api/facilities/class-seats', { schema: { tags: ['facilities'], summary: '自分の教室の申込み（既定: これからのもの）', querystring: MineQuery, response: { 200: Type.Object({ seats: Type.Array(SeatJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const when = (request.query as Static<typeof MineQuery>).when ?? 'upcoming';
    const seats = await seatsOfResident(db, resident.accountId, today(), when);
    return { seats: await Promise.all(seats.map(async (s) => seatJson(s, await waitingPosition(db, s)))) };
  });

  app.get('/api/facilities/class-seats/:id', { schema: { tags: ['facilities'], summary: '自分の申込み1件（他の人の申込みは 404）', params: IdParams, response: { 200: SeatJson, 401: ErrorJson, 404: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const seat = await seatForView(ctx, resident, (request.params as { id: string }).id);
    return seatJson(seat, await waitingPosition(db, seat));
  });

  app.post('/api/facilities/class-seats/:id/cancel', { schema: { tags: ['facilities'], summary: '申込みを取り消す（開始まで）。空いた席はキャンセル待ちの先頭の方へ', params: IdParams, response: { 200: SeatJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    await cancelSeat(ctx, resident, id);
    const seat = await seatForView(ctx, resident, id);
    return seatJson(seat, null);
  });
}
