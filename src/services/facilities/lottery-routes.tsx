/**
 * Pages of the facility lottery for residents and the public: rounds, applying,
 * one's own entries, and each drawn round's verifiable result (seed, algorithm,
 * pseudonymised input, digests, downloads). Thin: parse, call the service, present.
 * `registerLotteryRoutes` also registers the staff pages and makes sure every
 * published round's draw is queued.
 */
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, notFound, type FieldError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadPurposes } from './catalogue.ts';
import { bookableGroupsOf } from './group-membership.ts';
import { lotteryContext, type LotteryContext } from './lottery-context.ts';
import { ensureLotteryJobs } from './lottery-jobs.ts';
import { applyForRound, entryForView, myEntries, publicResult, publicRound, roundSlots, roundsForResidents, withdrawEntry } from './lottery-service.ts';
import { registerLotteryStaffRoutes } from './lottery-staff-routes.tsx';
import { asFacilitiesDb } from './lottery-tables.ts';
import { AlgorithmPage, ResultsPage } from './lottery-result-views.tsx';
import { slotWordsByCode } from './lottery-slot-text.ts';
import { EntryPage, LotteryHomePage, RoundPage, type EntryFormValues } from './lottery-views.tsx';
import { roundPhase } from './lottery-policy.ts';

const MAX_PREFERENCES = 5;
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
const RoundParams = Type.Object({ roundId: Type.String({ maxLength: 64 }) });

export const EntryForm = Type.Object({
  groupId: Type.String({ maxLength: 64 }),
  preference1: Type.String({ maxLength: 64 }),
  preference2: Type.String({ maxLength: 64 }),
  preference3: Type.String({ maxLength: 64 }),
  preference4: Type.String({ maxLength: 64 }),
  preference5: Type.String({ maxLength: 64 }),
  purpose: Type.String({ maxLength: 40 }),
  purposeDetail: Type.String({ maxLength: 200 }),
  headcount: Type.String({ maxLength: 6 }),
  idempotencyKey: Type.String({ minLength: 16, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }),
});

/** The published algorithm, served as it is in the repository (the engine's README). */
const ALGORITHM_TEXT = readFileSync(new URL('../../engines/lottery/README.md', import.meta.url), 'utf8');

const newKey = () => crypto.randomBytes(18).toString('base64url');
const emptyForm = (): EntryFormValues => ({ groupId: '', preferences: [], purpose: '', purposeDetail: '', headcount: '', idempotencyKey: newKey() });

/** Reads the entry form: ordered preferences without gaps, a whole headcount. */
function entryFormOf(body: unknown, maxPreferences: number, t: FastifyRequest['t']): { values: EntryFormValues; errors: FieldError[] } {
  const { values, errors } = readForm(EntryForm, body, { groupId: t('facilities.lottery.apply.as'), purpose: t('facilities.lottery.apply.purpose'), purposeDetail: t('facilities.lottery.apply.detail'), headcount: t('facilities.lottery.apply.headcount'), idempotencyKey: t('facilities.lottery.apply.submit') });
  const raw = [values.preference1, values.preference2, values.preference3, values.preference4, values.preference5].slice(0, Math.min(maxPreferences, MAX_PREFERENCES));
  const form: EntryFormValues = { groupId: values.groupId, preferences: raw, purpose: values.purpose, purposeDetail: values.purposeDetail, headcount: values.headcount, idempotencyKey: values.idempotencyKey };
  const lastChosen = raw.map((p) => p !== '').lastIndexOf(true);
  raw.forEach((p, i) => {
    if (p === '' && i < lastChosen) errors.push({ field: `preference${i + 1}`, messageKey: 'facilities.lottery.error.gap', params: { rank: i + 1 } });
  });
  if (!values.purpose) errors.push({ field: 'purpose', messageKey: 'facilities.lottery.error.purposeMissing' });
  if (!/^\d{1,4}$/.test(values.headcount) || Number(values.headcount) < 1) errors.push({ field: 'headcount', messageKey: 'facilities.lottery.error.headcount' });
  return { values: form, errors };
}

/** Only purposes every room of the round allows: an entry names one purpose for all its choices, and each is checked. */
async function purposesOfRooms<P extends { code: string }>(ctx: LotteryContext, roomIds: string[], purposes: P[]): Promise<P[]> {
  if (roomIds.length === 0) return purposes;
  const rooms = await asFacilitiesDb(ctx.db).selectFrom('facility_rooms').select('purposes').where('id', 'in', roomIds).execute();
  return purposes.filter((p) => rooms.every((r) => r.purposes.includes(p.code)));
}

