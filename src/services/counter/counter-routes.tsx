/**
 * The clerk's pages: find the person, check identity (the visit starts), the visit
 * screen (add and remove procedures, confirm on this screen, finish, PDF, end).
 * Thin: authenticate, validate with TypeBox, call one service function, present.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { StaffActor } from '../../platform/access/actor.ts';
import { requireAccess, requireStaff } from '../../platform/access/require-access.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { readForm } from '../../platform/http/form.ts';
import { UUID_PATTERN } from '../../platform/http/ids.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { listPublishedProcedures } from '../procedures/public-api.ts';
import { viewResident } from '../registry/registry-service.ts';
import { availableBundles } from './bundles.ts';
import { openVisits } from './counter-queries.ts';
import { finishForms, type FinishProblem } from './finish-service.ts';
import { readIdentityCheck, type IdentityForm } from './identity-methods.ts';
import { canUseCounter } from './policy.ts';
import { findAtCounter, readLookup } from './resident-lookup.ts';
import { CounterHomePage, IdentityPage, VisitorPage } from './search-views.tsx';
import { counterDb, type FormFinish } from './tables.ts';
import { visitPdf } from './visit-pdf.ts';
import { addProcedures, confirmVisit, endVisit, loadVisit, removeProcedure, startVisit, startVisitorVisit, type CounterContext } from './visit-service.ts';
import { EMPTY_VISITOR, readVisitor, type VisitorForm } from './visitor-facts.ts';
import { VisitPage } from './visit-views.tsx';
import { COUNTER_HOME, displayHref, errorMap, visitHref } from './view-common.tsx';

export const VisitParams = Type.Object({ visitId: Type.String({ pattern: UUID_PATTERN }) });
const ResidentParams = Type.Object({ residentId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$' }) });
const ProcedureParams = Type.Object({ visitId: Type.String({ pattern: UUID_PATTERN }), procedureId: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });

const SearchQuery = Type.Object({ kana: Type.String({ maxLength: 60 }), birthDate: Type.String({ maxLength: 40 }) });
const IdentityBody = Type.Object({
  method: Type.String({ maxLength: 40 }),
  digits: Type.String({ maxLength: 8 }),
  note: Type.String({ maxLength: 100 }),
  agentName: Type.String({ maxLength: 60 }),
  agentDocument: Type.String({ maxLength: 40 }),
});
const VisitorBody = Type.Object({
  name: Type.String({ maxLength: 80 }),
  nameKana: Type.String({ maxLength: 120 }),
  birthDate: Type.String({ maxLength: 40 }),
  postalCode: Type.String({ maxLength: 20 }),
  address: Type.String({ maxLength: 240 }),
  ...IdentityBody.properties,
});
const AddBody = Type.Object({ bundle: Type.String({ maxLength: 40 }), procedure: Type.Array(Type.String({ pattern: '^[a-z0-9-]{1,80}$' }), { maxItems: 60 }) });
const ConfirmBody = Type.Object({ via: Type.Union([Type.Literal('second_screen'), Type.Literal('clerk_screen')]), contentHash: Type.String({ pattern: '^[0-9a-f]{64}$' }) });
/** One choice per form: finish.<procedure id> = submit | print | later. */
const FinishBody = Type.Record(Type.String({ pattern: '^finish\\.[a-z0-9-]{1,80}$' }), Type.Union([Type.Literal('submit'), Type.Literal('print'), Type.Literal('later')]), { maxProperties: 60, additionalProperties: false });
const EndBody = Type.Object({ outcome: Type.Union([Type.Literal('end'), Type.Literal('cancel')]) });

/** Signed-in staff allowed at the counter, or the error the edge turns into a login redirect or 403. */
export function counterStaff(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canUseCounter(staff), 'forbidden');
  return staff;
}

