/**
 * Occupancy for facilities staff: the page (GET form: facility and month, typed as
 * 2027-06 or 令和9年6月), the same figures as CSV (one row per room and a total;
 * UTF-8 with BOM, formulas neutralised) and as JSON for the API.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { invalidInput, type FieldError } from '../../platform/http/errors.ts';
import { csvForSpreadsheet } from '../../platform/http/csv.ts';
import { fieldErrorMap } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { FacilityContext } from './facility-context.ts';
import { occupancyFacility, occupancyOf, parseMonth, type FacilityOccupancy, type Figures } from './occupancy-service.ts';
import { hours, OccupancyPage } from './occupancy-views.tsx';
import { facilityStaffMessages } from './staff-messages.ts';
import { facilityStaff } from './staff-day-routes.tsx';
import { staffFacilities } from './staff-day-service.ts';
import { staffDb } from './staff-tables.ts';

const Query = Type.Object({ facility: Type.Optional(Type.String({ maxLength: 64 })), month: Type.Optional(Type.String({ maxLength: 20 })) });
const ApiQuery = Type.Object({
  facility: Type.String({ maxLength: 64, description: '施設ID（例 mizusawa-kominkan）' }),
  month: Type.Optional(Type.String({ maxLength: 20, description: '対象月（2027-06、令和9年6月など。省略時は今月）' })),
});
const Rate = Type.Union([Type.Number({ minimum: 0 }), Type.Null()]);
const FiguresJson = {
  availableMinutes: Type.Integer({ minimum: 0, description: '利用可能時間（分）：開館日の予約枠の時間から利用休止を除いたもの' }),
  bookedMinutes: Type.Integer({ minimum: 0, description: '予約・教室で使われる（使われた）時間（分）' }),
  blockedMinutes: Type.Integer({ minimum: 0, description: '利用休止（保守点検など）の時間（分）' }),
  rate: Type.Union([Rate], { description: '稼働率 = bookedMinutes ÷ availableMinutes（利用可能時間がなければ null）' }),
  bookings: Type.Integer({ minimum: 0 }),
  pastBookings: Type.Integer({ minimum: 0, description: '利用日が過ぎた予約（無断キャンセル率の分母）' }),
  checkedIn: Type.Integer({ minimum: 0 }),
  noShows: Type.Integer({ minimum: 0 }),
  noShowRate: Type.Union([Rate], { description: '無断キャンセル率 = noShows ÷ pastBookings' }),
  revenueYen: Type.Integer({ description: '収入（支払額 − 返金額）' }),
};
const OccupancyJson = Type.Object({
  facility: Type.Object({ id: Type.String(), name: Type.String(), area: Type.String() }),
  month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }),
  rooms: Type.Array(Type.Object({ roomId: Type.String(), roomName: Type.String(), ...FiguresJson })),
  totals: Type.Object(FiguresJson),
  trend: Type.Array(Type.Object({ month: Type.String(), ...FiguresJson }), { description: '対象月までの12か月' }),
});
const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });

const percent = (rate: number | null) => (rate === null ? '' : (rate * 100).toFixed(1));

/** One row per room and a total; Japanese headers; a BOM and neutralised formulas (room names are typed by staff). */
export function occupancyCsv(o: FacilityOccupancy): string {
  const ja = facilityStaffMessages.ja;
  const header = ['facilities.office.occupancy.csv.facility', 'facilities.office.occupancy.month', 'facilities.office.occupancy.room', 'facilities.office.occupancy.csv.available', 'facilities.office.occupancy.csv.booked', 'facilities.office.occupancy.csv.blocked', 'facilities.office.occupancy.csv.rate', 'facilities.office.occupancy.bookings', 'facilities.office.occupancy.csv.past', 'facilities.office.occupancy.noShows', 'facilities.office.occupancy.csv.noShowRate', 'facilities.office.occupancy.csv.revenue'].map((k) => ja[k]!);
  const line = (room: string, f: Figures) => [o.facility.name, o.month, room, hours(f.availableMinutes), hours(f.bookedMinutes), hours(f.blockedMinutes), percent(f.rate), f.bookings, f.pastBookings, f.noShows, percent(f.noShowRate), f.revenueYen];
  return csvForSpreadsheet([header, ...o.rooms.map((r) => line(r.roomName, r)), line(ja['facilities.office.occupancy.csv.total']!, o.totals)]);
}

export async function registerOccupancyRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const thisMonth = () => japanClock(ctx.now()).date.slice(0, 7);

  /** The facility and month asked for, defaulting to the first facility and this month; field errors otherwise. */
  async function resolve(request: FastifyRequest) {
    const staff = facilityStaff(request);
    const facilities = await staffFacilities(staffDb(ctx.db), staff);
    const q = request.query as Static<typeof Query>;
    const errors: FieldError[] = [];
    const monthText = (q.month ?? '').trim();
    const month = monthText ? parseMonth(monthText) : thisMonth();
    if (!month) errors.push({ field: 'month', messageKey: 'facilities.office.occupancy.error.month' });
    const facility = q.facility ? facilities.find((f) => f.id === q.facility) : facilities[0];
    if (!facility) errors.push({ field: 'facility', messageKey: 'facilities.office.occupancy.error.facility' });
    return { staff, facilities, facility, month, values: { facility: facility?.id ?? q.facility ?? '', month: monthText || (month ?? '') }, errors };
  }

  app.get('/staff/facilities/occupancy', { schema: { querystring: Query, hide: true } }, async (request, reply) => {
    const r = await resolve(request);
    const page = (occupancy: FacilityOccupancy | null, errors: FieldError[]) => {
      const query = occupancy ? new URLSearchParams({ facility: occupancy.facility.id, month: occupancy.month }).toString() : '';
      return reply.html(<OccupancyPage ctx={viewContext(request)} facilities={r.facilities} values={r.values} errors={fieldErrorMap(errors, request.t)} occupancy={occupancy} csvHref={occupancy ? `/staff/facilities/occupancy.csv?${query}` : null} jsonHref={occupancy ? `/api/staff/facilities/occupancy?${query}` : null} />, errors.length ? 400 : 200);
    };
    if (r.errors.length || !r.facility || !r.month) return page(null, r.errors);
    return page(await occupancyOf(ctx, r.staff, r.facility.id, r.month), []);
  });

  app.get('/staff/facilities/occupancy.csv', { schema: { querystring: Query, hide: true } }, async (request, reply) => {
    const r = await resolve(request);
    if (r.errors.length || !r.facility || !r.month) throw invalidInput(r.errors);
    const occupancy = await occupancyOf(ctx, r.staff, r.facility.id, r.month);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="occupancy-${occupancy.facility.id}-${occupancy.month}.csv"`)
      .send(occupancyCsv(occupancy));
  });

  app.get(
    '/api/staff/facilities/occupancy',
    { schema: { tags: ['facilities'], summary: '施設の月別稼働率（部屋別・12か月の推移・無断キャンセル率・収入）。施設を所管する課の職員のみ', querystring: ApiQuery, response: { 200: OccupancyJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson } } },
    async (request) => {
      const staff = facilityStaff(request);
      const q = request.query as Static<typeof ApiQuery>;
      // Access before input: someone else's facility is 404 whatever the month says.
      await occupancyFacility(ctx, staff, q.facility);
      const month = q.month ? parseMonth(q.month) : thisMonth();
      if (!month) throw invalidInput([{ field: 'month', messageKey: 'facilities.office.occupancy.error.month' }]);
      return occupancyOf(ctx, staff, q.facility, month);
    },
  );
}
