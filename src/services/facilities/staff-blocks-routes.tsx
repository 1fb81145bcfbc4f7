/**
 * Maintenance block routes: list → form → preview (what it cancels, listed first) →
 * confirm (everything in one transaction; if the list changed meanwhile, the
 * preview again) → the block's page; and lifting a block.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { addDays, japanClock } from '../../platform/time/today.ts';
import { loadFacilities } from './catalogue.ts';
import { parseClockText } from './classes-form.ts';
import type { FacilityContext } from './facility-context.ts';
import { blockDetail, blocksForStaff, confirmBlock, previewBlock, removeBlock, type BlockInput } from './staff-blocks-service.ts';
import { BlockDetailPage, BlockFormPage, BlockPreviewPage, BlocksPage, type BlockFormValues } from './staff-blocks-views.tsx';
import { facilityStaff } from './staff-day-routes.tsx';
import { canManageFacility, facilityDepartmentsOf } from './staff-policy.ts';

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const BlockForm = Type.Object({
  target: Type.String({ maxLength: 80 }),
  fromDate: Type.String({ maxLength: 40 }),
  toDate: Type.String({ maxLength: 40 }),
  startsAt: Type.String({ maxLength: 20 }),
  endsAt: Type.String({ maxLength: 20 }),
  reason: Type.String({ maxLength: 400 }),
});
const ConfirmForm = Type.Object({ ...BlockForm.properties, fingerprint: Type.String({ maxLength: 64 }), action: Type.String({ maxLength: 10 }) });

/** The form's text → a block request, or field errors naming what to fix. */
export function readBlockForm(values: BlockFormValues): { input: BlockInput | null; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const target = /^(facility|room):([a-z0-9-]{1,64})$/.exec(values.target);
  if (!target) errors.push({ field: 'target', messageKey: 'facilities.office.blocks.error.target' });
  const date = (field: 'fromDate' | 'toDate', text: string): string | null => {
    const parsed = parseJapaneseDate(text.normalize('NFKC').trim());
    if (parsed.ok) return parsed.iso;
    errors.push({ field, messageKey: `facilities.office.blocks.error.${field}` });
    return null;
  };
  if (!values.fromDate) errors.push({ field: 'fromDate', messageKey: 'facilities.office.blocks.error.fromDate' });
  const fromDate = values.fromDate ? date('fromDate', values.fromDate) : null;
  const toDate = values.toDate ? date('toDate', values.toDate) : fromDate;
  const startsAt = values.startsAt ? parseClockText(values.startsAt) : 0;
  const endsAt = values.endsAt ? parseClockText(values.endsAt) : 1440;
  if (startsAt === null) errors.push({ field: 'startsAt', messageKey: 'facilities.office.blocks.error.startsAt' });
  if (endsAt === null) errors.push({ field: 'endsAt', messageKey: 'facilities.office.blocks.error.endsAt' });
  if (errors.length) return { input: null, errors };
  return { input: { facilityId: target![1] === 'facility' ? target![2]! : '', roomId: target![1] === 'room' ? target![2]! : null, fromDate: fromDate!, toDate: toDate!, startsAt: startsAt!, endsAt: endsAt!, reason: values.reason }, errors };
}

export async function registerBlockRoutes(app: FastifyInstance, ctx: FacilityContext): Promise<void> {
  const today = () => japanClock(ctx.now()).date;

  async function targets(staff: StaffActor, t: FastifyRequest['t']) {
    const facilities = (await loadFacilities(ctx.db)).filter((f) => canManageFacility(staff, { department_code: f.departmentCode }));
    return facilities.map((f) => ({
      label: f.name,
      options: [{ value: `facility:${f.id}`, label: t('facilities.office.blocks.wholeFacilityOption', { facility: f.name, rooms: f.rooms.length }) }, ...f.rooms.map((r) => ({ value: `room:${r.id}`, label: `${f.name} ${r.name}` }))],
    }));
  }

  async function form(request: FastifyRequest, reply: FastifyReply, values: BlockFormValues, errors: FieldError[]) {
    const staff = facilityStaff(request);
    return reply.html(<BlockFormPage ctx={viewContext(request)} values={values} errors={fieldErrorMap(errors, request.t)} targets={await targets(staff, request.t)} />, errors.length ? 400 : 200);
  }

  /** The room's facility, for a block of one room. */
  async function resolve(input: BlockInput): Promise<BlockInput> {
    if (!input.roomId) return input;
    const room = await ctx.db.selectFrom('facility_rooms').select('facility_id').where('id', '=', input.roomId).executeTakeFirst();
    return { ...input, facilityId: room?.facility_id ?? '' };
  }

  async function preview(request: FastifyRequest, reply: FastifyReply, values: BlockFormValues, changed: boolean) {
    const staff = facilityStaff(request);
    const { input, errors } = readBlockForm(values);
    if (!input) return form(request, reply, values, errors);
    try {
      const p = await previewBlock(ctx, staff, await resolve(input));
      return reply.html(<BlockPreviewPage ctx={viewContext(request)} preview={p} values={values} changed={changed} />, changed ? 409 : 200);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return form(request, reply, values, error.fields);
      throw error;
    }
  }

  app.get('/staff/facilities/blocks', async (request, reply) => {
    const staff = facilityStaff(request);
    return reply.html(<BlocksPage ctx={viewContext(request)} blocks={await blocksForStaff(ctx, staff, facilityDepartmentsOf(staff))} />);
  });

  app.get('/staff/facilities/blocks/new', async (request, reply) => {
    const start = addDays(today(), 1);
    return form(request, reply, { target: '', fromDate: start, toDate: '', startsAt: '', endsAt: '', reason: '' }, []);
  });

  app.post('/staff/facilities/blocks/preview', async (request, reply) => {
    facilityStaff(request);
    const { values } = readForm(BlockForm, request.body);
    return preview(request, reply, values, false);
  });

  app.post('/staff/facilities/blocks/confirm', async (request, reply) => {
    const staff = facilityStaff(request);
    const { values } = readForm(ConfirmForm, request.body);
    const formValues: BlockFormValues = { target: values.target, fromDate: values.fromDate, toDate: values.toDate, startsAt: values.startsAt, endsAt: values.endsAt, reason: values.reason };
    if (values.action === 'edit') return form(request, reply, formValues, []);
    const { input, errors } = readBlockForm(formValues);
    if (!input) return form(request, reply, formValues, errors);
    try {
      const result = await confirmBlock(ctx, staff, await resolve(input), values.fingerprint);
      setFlash(reply, 'success', 'facilities.office.blocks.flash.created', { bookings: result.cancelled, classes: result.classesCancelled });
      return reply.redirect(`/staff/facilities/blocks/${result.blockId}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'block_changed') return preview(request, reply, formValues, true);
      if (error instanceof DomainError && error.code === 'invalid_input') return form(request, reply, formValues, error.fields);
      throw error;
    }
  });

  app.get('/staff/facilities/blocks/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const detail = await blockDetail(ctx, staff, (request.params as { id: string }).id);
    return reply.html(<BlockDetailPage ctx={viewContext(request)} detail={detail} today={today()} />);
  });

  app.post('/staff/facilities/blocks/:id/remove', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const staff = facilityStaff(request);
    const id = (request.params as { id: string }).id;
    await removeBlock(ctx, staff, id);
    setFlash(reply, 'success', 'facilities.office.blocks.flash.removed');
    return reply.redirect(`/staff/facilities/blocks/${id}`, 303);
  });
}
