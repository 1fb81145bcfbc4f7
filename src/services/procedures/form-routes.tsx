/**
 * Filling in an application, one page at a time, without JavaScript: start (login,
 * and a card login for card procedures), question pages with Back / Save and continue
 * / group add and remove / file uploads, check your answers, submit. Every post of a
 * page saves the draft. A post that arrives after the login expired is kept and applied
 * after the resident logs in again (pending-posts.ts).
 */
import crypto from 'node:crypto';
import { Type } from '@sinclair/typebox';
import type { FastifyContextConfig, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ResidentActor } from '../../platform/access/actor.ts';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError } from '../../platform/http/errors.ts';
import { setFlash } from '../../platform/http/flash.ts';
import { cookieOptions, CSRF_COOKIE, viewContext } from '../../platform/http/request-context.ts';
import { sniffType, type SniffedType } from '../../platform/files/sniff-type.ts';
import type { Platform } from '../../platform/platform.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import {
  addGroupItem,
  feeYen,
  formatBytes,
  lookupPostal,
  nextPageId,
  previousPageId,
  readPage,
  removeGroupItem,
  summarise,
  toRawForm,
  visibleFields,
  visiblePages,
  type Answers,
  type FieldError as FormFieldError,
  type FileAnswer,
  type FileUploadError,
  type Page as FormPage,
  type ProcedureDefinition,
  type RawForm,
} from '../../engines/forms/index.ts';
import { applicationById } from './application-queries.ts';
import { definitionOf, deliveredByPost, EDITABLE_STATUSES, finalAnswers, ownApplication, paymentOptionsFor, resubmitApplication, saveAnswers, startApplication, submitApplication, type ProceduresCtx } from './application-service.ts';
import { CardRequiredPage, local } from './catalogue-views.tsx';
import { CheckAnswersPage, QuestionPage } from './form-views.tsx';
import { fieldByName, fieldsToShow, findPage, mergePageAnswers, pageOfField, readPostedPage, shiftGroupRaw, type Upload } from './page-flow.ts';
import { registerLocationAssets } from './location-assets.ts';
import { locationsOf, type MapTiles } from './location-map-views.tsx';
import { PENDING_COOKIE, PENDING_MINUTES, stashPost, takePost, type PendingPost } from './pending-posts.ts';
import { needsPrefill, prefillFactsFor, prefillUnanswered } from './prefill-facts.ts';
import { publishedProcedure } from './procedure-store.ts';
import { proceduresDb, type PaymentMethod } from './tables.ts';

const ProcedureParams = Type.Object({ id: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }) });
const AppParams = Type.Object({ appId: Type.String({ maxLength: 64 }) });
const PageParams = Type.Object({ appId: Type.String({ maxLength: 64 }), pageId: Type.String({ maxLength: 100 }) });
const PageQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 10 })) });

const appBase = (id: string) => `/procedures/applications/${id}`;
const pageHref = (id: string, pageId: string, fromCheck = false) => `${appBase(id)}/pages/${encodeURIComponent(pageId)}${fromCheck ? '?from=check' : ''}`;

/** Engine errors for the error summary, in the page's language. */
function errorList(request: FastifyRequest, errors: FormFieldError[]) {
  return errors.map((e) => ({ field: e.fieldId, message: request.locale === 'en' ? e.message.en : e.message.ja }));
}

/** Where a complete-or-not draft goes next: the first page with a problem, or check your answers. */
function firstProblemPage(def: ProcedureDefinition, answers: Answers, today: string): string | null {
  const { errors } = finalAnswers(def, answers, today);
  if (errors.length === 0) return null;
  return pageOfField(def, errors[0]!.fieldId) ?? def.pages[0]!.id;
}

