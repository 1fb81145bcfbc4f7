/**
 * One procedure's form at the counter: shown pre-filled, saved through the forms
 * engine (its messages, as residents get them online), group items added and
 * removed with plain buttons, scanned attachments stored as the visit's files.
 * The posted fields are the definition's own: the engine reads and checks each one
 * (TypeBox checks the path; form-post.ts bounds names, sizes and the button).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Answers, FieldError, FileAnswer, FileUploadError, ProcedureDefinition, RawForm } from '../../engines/forms/index.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { UUID_PATTERN } from '../../platform/http/ids.ts';
import { viewContext } from '../../platform/http/request-context.ts';
import { sniffType, type SniffedType } from '../../platform/files/sniff-type.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { counterStaff } from './counter-routes.tsx';
import { readPostedForm, type Upload } from './form-post.ts';
import { applyGroupAction, fileFieldOf, readScreen, screenRaw } from './form-screen.ts';
import { CounterFormPage } from './form-views.tsx';
import { formOfVisit, saveFormAnswers, type CounterContext } from './visit-service.ts';
import { COUNTER_HOME, visitHref } from './view-common.tsx';

const FormParams = Type.Object({ visitId: Type.String({ pattern: UUID_PATTERN }), procedureId: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });

export async function registerCounterFormRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: CounterContext = { db: platform.db.kysely, now: platform.now };

  function show(request: FastifyRequest, reply: FastifyReply, input: { visit: { id: string; resident_name: string }; def: ProcedureDefinition; answers: Answers; raw: RawForm; prefilled: string[]; errors: FieldError[]; notice: 'saved' | null }, status = 200) {
    const view = viewContext(request);
    const errors: Record<string, string> = {};
    for (const e of input.errors) errors[e.fieldId] ??= e.message[view.locale];
    const notice = input.notice ? { kind: 'success' as const, text: view.t('counter.form.saved') } : null;
    return reply.html(<CounterFormPage ctx={view} visit={input.visit} def={input.def} answers={input.answers} raw={input.raw} prefilled={input.prefilled} errors={errors} notice={notice} />, status);
  }

  /** Stores this post's scans (each checked against its field's size and types) and tells the engine what came. */
  async function storeUploads(visitId: string, def: ProcedureDefinition, uploads: Upload[]): Promise<Record<string, FileAnswer | FileUploadError>> {
    const files: Record<string, FileAnswer | FileUploadError> = {};
    for (const upload of uploads) {
      const field = fileFieldOf(def, upload.name);
      if (!field) continue;
      if (upload.bytes.length > field.maxBytes) {
        files[upload.name] = { error: 'too-large', limitBytes: field.maxBytes };
        continue;
      }
      const type = sniffType(upload.bytes, upload.filename);
      if (!type || !field.accept.includes(type)) {
        files[upload.name] = { error: 'wrong-type' };
        continue;
      }
      const stored = await platform.files.save({ bytes: upload.bytes, originalName: upload.filename, owner: { type: 'counter-visit', id: visitId }, allowed: field.accept as SniffedType[] });
      files[upload.name] = { fileId: stored.id, name: stored.originalName, type: stored.mime, size: stored.size };
    }
    return files;
  }

  app.get(`${COUNTER_HOME}/visits/:visitId/forms/:procedureId`, { schema: { params: FormParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId, procedureId } = request.params as { visitId: string; procedureId: string };
    const { visit, form, def } = await formOfVisit(ctx, staff, visitId, procedureId);
    if (visit.ended_at !== null || form.finish !== null) return reply.redirect(visitHref(visit.id), 303);
    return show(request, reply, { visit, def, answers: form.answers, raw: screenRaw(def, form.answers), prefilled: form.prefilled, errors: [], notice: null });
  });

  app.post(`${COUNTER_HOME}/visits/:visitId/forms/:procedureId`, { schema: { params: FormParams, hide: true } }, async (request, reply) => {
    const staff = counterStaff(request);
    const { visitId, procedureId } = request.params as { visitId: string; procedureId: string };
    const { visit, form, def } = await formOfVisit(ctx, staff, visitId, procedureId);
    if (visit.ended_at !== null || form.finish !== null) return reply.redirect(visitHref(visit.id), 303);
    const posted = await readPostedForm(request.body);
    const files = await storeUploads(visit.id, def, posted.uploads);
    const read = readScreen(def, form.answers, posted.raw, { today: todayInJapan(ctx.now()), files });
    const meta = { requestId: request.id };
    // What was typed stays on the screen; a file just stored shows as the saved one.
    const keepTyped = (answers: Answers): RawForm => {
      const fromAnswers = screenRaw(def, answers);
      const raw: RawForm = { ...posted.raw };
      for (const name of Object.keys(files)) if (fromAnswers[name] !== undefined) raw[name] = fromAnswers[name];
      return raw;
    };

    const group = applyGroupAction(def, read.answers, keepTyped(read.answers), posted.action);
    if (group) {
      await saveFormAnswers(ctx, staff, visit.id, procedureId, group.answers, meta);
      return show(request, reply, { visit, def, answers: group.answers, raw: group.raw, prefilled: form.prefilled, errors: [], notice: null });
    }
    await saveFormAnswers(ctx, staff, visit.id, procedureId, read.answers, meta);
    if (read.errors.length) return show(request, reply, { visit, def, answers: read.answers, raw: keepTyped(read.answers), prefilled: form.prefilled, errors: read.errors, notice: null }, 400);
    if (posted.action === 'done') {
      setFlash(reply, 'success', 'counter.flash.saved');
      return reply.redirect(visitHref(visit.id), 303);
    }
    return show(request, reply, { visit, def, answers: read.answers, raw: screenRaw(def, read.answers), prefilled: form.prefilled, errors: [], notice: 'saved' });
  });
}
