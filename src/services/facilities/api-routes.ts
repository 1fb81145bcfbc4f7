/**
 * Facility booking as JSON (in the OpenAPI document): facilities (hours, closed days,
 * fees, cancellation and payment rules, fee reductions) and availability for anyone;
 * bookings, their payment and receipt, and groups for the logged-in resident, under
 * the same rules as the pages (a kiosk or the city app can book without the web
 * pages). The lottery (lottery-api.ts) and the back office (api-staff-routes.ts) are
 * registered from here too.
 */
import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import { isDate } from './booking-time.ts';
import { japanClock, addDays } from '../../platform/time/today.ts';
import { facilityAvailability } from './availability-service.ts';
import { cancelBooking } from './booking-lifecycle.ts';
import { receiptOf, startPayment, syncPayment } from './booking-payments.ts';
import { bookingForView, bookingsOf, type BookingRow } from './booking-queries.ts';
import { bookRoom, type SlotTakenError } from './booking-service.ts';
import { clockText } from './booking-time.ts';
import { loadFacilities } from './catalogue.ts';
import { allSlots } from './calendar.ts';
import type { FacilityContext } from './facility-context.ts';
import { groupsOfResident, registerGroup } from './group-service.ts';
import { registerFacilitiesStaffApi } from './api-staff-routes.ts';
import { registerLotteryApi } from './lottery-api.ts';
import { AREAS } from './tables.ts';

