/** The managers' network page and its forms. Thin: parse, call the service, show again with errors. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { closeDay, networkOverview, reopenDay, saveDriver, saveHours, saveStop, saveVehicle } from './network-admin-service.ts';
import { NetworkPage, type FailedForm, type FormName } from './network-admin-views.tsx';
import { canManageNetwork } from './policy.ts';
import type { TransitContext } from './transit-context.ts';
import { parseClock } from './trip-windows.ts';

const Active = Type.Array(Type.Literal('yes'), { maxItems: 1 });
const StopForm = Type.Object({ id: Type.String({ maxLength: 41 }), name: Type.String({ maxLength: 100 }), nameKana: Type.String({ maxLength: 100 }), lat: Type.String({ maxLength: 20 }), lng: Type.String({ maxLength: 20 }), description: Type.String({ maxLength: 200 }), active: Active });
const VehicleForm = Type.Object({ id: Type.String({ maxLength: 41 }), name: Type.String({ maxLength: 100 }), seats: Type.String({ maxLength: 3 }), wheelchairSpaces: Type.String({ maxLength: 2 }), depotStopId: Type.String({ maxLength: 64 }), active: Active });
const DriverForm = Type.Object({ id: Type.String({ maxLength: 41 }), name: Type.String({ maxLength: 100 }), phone: Type.String({ maxLength: 20 }), loginId: Type.String({ maxLength: 100 }), active: Active });
const ClosedForm = Type.Object({ day: Type.String({ maxLength: 30 }), reason: Type.String({ maxLength: 100 }) });
const HoursForm = Type.Object(Object.fromEntries([1, 2, 3, 4, 5, 6, 7].flatMap((d) => [[`opens-${d}`, Type.String({ maxLength: 10 })], [`closes-${d}`, Type.String({ maxLength: 10 })]])));
const DayParams = Type.Object({ day: Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' }) });
const EditQuery = Type.Object({ stop: Type.Optional(Type.String({ maxLength: 64 })), vehicle: Type.Optional(Type.String({ maxLength: 64 })) });

const num = (s: string) => (s.trim() === '' ? NaN : Number(s));

export async function registerNetworkAdminRoutes(app: FastifyInstance, ctx: TransitContext): Promise<void> {
  const db = ctx.db;

  function manager(request: FastifyRequest): StaffActor {
    const staff = requireStaff(request.staff);
    requireAccess(canManageNetwork(staff), 'forbidden');
    return staff;
  }

  async function show(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, failed?: FailedForm, status = 200) {
    const data = await networkOverview(db, staff, ctx.now());
    const q = request.query as { stop?: string; vehicle?: string };
    const edit = { ...(q.stop ? { stop: data.stops.find((s) => s.id === q.stop) } : {}), ...(q.vehicle ? { vehicle: data.vehicles.find((x) => x.id === q.vehicle) } : {}) };
    return reply.html(<NetworkPage ctx={viewContext(request)} data={data} {...(failed ? { failed } : {})} edit={edit} />, status);
  }

  /** Runs a change; a field error or a refused change shows the same form again with what was typed. */
  async function attempt(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, form: FormName, values: Record<string, string | string[]>, change: () => Promise<void>, anchor: string, notice?: () => { key: string; params: Record<string, string> } | null) {
    try {
      await change();
    } catch (error) {
      if (!(error instanceof DomainError) || (error.code !== 'invalid_input' && error.code !== 'in_use')) throw error;
      const errors = error.fields.length ? fieldErrorMap(error.fields, request.t) : { active: request.t(error.messageKey, error.params) };
      return show(request, reply, staff, { form, values, errors }, error.status);
    }
    const warning = notice?.();
    if (warning) setFlash(reply, 'warning', warning.key, warning.params);
    else setFlash(reply, 'success', 'transit.network.saved');
    return reply.redirect(`/staff/transit/network#${anchor}`, 303);
  }

  app.get('/staff/transit/network', { schema: { querystring: EditQuery, hide: true } }, async (request, reply) => show(request, reply, manager(request)));

  app.post('/staff/transit/network/stops', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(StopForm, request.body);
    return attempt(request, reply, staff, 'stop', values, () => saveStop(db, staff, { id: values.id, name: values.name, nameKana: values.nameKana, lat: num(values.lat), lng: num(values.lng), description: values.description, active: values.active.includes('yes') }, ctx.now()), 'stops');
  });

  app.post('/staff/transit/network/vehicles', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(VehicleForm, request.body);
    return attempt(request, reply, staff, 'vehicle', values, () => saveVehicle(db, staff, { id: values.id, name: values.name, seats: num(values.seats), wheelchairSpaces: num(values.wheelchairSpaces), depotStopId: values.depotStopId, active: values.active.includes('yes') }, ctx.now()), 'vehicles');
  });

  app.post('/staff/transit/network/drivers', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(DriverForm, request.body);
    return attempt(request, reply, staff, 'driver', values, () => saveDriver(db, staff, { ...values, active: values.active.includes('yes') }), 'drivers');
  });

  app.post('/staff/transit/network/hours', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(HoursForm, request.body);
    const form = values as Record<string, string>;
    const hours = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ weekday: d, opens: form[`opens-${d}`] ? parseClock(form[`opens-${d}`]!) ?? -1 : null, closes: form[`closes-${d}`] ? parseClock(form[`closes-${d}`]!) ?? -1 : null }));
    // An unreadable time (-1) is reported as that day's error.
    const fixed = hours.map((h) => (h.opens === -1 || h.closes === -1 ? { ...h, opens: 1, closes: 0 } : h));
    return attempt(request, reply, staff, 'hours', form, () => saveHours(db, staff, fixed), 'hours');
  });

  app.post('/staff/transit/network/closed', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(ClosedForm, request.body);
    const parsed = parseJapaneseDate(values.day);
    let affected: { reference: string }[] = [];
    // Bookings on a day now closed are kept: the operator has to call those riders.
    const notice = () => (affected.length ? { key: 'transit.network.closedWithRides', params: { rides: affected.map((r) => r.reference).join('、') } } : null);
    return attempt(
      request,
      reply,
      staff,
      'closed',
      values,
      async () => {
        if (!parsed.ok) throw new DomainError('invalid_input', 400, 'error.invalid.body', {}, [{ field: 'day', messageKey: 'validation.date' }]);
        affected = await closeDay(db, staff, parsed.iso, values.reason, ctx.now());
      },
      'closed',
      notice,
    );
  });

  app.post('/staff/transit/network/closed/:day/reopen', { schema: { params: DayParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    await reopenDay(db, staff, (request.params as { day: string }).day);
    setFlash(reply, 'success', 'transit.network.saved');
    return reply.redirect('/staff/transit/network#closed', 303);
  });
}