export async function registerFormRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const ctx: ProceduresCtx = { db: platform.db.kysely, jobs: platform.jobs, now: platform.now, payments: platform.payments };
  const db = platform.db.kysely;
  const tiles: MapTiles = { url: platform.config.mapTileUrl, attribution: platform.config.mapTileAttribution };
  registerLocationAssets(app);

  app.post('/procedures/:id/start', { schema: { params: ProcedureParams, hide: true } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const procedure = await publishedProcedure(db, id);
    if (!procedure) return reply.callNotFound();
    const resident = requireResident(request.resident);
    if (procedure.definition.assurance === 'card' && resident.assurance !== 'card') {
      return reply.html(<CardRequiredPage ctx={viewContext(request)} title={local(viewContext(request), procedure.definition.title)} next={`/procedures/${id}`} />, 403);
    }
    const started = await startApplication(ctx, resident, id, { requestId: request.id });
    return reply.redirect(pageHref(started.id, started.pageId ?? procedure.definition.pages[0]!.id), 303);
  });

  /** Renders a question page (after GET, after a post with errors, after add/remove). */
  async function showPage(
    request: FastifyRequest,
    reply: FastifyReply,
    input: { applicationId: string; def: ProcedureDefinition; pageId: string; answers: Answers; raw: RawForm; errors: FormFieldError[]; fromCheck: boolean; notice?: { kind: 'info' | 'success' | 'warning'; text: string } | null },
    status = 200,
  ) {
    const page = findPage(input.def, input.pageId)!;
    const pages = visiblePages(input.def, input.answers);
    const step = Math.max(1, pages.findIndex((p) => p.id === page.id) + 1);
    const { fields, conditional } = fieldsToShow(page, visibleFields(page.fields, input.answers));
    return reply.html(
      <QuestionPage
        ctx={viewContext(request)}
        def={input.def}
        applicationId={input.applicationId}
        page={page}
        fields={fields}
        conditional={conditional}
        raw={input.raw}
        answers={input.answers}
        errors={errorList(request, input.errors)}
        step={step}
        total={Math.max(pages.length, step)}
        fromCheck={input.fromCheck}
        notice={input.notice ?? null}
        tiles={tiles}
      />,
      status,
    );
  }

  async function editableDraft(resident: ResidentActor, applicationId: string) {
    const row = await ownApplication(db, resident, applicationId);
    const editable = (EDITABLE_STATUSES as readonly string[]).includes(row.status);
    const def = await definitionOf(db, row);
    return { row, def, editable };
  }

  app.get('/procedures/applications/:appId/pages/:pageId', { schema: { params: PageParams, querystring: PageQuery, hide: true } }, async (request, reply) => {
    const { appId, pageId } = request.params as { appId: string; pageId: string };
    const resident = requireResident(request.resident);
    const { row, def, editable } = await editableDraft(resident, appId);
    if (!editable) return reply.redirect(appBase(row.id), 303);
    const page = findPage(def, pageId);
    if (!page) return reply.callNotFound();
    if (!visiblePages(def, row.answers).some((p) => p.id === pageId)) return reply.redirect(pageHref(row.id, row.current_page_id ?? def.pages[0]!.id), 303);
    const fromCheck = (request.query as { from?: string }).from === 'check';
    const answers = await withPrefill(resident, row, def, page);
    return showPage(request, reply, { applicationId: row.id, def, pageId, answers, raw: toRawForm(def, pageId, answers), errors: [], fromCheck });
  });

  /**
   * A draft's answers with the register's suggestions for this page's unanswered fields,
   * each time the page is shown (going back, logging in again). Only drafts: an
   * application returned for correction keeps exactly what was sent.
   */
  async function withPrefill(resident: ResidentActor, row: { status: string; answers: Answers }, def: ProcedureDefinition, page: FormPage): Promise<Answers> {
    if (row.status !== 'draft' || !needsPrefill(page, row.answers)) return row.answers;
    return prefillUnanswered(def, page, row.answers, await prefillFactsFor(db, resident.residentId, resident.accountId));
  }

  /** Stores this post's files (checked against the field's size and types) and tells the engine what came. */
  async function storeUploads(applicationId: string, def: ProcedureDefinition, pageId: string, uploads: Upload[]): Promise<Record<string, FileAnswer | FileUploadError>> {
    const files: Record<string, FileAnswer | FileUploadError> = {};
    for (const upload of uploads) {
      const field = fieldByName(def, upload.name);
      if (!field || field.type !== 'file' || pageOfField(def, upload.name) !== pageId) continue;
      if (upload.bytes.length === 0) {
        files[upload.name] = { error: 'missing' };
        continue;
      }
      if (upload.truncated || upload.bytes.length > field.maxBytes) {
        // A file cut off at the app's upload limit is only known to be bigger than that limit.
        files[upload.name] = { error: 'too-large', limitBytes: Math.min(field.maxBytes, platform.config.uploadMaxBytes) };
        continue;
      }
      const type = sniffType(upload.bytes, upload.filename);
      if (!type || !field.accept.includes(type)) {
        files[upload.name] = { error: 'wrong-type' };
        continue;
      }
      const stored = await platform.files.save({ bytes: upload.bytes, originalName: upload.filename, owner: { type: 'procedure-application', id: applicationId }, allowed: field.accept as SniffedType[] });
      await proceduresDb(db).insertInto('application_files').values({ application_id: applicationId, file_id: stored.id, field_id: upload.name, uploaded_by: 'resident' }).execute();
      files[upload.name] = { fileId: stored.id, name: stored.originalName, type: stored.mime, size: stored.size };
    }
    return files;
  }

  /**
   * One posted page: read it with the engine, save what is valid, then go where the
   * button pressed says (continue, back, save for later, add or remove a group item).
   */
  async function handlePagePost(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, applicationId: string, pageId: string, posted: { raw: RawForm; uploads: Upload[]; action: string; returnTo: string | null }) {
    const { row, def, editable } = await editableDraft(resident, applicationId);
    if (!editable) return reply.redirect(appBase(row.id), 303);
    const page = findPage(def, pageId);
    if (!page) return reply.callNotFound();
    const today = todayInJapan(ctx.now());
    const files = await storeUploads(row.id, def, pageId, posted.uploads);
    const read = readPage(def, pageId, posted.raw, { today, files, answers: row.answers });
    let answers = mergePageAnswers(def, row.answers, page, read.answers);
    const fromCheck = posted.returnTo === 'check';
    const save = (resumeAt: string | null) => saveAnswers(ctx, resident, row.id, answers, resumeAt, { requestId: request.id });
    // Typed values that were not accepted stay in the form; the files just stored are shown as chosen.
    const keepTyped = (raw: RawForm) => ({ ...raw, ...fileRaw(toRawForm(def, pageId, answers), files) });

    const [verb, groupId, index] = posted.action.split(':');
    if ((verb === 'add' || verb === 'remove') && groupId && page.fields.some((f) => f.id === groupId && f.type === 'group')) {
      let raw = keepTyped(posted.raw);
      if (verb === 'add') answers = addGroupItem(answers, groupId);
      else {
        const i = Number(index);
        if (Number.isInteger(i) && i >= 0) {
          answers = removeGroupItem(answers, groupId, i);
          raw = shiftGroupRaw(raw, groupId, i);
        }
      }
      await save(pageId);
      return showPage(request, reply, { applicationId: row.id, def, pageId, answers, raw, errors: [], fromCheck });
    }
    if (verb === 'postal' && groupId) {
      // 郵便番号から住所を入力, without JavaScript: fill the address that follows the postal code.
      const raw = keepTyped(posted.raw);
      const found = lookupPostal(String(posted.raw[groupId] ?? ''));
      const at = page.fields.findIndex((f) => f.id === groupId);
      const address = page.fields.slice(at + 1).find((f) => f.type === 'address');
      const typed = address ? String(raw[address.id] ?? '') : '';
      if (found && address && (!typed || !typed.includes(found.town))) raw[address.id] = `${found.city}${found.town}`;
      await save(pageId);
      const lookupNotice = found ? null : { kind: 'info' as const, text: request.t('procedures.field.postal.notFound') };
      return showPage(request, reply, { applicationId: row.id, def, pageId, answers, raw, errors: [], fromCheck, notice: lookupNotice });
    }
    if (verb === 'back') {
      await save(pageId);
      const previous = previousPageId(def, answers, pageId);
      return reply.redirect(previous ? pageHref(row.id, previous, fromCheck) : fromCheck ? `${appBase(row.id)}/check` : `/procedures/${def.id}`, 303);
    }
    if (verb === 'save') {
      await save(pageId);
      // Unanswered questions can wait; only what was typed wrongly (and so not saved) is shown again.
      const typedWrong = read.errors.filter((e) => typedSomething(posted.raw, e.fieldId) || files[e.fieldId] !== undefined);
      if (typedWrong.length) {
        return showPage(request, reply, { applicationId: row.id, def, pageId, answers, raw: keepTyped(posted.raw), errors: typedWrong, fromCheck, notice: { kind: 'info', text: request.t('procedures.page.savedWithErrors') } }, 400);
      }
      setFlash(reply, 'success', 'procedures.page.saved');
      return reply.redirect(appBase(row.id), 303);
    }
    // continue
    if (read.errors.length) {
      await save(pageId);
      return showPage(request, reply, { applicationId: row.id, def, pageId, answers, raw: keepTyped(posted.raw), errors: read.errors, fromCheck }, 400);
    }
    const next = fromCheck ? firstProblemPage(def, answers, today) : nextPageId(def, answers, pageId);
    await save(next);
    return reply.redirect(next ? pageHref(row.id, next, fromCheck) : `${appBase(row.id)}/check`, 303);
  }

  /**
   * A request the multipart parser stopped before our handler ran (more files or fields
   * than it takes; a file over the upload limit no longer stops it, see the route's
   * multipartOptions): show the page again with what was typed before the parser
   * stopped (over the saved draft), each file question saying its limit, instead of
   * a bare error page. Anything else goes on to the app's error handler.
   */
  async function tooLargeUpload(error: Error & { code?: string; statusCode?: number }, request: FastifyRequest, reply: FastifyReply) {
    const tooLarge = error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || error.statusCode === 413;
    const { appId, pageId } = (request.params ?? {}) as { appId?: string; pageId?: string };
    if (!tooLarge || !request.resident || !appId || !pageId) throw error;
    const { row, def, editable } = await editableDraft(request.resident, appId);
    const page = findPage(def, pageId);
    if (!editable || !page) throw error;
    const limit = platform.config.uploadMaxBytes;
    const errors: FormFieldError[] = page.fields.flatMap((f) => {
      if (f.type !== 'file') return [];
      const text = (lang: 'ja' | 'en') => translator(lang)('procedures.field.file.tooLarge', { label: f.label[lang], limit: formatBytes(Math.min(limit, f.maxBytes))[lang] });
      return [{ fieldId: f.id, code: 'file-too-large', message: { ja: text('ja'), en: text('en') } }];
    });
    const typed = sameSiteForm(request) ? (await readPostedPage(textFieldsOf(request.body))).raw : {};
    return showPage(request, reply, { applicationId: row.id, def, pageId, answers: row.answers, raw: { ...toRawForm(def, pageId, row.answers), ...typed }, errors, fromCheck: false }, 413);
  }

  // A file over UPLOAD_MAX_BYTES is cut off there (file.truncated) instead of failing the
  // whole request, so the rest of the form still arrives and the page comes back as typed.
  // (@fastify/multipart reads throwFileSizeLimit from these per-route options too; its
  // types list only busboy's, hence the separate object.)
  const keepParsing = { throwFileSizeLimit: false, limits: { fileSize: platform.config.uploadMaxBytes } };
  const pagePostConfig: FastifyContextConfig = { multipartOptions: keepParsing };

  app.post('/procedures/applications/:appId/pages/:pageId', { schema: { params: PageParams, hide: true }, config: pagePostConfig, errorHandler: tooLargeUpload }, async (request, reply) => {
    const { appId, pageId } = request.params as { appId: string; pageId: string };
    const posted = await readPostedPage(request.body);
    if (!request.resident) {
      // The login expired while they were typing: keep the page and send them to log in.
      const token = await stashPost(db, { applicationId: appId, pageId, form: { ...posted.raw, ...(posted.returnTo ? { returnTo: posted.returnTo } : {}), action: posted.action }, hadFiles: posted.uploads.length > 0 }, ctx.now());
      if (token) reply.setCookie(PENDING_COOKIE, token, { ...cookieOptions(platform), maxAge: PENDING_MINUTES * 60 });
      setFlash(reply, 'warning', 'procedures.page.expired');
      return reply.redirect(`/auth/login?${new URLSearchParams({ next: token ? '/procedures/pending' : pageHref(appId, pageId), expired: '1' })}`, 303);
    }
    return handlePagePost(request, reply, request.resident, appId, pageId, posted);
  });

  /**
   * The page kept when the login expired, after logging in again: what was posted is
   * saved (the valid answers, as any post of the page would) and the same page is shown
   * with it, whichever button was pressed, so the resident sees where they were and goes
   * on themselves. Only mistakes in what they typed are shown, never "required" for
   * questions they had not reached.
   */
  async function replayPendingPost(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, pending: PendingPost) {
    const { row, def, editable } = await editableDraft(resident, pending.applicationId);
    const page = findPage(def, pending.pageId);
    if (!editable || !page) return reply.redirect(appBase(row.id), 303);
    const { action: _action, returnTo, ...raw } = pending.form;
    const read = readPage(def, page.id, raw, { today: todayInJapan(ctx.now()), files: {}, answers: row.answers });
    const answers = mergePageAnswers(def, row.answers, page, read.answers);
    await saveAnswers(ctx, resident, row.id, answers, page.id, { requestId: request.id });
    const errors = read.errors.filter((e) => typedSomething(raw, e.fieldId));
    const notice = pending.hadFiles ? { kind: 'warning' as const, text: request.t('procedures.page.restoredFilesLost') } : { kind: 'success' as const, text: request.t('procedures.page.restored') };
    return showPage(request, reply, { applicationId: row.id, def, pageId: page.id, answers, raw, errors, fromCheck: returnTo === 'check', notice }, errors.length ? 400 : 200);
  }

  app.get('/procedures/pending', { schema: { hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    const pending = await takePost(db, request.cookies[PENDING_COOKIE], ctx.now());
    reply.clearCookie(PENDING_COOKIE, { path: '/' });
    if (!pending) return reply.redirect('/procedures/applications', 303);
    const row = await applicationById(db, pending.applicationId);
    // Someone else's draft (another person logged in on this browser): the kept page is dropped.
    if (!row || row.resident_account_id !== resident.accountId) return reply.redirect('/procedures/applications', 303);
    return replayPendingPost(request, reply, resident, pending);
  });

  async function showCheck(request: FastifyRequest, reply: FastifyReply, resident: ResidentActor, applicationId: string, extra: { errors?: { field: string; message: string }[]; paymentMethod?: string | null } = {}, status = 200) {
    const { row, def, editable } = await editableDraft(resident, applicationId);
    if (!editable) return reply.redirect(appBase(row.id), 303);
    const today = todayInJapan(ctx.now());
    const problem = firstProblemPage(def, row.answers, today);
    if (problem) {
      setFlash(reply, 'warning', 'procedures.check.incomplete');
      return reply.redirect(pageHref(row.id, problem, true), 303);
    }
    const { answers } = finalAnswers(def, row.answers, today);
    const fee = feeYen(def, answers);
    const online = platform.payments.available;
    // Never the counter for a certificate sent by post; with online payment down, post cannot be paid at all.
    const byPost = deliveredByPost(def, answers);
    const offered = paymentOptionsFor(def, answers, online);
    const options: PaymentMethod[] = offered.length || byPost ? offered : ['counter'];
    const sections = summarise(def, answers, request.locale);
    return reply.html(
      <CheckAnswersPage
        ctx={viewContext(request)}
        def={def}
        applicationId={row.id}
        sections={sections}
        locations={locationsOf(sections, answers)}
        feeYen={fee}
        paymentOptions={options}
        onlineUnavailable={(def.payment ?? []).includes('online') && !online}
        paymentMethod={extra.paymentMethod ?? row.payment_method}
        idempotencyKey={crypto.randomUUID()}
        resubmission={row.status === 'returned'}
        errors={extra.errors ?? []}
      />,
      status,
    );
  }

  app.get('/procedures/applications/:appId/check', { schema: { params: AppParams, hide: true } }, async (request, reply) => {
    const resident = requireResident(request.resident);
    return showCheck(request, reply, resident, (request.params as { appId: string }).appId);
  });

  app.post('/procedures/applications/:appId/submit', { schema: { params: AppParams, hide: true } }, async (request, reply) => {
    const { appId } = request.params as { appId: string };
    if (!request.resident) return reply.redirect(`/auth/login?${new URLSearchParams({ next: `${appBase(appId)}/check`, expired: '1' })}`, 303);
    const resident = request.resident;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const text = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' && 'value' in v ? String((v as { value: unknown }).value) : '');
    const key = text(body.idempotencyKey);
    const method = text(body.paymentMethod);
    const row = await ownApplication(db, resident, appId);
    try {
      if (row.status === 'returned' || row.status === 'resubmitted') {
        const result = await resubmitApplication(ctx, resident, row.id, { requestId: request.id });
        setFlash(reply, 'success', 'procedures.resubmitted.flash', { reference: result.reference });
        return reply.redirect(appBase(row.id), 303);
      }
      if (!/^[0-9a-f-]{36}$/.test(key)) return reply.redirect(`${appBase(row.id)}/check`, 303);
      // An old check page sent again (the back button) after staff took the case up: say so, not 「受け付けました」.
      if (row.reference && (row.status === 'in_review' || row.status === 'approved' || row.status === 'rejected')) {
        setFlash(reply, 'info', 'procedures.submit.alreadyHandled', { reference: row.reference });
        return reply.redirect(appBase(row.id), 303);
      }
      const result = await submitApplication(ctx, resident, row.id, { idempotencyKey: key, paymentMethod: method === 'online' || method === 'counter' ? method : null, onlinePaymentAvailable: platform.payments.available }, { requestId: request.id });
      return reply.redirect(`${appBase(result.id)}?submitted=1`, 303);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'incomplete') {
        setFlash(reply, 'warning', 'procedures.check.incomplete');
        const first = error.fields[0]?.field;
        const def = await definitionOf(db, row);
        return reply.redirect(pageHref(row.id, (first && pageOfField(def, first)) || def.pages[0]!.id, true), 303);
      }
      if (error instanceof DomainError && error.code === 'invalid_input') {
        const messageKey = error.fields[0]?.messageKey ?? 'procedures.check.payment.required';
        return showCheck(request, reply, resident, row.id, { errors: [{ field: 'paymentMethod', message: request.t(messageKey) }], paymentMethod: method || null }, 400);
      }
      throw error;
    }
  });
}

