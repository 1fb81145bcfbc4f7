/**
 * Statistics of the on-demand bus for transport staff: the page (GET form with the
 * period), the same figures as CSV (one row per day) and as JSON for the API.
 * Dates may be typed in 和暦 or Western form; a wrong date shows the form again
 * with a message naming the field.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { stringify } from 'csv-stringify/sync';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { canOperate } from './policy.ts';
import { statsMessages } from './stats-messages.ts';
import { rangeProblems, REFUSAL_REASONS, transitStats, type TransitStats } from './stats-service.ts';
import { StatsPage, type StatsFormValues } from './stats-views.tsx';
import type { TransitContext } from './transit-context.ts';

/** The default period: the last 30 days, today included. */
export const DEFAULT_DAYS = 30;

const StatsQuery = Type.Object({ from: Type.String({ maxLength: 40 }), to: Type.String({ maxLength: 40 }) });

const ApiStatsQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40, description: '開始日（西暦または和暦。省略時は終了日の29日前）' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: '終了日（西暦または和暦。省略時は今日）。期間は366日以内' })),
});

const Count = Type.Integer({ minimum: 0 });
const OnTimeJson = Type.Object({
  onTime: Count,
  early: Count,
  late: Count,
  unrecorded: Type.Integer({ minimum: 0, description: '乗車時刻が記録されていない乗車（定時率の計算から除く）' }),
  rate: Type.Union([Type.Number(), Type.Null()], { description: '定時 ÷（定時＋早着＋遅着）。判定できる乗車がなければ null' }),
});
const figures = {
  booked: Type.Integer({ minimum: 0, description: '予約件数（状態を問わない）' }),
  completed: Count,
  cancelled: Count,
  noShows: Count,
  passengers: Type.Integer({ minimum: 0, description: '乗車人数（乗車中・完了の予約の人数）' }),
  refused: Type.Integer({ minimum: 0, description: 'お断りした申込みの件数' }),
  refusals: Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: '理由コード別のお断り件数' }),
  onTime: OnTimeJson,
  km: Type.Number({ description: '走行距離（km、運行計画による）' }),
  emptyKm: Type.Number({ description: '空車走行距離（km）' }),
  passengerKm: Type.Number({ description: '人キロ' }),
  occupancy: Type.Union([Type.Number(), Type.Null()], { description: '平均乗車人数（人キロ ÷ 走行距離）' }),
};
const StatsJson = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  distanceSource: Type.Union([Type.Literal('estimate'), Type.Literal('osrm')]),
  totals: Type.Object(figures),
  days: Type.Array(Type.Object({ date: Type.String({ format: 'date' }), ...figures })),
  refusals: Type.Array(Type.Object({ reason: Type.String(), count: Count })),
  vehicles: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      days: Count,
      rides: Count,
      passengers: Count,
      km: Type.Number(),
      emptyKm: Type.Number(),
      passengerKm: Type.Number(),
      occupancy: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
});
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

function operator(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canOperate(staff), 'forbidden');
  return staff;
}

const DATE_ERRORS = { format: 'transit.stats.error.date', 'invalid-date': 'transit.stats.error.dateInvalid', 'era-range': 'transit.stats.error.dateEra' } as const;

/**
 * The period asked for (和暦 or Western, either end may be left out), or field errors
 * whose messages name the field.
 */
export function resolveRange(input: { from?: string; to?: string }, today: string, t: FastifyRequest['t']): { range: { from: string; to: string } | null; errors: FieldError[] } {
  const labels = { from: t('transit.stats.from'), to: t('transit.stats.to') };
  const errors: FieldError[] = [];
  const parsed: { from?: string; to?: string } = {};
  for (const field of ['from', 'to'] as const) {
    const raw = (input[field] ?? '').normalize('NFKC').trim();
    if (!raw) continue;
    const result = parseJapaneseDate(raw);
    if (result.ok) parsed[field] = result.iso;
    else errors.push({ field, messageKey: DATE_ERRORS[result.reason], params: { field: labels[field] } });
  }
  if (errors.length) return { range: null, errors };
  const to = parsed.to ?? today;
  const from = parsed.from ?? addDays(to, -(DEFAULT_DAYS - 1));
  const problems = rangeProblems(from, to).map((p) => ({ ...p, params: { ...p.params, field: labels[p.field as 'from' | 'to'] ?? p.field } }));
  return problems.length ? { range: null, errors: problems } : { range: { from, to }, errors: [] };
}

