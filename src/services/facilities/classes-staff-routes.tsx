/**
 * Staff pages of classes (生涯学習スポーツ課 and DX推進室): list, create, edit,
 * cancel, attendees and attendance, and cancelling a seat for someone who phoned.
 * Routes read the form, call one service function and show the page or redirect.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { instantOf } from './booking-time.ts';
import { loadFacilities } from './catalogue.ts';
import { readClassForm, type ClassFormValues } from './classes-form.ts';
import { canRunClasses, classDepartmentsOf } from './classes-policy.ts';
import { classesForStaff } from './classes-queries.ts';
import { cancelSeat } from './classes-seats.ts';
import { cancelClass, classAttendees, classForStaff, createClass, markAttendance, updateClass } from './classes-service.ts';
import { CancelClassPage, ClassFormPage, StaffClassPage, StaffClassesPage, type RoomOption } from './classes-staff-views.tsx';
import type { ClassRow } from './classes-queries.ts';
import type { FacilityContext } from './facility-context.ts';
import { clockInput } from './staff-common.tsx';
import { staffDb } from './staff-tables.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ClassForm = Type.Object({
  title: Type.String({ maxLength: 200 }),
  description: Type.String({ maxLength: 4000 }),
  level: Type.String({ maxLength: 20 }),
  instructor: Type.String({ maxLength: 200 }),
  roomId: Type.String({ maxLength: 64 }),
  date: Type.String({ maxLength: 40 }),
  startsAt: Type.String({ maxLength: 20 }),
  endsAt: Type.String({ maxLength: 20 }),
  seats: Type.String({ maxLength: 10 }),
  feeYen: Type.String({ maxLength: 12 }),
  applyUntil: Type.String({ maxLength: 40 }),
  waitingList: Type.String({ maxLength: 3 }),
});
const ReasonForm = Type.Object({ reason: Type.String({ maxLength: 1000 }) });
const AttendanceForm = Type.Object({ attendance: Type.Union([Type.Literal('present'), Type.Literal('absent'), Type.Literal('clear')]) });

function classStaff(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canRunClasses(staff), 'forbidden');
  return staff;
}

function valuesOf(cls: ClassRow): ClassFormValues {
  const deadline = new Date(cls.apply_until.getTime() + 9 * 3600_000 - 1);
  return {
    title: cls.title,
    description: cls.description,
    level: cls.level,
    instructor: cls.instructor,
    roomId: cls.room_id,
    date: cls.use_date,
    startsAt: clockInput(cls.starts_at),
    endsAt: clockInput(cls.ends_at),
    seats: String(cls.seats),
    feeYen: String(cls.fee_yen),
    // The deadline is stored as an instant (end of day, or the start): shown as its day.
    applyUntil: deadline.toISOString().slice(0, 10),
    waitingList: cls.waiting_list ? 'yes' : '',
  };
}

export async function registerClassStaffRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);
  const today = () => japanClock(ctx.now()).date;

  async function roomOptions(): Promise<RoomOption[]> {
    const facilities = await loadFacilities(ctx.db);
    return facilities.flatMap((f) => f.rooms.map((r) => ({ id: r.id, label: `${f.name} ${r.name}（${f.area}・定員${r.capacity}人）` })));
  }

  async function showForm(request: FastifyRequest, reply: FastifyReply, values: ClassFormValues, errors: FieldError[], action: string, editing: ClassRow | null) {
    const status = errors.length ? 400 : 200;
    return reply.html(<ClassFormPage ctx={viewContext(request)} values={values} errors={fieldErrorMap(errors, request.t)} rooms={await roomOptions()} action={action} editing={editing} />, status);
  }

  function readValues(request: FastifyRequest): { values: ClassFormValues; errors: FieldError[] } {
    const t = request.t;
    return readForm(ClassForm, request.body, { title: t('facilities.classes.form.title'), description: t('facilities.classes.form.description'), instructor: t('facilities.classes.form.instructor') });
  }

  app.get('/staff/facilities/classes', async (request, reply) => {
    const staff = classStaff(request);
    const from = addDays(today(), -7);
    const classes = await classesForStaff(db, classDepartmentsOf(staff), from);
    return reply.html(<StaffClassesPage ctx={viewContext(request)} classes={classes} now={ctx.now()} from={from} />);
  });

  app.get('/staff/facilities/classes/new', async (request, reply) => {
    classStaff(request);
    const date = addDays(today(), 14);
    const empty: ClassFormValues = { title: '', description: '', level: 'first', instructor: '', roomId: '', date, startsAt: '10:00', endsAt: '11:30', seats: '10', feeYen: '0', applyUntil: addDays(date, -1), waitingList: 'yes' };
    return showForm(request, reply, empty, [], '/staff/facilities/classes/new', null);
  });

  app.post('/staff/facilities/classes/new', async (request, reply) => {
    const staff = classStaff(request);
    const { values, errors } = readValues(request);
    const action = '/staff/facilities/classes/new';
    if (errors.length) return showForm(request, reply, values, errors, action, null);
    const { input, errors: formErrors } = readClassForm(values);
    if (!input) return showForm(request, reply, values, formErrors, action, null);
    try {
      const created = await createClass(ctx, staff, input);
      setFlash(reply, 'success', 'facilities.classes.flash.created', { reference: created.reference });
      return reply.redirect(`/staff/facilities/classes/${created.id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, values, error.fields, action, null);
      throw error;
    }
  });

  app.get('/staff/facilities/classes/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const { cls, attendees } = await classAttendees(ctx, staff, (request.params as { id: string }).id);
    return reply.html(<StaffClassPage ctx={viewContext(request)} cls={cls} attendees={attendees} now={ctx.now()} today={today()} beforeStart={instantOf(cls.use_date, cls.starts_at) > ctx.now()} />);
  });

  app.get('/staff/facilities/classes/:id/edit', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const cls = await classForStaff(ctx, staff, (request.params as { id: string }).id);
    if (cls.status !== 'scheduled') return reply.redirect(`/staff/facilities/classes/${cls.id}`, 303);
    return showForm(request, reply, valuesOf(cls), [], `/staff/facilities/classes/${cls.id}/edit`, cls);
  });

  app.post('/staff/facilities/classes/:id/edit', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const cls = await classForStaff(ctx, staff, (request.params as { id: string }).id);
    const action = `/staff/facilities/classes/${cls.id}/edit`;
    const { values, errors } = readValues(request);
    if (errors.length) return showForm(request, reply, values, errors, action, cls);
    const { input, errors: formErrors } = readClassForm(values);
    if (!input) return showForm(request, reply, values, formErrors, action, cls);
    try {
      await updateClass(ctx, staff, cls.id, input);
      setFlash(reply, 'success', 'facilities.classes.flash.updated');
      return reply.redirect(`/staff/facilities/classes/${cls.id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return showForm(request, reply, values, error.fields, action, cls);
      throw error;
    }
  });

  async function cancelPage(request: FastifyRequest, reply: FastifyReply, id: string, reason: string, errors: FieldError[]) {
    const staff = classStaff(request);
    const { cls, attendees } = await classAttendees(ctx, staff, id);
    if (cls.status !== 'scheduled') return reply.redirect(`/staff/facilities/classes/${cls.id}`, 303);
    const holders = attendees.filter((a) => a.status !== 'cancelled').length;
    return reply.html(<CancelClassPage ctx={viewContext(request)} cls={cls} holders={holders} reason={reason} errors={fieldErrorMap(errors, request.t)} />, errors.length ? 400 : 200);
  }

  app.get('/staff/facilities/classes/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    return cancelPage(request, reply, (request.params as { id: string }).id, '', []);
  });

  app.post('/staff/facilities/classes/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ReasonForm, request.body);
    try {
      const told = await cancelClass(ctx, staff, id, values.reason);
      setFlash(reply, 'success', 'facilities.classes.flash.classCancelled', { count: told });
      return reply.redirect(`/staff/facilities/classes/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return cancelPage(request, reply, id, values.reason, error.fields);
      throw error;
    }
  });

  app.post('/staff/facilities/classes/seats/:id/attendance', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const id = (request.params as { id: string }).id;
    const { values, errors } = readForm(AttendanceForm, request.body);
    if (errors.length) throw new DomainError('invalid_input', 400, 'facilities.classes.error.attendanceValue');
    await markAttendance(ctx, staff, id, values.attendance === 'clear' ? null : values.attendance);
    const seat = await db.selectFrom('facility_class_seats').select('class_id').where('id', '=', id).executeTakeFirstOrThrow();
    return reply.redirect(`/staff/facilities/classes/${seat.class_id}#attendees`, 303);
  });

  app.post('/staff/facilities/classes/seats/:id/cancel', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = classStaff(request);
    const id = (request.params as { id: string }).id;
    const result = await cancelSeat(ctx, staff, id);
    const seat = await db.selectFrom('facility_class_seats').select('class_id').where('id', '=', id).executeTakeFirstOrThrow();
    if (result === 'cancelled') setFlash(reply, 'success', 'facilities.classes.flash.seatCancelled');
    return reply.redirect(`/staff/facilities/classes/${seat.class_id}`, 303);
  });
}
