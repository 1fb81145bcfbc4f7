/**
 * Staff pages of the lottery (生涯学習スポーツ課, or whichever department runs the
 * facility): rounds and a new round; one round's slots (add, remove), publish, draw
 * now (once the window has closed), cancel, and settle offers past their deadline.
 * Thin: parse, call the service (which checks access first), present.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { DomainError, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { parseJapaneseDate } from '../../platform/text/wareki.ts';
import { japanInstant } from '../../platform/time/today.ts';
import type { LotteryContext } from './lottery-context.ts';
import type { AddSlotsResult } from './lottery-rounds.ts';
import { addSlots, cancelRound, createRound, drawRound, facilitiesForStaff, publishRound, removeSlot, roundOverview, roundsForStaff, settleRoundOffers } from './lottery-service.ts';
import { StaffRoundPage, StaffRoundsPage, type RoundFormValues, type SlotFormValues } from './lottery-staff-views.tsx';

const RoundForm = Type.Object({
  facilityId: Type.String({ maxLength: 64 }),
  title: Type.String({ minLength: 1, maxLength: 100 }),
  month: Type.String({ minLength: 1, maxLength: 20 }),
  opensDate: Type.String({ minLength: 1, maxLength: 30 }),
  opensTime: Type.String({ maxLength: 5 }),
  closesDate: Type.String({ minLength: 1, maxLength: 30 }),
  closesTime: Type.String({ maxLength: 5 }),
  drawDate: Type.String({ minLength: 1, maxLength: 30 }),
  drawTime: Type.String({ maxLength: 5 }),
  payDays: Type.String({ maxLength: 2 }),
  maxPreferences: Type.String({ maxLength: 1 }),
  maxEntries: Type.String({ maxLength: 2 }),
  maxWinsPerTypeMonth: Type.String({ maxLength: 2 }),
  maxWinsPerMonth: Type.String({ maxLength: 2 }),
});

const SlotForm = Type.Object({
  roomId: Type.String({ minLength: 1, maxLength: 64 }),
  blockCodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 20 }),
  hoursFrom: Type.String({ maxLength: 5 }),
  hoursTo: Type.String({ maxLength: 5 }),
  weekdays: Type.Array(Type.Union([1, 2, 3, 4, 5, 6, 7].map((w) => Type.Literal(String(w)))), { maxItems: 7 }),
  dates: Type.String({ maxLength: 400 }),
  slotType: Type.String({ maxLength: 60, pattern: '^[A-Za-z0-9:_-]*$' }),
});

const CancelForm = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) });
const RoundParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const SlotParams = Type.Object({ id: Type.String({ maxLength: 64 }), slotId: Type.String({ maxLength: 64 }) });

const emptyRound = (): RoundFormValues => ({ facilityId: '', title: '', month: '', opensDate: '', opensTime: '09:00', closesDate: '', closesTime: '17:00', drawDate: '', drawTime: '10:00', payDays: '7', maxPreferences: '3', maxEntries: '3', maxWinsPerTypeMonth: '1', maxWinsPerMonth: '' });
const emptySlots = (): SlotFormValues => ({ roomId: '', blockCodes: [], hoursFrom: '', hoursTo: '', weekdays: ['6', '7'], dates: '', slotType: '' });

/** "18:00" → minutes; null when not a time of day. */
function minutesOf(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text);
  if (!m) return null;
  const minutes = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minutes <= 1440 ? minutes : null;
}

/** "2026-12", "2026/12", "2026年12月", "令和8年12月" → "2026-12". */
function monthOf(text: string): string | null {
  const western = /^(\d{4})[-/.年](\d{1,2})月?$/.exec(text);
  if (western) return Number(western[2]) >= 1 && Number(western[2]) <= 12 ? `${western[1]}-${western[2]!.padStart(2, '0')}` : null;
  const parsed = parseJapaneseDate(`${text.replace(/月$/, '')}月1日`);
  return parsed.ok ? parsed.iso.slice(0, 7) : null;
}

