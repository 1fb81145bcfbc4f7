/**
 * 会計課's payment pages under /staff/payments: the list (filters, paging, CSV),
 * one payment (timeline, refunds, ledger lines, status query, receipt download).
 * Every route asks canViewPayments first; exports, receipts and status queries are
 * audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import type { StaffActor } from '../access/actor.ts';
import { requireAccess, requireStaff } from '../access/require-access.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { csvForSpreadsheet } from '../http/csv.ts';
import { DomainError, notFound } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/form.ts';
import { viewContext } from '../http/request-context.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { parseJapaneseDate } from '../text/wareki.ts';
import { journalOfPayment } from './ledger.ts';
import { japanDateTime } from './payment-dates.ts';
import { canReconcilePayments, canViewPayments } from './payment-policy.ts';
import { CSV_LIMIT, listPayments, paymentSources, paymentsForCsv, paymentTimeline, type PaymentFilters } from './payment-queries.ts';
import { paymentsDb, type PaymentsDb } from './payment-tables.ts';
import { businessReference, paymentStatusKey, STAFF_PATH } from './staff-common.tsx';
import { PaymentDetailPage, PaymentListPage, type ListFilterValues } from './staff-views.tsx';

const ListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union(['', 'created', 'paid', 'refunded', 'cancelled', 'expired'].map((s) => Type.Literal(s)))),
  source: Type.Optional(Type.String({ maxLength: 60 })),
  method: Type.Optional(Type.Union(['', 'card', 'qr'].map((s) => Type.Literal(s)))),
  dateBasis: Type.Optional(Type.Union(['', 'created', 'paid'].map((s) => Type.Literal(s)))),
  from: Type.Optional(Type.String({ maxLength: 30 })),
  to: Type.Optional(Type.String({ maxLength: 30 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000 })),
});
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ReceiptQuery = Type.Object({ name: Type.Optional(Type.String({ maxLength: 60 })) });
const QueryForm = Type.Object({ back: Type.String({ maxLength: 200 }) });

export function paymentsViewer(request: FastifyRequest): StaffActor {
  const staff = requireStaff(request.staff);
  requireAccess(canViewPayments(staff), 'forbidden');
  return staff;
}

/** Dates as people type them (2026-04-01, 令和8年4月1日, R8.4.1); a wrong one is named, and the filter left out. */
export function readDate(value: string | undefined, field: string, t: Translate, errors: Record<string, string>): string {
  const text = (value ?? '').normalize('NFKC').trim();
  if (!text) return '';
  const parsed = parseJapaneseDate(text);
  if (parsed.ok) return parsed.iso;
  errors[field] = t('payments.filter.dateInvalid', { field: t(`payments.filter.${field}`), value: text });
  return '';
}