export async function registerCounterRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: CounterContext = { db: platform.db.kysely, now: platform.now };
  const meta = (request: FastifyRequest) => ({ requestId: request.id });

  app.get(COUNTER_HOME, { schema: { hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const t = request.t;
    const { values, errors: formErrors } = readForm(SearchQuery, request.query, { kana: t('counter.search.kana'), birthDate: t('counter.search.birthDate') });
    const open = await openVisits(counterDb(ctx.db));
    const page = (errors: Record<string, string>, result: Parameters<typeof CounterHomePage>[0]['result'], registryRefused: boolean, status = 200) =>
      reply.html(<CounterHomePage ctx={viewContext(request)} today={todayInJapan(ctx.now())} values={values} errors={errors} result={result} registryRefused={registryRefused} openVisits={open} />, status);
    if (!values.kana && !values.birthDate) return page({}, null, false);
    const { query, errors } = formErrors.length ? { query: null, errors: formErrors } : readLookup(values);
    if (!query) return page(errorMap(viewContext(request), errors), null, false, 400);
    try {
      return page({}, await findAtCounter(ctx.db, staff, query, request.id), false);
    } catch (error) {
      // The registry decides who may search the register; the counter says so plainly.
      if (error instanceof DomainError && error.status === 403) return page({}, null, true, 403);
      throw error;
    }
  });

  async function identityPage(request: FastifyRequest, reply: FastifyReply, residentId: string, values: IdentityForm, errors: Record<string, string>, status = 200) {
    const record = await viewResident(ctx.db, counterStaff(request), residentId, { reason: 'counter', requestId: request.id });
    return reply.html(<IdentityPage ctx={viewContext(request)} today={todayInJapan(ctx.now())} record={record} values={values} errors={errors} />, status);
  }

  app.get(`${COUNTER_HOME}/residents/:residentId`, { schema: { params: ResidentParams, hide: true } }, async (request, reply) => {
    counterStaff(request);
    const { residentId } = request.params as { residentId: string };
    return identityPage(request, reply, residentId, { method: '', digits: '', note: '', agentName: '', agentDocument: '' }, {});
  });

  app.post(`${COUNTER_HOME}/residents/:residentId/visits`, { schema: { params: ResidentParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { residentId } = request.params as { residentId: string };
    const t = request.t;
    const { values, errors: formErrors } = readForm(IdentityBody, request.body, { method: t('counter.identity.method'), digits: t('counter.identity.digits'), note: t('counter.identity.note'), agentName: t('counter.identity.agentName'), agentDocument: t('counter.identity.agentDocument') });
    const { check, errors } = readIdentityCheck(values);
    if (!check || formErrors.length) return identityPage(request, reply, residentId, values, errorMap(viewContext(request), [...formErrors, ...errors]), 400);
    const visitId = await startVisit(ctx, staff, residentId, check, meta(request));
    setFlash(reply, 'success', 'counter.flash.started');
    return reply.redirect(visitHref(visitId), 303);
  });

  // Someone not on the register (moving in from another city …): typed by the clerk, then the same identity check.
  const visitorPage = (request: FastifyRequest, reply: FastifyReply, values: VisitorForm & IdentityForm, errors: Record<string, string>, status = 200) =>
    reply.html(<VisitorPage ctx={viewContext(request)} values={values} errors={errors} />, status);

  app.get(`${COUNTER_HOME}/visitors/new`, { schema: { hide: true } }, async (request, reply) => {
    counterStaff(request);
    return visitorPage(request, reply, { ...EMPTY_VISITOR, method: '', digits: '', note: '', agentName: '', agentDocument: '' }, {});
  });

  app.post(`${COUNTER_HOME}/visitors`, { schema: { hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const t = request.t;
    const { values, errors: formErrors } = readForm(VisitorBody, request.body, {
      name: t('counter.col.name'),
      nameKana: t('counter.col.kana'),
      birthDate: t('counter.col.birthDate'),
      postalCode: t('counter.visitor.postal'),
      address: t('counter.col.address'),
      method: t('counter.identity.method'),
      digits: t('counter.identity.digits'),
      note: t('counter.identity.note'),
      agentName: t('counter.identity.agentName'),
      agentDocument: t('counter.identity.agentDocument'),
    });
    const { visitor, errors: visitorErrors } = readVisitor(values, todayInJapan(ctx.now()));
    const { check, errors: identityErrors } = readIdentityCheck(values);
    if (!visitor || !check || formErrors.length) return visitorPage(request, reply, values, errorMap(viewContext(request), [...formErrors, ...visitorErrors, ...identityErrors]), 400);
    const visitId = await startVisitorVisit(ctx, staff, visitor, check, meta(request));
    setFlash(reply, 'success', 'counter.flash.started');
    return reply.redirect(visitHref(visitId), 303);
  });

  async function visitPage(request: FastifyRequest, reply: FastifyReply, visitId: string, problems: FinishProblem[] = [], status = 200) {
    const staff = counterStaff(request);
    const view = await loadVisit(ctx, staff, visitId);
    const published = await listPublishedProcedures(ctx.db);
    const procedures = [...published].sort((a, b) => a.definition.title.ja.localeCompare(b.definition.title.ja, 'ja'));
    const bundles = availableBundles(new Set(published.map((p) => p.id)));
    return reply.html(<VisitPage ctx={viewContext(request)} view={view} now={ctx.now()} bundles={bundles} procedures={procedures} problems={problems} />, status);
  }

  app.get(`${COUNTER_HOME}/visits/:visitId`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const { visitId } = request.params as { visitId: string };
    return visitPage(request, reply, visitId);
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/procedures`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const { values, errors } = readForm(AddBody, request.body);
    if (errors.length || (!values.bundle && values.procedure.length === 0)) {
      setFlash(reply, 'warning', 'counter.flash.chooseProcedure');
      return reply.redirect(visitHref(visitId), 303);
    }
    const { added, unavailable } = await addProcedures(ctx, staff, visitId, { procedureIds: values.procedure, bundleId: values.bundle || null }, meta(request));
    if (unavailable.length) setFlash(reply, 'warning', 'counter.flash.unavailable', { count: unavailable.length });
    else setFlash(reply, 'success', 'counter.flash.added', { count: added.length });
    return reply.redirect(visitHref(visitId), 303);
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/procedures/:procedureId/remove`, { schema: { params: ProcedureParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId, procedureId } = request.params as { visitId: string; procedureId: string };
    await removeProcedure(ctx, staff, visitId, procedureId, meta(request));
    setFlash(reply, 'success', 'counter.flash.removed');
    return reply.redirect(visitHref(visitId), 303);
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/confirm`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const { values, errors } = readForm(ConfirmBody, request.body);
    const back = values.via === 'second_screen' ? displayHref(visitId) : visitHref(visitId);
    if (errors.length) return reply.redirect(back, 303);
    try {
      await confirmVisit(ctx, staff, visitId, values.via, values.contentHash, meta(request));
    } catch (error) {
      // The clerk changed something since the screen was drawn: show the new content to confirm.
      if (error instanceof DomainError && error.status === 409) {
        setFlash(reply, 'warning', error.messageKey);
        return reply.redirect(values.via === 'second_screen' ? `${back}?changed=1` : back, 303);
      }
      throw error;
    }
    // The second screen shows the confirmation itself; the flash is for the clerk's screen.
    if (values.via === 'clerk_screen') setFlash(reply, 'success', 'counter.flash.confirmed');
    return reply.redirect(back, 303);
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/finish`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const { _csrf, ...body } = (request.body && typeof request.body === 'object' ? request.body : {}) as Record<string, unknown>;
    const choices: Record<string, FormFinish> = {};
    if (Value.Check(FinishBody, body)) {
      for (const [key, value] of Object.entries(body)) if (value !== 'later') choices[key.slice('finish.'.length)] = value;
    }
    if (Object.keys(choices).length === 0) {
      setFlash(reply, 'warning', 'counter.flash.chooseFinish');
      return reply.redirect(visitHref(visitId), 303);
    }
    const result = await finishForms(platform, staff, visitId, choices, meta(request));
    if (result.problems.length) return visitPage(request, reply, visitId, result.problems, 409);
    setFlash(reply, 'success', 'counter.flash.finished', { submitted: result.submitted.length, printed: result.printed.length });
    return reply.redirect(visitHref(visitId), 303);
  });

  app.get(`${COUNTER_HOME}/visits/:visitId/visit.pdf`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const pdf = await visitPdf(platform, staff, visitId, meta(request));
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="${pdf.filename}"`).header('cache-control', 'no-store').send(pdf.bytes);
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/end`, { schema: { params: VisitParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId } = request.params as { visitId: string };
    const { values, errors } = readForm(EndBody, request.body);
    if (errors.length) return reply.redirect(visitHref(visitId), 303);
    const outcome = await endVisit(ctx, staff, visitId, values.outcome === 'cancel', meta(request));
    setFlash(reply, 'success', 'counter.flash.ended', { outcome: request.t(`counter.outcome.${outcome}`) });
    return reply.redirect(visitHref(visitId), 303);
  });
}
