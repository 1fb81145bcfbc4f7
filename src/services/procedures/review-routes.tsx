/**
 * The review page of one application and its actions (assign, start, ask for a
 * correction, approve, refuse, internal note) and file downloads. Each action is a
 * plain POST form: on success a notice and back to the page (303); on a mistake the
 * page again with the messages and what was typed (400).
 */
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireStaff } from '../../platform/access/require-access.ts';
import type { StaffActor } from '../../platform/access/actor.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { fieldErrorMap, readForm } from '../../platform/http/form.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import type { ProceduresCtx } from './application-service.ts';
import { addInternalNote, assignApplication, decideApplication, openReview, requestCorrection, staffFile, startReview } from './review-service.ts';
import { ReviewPage, type ReviewFormValues } from './review-views.tsx';
import { reviewPath } from './staff-views.tsx';

const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const FileParams = Type.Object({ id: Type.String({ maxLength: 64 }), fileId: Type.String({ maxLength: 64 }) });
// Required text and its length are checked by the service, with a message naming the field;
// these limits only stop abuse (a missing field is an empty answer, not a malformed request).
const Text = Type.Optional(Type.String({ maxLength: 20000 }));
const Csrf = { _csrf: Type.Optional(Type.String()) };
const AssignForm = Type.Object({ ...Csrf, assignee: Type.Optional(Type.String({ maxLength: 64 })) });
const ReturnForm = Type.Object({ ...Csrf, returnMessage: Text, fields: Type.Optional(Type.Array(Type.String({ maxLength: 100 }), { maxItems: 300 })) });
const ApproveForm = Type.Object({ ...Csrf, approveMessage: Text });
const RejectForm = Type.Object({ ...Csrf, reason: Text });
const NoteForm = Type.Object({ ...Csrf, note: Text });
const EmptyForm = Type.Object({ ...Csrf });

/** The service names its fields generically; the page's forms name them uniquely (ids must be unique on a page). */
const FIELD_OF_ACTION: Record<string, Record<string, string>> = {
  return: { message: 'returnMessage' },
  approve: { message: 'approveMessage' },
};

export async function registerReviewRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: ProceduresCtx = { db: platform.db.kysely, jobs: platform.jobs, now: platform.now, payments: platform.payments };
  const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

  async function show(request: FastifyRequest, reply: FastifyReply, staff: StaffActor, extra: { values?: ReviewFormValues; errors?: Record<string, string> } = {}, status = 200) {
    const view = await openReview(platform, staff, idOf(request), { locale: request.locale, requestId: request.id });
    return reply.html(<ReviewPage ctx={viewContext(request)} view={view} today={todayInJapan(ctx.now())} values={extra.values} errors={extra.errors} />, status);
  }

  app.get('/staff/procedures/applications/:id', { schema: { params: Params } }, async (request, reply) => show(request, reply, requireStaff(request.staff)));

  /**
   * One action route: read the form, run the service; field errors show the page again
   * (400) with what was typed; success sets the notice and goes back to the page.
   */
  function action<T extends ReturnType<typeof Type.Object>>(
    name: string,
    form: T,
    run: (staff: StaffActor, id: string, values: Record<string, unknown>, request: FastifyRequest) => Promise<{ key: string; params?: Record<string, string> }>,
  ) {
    app.post(`/staff/procedures/applications/:id/${name}`, { schema: { params: Params, body: form } }, async (request, reply) => {
      const staff = requireStaff(request.staff);
      const { values } = readForm(form, request.body);
      try {
        const done = await run(staff, idOf(request), values as Record<string, unknown>, request);
        setFlash(reply, 'success', done.key, done.params ?? {});
        return reply.redirect(reviewPath(idOf(request)), 303);
      } catch (error) {
        // Someone else moved it first (two clerks, a double click, the resident withdrew): say so on the page.
        if (error instanceof DomainError && error.code === 'invalid_state') {
          setFlash(reply, 'warning', error.messageKey, error.params as Record<string, string>);
          return reply.redirect(reviewPath(idOf(request)), 303);
        }
        if (!(error instanceof DomainError) || error.code !== 'invalid_input') throw error;
        const rename = FIELD_OF_ACTION[name] ?? {};
        const errors = fieldErrorMap(
          error.fields.map((f) => ({ ...f, field: rename[f.field] ?? f.field })),
          request.t,
        );
        return show(request, reply, staff, { values: values as ReviewFormValues, errors }, 400);
      }
    });
  }

  const meta = (request: FastifyRequest) => ({ requestId: request.id });

  action('assign', AssignForm, async (staff, id, v, request) => {
    const { name } = await assignApplication(ctx, staff, id, String(v.assignee ?? ''), meta(request));
    return { key: 'procedures.staff.done.assigned', params: { name } };
  });
  action('start', EmptyForm, async (staff, id, _v, request) => {
    await startReview(ctx, staff, id, meta(request));
    return { key: 'procedures.staff.done.started' };
  });
  action('return', ReturnForm, async (staff, id, v, request) => {
    await requestCorrection(ctx, staff, id, { message: String(v.returnMessage ?? ''), fields: (v.fields as string[]) ?? [] }, meta(request));
    return { key: 'procedures.staff.done.returned' };
  });
  action('approve', ApproveForm, async (staff, id, v, request) => {
    await decideApplication(ctx, staff, id, 'approve', { message: String(v.approveMessage ?? '') }, meta(request));
    return { key: 'procedures.staff.done.approved' };
  });
  action('reject', RejectForm, async (staff, id, v, request) => {
    await decideApplication(ctx, staff, id, 'reject', { message: String(v.reason ?? '') }, meta(request));
    return { key: 'procedures.staff.done.rejected' };
  });
  action('notes', NoteForm, async (staff, id, v, request) => {
    await addInternalNote(ctx, staff, id, String(v.note ?? ''), meta(request));
    return { key: 'procedures.staff.done.note' };
  });

  app.get('/staff/procedures/applications/:id/files/:fileId', { schema: { params: FileParams } }, async (request, reply) => {
    const staff = requireStaff(request.staff);
    const { id, fileId } = request.params as { id: string; fileId: string };
    const file = await staffFile(platform, staff, id, fileId, meta(request));
    const ascii = file.name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    return reply
      .type(file.mime)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });
}