const Clock = Type.String({ description: '時刻 H:MM（日本時間）' });
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) }, { additionalProperties: true });
const SlotJson = Type.Object({ code: Type.String(), name: Type.String(), from: Clock, to: Clock });
const FeeJson = Type.Object({ slot: Type.String({ description: "区分コード。時間単位の部屋は 'hour'（1時間あたり）" }), residentYen: Type.Integer(), nonResidentYen: Type.Integer(), commercialYen: Type.Integer(), heatingYen: Type.Integer() });
const RoomJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  capacity: Type.Integer(),
  equipment: Type.Array(Type.String()),
  purposes: Type.Array(Type.String()),
  needsApproval: Type.Boolean({ description: 'true: オンライン予約は仮予約（職員の承認で確定）' }),
  slotMode: Type.Union([Type.Literal('blocks'), Type.Literal('hourly')]),
  slots: Type.Array(SlotJson, { description: '最も長く開館する曜日の区分' }),
  fees: Type.Array(FeeJson),
});
const ClosureJson = Type.Object({
  rule: Type.String({ description: 'date（特定日）, annual（毎年の期間 MM-DD〜MM-DD）, monthly_nth_weekday（毎月第n曜日）, monthly_day（毎月n日）' }),
  date: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  from: Type.Union([Type.String({ description: 'MM-DD' }), Type.Null()]),
  to: Type.Union([Type.String({ description: 'MM-DD' }), Type.Null()]),
  nth: Type.Union([Type.Integer(), Type.Null()]),
  weekday: Type.Union([Type.Integer({ description: '1 = 月曜 … 7 = 日曜' }), Type.Null()]),
  dayOfMonth: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.String(),
});
const FacilityJson = Type.Object({
  id: Type.String(),
  name: Type.String(),
  nameKana: Type.String(),
  area: Type.String({ enum: [...AREAS] }),
  kind: Type.String(),
  address: Type.String(),
  lat: Type.Number(),
  lng: Type.Number(),
  phone: Type.String(),
  accessibility: Type.Array(Type.String()),
  hours: Type.Array(Type.Object({ weekday: Type.Integer({ description: '1 = 月曜 … 7 = 日曜' }), opens: Clock, closes: Clock })),
  closedWeekdays: Type.Array(Type.Integer(), { description: '定休日の曜日（1 = 月曜 … 7 = 日曜）' }),
  closures: Type.Array(ClosureJson, { description: '休館日の規則（年末年始、点検日など）' }),
  bookingHorizonMonths: Type.Integer(),
  payment: Type.Object({
    daysAfterBooking: Type.Integer({ description: '予約から何日以内に支払うか' }),
    daysBeforeUse: Type.Integer({ description: '利用日の何日前までに支払うか（早い方が期限）' }),
    counter: Type.Boolean({ description: '窓口での支払いができるか' }),
    heatingMonths: Type.Array(Type.Integer(), { description: '暖房料が加算される月' }),
  }),
  cancellation: Type.Object({
    freeUntilDaysBefore: Type.Integer({ description: '利用日のこの日数前まで無料で取消（全額返金）' }),
    feePercent: Type.Integer({ description: 'それ以降の取消料（使用料に対する%）' }),
  }),
  rooms: Type.Array(RoomJson),
});
const ReductionJson = Type.Object({ code: Type.String(), name: Type.String(), nameEn: Type.String(), percent: Type.Integer({ description: '減免率（100 = 全額免除）。職員が申請を確認して適用' }) });
const AvailabilityJson = Type.Object({
  facility: Type.String(),
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  rooms: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      days: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), slots: Type.Array(Type.Object({ code: Type.String(), from: Clock, to: Clock, state: Type.String({ description: 'free（空き）, booked（予約済）, lottery（抽選）, lottery_planned（抽選予定：抽選の後に先着順）, unavailable（利用不可）, closed（休館）, outside（時間外）, past（受付終了）, not_yet（受付前）' }) })) })),
    }),
  ),
});
const BookingJson = Type.Object({
  id: Type.String(),
  reference: Type.String(),
  status: Type.String({ description: 'pending_approval（仮予約）, awaiting_payment（支払待ち）, confirmed（確定）, cancelled, rejected, lapsed（期限切れで自動取消）' }),
  facility: Type.String(),
  room: Type.String(),
  roomId: Type.String(),
  date: Type.String({ format: 'date' }),
  from: Clock,
  to: Clock,
  blocks: Type.Array(Type.String()),
  purpose: Type.Union([Type.String(), Type.Null()]),
  headcount: Type.Union([Type.Integer(), Type.Null()]),
  groupId: Type.Union([Type.String(), Type.Null()]),
  feeYen: Type.Integer(),
  paymentDueAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  paid: Type.Boolean(),
  refundYen: Type.Union([Type.Integer(), Type.Null()]),
});
const BookBody = Type.Object({
  roomId: Type.String({ maxLength: 64 }),
  date: Type.String({ format: 'date', description: '利用日 YYYY-MM-DD' }),
  blocks: Type.Array(Type.String({ maxLength: 16 }), { minItems: 1, maxItems: 24, description: "区分コード（例 'morning'）、時間単位の部屋は 'h0900' のような開始時刻。連続していること" }),
  purpose: Type.String({ maxLength: 32 }),
  purposeDetail: Type.Optional(Type.String({ maxLength: 200 })),
  headcount: Type.Integer({ minimum: 1, maximum: 5000 }),
  groupId: Type.Optional(Type.String({ maxLength: 64, description: '登録団体として予約するとき' })),
  commercial: Type.Optional(Type.Boolean({ description: '営利目的の利用（商業料金）' })),
  paymentChoice: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('counter')])),
  idempotencyKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9-]+$', description: '同じキーの再送は同じ予約を返す' }),
  agreeToRules: Type.Literal(true, { description: '利用規則・取消規定への同意' }),
});
const GroupJson = Type.Object({ id: Type.String(), name: Type.String(), status: Type.String(), inCity: Type.Boolean(), representative: Type.Boolean(), members: Type.Integer() });
const GroupBody = Type.Object({
  name: Type.String({ maxLength: 100 }),
  nameKana: Type.String({ maxLength: 100 }),
  contactPhone: Type.String({ maxLength: 20 }),
  contactEmail: Type.Optional(Type.String({ maxLength: 200 })),
  purpose: Type.String({ maxLength: 200 }),
  activity: Type.Optional(Type.String({ maxLength: 500 })),
  inCity: Type.Boolean(),
  members: Type.Array(Type.String({ maxLength: 50 }), { maxItems: 300 }),
});
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RangeQuery = Type.Object({ from: Type.Optional(Type.String({ format: 'date' })), to: Type.Optional(Type.String({ format: 'date' })) });

const MAX_RANGE_DAYS = 31;

function bookingJson(b: BookingRow): Static<typeof BookingJson> {
  return { id: b.id, reference: b.reference, status: b.status, facility: b.facility_name, room: b.room_name, roomId: b.room_id, date: b.use_date, from: clockText(b.starts_at), to: clockText(b.ends_at), blocks: b.block_codes, purpose: b.purpose, headcount: b.headcount, groupId: b.group_id, feeYen: b.fee_yen, paymentDueAt: b.payment_due_at?.toISOString() ?? null, paid: b.paid_at !== null, refundYen: b.refund_yen };
}