const fixed = (n: number | null, places: number) => (n === null ? '' : n.toFixed(places));

/** One row per day, Japanese headers, with a BOM so Excel reads the Japanese correctly. Every cell is a date or a number. */
export function statsCsv(stats: TransitStats): string {
  const ja = statsMessages.ja;
  const header = [
    ja['transit.stats.col.date']!,
    ja['transit.stats.booked']!,
    ja['transit.stats.completed']!,
    ja['transit.stats.cancelled']!,
    ja['transit.stats.noShows']!,
    ja['transit.stats.passengers']!,
    ja['transit.stats.refused']!,
    ...REFUSAL_REASONS.map((r) => ja['transit.stats.csv.refusedBy']!.replace('{reason}', ja[`transit.stats.reason.${r}`]!)),
    ja['transit.stats.onTime.onTime']!,
    ja['transit.stats.onTime.early']!,
    ja['transit.stats.onTime.late']!,
    ja['transit.stats.onTime.unrecorded']!,
    `${ja['transit.stats.onTimeRate']}（%）`,
    ja['transit.stats.km']!,
    ja['transit.stats.emptyKm']!,
    ja['transit.stats.passengerKm']!,
    ja['transit.stats.occupancy']!,
  ];
  const rows = stats.days.map((d) => [
    d.date,
    d.booked,
    d.completed,
    d.cancelled,
    d.noShows,
    d.passengers,
    d.refused,
    ...REFUSAL_REASONS.map((r) => d.refusals[r] ?? 0),
    d.onTime.onTime,
    d.onTime.early,
    d.onTime.late,
    d.onTime.unrecorded,
    fixed(d.onTime.rate === null ? null : d.onTime.rate * 100, 1),
    fixed(d.km, 1),
    fixed(d.emptyKm, 1),
    fixed(d.passengerKm, 1),
    fixed(d.occupancy, 2),
  ]);
  return '\uFEFF' + stringify([header, ...rows.map((r) => r.map(String))]);
}

export async function registerStatsRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const today = () => japanClock(ctx.now()).date;

  /** Reads the period from the query; on a mistake, the form again with the messages (400). */
  function pageOrRange(request: FastifyRequest) {
    const t = request.t;
    const { values, errors: formErrors } = readForm(StatsQuery, request.query, { from: t('transit.stats.from'), to: t('transit.stats.to') });
    const { range, errors } = formErrors.length ? { range: null, errors: formErrors } : resolveRange(values, today(), t);
    const shown: StatsFormValues = { from: values.from || range?.from || '', to: values.to || range?.to || '' };
    return { range, errors: fieldErrorMap(errors, t), shown };
  }

  app.get('/staff/transit/stats', async (request, reply) => {
    const staff = operator(request);
    const { range, errors, shown } = pageOrRange(request);
    if (!range) return reply.html(<StatsPage ctx={viewContext(request)} values={shown} errors={errors} stats={null} csvHref={null} jsonHref={null} />, 400);
    const stats = await transitStats(ctx, staff, range);
    const query = new URLSearchParams(range).toString();
    return reply.html(<StatsPage ctx={viewContext(request)} values={shown} errors={{}} stats={stats} csvHref={`/staff/transit/stats.csv?${query}`} jsonHref={`/api/transit/stats?${query}`} />);
  });

  app.get('/staff/transit/stats.csv', async (request, reply) => {
    const staff = operator(request);
    const { range, errors, shown } = pageOrRange(request);
    if (!range) return reply.html(<StatsPage ctx={viewContext(request)} values={shown} errors={errors} stats={null} csvHref={null} jsonHref={null} />, 400);
    const stats = await transitStats(ctx, staff, range);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="transit-stats-${range.from}-${range.to}.csv"`)
      .send(statsCsv(stats));
  });

  app.get(
    '/api/transit/stats',
    {
      schema: {
        tags: ['transit'],
        summary: 'デマンド交通の運行実績（日別・合計・理由別お断り・車両別）。交通担当の職員のみ',
        querystring: ApiStatsQuery,
        response: { 200: StatsJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (request) => {
      const staff = operator(request);
      const { range, errors } = resolveRange(request.query as Static<typeof ApiStatsQuery>, today(), request.t);
      if (!range) throw invalidInput(errors);
      return transitStats(ctx, staff, range);
    },
  );
}
