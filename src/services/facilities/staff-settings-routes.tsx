/**
 * Settings routes (managers of the facilities department): every form posts to its
 * own path, is read with a TypeBox schema, checked, saved by one service function
 * and answered with a redirect — or the page again with the errors and the text typed.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type TObject, type TSchema } from '@sinclair/typebox';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { FacilityContext } from './facility-context.ts';
import { canEditSettings, facilityDepartmentsOf } from './staff-policy.ts';
import { readBlocks, readClosure, readDetails, readFees, readHours, readReduction, readRoom, WEEKDAYS, type ClosureValues, type DetailsValues, type ReductionValues, type RoomValues } from './staff-settings-form.ts';
import { addClosure, facilityForEdit, reductionsForEdit, removeClosure, roomForEdit, saveReduction, updateBlocks, updateFacilityDetails, updateFees, updateHours, updateRoom } from './staff-settings-service.ts';
import { blockValuesOf, detailsValuesOf, EMPTY_CLOSURE, FacilitySettingsPage, feeValuesOf, hoursValuesOf, ReductionsPage, RoomSettingsPage, roomValuesOf, SettingsIndexPage, type FacilityForm, type RoomForm } from './staff-settings-views.tsx';
import { staffDb } from './staff-tables.ts';
import { HOURLY_FEE_KEY } from './tables.ts';

const FacilityParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const ClosureParams = Type.Object({ id: Type.String({ maxLength: 64 }), closureId: Type.String({ maxLength: 12, pattern: '^\\d+$' }) });
const Text = (max: number) => Type.String({ maxLength: max });
const List = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 40 });
const DetailsForm = Type.Object({
  name: Text(200),
  nameKana: Text(200),
  address: Text(400),
  phone: Text(60),
  description: Text(4000),
  accessibility: List,
  bookingHorizonMonths: Text(10),
  payDaysBeforeUse: Text(10),
  payDaysAfterBooking: Text(10),
  counterPayment: List,
  cancelFreeDaysBefore: Text(10),
  cancelFeePercent: Text(10),
  heatingMonths: List,
  active: List,
});
const HoursForm = Type.Object(Object.fromEntries(WEEKDAYS.flatMap((d) => [[`opens_${d}`, Text(10)], [`closes_${d}`, Text(10)]])) as Record<string, TSchema>);
const ClosureForm = Type.Object({ closureRule: Text(30), closureDate: Text(40), closureFrom: Text(20), closureTo: Text(20), closureNth: Text(5), closureWeekday: Text(5), closureDay: Text(5), closureReason: Text(200) });
const RoomForm = Type.Object({ name: Text(200), nameKana: Text(200), capacity: Text(10), floorArea: Text(10), equipment: List, purposes: List, needsApproval: List, lotteryEnabled: List, description: Text(4000), active: List });
const ReductionForm = Type.Object({ code: Text(60), nameJa: Text(200), nameEn: Text(200), percent: Text(10), active: List });
const ReductionQuery = Type.Object({ edit: Type.Optional(Text(60)) });

/** Managers of the facilities department (403 for everyone else, clerks included). */
function manager(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canEditSettings(staff), 'forbidden');
  return staff;
}

/** A schema for a form whose field names depend on the room (its block codes). */
function dynamicForm(names: string[], max = 20): TObject {
  return Type.Object(Object.fromEntries(names.map((n) => [n, Text(max)])) as Record<string, TSchema>);
}