export async function registerFacilitiesApi(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = ctx.db;
  const tags = ['facilities'];

  app.get('/api/facilities', { schema: { tags, summary: '公共施設と部屋（開館時間、休館日、区分、料金、支払・取消の規定）と使用料の減免', response: { 200: Type.Object({ items: Type.Array(FacilityJson), reductions: Type.Array(ReductionJson) }) } } }, async () => {
    const facilities = await loadFacilities(db);
    const reductions = await db.selectFrom('facility_reductions').select(['code', 'name_ja', 'name_en', 'percent']).where('active', '=', true).orderBy('sort_order').orderBy('code').execute();
    return {
      reductions: reductions.map((r) => ({ code: r.code, name: r.name_ja, nameEn: r.name_en, percent: r.percent })),
      items: facilities.map((f) => ({
        id: f.id,
        name: f.name,
        nameKana: f.nameKana,
        area: f.area,
        kind: f.kind,
        address: f.address,
        lat: f.lat,
        lng: f.lng,
        phone: f.phone,
        accessibility: f.accessibility,
        hours: [...f.hours.entries()].sort(([a], [b]) => a - b).map(([weekday, h]) => ({ weekday, opens: clockText(h.opensAt), closes: clockText(h.closesAt) })),
        closedWeekdays: [1, 2, 3, 4, 5, 6, 7].filter((d) => !f.hours.has(d)),
        closures: f.closures.map((c) => ({ rule: c.rule, date: c.onDate, from: c.fromMd, to: c.toMd, nth: c.nth, weekday: c.weekday, dayOfMonth: c.dayOfMonth, reason: c.reason })),
        bookingHorizonMonths: f.bookingHorizonMonths,
        payment: { daysAfterBooking: f.payDaysAfterBooking, daysBeforeUse: f.payDaysBeforeUse, counter: f.counterPayment, heatingMonths: f.heatingMonths },
        cancellation: { freeUntilDaysBefore: f.cancelFreeDaysBefore, feePercent: f.cancelFeePercent },
        rooms: f.rooms.map((r) => ({
          id: r.id,
          name: r.name,
          kind: r.kind,
          capacity: r.capacity,
          equipment: r.equipment,
          purposes: r.purposes,
          needsApproval: r.needsApproval,
          slotMode: r.slotMode,
          slots: allSlots(f, r).map((s) => ({ code: s.code, name: s.nameJa, from: clockText(s.startsAt), to: clockText(s.endsAt) })),
          fees: [...r.fees.entries()].map(([slot, fee]) => ({ slot, residentYen: fee.residentYen, nonResidentYen: fee.nonResidentYen, commercialYen: fee.commercialYen, heatingYen: fee.heatingYen })),
        })),
      })),
    };
  });

  app.get(
    '/api/facilities/:id/availability',
    { schema: { tags, summary: `施設の空き状況（from〜to、最大${MAX_RANGE_DAYS}日。ログイン不要）`, params: IdParams, querystring: RangeQuery, response: { 200: AvailabilityJson, 400: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      const q = request.query as { from?: string; to?: string };
      const today = japanClock(ctx.now()).date;
      const from = q.from ?? today;
      const to = q.to ?? addDays(from, 6);
      if (!isDate(from)) throw invalidInput([{ field: 'from', messageKey: 'validation.date' }]);
      if (!isDate(to) || to < from) throw invalidInput([{ field: 'to', messageKey: 'facilities.error.range' }]);
      if (addDays(from, MAX_RANGE_DAYS - 1) < to) throw invalidInput([{ field: 'to', messageKey: 'facilities.error.rangeTooLong', params: { days: MAX_RANGE_DAYS } }]);
      const { facility, rooms } = await facilityAvailability(db, (request.params as { id: string }).id, from, to, ctx.now());
      return {
        facility: facility.id,
        from,
        to,
        rooms: rooms.map((r) => ({ id: r.room.id, name: r.room.name, days: r.days.map((d) => ({ date: d.date, slots: d.cells.map((c) => ({ code: c.slot.code, from: clockText(c.slot.startsAt), to: clockText(c.slot.endsAt), state: c.state })) })) })),
      };
    },
  );

  app.post(
    '/api/facility-bookings',
    {
      schema: {
        tags,
        summary: '部屋を予約する（本人、要利用者登録）。同じ idempotencyKey は一度だけ予約。409 slot_taken は代わりの空き（alternatives）を返す',
        body: BookBody,
        response: { 201: BookingJson, 200: BookingJson, 400: ErrorJson, 401: ErrorJson, 409: ErrorJson },
      },
    },
    async (request, reply) => {
      const resident = requireResident(request.resident);
      const body = request.body as Static<typeof BookBody>;
      try {
        const booked = await bookRoom(ctx, resident, {
          roomId: body.roomId,
          date: body.date,
          blockCodes: body.blocks,
          purpose: body.purpose,
          purposeDetail: (body.purposeDetail ?? '').normalize('NFKC').trim(),
          headcount: body.headcount,
          groupId: body.groupId ?? null,
          commercial: body.commercial ?? false,
          paymentChoice: body.paymentChoice ?? 'online',
          idempotencyKey: body.idempotencyKey,
        });
        return reply.code(booked.created ? 201 : 200).send(bookingJson(await bookingForView(db, resident, booked.id)));
      } catch (error) {
        if (error instanceof DomainError && error.code === 'slot_taken') {
          return reply.code(409).send({ error: { code: 'slot_taken', message: request.t('facilities.taken.banner'), requestId: request.id }, alternatives: (error as SlotTakenError).alternatives });
        }
        throw error;
      }
    },
  );

  app.get('/api/facility-bookings', { schema: { tags, summary: '本人（と所属団体）の今日以降の予約', response: { 200: Type.Object({ items: Type.Array(BookingJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const today = japanClock(ctx.now()).date;
    const rows = await bookingsOf(db, resident, today, 'upcoming');
    for (const b of rows.filter((x) => x.status === 'awaiting_payment')) await syncPayment(ctx, b.id);
    return { items: (await bookingsOf(db, resident, today, 'upcoming')).map(bookingJson) };
  });

  app.get('/api/facility-bookings/:id', { schema: { tags, summary: '予約の内容（本人または所属団体のもののみ）', params: IdParams, response: { 200: BookingJson, 401: ErrorJson, 404: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const seen = await bookingForView(db, resident, (request.params as { id: string }).id);
    await syncPayment(ctx, seen.id);
    return bookingJson(await bookingForView(db, resident, seen.id));
  });

  app.delete(
    '/api/facility-bookings/:id',
    { schema: { tags, summary: '予約を取り消す（取消規定により返金）', params: IdParams, response: { 200: Type.Object({ cancelFeeYen: Type.Integer(), refundYen: Type.Integer(), free: Type.Boolean() }), 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } },
    async (request) => {
      const resident = requireResident(request.resident);
      const terms = await cancelBooking(ctx, resident, (request.params as { id: string }).id);
      return { cancelFeeYen: terms.cancelFeeYen, refundYen: terms.refundYen, free: terms.free };
    },
  );

  app.post(
    '/api/facility-bookings/:id/payment',
    { schema: { tags, summary: '使用料の支払いを始める（カード・QR）。redirect の決済画面へ進み、戻ると予約が確定。支払う必要がなければ予約のページ', params: IdParams, response: { 200: Type.Object({ redirect: Type.String() }), 401: ErrorJson, 404: ErrorJson, 409: ErrorJson, 503: ErrorJson } } },
    async (request) => startPayment(ctx, requireResident(request.resident), (request.params as { id: string }).id),
  );

  app.get(
    '/api/facility-bookings/:id/receipt.pdf',
    { schema: { tags, summary: '支払済みの予約の領収書（PDF）', params: IdParams, produces: ['application/pdf'], response: { 200: Type.String({ format: 'binary', description: 'application/pdf' }), 401: ErrorJson, 404: ErrorJson } } },
    async (request, reply) => {
      const { pdf, filename } = await receiptOf(ctx, requireResident(request.resident), (request.params as { id: string }).id);
      return reply.type('application/pdf').header('content-disposition', `attachment; filename="${filename}"`).header('cache-control', 'private, no-store').send(pdf);
    },
  );

  app.get('/api/facility-groups', { schema: { tags, summary: '本人が代表者または構成員の登録団体', response: { 200: Type.Object({ items: Type.Array(GroupJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const groups = await groupsOfResident(ctx, resident);
    return { items: groups.map((g) => ({ id: g.id, name: g.name, status: g.status, inCity: g.in_city, representative: g.representative_account_id === resident.accountId, members: Number(g.member_count ?? 0) })) };
  });

  app.post('/api/facility-groups', { schema: { tags, summary: '団体を登録する（本人が代表者。職員の承認後に団体として予約できる）', body: GroupBody, response: { 201: Type.Object({ id: Type.String(), status: Type.String() }), 400: ErrorJson, 401: ErrorJson } } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const body = request.body as Static<typeof GroupBody>;
    const id = await registerGroup(ctx, resident, { name: body.name, nameKana: body.nameKana, contactPhone: body.contactPhone, contactEmail: body.contactEmail ?? '', purpose: body.purpose, activity: body.activity ?? '', inCity: body.inCity, members: body.members.join('\n') });
    return reply.code(201).send({ id, status: 'pending' });
  });

  await registerLotteryApi(app, ctx);
  await registerFacilitiesStaffApi(app, ctx);
}
