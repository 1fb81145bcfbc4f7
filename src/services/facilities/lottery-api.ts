/**
 * The facility lottery as JSON (OpenAPI tag `facility-lottery`): rounds and their
 * slots for anyone (with the seed's SHA-256 commitment while entries are taken, the
 * seed after the draw); applying and one's own entries for the logged-in resident,
 * under the same rules as the pages.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireResident } from '../../platform/access/require-access.ts';
import { clockText } from './booking-time.ts';
import type { FacilityContext } from './facility-context.ts';
import { lotteryContextOf } from './lottery-context.ts';
import { applyForRound, myEntries, publicRound, roundSlots, roundsForResidents } from './lottery-service.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) }, { additionalProperties: true });
const Clock = Type.String({ description: '時刻 H:MM（日本時間）' });
const Phase = Type.Union(['upcoming', 'open', 'closed', 'drawn'].map((p) => Type.Literal(p)), { description: 'upcoming（受付前）, open（受付中）, closed（締切・抽選待ち）, drawn（抽選済み）' });
const RoundJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: Type.String(),
  facility: Type.String(),
  month: Type.String({ description: '対象月 YYYY-MM' }),
  opensAt: Type.String({ format: 'date-time' }),
  closesAt: Type.String({ format: 'date-time' }),
  drawAt: Type.String({ format: 'date-time' }),
  phase: Phase,
  slots: Type.Integer({ minimum: 0 }),
  resultsUrl: Type.Union([Type.String(), Type.Null()], { description: '抽選済みなら検証可能な結果のページ' }),
});
const SlotJson = Type.Object({
  id: Type.String({ format: 'uuid', description: '申込の preferences に指定する枠ID' }),
  date: Type.String({ format: 'date' }),
  from: Clock,
  to: Clock,
  roomId: Type.String(),
  room: Type.String(),
  firstChoices: Type.Integer({ minimum: 0, description: 'この枠を第1希望にした申込の数' }),
});
const RoundDetailJson = Type.Object({
  ...RoundJson.properties,
  maxPreferences: Type.Integer(),
  maxEntries: Type.Integer(),
  payDays: Type.Integer({ description: '当選後の支払期限（日数）' }),
  seedCommitment: Type.Union([Type.String(), Type.Null()], { description: '抽選に使う乱数の SHA-256（公開時に確定。抽選後に公開される seed の SHA-256 と一致する）' }),
  seed: Type.Union([Type.String(), Type.Null()], { description: '抽選に使った乱数（抽選後のみ）' }),
  availableSlots: Type.Array(SlotJson),
});
const EntryBody = Type.Object({
  preferences: Type.Array(Type.String({ maxLength: 64 }), { minItems: 1, maxItems: 5, description: '枠ID（第1希望から順に）' }),
  purpose: Type.String({ maxLength: 40 }),
  purposeDetail: Type.Optional(Type.String({ maxLength: 200 })),
  headcount: Type.Integer({ minimum: 1, maximum: 5000 }),
  groupId: Type.Optional(Type.String({ maxLength: 64, description: '登録団体として申し込むとき' })),
  idempotencyKey: Type.String({ minLength: 8, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: '同じキーの再送は同じ申込を返す' }),
});
const Standing = Type.String({ description: 'active（申込済み・抽選待ち）, offered（当選・支払待ち）, confirmed（当選・確定）, won, waiting（落選・補欠登録）, lost（落選）, lapsed（支払期限切れ）, declined, withdrawn, cancelled（抽選中止）' });
const EntryJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  roundId: Type.String({ format: 'uuid' }),
  round: Type.String(),
  facility: Type.String(),
  group: Type.Union([Type.String(), Type.Null()]),
  drawAt: Type.String({ format: 'date-time' }),
  standing: Standing,
  payBy: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: '当選・支払待ちのとき：この日時までに使用料を支払う' }),
  bookingId: Type.Union([Type.String({ format: 'uuid' }), Type.Null()], { description: '当選した枠の予約（/api/facility-bookings/{id}）' }),
});
const RoundParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export async function registerLotteryApi(app: FastifyInstance, facilities: FacilityContext): Promise<void> {
  const ctx = lotteryContextOf(facilities);
  const tags = ['facility-lottery'];

  app.get('/api/facility-lottery/rounds', { schema: { tags, summary: '公開中の抽選（受付前・受付中・抽選待ち・最近の結果）', response: { 200: Type.Object({ items: Type.Array(RoundJson) }) } } }, async () => {
    const rounds = await roundsForResidents(ctx.db, ctx.now());
    return {
      items: rounds.map((r) => ({ id: r.id, title: r.title, facility: r.facilityName, month: r.month, opensAt: r.opensAt.toISOString(), closesAt: r.closesAt.toISOString(), drawAt: r.drawAt.toISOString(), phase: r.phase, slots: r.slots, resultsUrl: r.phase === 'drawn' ? `/facilities/lottery/${r.id}/results` : null })),
    };
  });

  app.get('/api/facility-lottery/rounds/:id', { schema: { tags, summary: '抽選の内容と対象の枠（乱数のコミットメントを含む）', params: RoundParams, response: { 200: RoundDetailJson, 404: ErrorJson } } }, async (request) => {
    const round = await publicRound(ctx.db, (request.params as { id: string }).id, ctx.now());
    const slots = await roundSlots(ctx.db, round.id);
    return {
      id: round.id,
      title: round.title,
      facility: round.facility_name,
      month: round.month,
      opensAt: round.opens_at.toISOString(),
      closesAt: round.closes_at.toISOString(),
      drawAt: round.draw_at.toISOString(),
      phase: round.phase,
      slots: slots.length,
      resultsUrl: round.phase === 'drawn' ? `/facilities/lottery/${round.id}/results` : null,
      maxPreferences: round.max_preferences,
      maxEntries: round.max_entries,
      payDays: round.pay_days,
      seedCommitment: round.seedCommitment,
      seed: round.seed,
      availableSlots: slots.filter((s) => s.state === 'held').map((s) => ({ id: s.id, date: s.useDate, from: clockText(s.startsAt), to: clockText(s.endsAt), roomId: s.roomId, room: s.roomName, firstChoices: s.firstChoices })),
    };
  });

  app.post(
    '/api/facility-lottery/rounds/:id/entries',
    { schema: { tags, summary: '抽選に申し込む（本人、要利用者登録、受付中のみ）。同じ idempotencyKey は一度だけ申込', params: RoundParams, body: EntryBody, response: { 201: Type.Object({ id: Type.String({ format: 'uuid' }) }), 400: ErrorJson, 401: ErrorJson, 404: ErrorJson, 409: ErrorJson } } },
    async (request, reply) => {
      const resident = requireResident(request.resident);
      const body = request.body as Static<typeof EntryBody>;
      const id = await applyForRound(ctx, resident, (request.params as { id: string }).id, {
        groupId: body.groupId ?? null,
        preferences: body.preferences,
        purpose: body.purpose,
        purposeDetail: (body.purposeDetail ?? '').normalize('NFKC').trim(),
        headcount: body.headcount,
        idempotencyKey: body.idempotencyKey,
      });
      return reply.code(201).send({ id });
    },
  );

  app.get('/api/facility-lottery/entries', { schema: { tags, summary: '本人の抽選申込と、それぞれの状況・次にすること', response: { 200: Type.Object({ items: Type.Array(EntryJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const entries = await myEntries(ctx.db, resident);
    return {
      items: entries.map((e) => ({
        id: e.id,
        roundId: e.round_id,
        round: e.round_title,
        facility: e.facility_name,
        group: e.group_name,
        drawAt: e.draw_at.toISOString(),
        standing: e.standing,
        payBy: e.standing === 'offered' && e.offer_deadline ? new Date(e.offer_deadline).toISOString() : null,
        bookingId: e.standing === 'offered' || e.standing === 'confirmed' ? e.booking_id : null,
      })),
    };
  });
}
