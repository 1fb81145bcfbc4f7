/** Approval routes: the list, one 仮予約 or group, and approve / reject through the booking and group services. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { approveBooking, rejectBooking } from './booking-lifecycle.ts';
import { bookingForView } from './booking-queries.ts';
import type { FacilityContext } from './facility-context.ts';
import { approveGroup, rejectGroup } from './group-service.ts';
import { groupForDecision, pendingBookings, pendingGroups } from './staff-approvals-service.ts';
import { ApprovalsPage, BookingApprovalPage, GroupApprovalPage } from './staff-approvals-views.tsx';
import { facilityStaff } from './staff-day-routes.tsx';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const NoteForm = Type.Object({ note: Type.String({ maxLength: 500 }) });
const ReasonForm = Type.Object({ reason: Type.String({ maxLength: 500 }) });

type Values = { note: string; reason: string };
const EMPTY: Values = { note: '', reason: '' };

export async function registerApprovalRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  app.get('/staff/facilities/approvals', async (request, reply) => {
    const staff = facilityStaff(request);
    const [bookings, groups] = await Promise.all([pendingBookings(ctx, staff), pendingGroups(ctx, staff)]);
    return reply.html(<ApprovalsPage ctx={viewContext(request)} bookings={bookings} groups={groups} />);
  });

  async function bookingPage(request: FastifyRequest, reply: FastifyReply, id: string, errors: FieldError[] = [], values: Values = EMPTY) {
    const staff = facilityStaff(request);
    const booking = await bookingForView(ctx.db, staff, id);
    const holder = booking.resident_account_id ? await ctx.db.selectFrom('facility_users').select(['name', 'phone', 'email']).where('resident_account_id', '=', booking.resident_account_id).executeTakeFirst() : undefined;
    return reply.html(<BookingApprovalPage ctx={viewContext(request)} booking={booking} holder={holder ?? null} errors={fieldErrorMap(errors, request.t)} values={values} />, errors.length ? 400 : 200);
  }

  async function groupPage(request: FastifyRequest, reply: FastifyReply, id: string, errors: FieldError[] = [], values: Values = EMPTY) {
    const staff = facilityStaff(request);
    const group = await groupForDecision(ctx, staff, id);
    return reply.html(<GroupApprovalPage ctx={viewContext(request)} group={group} errors={fieldErrorMap(errors, request.t)} values={values} />, errors.length ? 400 : 200);
  }

  /** Runs a decision; a field error (a missing reason) shows the page again with what was typed. */
  async function decide(reply: FastifyReply, run: () => Promise<void>, again: (errors: FieldError[], values: Values) => Promise<unknown>, values: Values, done: string, flash: string) {
    try {
      await run();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return again(error.fields, values);
      throw error;
    }
    setFlash(reply, 'success', flash);
    return reply.redirect(done, 303);
  }

  app.get('/staff/facilities/approvals/bookings/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => bookingPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/facilities/approvals/bookings/:id/approve', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(NoteForm, request.body);
    const all = { note: values.note, reason: '' };
    return decide(reply, () => approveBooking(ctx, staff, id, values.note || null), (e, v) => bookingPage(request, reply, id, e.map((f) => (f.field === 'reason' ? { ...f, field: 'note' } : f)), v), all, '/staff/facilities/approvals', 'facilities.office.approvals.flash.bookingApproved');
  });

  app.post('/staff/facilities/approvals/bookings/:id/reject', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ReasonForm, request.body);
    const all = { note: '', reason: values.reason };
    return decide(reply, () => rejectBooking(ctx, staff, id, values.reason), (e, v) => bookingPage(request, reply, id, e, v), all, '/staff/facilities/approvals', 'facilities.office.approvals.flash.bookingRejected');
  });

  app.get('/staff/facilities/approvals/groups/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => groupPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/facilities/approvals/groups/:id/approve', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(NoteForm, request.body);
    const all = { note: values.note, reason: '' };
    return decide(reply, () => approveGroup(ctx, staff, id, values.note || null), (e, v) => groupPage(request, reply, id, e.map((f) => (f.field === 'reason' ? { ...f, field: 'note' } : f)), v), all, '/staff/facilities/approvals', 'facilities.office.approvals.flash.groupApproved');
  });

  app.post('/staff/facilities/approvals/groups/:id/reject', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ReasonForm, request.body);
    const all = { note: '', reason: values.reason };
    return decide(reply, () => rejectGroup(ctx, staff, id, values.reason), (e, v) => groupPage(request, reply, id, e, v), all, '/staff/facilities/approvals', 'facilities.office.approvals.flash.groupRejected');
  });
}
