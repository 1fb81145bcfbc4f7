/**
 * Online procedures as JSON (in the OpenAPI document): the published catalogue and
 * definitions for anyone; the logged-in resident's own applications; submitting a
 * complete application in one call (validated by the forms engine, the same rules as
 * the pages), made idempotent by the Idempotency-Key header.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { requireResident } from '../../platform/access/require-access.ts';
import { DomainError, invalidInput } from '../../platform/http/errors.ts';
import type { Platform } from '../../platform/platform.ts';
import { summarise } from '../../engines/forms/index.ts';
import { eventsOf } from './application-queries.ts';
import { applicationsOfResident } from './application-queries.ts';
import { definitionOf, ownApplication, submitComplete, type ProceduresCtx } from './application-service.ts';
import { APPLICATION_STATUSES } from './application-states.ts';
import { paidAtOf } from './application-detail.ts';
import { answerTypeErrors } from './answer-json-types.ts';
import { listPublished, publishedProcedure } from './procedure-store.ts';

const ErrorJson = Type.Object({ error: Type.Object({ code: Type.String(), message: Type.String() }, { additionalProperties: true }) });
const Localised = Type.Object({ ja: Type.String(), en: Type.String() });
const ProcedureSummaryJson = Type.Object({
  id: Type.String(),
  version: Type.Integer({ description: '現在の版' }),
  title: Localised,
  summary: Localised,
  category: Type.String(),
  lifeEvents: Type.Array(Type.String()),
  department: Type.String({ description: '担当課コード' }),
  feeYen: Type.Union([Type.Integer(), Type.Null()], { description: '1件あたりの手数料（円）。無料は null' }),
  feeQuantityField: Type.Union([Type.String(), Type.Null()], { description: '手数料に掛ける数量の項目（通数など）' }),
  payment: Type.Array(Type.String()),
  assurance: Type.Union([Type.Literal('password'), Type.Literal('card')], { description: 'card: マイナンバーカードでのログインが必要' }),
  processingDays: Type.Integer({ description: '標準処理期間（土日・年末年始を除く日数）' }),
});
const StatusJson = Type.Union(APPLICATION_STATUSES.map((s) => Type.Literal(s)));
const ApplicationSummaryJson = Type.Object({
  id: Type.String({ format: 'uuid' }),
  reference: Type.Union([Type.String(), Type.Null()], { description: '受付番号（下書きにはない）' }),
  procedureId: Type.String(),
  version: Type.Integer(),
  status: StatusJson,
  feeYen: Type.Integer(),
  submittedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  dueDate: Type.Union([Type.String({ format: 'date' }), Type.Null()]),
  updatedAt: Type.String({ format: 'date-time' }),
});
const ApplicationJson = Type.Intersect([
  ApplicationSummaryJson,
  Type.Object({
    answers: Type.Record(Type.String(), Type.Any()),
    summary: Type.Array(Type.Object({ pageId: Type.String(), title: Type.String(), rows: Type.Array(Type.Object({ fieldId: Type.String(), label: Type.String(), display: Type.String() })) })),
    paymentMethod: Type.Union([Type.Literal('online'), Type.Literal('counter'), Type.Null()]),
    paidAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
    timeline: Type.Array(Type.Object({ at: Type.String({ format: 'date-time' }), kind: Type.String(), message: Type.String() })),
  }),
]);
const SubmitJson = Type.Object({
  procedureId: Type.String({ pattern: '^[a-z0-9-]{1,80}$' }),
  answers: Type.Record(Type.String({ maxLength: 100 }), Type.Any(), { description: '回答（項目ID → 値）。形式は様式の定義どおり（日付は YYYY-MM-DD、カナは全角カタカナ）' }),
  paymentMethod: Type.Optional(Type.Union([Type.Literal('online'), Type.Literal('counter')])),
});
const SubmittedJson = Type.Object({ id: Type.String({ format: 'uuid' }), reference: Type.String(), repeated: Type.Boolean({ description: '同じ Idempotency-Key での再送（最初の申請を返す）' }) });
const IdParams = Type.Object({ id: Type.String({ maxLength: 80 }) });
const IdempotencyHeaders = Type.Object({ 'idempotency-key': Type.String({ minLength: 8, maxLength: 100, description: '再送しても申請が1件になるよう、申請ごとに一意な値' }) });

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function registerProceduresApi(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = platform.db.kysely;
  const ctx: ProceduresCtx = { db, jobs: platform.jobs, now: platform.now, payments: platform.payments };

  app.get('/api/procedures', { schema: { tags: ['procedures'], summary: 'オンラインで申請できる手続きの一覧（公開中の全件）', response: { 200: Type.Object({ procedures: Type.Array(ProcedureSummaryJson) }) } } }, async () => {
    const procedures = await listPublished(db);
    return {
      procedures: procedures.map(({ id, version, definition: d }) => ({
        id,
        version,
        title: d.title,
        summary: d.summary,
        category: d.category,
        lifeEvents: d.lifeEvents ?? [],
        department: d.department,
        feeYen: d.fee ? d.fee.unitYen : null,
        feeQuantityField: d.fee?.quantityField ?? null,
        payment: d.payment ?? [],
        assurance: d.assurance,
        processingDays: d.processingDays,
      })),
    };
  });

  app.get('/api/procedures/:id', { schema: { tags: ['procedures'], summary: '手続きの様式の定義（現在の版。形式は forms エンジンの README）', params: IdParams, response: { 200: Type.Object({ id: Type.String(), version: Type.Integer(), definition: Type.Any() }), 404: ErrorJson } } }, async (request) => {
    const procedure = await publishedProcedure(db, (request.params as { id: string }).id);
    if (!procedure) throw new DomainError('not_found', 404, 'error.notFound.body');
    return { id: procedure.id, version: procedure.version, definition: procedure.definition };
  });

  app.get('/api/procedure-applications', { schema: { tags: ['procedures'], summary: '自分の申請の一覧（ログイン中の住民）', security: [{ residentSession: [] }], response: { 200: Type.Object({ applications: Type.Array(ApplicationSummaryJson) }), 401: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const rows = await applicationsOfResident(db, resident, { limit: 500 });
    return {
      applications: rows.map((a) => ({ id: a.id, reference: a.reference, procedureId: a.procedure_id, version: a.procedure_version, status: a.status, feeYen: a.fee_yen, submittedAt: iso(a.submitted_at), dueDate: a.due_date, updatedAt: a.updated_at.toISOString() })),
    };
  });

  app.get('/api/procedure-applications/:id', { schema: { tags: ['procedures'], summary: '自分の申請の内容と経過（他人の申請は 404）', security: [{ residentSession: [] }], params: IdParams, response: { 200: ApplicationJson, 401: ErrorJson, 404: ErrorJson } } }, async (request) => {
    const resident = requireResident(request.resident);
    const row = await ownApplication(db, resident, (request.params as { id: string }).id);
    const def = await definitionOf(db, row);
    const events = await eventsOf(db, row.id, { residentView: true });
    const paidAt = row.fee_yen > 0 ? await paidAtOf(platform, row) : null;
    return {
      id: row.id,
      reference: row.reference,
      procedureId: row.procedure_id,
      version: row.procedure_version,
      status: row.status,
      feeYen: row.fee_yen,
      submittedAt: iso(row.submitted_at),
      dueDate: row.due_date,
      updatedAt: (row.updated_at as Date).toISOString(),
      answers: row.answers,
      summary: summarise(def, row.answers, request.locale),
      paymentMethod: row.payment_method,
      paidAt: iso(paidAt),
      timeline: events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, message: e.message })),
    };
  });

  app.post(
    '/api/procedure-applications',
    {
      schema: {
        tags: ['procedures'],
        summary: '完成した申請を1回で送る（ログイン中の住民。Idempotency-Key 必須。同じキー・同じ内容の再送は最初の申請を返し、同じキーで別の内容を送ると 409）',
        security: [{ residentSession: [] }],
        headers: IdempotencyHeaders,
        body: SubmitJson,
        response: { 201: SubmittedJson, 200: SubmittedJson, 400: ErrorJson, 401: ErrorJson, 403: ErrorJson, 404: ErrorJson, 409: ErrorJson },
      },
    },
    async (request, reply) => {
      const resident = requireResident(request.resident);
      const key = String(request.headers['idempotency-key'] ?? '');
      const body = request.body as Static<typeof SubmitJson>;
      const procedure = await publishedProcedure(db, body.procedureId);
      if (!procedure) throw new DomainError('not_found', 404, 'error.notFound.body');
      const wrongTypes = answerTypeErrors(procedure.definition, body.answers);
      if (wrongTypes.length) throw invalidInput(wrongTypes);
      const result = await submitComplete(ctx, {
        actor: resident,
        residentAccountId: resident.accountId,
        residentId: resident.residentId,
        fallbackName: resident.displayName,
        procedureId: body.procedureId,
        answers: body.answers,
        scopedKey: `resident:${resident.accountId}:api:${key}`,
        paymentMethod: body.paymentMethod ?? null,
        onlinePaymentAvailable: platform.payments.available,
        channel: 'online',
        sameRequestOnly: true,
        requestId: request.id,
      });
      return reply.status(result.repeated ? 200 : 201).send(result);
    },
  );
}