export async function registerSettingsRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const db = staffDb(ctx.db);

  app.get('/staff/facilities/settings', async (request, reply) => {
    const staff = manager(request);
    const departments = facilityDepartmentsOf(staff);
    const rows = await db
      .selectFrom('facilities as f')
      .select(['f.id', 'f.name', 'f.area', 'f.active'])
      .select((eb) => eb.selectFrom('facility_rooms as r').select((x) => x.fn.countAll<string>().as('n')).whereRef('r.facility_id', '=', 'f.id').as('rooms'))
      .where('f.department_code', 'in', departments)
      .orderBy('f.sort_order')
      .execute();
    return reply.html(<SettingsIndexPage ctx={viewContext(request)} facilities={rows.map((r) => ({ ...r, rooms: Number(r.rooms ?? 0) }))} />);
  });

  async function facilityPage(request: FastifyRequest, reply: FastifyReply, id: string, form: FacilityForm = null, errors: FieldError[] = [], typed: { details?: DetailsValues; hours?: Record<string, string>; closure?: ClosureValues } = {}) {
    const staff = manager(request);
    const edit = await facilityForEdit(ctx, staff, id);
    return reply.html(
      <FacilitySettingsPage ctx={viewContext(request)} edit={edit} form={form} errors={fieldErrorMap(errors, request.t)} details={typed.details ?? detailsValuesOf(edit.facility)} hours={typed.hours ?? hoursValuesOf(edit.hours)} closure={typed.closure ?? EMPTY_CLOSURE} />,
      errors.length ? 400 : 200,
    );
  }

  /** Runs a save; a field error shows the page again with the text typed. */
  async function save(reply: FastifyReply, run: () => Promise<unknown>, again: (errors: FieldError[]) => Promise<unknown>, done: string, flash: string) {
    try {
      await run();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return again(error.fields);
      throw error;
    }
    setFlash(reply, 'success', flash);
    return reply.redirect(done, 303);
  }

  app.get('/staff/facilities/settings/:id', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => facilityPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/facilities/settings/:id/details', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const { values, errors } = readForm(DetailsForm, request.body);
    const details = values as DetailsValues;
    const again = (e: FieldError[]) => facilityPage(request, reply, id, 'details', e, { details });
    if (errors.length) return again(errors);
    const { input, errors: invalid } = readDetails(details);
    if (!input) return again(invalid);
    return save(reply, () => updateFacilityDetails(ctx, staff, id, input), again, `/staff/facilities/settings/${id}`, 'facilities.office.settings.flash.saved');
  });

  app.post('/staff/facilities/settings/:id/hours', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(HoursForm, request.body);
    const hoursText = values as Record<string, string>;
    const again = (e: FieldError[]) => facilityPage(request, reply, id, 'hours', e, { hours: hoursText });
    const { hours, errors } = readHours(hoursText);
    if (!hours) return again(errors);
    return save(reply, () => updateHours(ctx, staff, id, hours), again, `/staff/facilities/settings/${id}#hours-title`, 'facilities.office.settings.flash.hours');
  });

  app.post('/staff/facilities/settings/:id/closures', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const { values } = readForm(ClosureForm, request.body);
    const again = (e: FieldError[]) => facilityPage(request, reply, id, 'closure', e, { closure: values });
    const { input, errors } = readClosure(values);
    if (!input) return again(errors);
    return save(reply, () => addClosure(ctx, staff, id, input), again, `/staff/facilities/settings/${id}#closures-title`, 'facilities.office.settings.flash.closureAdded');
  });

  app.post('/staff/facilities/settings/:id/closures/:closureId/remove', { schema: { params: ClosureParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const { id, closureId } = request.params as { id: string; closureId: string };
    await removeClosure(ctx, staff, id, Number(closureId));
    setFlash(reply, 'success', 'facilities.office.settings.flash.closureRemoved');
    return reply.redirect(`/staff/facilities/settings/${id}#closures-title`, 303);
  });

  async function roomPage(request: FastifyRequest, reply: FastifyReply, id: string, form: RoomForm = null, errors: FieldError[] = [], typed: { room?: RoomValues; blocks?: Record<string, string>; fees?: Record<string, string> } = {}) {
    const staff = manager(request);
    const edit = await roomForEdit(ctx, staff, id);
    return reply.html(
      <RoomSettingsPage ctx={viewContext(request)} edit={edit} form={form} errors={fieldErrorMap(errors, request.t)} room={typed.room ?? roomValuesOf(edit.room)} blocks={typed.blocks ?? blockValuesOf(edit.blocks)} fees={typed.fees ?? feeValuesOf(edit.fees)} />,
      errors.length ? 400 : 200,
    );
  }

  app.get('/staff/facilities/settings/rooms/:id', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => roomPage(request, reply, (request.params as { id: string }).id));

  app.post('/staff/facilities/settings/rooms/:id', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const edit = await roomForEdit(ctx, staff, id);
    const { values } = readForm(RoomForm, request.body);
    const room = values as RoomValues;
    const again = (e: FieldError[]) => roomPage(request, reply, id, 'room', e, { room });
    const { input, errors } = readRoom(room, edit.purposes.map((p) => p.code));
    if (!input) return again(errors);
    return save(reply, () => updateRoom(ctx, staff, id, input), again, `/staff/facilities/settings/rooms/${id}`, 'facilities.office.settings.flash.saved');
  });

  app.post('/staff/facilities/settings/rooms/:id/blocks', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const edit = await roomForEdit(ctx, staff, id);
    const codes = edit.blocks.map((b) => b.code);
    const names = [...codes.flatMap((c) => ['name', 'nameEn', 'starts', 'ends'].map((p) => `block_${c}_${p}`)), ...['code', 'name', 'nameEn', 'starts', 'ends'].map((p) => `new_${p}`)];
    const { values } = readForm(dynamicForm(names, 40), request.body);
    const removal = readForm(Type.Object(Object.fromEntries(codes.map((c) => [`block_${c}_remove`, List])) as Record<string, TSchema>), request.body).values as Record<string, string[]>;
    const typed: Record<string, string> = { ...(values as Record<string, string>), ...Object.fromEntries(Object.entries(removal).map(([k, v]) => [k, v.includes('yes') ? 'yes' : ''])) };
    // The service names a block by its code; a block being added is the form's new_* fields.
    const newCode = (typed.new_code ?? '').normalize('NFKC').trim();
    const onForm = (e: FieldError): FieldError => (newCode && !codes.includes(newCode) && e.field.startsWith(`block_${newCode}_`) ? { ...e, field: `new_${e.field.slice(`block_${newCode}_`.length)}` } : e);
    const again = (e: FieldError[]) => roomPage(request, reply, id, 'blocks', e.map(onForm), { blocks: typed });
    const { blocks, errors } = readBlocks(typed, codes);
    if (!blocks) return again(errors);
    return save(reply, () => updateBlocks(ctx, staff, id, blocks), again, `/staff/facilities/settings/rooms/${id}#blocks-title`, 'facilities.office.settings.flash.blocks');
  });

  app.post('/staff/facilities/settings/rooms/:id/fees', { schema: { params: FacilityParams, hide: true } }, async (request, reply) => {
    const staff = manager(request);
    const id = (request.params as { id: string }).id;
    const edit = await roomForEdit(ctx, staff, id);
    const codes = edit.room.slot_mode === 'hourly' ? [HOURLY_FEE_KEY] : edit.blocks.map((b) => b.code);
    const names = codes.flatMap((c) => ['resident', 'nonResident', 'commercial', 'heating'].map((p) => `fee_${c}_${p}`));
    const { values } = readForm(dynamicForm(names), request.body);
    const typed = values as Record<string, string>;
    const again = (e: FieldError[]) => roomPage(request, reply, id, 'fees', e, { fees: typed });
    const { fees, errors } = readFees(typed, codes);
    if (!fees) return again(errors);
    return save(reply, () => updateFees(ctx, staff, id, fees), again, `/staff/facilities/settings/rooms/${id}#fees-title`, 'facilities.office.settings.flash.fees');
  });

  async function reductionsPage(request: FastifyRequest, reply: FastifyReply, editing: string | null, errors: FieldError[] = [], typed?: ReductionValues) {
    const staff = manager(request);
    const reductions = await reductionsForEdit(ctx, staff);
    const current = editing ? reductions.find((r) => r.code === editing) : undefined;
    const values: ReductionValues = typed ?? (current ? { code: current.code, nameJa: current.name_ja, nameEn: current.name_en, percent: String(current.percent), active: current.active ? ['yes'] : [] } : { code: '', nameJa: '', nameEn: '', percent: '50', active: ['yes'] });
    return reply.html(<ReductionsPage ctx={viewContext(request)} reductions={reductions} editing={current ? current.code : null} errors={fieldErrorMap(errors, request.t)} values={values} />, errors.length ? 400 : 200);
  }

  app.get('/staff/facilities/settings/reductions', { schema: { querystring: ReductionQuery, hide: true } }, async (request, reply) => reductionsPage(request, reply, (request.query as { edit?: string }).edit ?? null));

  app.post('/staff/facilities/settings/reductions', async (request, reply) => {
    const staff = manager(request);
    const { values } = readForm(ReductionForm, request.body);
    const typed = values as ReductionValues;
    const existing = await db.selectFrom('facility_reductions').select('code').where('code', '=', typed.code).executeTakeFirst();
    const again = (e: FieldError[]) => reductionsPage(request, reply, existing ? typed.code : null, e, typed);
    const { input, errors } = readReduction(typed);
    if (!input) return again(errors);
    return save(reply, () => saveReduction(ctx, staff, input), again, '/staff/facilities/settings/reductions', existing ? 'facilities.office.settings.flash.reductionUpdated' : 'facilities.office.settings.flash.reductionAdded');
  });
}
