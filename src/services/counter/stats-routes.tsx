/**
 * Counter statistics for the Citizens Division: the page (GET form with the period),
 * one CSV row per ended visit (UTF-8 with BOM for Excel), and the same rows with the
 * summary as JSON for the staff API. Dates may be typed in 和暦 or Western form.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { csvForSpreadsheet } from '../../platform/http/csv.ts';
import { invalidInput } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { bundleById } from './bundles.ts';
import { counterStaff } from './counter-routes.tsx';
import type { GroupStats, VisitStatRow } from './counter-stats.ts';
import { counterMessages } from './messages.ts';
import { readRange, visitStats } from './stats-service.ts';
import { CounterStatsPage } from './stats-views.tsx';
import { COUNTER_HOME, errorMap } from './view-common.tsx';

const StatsQuery = Type.Object({ from: Type.String({ maxLength: 40 }), to: Type.String({ maxLength: 40 }) });
const ApiQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 40, description: '開始日（西暦または和暦。省略時は終了日の29日前）' })),
  to: Type.Optional(Type.String({ maxLength: 40, description: '終了日（西暦または和暦。省略時は今日）。期間は366日以内' })),
});

const Minutes = Type.Union([Type.Number(), Type.Null()]);
const Group = {
  visits: Type.Integer({ minimum: 0, description: '終了した来庁の件数' }),
  medianMinutes: Type.Union([Type.Number(), Type.Null()], { description: '窓口での所要時間の中央値（分）' }),
  p90Minutes: Type.Union([Type.Number(), Type.Null()], { description: '所要時間の90パーセンタイル（分、最近順位法）' }),
  proceduresPerVisit: Type.Union([Type.Number(), Type.Null()], { description: '1来庁あたりの手続き数（平均）' }),
  secondScreenShare: Type.Union([Type.Number(), Type.Null()], { description: '第2画面で来庁者が確認した来庁の割合（0〜1）' }),
};
const VisitsJson = Type.Object({
  from: Type.String({ format: 'date' }),
  to: Type.String({ format: 'date' }),
  totals: Type.Object(Group),
  visits: Type.Array(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      date: Type.String({ format: 'date', description: '来庁日（日本時間）' }),
      startedAt: Type.String({ format: 'date-time' }),
      endedAt: Type.String({ format: 'date-time' }),
      minutes: Minutes,
      staffId: Type.String({ format: 'uuid' }),
      staffName: Type.String(),
      bundle: Type.Union([Type.String(), Type.Null()], { description: '手続きセット（move-in, move-out, bereavement）。個別の手続きのみは null' }),
      procedures: Type.Integer({ minimum: 0 }),
      confirmedVia: Type.Union([Type.Literal('second_screen'), Type.Literal('clerk_screen'), Type.Null()]),
      outcome: Type.Union([Type.Literal('completed'), Type.Literal('partial'), Type.Literal('cancelled')]),
    }),
  ),
});
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const roundGroup = (g: GroupStats): GroupStats => ({ ...g, medianMinutes: round1(g.medianMinutes), p90Minutes: round1(g.p90Minutes), proceduresPerVisit: g.proceduresPerVisit === null ? null : Math.round(g.proceduresPerVisit * 100) / 100 });

/** One row per ended visit, Japanese headers; every cell is a date, a time, a number or a fixed label. */
export function visitsCsv(rows: VisitStatRow[]): string {
  const ja = counterMessages.ja;
  const time = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', hour: '2-digit', minute: '2-digit', hour12: false });
  const header = ['counter.csv.date', 'counter.csv.started', 'counter.csv.ended', 'counter.csv.minutes', 'counter.csv.clerk', 'counter.csv.bundle', 'counter.csv.procedures', 'counter.csv.confirmation', 'counter.csv.outcome'].map((k) => ja[k]!);
  const lines = rows.map((r) => [
    r.date,
    time.format(r.startedAt),
    time.format(r.endedAt),
    (Math.round(r.minutes * 10) / 10).toFixed(1),
    r.staffName,
    r.bundleId ? (bundleById(r.bundleId)?.title.ja ?? r.bundleId) : ja['counter.stats.noBundle']!,
    r.procedures,
    r.confirmedVia ? ja[`counter.confirm.via.${r.confirmedVia}`]! : ja['counter.csv.notConfirmed']!,
    ja[`counter.outcome.${r.outcome}`]!,
  ]);
  return csvForSpreadsheet([header, ...lines]);
}

export async function registerStatsRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;
  const today = () => todayInJapan(platform.now());

  function pageRange(request: FastifyRequest) {
    const { values } = readForm(StatsQuery, request.query);
    const { range, errors } = readRange(values, today());
    return { range, errors: errorMap(viewContext(request), errors), shown: { from: values.from || range?.from || '', to: values.to || range?.to || '' } };
  }

  app.get(`${COUNTER_HOME}/stats`, { schema: { hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { range, errors, shown } = pageRange(request);
    if (!range) return reply.html(<CounterStatsPage ctx={viewContext(request)} values={shown} errors={errors} stats={null} csvHref={null} jsonHref={null} />, 400);
    const { stats } = await visitStats(db, staff, range);
    const query = new URLSearchParams(range).toString();
    return reply.html(<CounterStatsPage ctx={viewContext(request)} values={shown} errors={{}} stats={stats} csvHref={`${COUNTER_HOME}/stats.csv?${query}`} jsonHref={`/api/staff/counter/visits?${query}`} />);
  });

  app.get(`${COUNTER_HOME}/stats.csv`, { schema: { hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { range, errors, shown } = pageRange(request);
    if (!range) return reply.html(<CounterStatsPage ctx={viewContext(request)} values={shown} errors={errors} stats={null} csvHref={null} jsonHref={null} />, 400);
    const { rows } = await visitStats(db, staff, range);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="counter-visits-${range.from}-${range.to}.csv"`).send(visitsCsv(rows));
  });

  app.get(
    '/api/staff/counter/visits',
    {
      schema: {
        tags: ['counter'],
        summary: '書かない窓口の来庁実績（終了した来庁ごとの行と集計）。市民課の職員のみ',
        querystring: ApiQuery,
        response: { 200: VisitsJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson },
      },
    },
    async (request) => {
      const staff = counterStaff(request);
      const { range, errors } = readRange(request.query as Static<typeof ApiQuery>, today());
      if (!range) throw invalidInput(errors);
      const { rows, stats } = await visitStats(db, staff, range);
      return {
        from: range.from,
        to: range.to,
        totals: roundGroup(stats.totals),
        visits: rows.map((r) => ({
          id: r.id,
          date: r.date,
          startedAt: r.startedAt.toISOString(),
          endedAt: r.endedAt.toISOString(),
          minutes: round1(r.minutes),
          staffId: r.staffId,
          staffName: r.staffName,
          bundle: r.bundleId,
          procedures: r.procedures,
          confirmedVia: r.confirmedVia,
          outcome: r.outcome,
        })),
      };
    },
  );
}
