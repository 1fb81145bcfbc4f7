/**
 * Resident pages of classes: browsing needs no login; booking, cancelling and "my
 * seats" need one, and a resident not yet registered for facility booking is sent
 * to registration first (then back here). Every form posts without JavaScript.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, notFound } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { japanClock } from '../../platform/time/today.ts';
import { instantOf } from './booking-time.ts';
import { activeSeatOf, asArea, asLevel, loadClass, seatsOfResident, upcomingClasses, waitingPosition } from './classes-queries.ts';
import { bookSeat, cancelSeat, seatForView } from './classes-seats.ts';
import { ClassDetailPage, ClassListPage, MySeatsPage, SeatPage } from './classes-views.tsx';
import { registerClassApi } from './classes-api.ts';
import { classesMyPage } from './classes-my-page.tsx';
import { addMyPagePart } from './my-page.tsx';
import { ensureReminderChain } from './classes-jobs.ts';
import { registerClassStaffRoutes } from './classes-staff-routes.tsx';
import { facilityContext, type FacilityContext } from './facility-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { staffDb } from './staff-tables.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ListQuery = Type.Object({
  area: Type.Optional(Type.String({ maxLength: 10 })),
  level: Type.Optional(Type.String({ maxLength: 10 })),
  page: Type.Optional(Type.String({ maxLength: 6 })),
});
const BookForm = Type.Object({ waitingList: Type.Optional(Type.String({ maxLength: 3 })) });


export async function registerClassResidentRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);
  const today = () => japanClock(ctx.now()).date;

  async function detail(request: FastifyRequest, reply: FastifyReply, id: string, full: { waitingList: boolean } | null, status = 200) {
    const cls = await loadClass(db, id);
    if (!cls) throw notFound();
    const seat = request.resident ? await activeSeatOf(db, cls.id, request.resident.accountId) : undefined;
    const mine = seat ? { id: seat.id, reference: seat.reference, status: seat.status, position: await waitingPosition(db, seat) } : null;
    return reply.html(<ClassDetailPage ctx={viewContext(request)} cls={cls} now={ctx.now()} mine={mine} signedIn={request.resident !== null} full={full} />, status);
  }

  app.get('/facilities/classes', { schema: { querystring: ListQuery, hide: true } }, async (request, reply) => {
    const q = request.query as { area?: string; level?: string; page?: string };
    const area = asArea(q.area);
    const level = asLevel(q.level);
    const page = Math.max(1, Number.parseInt(q.page ?? '1', 10) || 1);
    const result = await upcomingClasses(db, today(), { ...(area ? { area } : {}), ...(level ? { level } : {}), page });
    return reply.html(<ClassListPage ctx={viewContext(request)} values={{ area: area ?? '', level: level ?? '' }} rows={result.rows} total={result.total} page={Math.min(page, result.pageCount)} pageCount={result.pageCount} now={ctx.now()} signedIn={request.resident !== null} />);
  });

  app.get('/facilities/classes/mine', async (request, reply) => {
    const resident = requireResident(request.resident);
    const [upcoming, past] = await Promise.all([seatsOfResident(db, resident.accountId, today(), 'upcoming'), seatsOfResident(db, resident.accountId, today(), 'past')]);
    return reply.html(<MySeatsPage ctx={viewContext(request)} upcoming={upcoming} past={past} />);
  });

  app.get('/facilities/classes/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    return detail(request, reply, (request.params as { id: string }).id, null);
  });

  app.post('/facilities/classes/:id/book', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(BookForm, request.body);
    try {
      const seat = await bookSeat(ctx, resident, id, { joinWaitingList: values.waitingList === 'yes' });
      if (seat.created) setFlash(reply, 'success', seat.status === 'booked' ? 'facilities.classes.flash.booked' : 'facilities.classes.flash.waiting', { reference: seat.reference });
      return reply.redirect(`/facilities/classes/seats/${seat.id}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'not_registered') return reply.redirect(`/facilities/register?next=${encodeURIComponent(`/facilities/classes/${id}`)}`, 303);
      // Full since the page was shown: the class page again, saying so and offering the waiting list.
      if (error.code === 'class_full') return detail(request, reply, id, { waitingList: error.messageKey === 'facilities.classes.error.fullWaitingList' }, 409);
      throw error;
    }
  });

  app.get('/facilities/classes/seats/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const seat = await seatForView(ctx, resident, (request.params as { id: string }).id);
    const canCancel = seat.status !== 'cancelled' && seat.class_status === 'scheduled' && instantOf(seat.use_date, seat.starts_at) > ctx.now();
    return reply.html(<SeatPage ctx={viewContext(request)} seat={seat} position={await waitingPosition(db, seat)} canCancel={canCancel} />);
  });

  app.post('/facilities/classes/seats/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const id = (request.params as { id: string }).id;
    const result = await cancelSeat(ctx, resident, id);
    if (result === 'cancelled') setFlash(reply, 'success', 'facilities.classes.flash.cancelled');
    return reply.redirect(`/facilities/classes/seats/${id}`, 303);
  });
}

/**
 * Everything classes add to the app: resident pages, staff pages, the JSON API, and
 * the daily reminder chain (started here, as the job handlers exist by now).
 */
export async function registerClassRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx = facilityContext(platform);
  await registerClassResidentRoutes(app, ctx);
  await registerClassStaffRoutes(app, ctx);
  await registerClassApi(app, ctx);
  // The resident's seats appear inside the facilities section of my page.
  addMyPagePart(classesMyPage);
  await ensureReminderChain(ctx);
}