function instantOf(dateText: string, timeText: string, dateField: string, timeField: string, errors: FieldError[]): Date | null {
  const date = parseJapaneseDate(dateText);
  const minutes = minutesOf(timeText || '00:00');
  if (!date.ok) errors.push({ field: dateField, messageKey: 'facilities.lottery.error.date' });
  if (minutes === null) errors.push({ field: timeField, messageKey: 'facilities.lottery.error.time' });
  return date.ok && minutes !== null ? japanInstant(date.iso, minutes * 60) : null;
}

function wholeNumber(text: string, field: string, min: number, max: number, errors: FieldError[], optional = false): number | null {
  if (optional && text === '') return null;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    errors.push({ field, messageKey: 'facilities.lottery.error.number', params: { min, max } });
    return null;
  }
  return Number(text);
}

export async function registerLotteryStaffRoutes(app: FastifyInstance, ctx: LotteryContext): Promise<void> {
  async function listPage(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, values: RoundFormValues, errors: Record<string, string>, status = 200) {
    const [rounds, facilities] = await Promise.all([roundsForStaff(ctx.db, staff), facilitiesForStaff(ctx.db, staff)]);
    // Staff who run no facility have no business here (the menu does not show it to them either).
    requireAccess(facilities.length > 0 || rounds.length > 0, 'forbidden');
    return reply.html(<StaffRoundsPage ctx={viewContext(request)} now={ctx.now()} rounds={rounds} facilities={facilities} values={values} errors={errors} />, status);
  }

  async function roundPage(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, id: string, extra: { slotForm?: { values: SlotFormValues; errors: Record<string, string> }; added?: AddSlotsResult; cancelErrors?: Record<string, string> } = {}, status = 200) {
    const data = await roundOverview(ctx.db, staff, id, ctx.now());
    return reply.html(<StaffRoundPage ctx={viewContext(request)} data={data} slotForm={extra.slotForm ?? { values: emptySlots(), errors: {} }} {...(extra.added ? { added: extra.added } : {})} {...(extra.cancelErrors ? { cancelErrors: extra.cancelErrors } : {})} />, status);
  }

  /** Runs a round action; a DomainError the staff can act on comes back as a notice on the round page. */
  async function act(reply: FastifyReply, id: string, action: () => Promise<unknown>, done: string) {
    try {
      await action();
      setFlash(reply, 'success', done);
    } catch (error) {
      if (!(error instanceof DomainError) || error.status === 404 || error.status === 403) throw error;
      setFlash(reply, 'error', error.fields[0]?.messageKey ?? error.messageKey, error.fields[0]?.params ?? error.params);
    }
    return reply.redirect(`/staff/facilities/lottery/${id}`, 303);
  }

  app.get('/staff/facilities/lottery', async (request, reply) => {
    const staff = requireStaff(request.staff);
    return listPage(request, reply, staff, emptyRound(), {});
  });

  app.post('/staff/facilities/lottery', async (request, reply) => {
    const staff = requireStaff(request.staff);
    const t = request.t;
    const { values, errors } = readForm(RoundForm, request.body, { title: t('facilities.lottery.staff.roundTitle'), month: t('facilities.lottery.month'), opensDate: t('facilities.lottery.staff.opensDate'), closesDate: t('facilities.lottery.staff.closesDate'), drawDate: t('facilities.lottery.staff.drawDate') });
    const month = monthOf(values.month);
    if (values.month && !month) errors.push({ field: 'month', messageKey: 'facilities.lottery.error.month' });
    const opensAt = instantOf(values.opensDate, values.opensTime, 'opensDate', 'opensTime', errors);
    const closesAt = instantOf(values.closesDate, values.closesTime, 'closesDate', 'closesTime', errors);
    const drawAt = instantOf(values.drawDate, values.drawTime, 'drawDate', 'drawTime', errors);
    const payDays = wholeNumber(values.payDays, 'payDays', 1, 30, errors);
    const maxPreferences = wholeNumber(values.maxPreferences, 'maxPreferences', 1, 5, errors);
    const maxEntries = wholeNumber(values.maxEntries, 'maxEntries', 1, 10, errors);
    const perType = wholeNumber(values.maxWinsPerTypeMonth, 'maxWinsPerTypeMonth', 1, 31, errors);
    const perMonth = wholeNumber(values.maxWinsPerMonth, 'maxWinsPerMonth', 1, 62, errors, true);
    const show = (errs: FieldError[]) => listPage(request, reply, staff, values, fieldErrorMap(errs, t), 400);
    if (errors.length) return show(errors);
    try {
      const id = await createRound(ctx, staff, { facilityId: values.facilityId, month: month!, title: values.title, opensAt: opensAt!, closesAt: closesAt!, drawAt: drawAt!, payDays: payDays!, maxPreferences: maxPreferences!, maxEntries: maxEntries!, maxWinsPerTypeMonth: perType!, maxWinsPerMonth: perMonth });
      setFlash(reply, 'success', 'facilities.lottery.staff.created');
      return reply.redirect(`/staff/facilities/lottery/${id}`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return show(error.fields);
      throw error;
    }
  });

  app.get('/staff/facilities/lottery/:id', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    return roundPage(request, reply, staff, (request.params as { id: string }).id);
  });

  app.post('/staff/facilities/lottery/:id/slots', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    const t = request.t;
    const { values, errors } = readForm(SlotForm, request.body, { roomId: t('facilities.lottery.slot.room'), slotType: t('facilities.lottery.staff.slotType') });
    const from = values.hoursFrom ? minutesOf(values.hoursFrom) : null;
    const to = values.hoursTo ? minutesOf(values.hoursTo) : null;
    if (values.hoursFrom && from === null) errors.push({ field: 'hoursFrom', messageKey: 'facilities.lottery.error.time' });
    if (values.hoursTo && to === null) errors.push({ field: 'hoursTo', messageKey: 'facilities.lottery.error.time' });
    if (from !== null && to !== null && (to <= from || from % 60 !== 0 || to % 60 !== 0)) errors.push({ field: 'hoursTo', messageKey: 'facilities.lottery.error.hourSpan' });
    const dates: string[] = [];
    for (const part of values.dates.split(/[,、\s]+/).filter(Boolean)) {
      const parsed = parseJapaneseDate(part);
      if (parsed.ok) dates.push(parsed.iso);
      else errors.push({ field: 'dates', messageKey: 'facilities.lottery.error.dates', params: { text: part } });
    }
    const slotForm = (errs: FieldError[]) => ({ values: { ...values, weekdays: [...values.weekdays] }, errors: fieldErrorMap(errs, t) });
    if (errors.length) return roundPage(request, reply, staff, id, { slotForm: slotForm(errors) }, 400);
    try {
      const added = await addSlots(ctx, staff, id, values.roomId, { blockCodes: values.blockCodes, hours: from !== null && to !== null ? { from, to } : null, weekdays: values.weekdays.map(Number), dates, slotType: values.slotType });
      return roundPage(request, reply, staff, id, { added });
    } catch (error) {
      if (error instanceof DomainError && error.code === 'invalid_input') return roundPage(request, reply, staff, id, { slotForm: slotForm(error.fields) }, 400);
      throw error;
    }
  });

  app.post('/staff/facilities/lottery/:id/slots/:slotId/remove', { schema: { params: SlotParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id, slotId } = request.params as { id: string; slotId: string };
    return act(reply, id, () => removeSlot(ctx, staff, id, slotId), 'facilities.lottery.staff.removed');
  });

  app.post('/staff/facilities/lottery/:id/publish', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    return act(reply, id, () => publishRound(ctx, staff, id), 'facilities.lottery.staff.published');
  });

  app.post('/staff/facilities/lottery/:id/draw', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    return act(reply, id, () => drawRound(ctx, staff, id), 'facilities.lottery.staff.drawn');
  });

  app.post('/staff/facilities/lottery/:id/settle', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    return act(reply, id, () => settleRoundOffers(ctx, staff, id), 'facilities.lottery.staff.settled');
  });

  app.post('/staff/facilities/lottery/:id/cancel', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id } = request.params as { id: string };
    const { values, errors } = readForm(CancelForm, request.body, { reason: request.t('facilities.lottery.staff.cancel.reason') });
    if (errors.length) return roundPage(request, reply, staff, id, { cancelErrors: fieldErrorMap(errors, request.t) }, 400);
    return act(reply, id, () => cancelRound(ctx, staff, id, values.reason), 'facilities.lottery.staff.cancelled');
  });
}