async function showRound(request: FastifyRequest, reply: FastifyReply, ctx: LotteryContext, roundId: string, values: EntryFormValues, errors: Record<string, string>, status = 200) {
  const round = await publicRound(ctx.db, roundId, ctx.now());
  const resident = request.resident;
  const registered = resident ? await ctx.db.selectFrom('facility_users').select('resident_account_id').where('resident_account_id', '=', resident.accountId).executeTakeFirst() : undefined;
  const groups = resident ? await bookableGroupsOf(asFacilitiesDb(ctx.db), resident) : [];
  const [slots, allPurposes] = await Promise.all([roundSlots(ctx.db, roundId), loadPurposes(asFacilitiesDb(ctx.db))]);
  const purposes = await purposesOfRooms(ctx, [...new Set(slots.map((s) => s.roomId))], allPurposes);
  const mine = resident ? (await myEntries(ctx.db, resident)).filter((e) => e.round_id === roundId) : [];
  return reply.html(
    <RoundPage ctx={viewContext(request)} round={round} slots={slots} state={!resident ? 'anonymous' : registered ? 'ready' : 'unregistered'} groups={groups} purposes={purposes} values={values} errors={errors} mine={mine} />,
    status,
  );
}

export async function registerLotteryRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx = lotteryContext(platform);

  app.get('/facilities/lottery', async (request, reply) => {
    const rounds = await roundsForResidents(ctx.db, ctx.now());
    const mine = request.resident ? await myEntries(ctx.db, request.resident) : null;
    return reply.html(<LotteryHomePage ctx={viewContext(request)} rounds={rounds} mine={mine} />);
  });

  app.get('/facilities/lottery/algorithm', async (request, reply) => reply.html(<AlgorithmPage ctx={viewContext(request)} />));

  app.get('/facilities/lottery/algorithm.md', async (_request, reply) => reply.type('text/markdown; charset=utf-8').send(ALGORITHM_TEXT));

  app.get('/facilities/lottery/:roundId', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const { roundId } = request.params as { roundId: string };
    return showRound(request, reply, ctx, roundId, emptyForm(), {});
  });

  app.post('/facilities/lottery/:roundId/apply', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { roundId } = request.params as { roundId: string };
    const round = await publicRound(ctx.db, roundId, ctx.now());
    const { values, errors } = entryFormOf(request.body, round.max_preferences, request.t);
    const show = (errs: FieldError[]) => showRound(request, reply, ctx, roundId, values, fieldErrorMap(errs, request.t), 400);
    if (errors.length) return show(errors);
    try {
      const entryId = await applyForRound(ctx, resident, roundId, {
        groupId: values.groupId || null,
        preferences: values.preferences.filter((p) => p !== ''),
        purpose: values.purpose,
        purposeDetail: values.purposeDetail,
        headcount: Number(values.headcount),
        idempotencyKey: values.idempotencyKey,
      });
      setFlash(reply, 'success', 'facilities.lottery.apply.done');
      return reply.redirect(`/facilities/lottery/entries/${entryId}`, 303);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'invalid_input') return show(error.fields);
      if (error.code === 'facility_user_required') return reply.redirect(`/facilities/register?next=${encodeURIComponent(`/facilities/lottery/${roundId}`)}`, 303);
      if (error.code === 'round_not_open') {
        setFlash(reply, 'warning', 'facilities.lottery.error.notOpen');
        return reply.redirect(`/facilities/lottery/${roundId}`, 303);
      }
      throw error;
    }
  });

  app.get('/facilities/lottery/entries/:id', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const view = await entryForView(ctx, resident, (request.params as { id: string }).id);
    return reply.html(<EntryPage ctx={viewContext(request)} view={view} />);
  });

  app.post('/facilities/lottery/entries/:id/withdraw', { schema: { params: IdParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const { id } = request.params as { id: string };
    try {
      await withdrawEntry(ctx, resident, id);
      setFlash(reply, 'success', 'facilities.lottery.withdraw.done');
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'round_not_open') throw error;
      setFlash(reply, 'warning', 'facilities.lottery.error.notOpen');
    }
    return reply.redirect(`/facilities/lottery/entries/${id}`, 303);
  });

  app.get('/facilities/lottery/:roundId/results', { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
    const round = await publicResult(ctx.db, (request.params as { roundId: string }).roundId, ctx.now());
    const words = await slotWordsByCode(ctx.db, round.id, request.locale);
    return reply.html(<ResultsPage ctx={viewContext(request)} round={round} phase={roundPhase(round, ctx.now())} slotWords={words} />);
  });

  // The published files: exactly what was hashed, so anyone can run the verifier on them.
  for (const file of ['input', 'result'] as const) {
    app.get(`/facilities/lottery/:roundId/${file}.json`, { schema: { params: RoundParams, hide: true } }, async (request, reply) => {
      const round = await publicResult(ctx.db, (request.params as { roundId: string }).roundId, ctx.now());
      const body = file === 'input' ? round.input : round.result;
      if (!body) throw notFound();
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="lottery-${round.id}-${file}.json"`)
        .send(JSON.stringify(body, null, 2) + '\n');
    });
  }

  await registerLotteryStaffRoutes(app, ctx);
  await ensureLotteryJobs(ctx);
}