/** Whether the resident typed anything for this input (either part of a location counts for both). */
function typedSomething(raw: RawForm, name: string): boolean {
  const filled = (v: string | string[] | undefined) => (Array.isArray(v) ? v.some((x) => x.trim() !== '') : typeof v === 'string' && v.trim() !== '');
  const place = name.replace(/\.(lat|lng)$/, '');
  return filled(raw[name]) || filled(raw[`${place}.lat`]) || filled(raw[`${place}.lng`]);
}

/** Whether a (perhaps partly read) form carries this browser's CSRF token: only then is what it says shown back. */
function sameSiteForm(request: FastifyRequest): boolean {
  const field = (request.body as Record<string, unknown> | undefined)?._csrf as { value?: unknown } | string | undefined;
  const sent = typeof field === 'string' ? field : typeof field?.value === 'string' ? field.value : '';
  const expected = request.cookies[CSRF_COOKIE] ?? '';
  return sent !== '' && sent.length === expected.length && crypto.timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}

/** A multipart body without its file parts (a request the parser stopped may hold a half-read file). */
function textFieldsOf(body: unknown): Record<string, unknown> {
  const isFile = (v: unknown) => Boolean(v && typeof v === 'object' && 'file' in v);
  const entries = Object.entries((body && typeof body === 'object' ? body : {}) as Record<string, unknown>);
  return Object.fromEntries(entries.map(([k, v]) => [k, Array.isArray(v) ? v.filter((x) => !isFile(x)) : v] as const).filter(([, v]) => !isFile(v) && !(Array.isArray(v) && v.length === 0)));
}

/** The stored-file part of a page's raw form (so a re-shown page keeps files just uploaded). */
function fileRaw(fromAnswers: RawForm, files: Record<string, FileAnswer | FileUploadError>): RawForm {
  const out: RawForm = {};
  for (const name of Object.keys(files)) if (fromAnswers[name] !== undefined) out[name] = fromAnswers[name];
  return out;
}