function readFilters(request: FastifyRequest): { values: ListFilterValues; filters: PaymentFilters; errors: Record<string, string> } {
  const q = request.query as Static<typeof ListQuery>;
  const errors: Record<string, string> = {};
  const from = readDate(q.from, 'from', request.t, errors);
  const to = readDate(q.to, 'to', request.t, errors);
  const values: ListFilterValues = { q: (q.q ?? '').normalize('NFKC').trim(), status: q.status ?? '', source: q.source ?? '', method: q.method ?? '', dateBasis: q.dateBasis ?? '', from: errors.from ? (q.from ?? '') : from, to: errors.to ? (q.to ?? '') : to };
  const filters: PaymentFilters = {
    ...(values.q ? { q: values.q } : {}),
    ...(values.status ? { status: values.status as PaymentFilters['status'] } : {}),
    ...(values.source ? { source: values.source } : {}),
    ...(values.method ? { method: values.method as 'card' | 'qr' } : {}),
    dateBasis: values.dateBasis === 'paid' ? 'paid' : 'created',
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  return { values, filters, errors };
}

function paymentsCsv(rows: Awaited<ReturnType<typeof paymentsForCsv>>, t: Translate): string {
  const header = ['id', 'createdAt', 'source', 'reference', 'description', 'amount', 'status', 'method', 'paidAt', 'refunded', 'receiptNumber', 'provider', 'providerRef'].map((k) => t(`payments.csv.${k}`));
  return csvForSpreadsheet([
    header,
    ...rows.map((r) => [r.id, japanDateTime(r.created_at, true), r.source, businessReference(r), r.description, r.amount_yen, t(paymentStatusKey(r.status, r.amount_yen, r.refunded_yen)), r.method ? t(`payments.method.${r.method}`) : '', r.paid_at ? japanDateTime(r.paid_at, true) : '', r.refunded_yen, r.receipt_number, r.provider, r.provider_ref]),
  ]);
}

export async function registerPaymentStaffRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db: PaymentsDb = paymentsDb(platform.db.kysely);

  app.get(STAFF_PATH, { schema: { querystring: ListQuery } }, async (request, reply) => {
    paymentsViewer(request);
    const { values, filters, errors } = readFilters(request);
    const page = (request.query as Static<typeof ListQuery>).page ?? 1;
    await platform.payments.expireDue();
    const list = await listPayments(db, filters, page);
    return reply.html(<PaymentListPage ctx={viewContext(request)} rows={list.rows} filters={values} sources={await paymentSources(db)} page={page} pageCount={list.pageCount} total={list.total} netPaidYen={list.netPaidYen} dateErrors={errors} />, Object.keys(errors).length ? 400 : 200);
  });

  app.get(`${STAFF_PATH}/export.csv`, { schema: { querystring: ListQuery } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    const { filters, errors } = readFilters(request);
    if (Object.keys(errors).length) throw new DomainError('invalid_input', 400, 'error.invalid.body', {}, Object.entries(errors).map(([field]) => ({ field, messageKey: 'payments.filter.dateInvalidShort' })));
    const rows = await paymentsForCsv(db, filters);
    if (rows.length > CSV_LIMIT) throw new DomainError('too_many_rows', 400, 'payments.csv.tooMany', { limit: CSV_LIMIT.toLocaleString('ja-JP') });
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'payments.exported', targetType: 'payment', details: { filters: { ...filters }, rows: rows.length }, requestId: request.id });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="payments.csv"').header('cache-control', 'no-store').send(paymentsCsv(rows, request.t));
  });

  app.get(`${STAFF_PATH}/:id`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    const { id } = request.params as Static<typeof IdParams>;
    const known = await platform.payments.get(id);
    if (!known) throw notFound();
    const payment = await db.selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return reply.html(<PaymentDetailPage ctx={viewContext(request)} payment={payment} timeline={await paymentTimeline(db, id)} refunds={await platform.payments.refundsFor(id)} journal={await journalOfPayment(db, id)} canQuery={canReconcilePayments(staff) && platform.payments.available} />);
  });

  /** Asks the provider about this payment now (a lost webhook, a pending refund); what changes is applied and audited as usual. */
  app.post(`${STAFF_PATH}/:id/reconcile`, { schema: { params: IdParams } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    requireAccess(canReconcilePayments(staff), 'forbidden');
    const { id } = request.params as Static<typeof IdParams>;
    const before = await platform.payments.get(id);
    if (!before) throw notFound();
    const after = (await platform.payments.reconcile(id))!;
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'payments.status.queried', targetType: 'payment', targetId: id, details: { before: before.status, after: after.status, refundedYen: after.refundedYen }, requestId: request.id });
    setFlash(reply, 'success', 'payments.staff.queried', { status: request.t(`payments.status.${after.status}`) });
    const { values } = readForm(QueryForm, request.body);
    const back = values.back.startsWith(`${STAFF_PATH}/`) && !values.back.includes('//') ? values.back : `${STAFF_PATH}/${id}`;
    return reply.redirect(back, 303);
  });

  app.get(`${STAFF_PATH}/:id/receipt.pdf`, { schema: { params: IdParams, querystring: ReceiptQuery } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    const { id } = request.params as Static<typeof IdParams>;
    const name = (request.query as Static<typeof ReceiptQuery>).name ?? null;
    const pdf = await platform.payments.receiptPdf(id, { payerName: name });
    const payment = (await platform.payments.get(id))!;
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'payments.receipt.downloaded', targetType: 'payment', targetId: id, details: { receiptNumber: payment.receiptNumber, withName: Boolean(name?.trim()) }, requestId: request.id });
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="receipt-${payment.receiptNumber}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
