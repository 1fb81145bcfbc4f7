/** Public pages (no login): the availability search by day, a room by week or month, a facility's page, the stylesheet. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { notFound, type FieldError } from '../../platform/http/errors.ts';
import { fieldErrorMap } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import { dayAvailability, roomCalendar } from './availability-service.ts';
import { RoomCalendarPage, SearchPage, type SearchValues } from './availability-views.tsx';
import { addMonths } from './booking-time.ts';
import { loadFacilities, loadPurposes } from './catalogue.ts';
import type { FacilityContext } from './facility-context.ts';
import { FacilityPage } from './facility-views.tsx';
import { AREAS } from './tables.ts';
import { FACILITIES_CSS } from './views-common.tsx';

const CSS = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'assets/facilities.css'), 'utf8');

const SearchQuery = Type.Object({
  area: Type.Optional(Type.String({ maxLength: 10 })),
  purpose: Type.Optional(Type.String({ maxLength: 32 })),
  capacity: Type.Optional(Type.String({ maxLength: 10 })),
  date: Type.Optional(Type.String({ maxLength: 30 })),
});
const CalendarQuery = Type.Object({ view: Type.Optional(Type.Union([Type.Literal('week'), Type.Literal('month')])), date: Type.Optional(Type.String({ maxLength: 30 })) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

/** How far the public grid pages (a year; bookings open for less). */
const MAX_MONTHS_AHEAD = 12;

export async function registerPublicRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = ctx.db;

  app.get(FACILITIES_CSS, { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(CSS));

  app.get('/facilities', { schema: { querystring: SearchQuery, hide: true } }, async (request, reply) => {
    const q = request.query as Partial<SearchValues>;
    const values: SearchValues = { area: (q.area ?? '').normalize('NFKC').trim(), purpose: (q.purpose ?? '').trim(), capacity: (q.capacity ?? '').normalize('NFKC').trim(), date: (q.date ?? '').normalize('NFKC').trim() };
    const today = japanClock(ctx.now()).date;
    const errors: FieldError[] = [];
    let date = today;
    if (values.date) {
      const parsed = parseJapaneseDate(values.date);
      if (!parsed.ok) errors.push({ field: 'date', messageKey: 'facilities.error.searchDate' });
      else if (parsed.iso < today) errors.push({ field: 'date', messageKey: 'facilities.error.searchPast' });
      else if (parsed.iso > addMonths(today, MAX_MONTHS_AHEAD)) errors.push({ field: 'date', messageKey: 'facilities.error.searchFar', params: { months: MAX_MONTHS_AHEAD } });
      else date = parsed.iso;
    }
    let minCapacity: number | undefined;
    if (values.capacity) {
      if (/^\d{1,4}$/.test(values.capacity)) minCapacity = Number(values.capacity);
      else errors.push({ field: 'capacity', messageKey: 'facilities.error.searchCapacity' });
    }
    const purposes = await loadPurposes(db);
    const area = (AREAS as readonly string[]).includes(values.area) ? values.area : undefined;
    const purpose = purposes.some((p) => p.code === values.purpose) ? values.purpose : undefined;
    const tables = await dayAvailability(db, { date, area, purpose, minCapacity }, ctx.now());
    const facilities = await loadFacilities(db, area ? { area } : {});
    return reply.html(
      <SearchPage ctx={viewContext(request)} values={values} errors={fieldErrorMap(errors, request.t)} date={date} today={today} purposes={purposes} tables={tables} facilities={facilities} signedIn={request.resident !== null} />,
      errors.length ? 400 : 200,
    );
  });

  app.get('/facilities/rooms/:id', { schema: { params: IdParams, querystring: CalendarQuery, hide: true } }, async (request, reply) => {
    const q = request.query as { view?: 'week' | 'month'; date?: string };
    const today = japanClock(ctx.now()).date;
    const parsed = q.date ? parseJapaneseDate(q.date.normalize('NFKC')) : null;
    const date = parsed?.ok && parsed.iso <= addMonths(today, MAX_MONTHS_AHEAD) && parsed.iso >= addMonths(today, -1) ? parsed.iso : today;
    const calendar = await roomCalendar(db, (request.params as { id: string }).id, q.view ?? 'week', date, ctx.now());
    return reply.html(<RoomCalendarPage ctx={viewContext(request)} calendar={calendar} today={today} />);
  });

  app.get('/facilities/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!/^[a-z0-9-]{1,64}$/.test(id)) throw notFound();
    const [facility] = await loadFacilities(db, { facilityId: id });
    if (!facility) throw notFound();
    const purposes = await loadPurposes(db);
    const name = (code: string) => {
      const p = purposes.find((x) => x.code === code);
      return (request.locale === 'ja' ? p?.nameJa : p?.nameEn) ?? code;
    };
    return reply.html(<FacilityPage ctx={viewContext(request)} facility={facility} purposeName={name} today={japanClock(ctx.now()).date} />);
  });
}
