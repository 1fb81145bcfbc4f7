/**
 * 会計課's reconciliation and ledger pages: the daily reports (run a day again on
 * demand), one day's report and its CSV, the trial balance and the journal CSV.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { requireAccess } from '../access/require-access.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { csvForSpreadsheet } from '../http/csv.ts';
import { DomainError, notFound } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/form.ts';
import { viewContext } from '../http/request-context.ts';
import type { Translate } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { addDays, todayInJapan } from '../time/today.ts';
import { journalBetween } from './ledger.ts';
import { LedgerPage } from './ledger-views.tsx';
import { japanDateTime, japanDayRange } from './payment-dates.ts';
import { canReconcilePayments } from './payment-policy.ts';
import { paymentsDb } from './payment-tables.ts';
import type { DayReport } from './reconciliation-compare.ts';
import { latestReconciliations, reconciliationsOfDay } from './reconciliation.ts';
import { ReconciliationDayPage, ReconciliationListPage } from './reconciliation-views.tsx';
import { accountLabel, STAFF_PATH } from './staff-common.tsx';
import { paymentsViewer, readDate } from './staff-routes.tsx';

const RECON_PATH = `${STAFF_PATH}/reconciliation`;
const PAGE_SIZE = 31;
const ListQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10000 })) });
const RunForm = Type.Object({ date: Type.String({ minLength: 1, maxLength: 30 }) });
const DateParams = Type.Object({ date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }) });
const LedgerQuery = Type.Object({ asOf: Type.Optional(Type.String({ maxLength: 30 })) });
const JournalQuery = Type.Object({ from: Type.Optional(Type.String({ maxLength: 30 })), to: Type.Optional(Type.String({ maxLength: 30 })) });
/** A journal export covers at most this many days (a fiscal year and a bit). */
const JOURNAL_MAX_DAYS = 400;

function reportCsv(report: DayReport, t: Translate): string {
  const lines: (string | number | null)[][] = [[t('payments.recon.csv.category'), t('payments.recon.col.kind'), t('payments.field.at'), t('payments.field.id'), t('payments.csv.refundId'), t('payments.field.description'), t('payments.recon.col.city'), t('payments.recon.col.provider')]];
  const add = (category: string, items: DayReport['matched']) => {
    for (const i of items) lines.push([t(category), t(`payments.recon.kind.${i.kind}`), japanDateTime(new Date(i.occurredAt), true), i.paymentId, i.refundId, i.description, i.cityYen, i.providerYen]);
  };
  add('payments.recon.missingAtCity', report.missingAtCity);
  add('payments.recon.missingAtProvider', report.missingAtProvider);
  add('payments.recon.amountMismatches', report.amountMismatches);
  add('payments.recon.resolved', report.resolved);
  add('payments.recon.matched', report.matched);
  return csvForSpreadsheet(lines);
}

export async function registerReconciliationRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  const db = paymentsDb(platform.db.kysely);
  const ctx = platform.payments.context;

  async function listPage(request: FastifyRequest, reply: FastifyReply, page: number, form = { date: '' }, errors: Record<string, string> = {}, status = 200) {
    const { rows, total } = await latestReconciliations(ctx, PAGE_SIZE, (page - 1) * PAGE_SIZE);
    return reply.html(<ReconciliationListPage ctx={viewContext(request)} rows={rows} page={page} pageCount={Math.max(1, Math.ceil(total / PAGE_SIZE))} form={form} errors={errors} />, status);
  }

  app.get(RECON_PATH, { schema: { querystring: ListQuery } }, async (request, reply) => {
    paymentsViewer(request);
    return listPage(request, reply, (request.query as Static<typeof ListQuery>).page ?? 1, { date: addDays(todayInJapan(platform.now()), -1) });
  });

  app.post(RECON_PATH, async (request, reply) => {
    const staff = paymentsViewer(request);
    requireAccess(canReconcilePayments(staff), 'forbidden');
    const t = request.t;
    const { values, errors } = readForm(RunForm, request.body, { date: t('payments.recon.date') });
    const fieldErrors: Record<string, string> = Object.fromEntries(errors.map((e) => [e.field, t(e.messageKey, e.params)]));
    const date = fieldErrors.date ? '' : readDate(values.date, 'date', t, fieldErrors);
    if (date && date > todayInJapan(platform.now())) fieldErrors.date = t('payments.recon.date.future');
    if (!platform.payments.available) fieldErrors.date = t('payments.unavailable');
    if (Object.keys(fieldErrors).length || !date) return listPage(request, reply, 1, { date: values.date }, fieldErrors, 400);
    const run = await platform.payments.reconcileDay(date, { type: 'staff', id: staff.id }, request.id);
    setFlash(reply, run.status === 'discrepancies' ? 'warning' : 'success', `payments.recon.done.${run.status}`, { date, count: run.discrepancyCount });
    return reply.redirect(`${RECON_PATH}/${date}`, 303);
  });

  app.get(`${RECON_PATH}/:date`, { schema: { params: DateParams } }, async (request, reply) => {
    paymentsViewer(request);
    const runs = await reconciliationsOfDay(ctx, (request.params as Static<typeof DateParams>).date);
    if (runs.length === 0) throw notFound();
    return reply.html(<ReconciliationDayPage ctx={viewContext(request)} runs={runs} />);
  });

  app.get(`${RECON_PATH}/:date/report.csv`, { schema: { params: DateParams } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    const { date } = request.params as Static<typeof DateParams>;
    const [latest] = await reconciliationsOfDay(ctx, date);
    if (!latest) throw notFound();
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'payments.reconciliation.exported', targetType: 'payment_reconciliation', targetId: String(latest.id), details: { date }, requestId: request.id });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="reconciliation-${date}.csv"`).header('cache-control', 'no-store').send(reportCsv(latest.report, request.t));
  });

  app.get(`${STAFF_PATH}/ledger`, { schema: { querystring: LedgerQuery } }, async (request, reply) => {
    paymentsViewer(request);
    const errors: Record<string, string> = {};
    const raw = (request.query as Static<typeof LedgerQuery>).asOf ?? '';
    const asOf = readDate(raw, 'asOf', request.t, errors);
    const balance = await platform.payments.trialBalance(asOf ? new Date(japanDayRange(asOf).to.getTime() - 1) : undefined);
    const today = todayInJapan(platform.now());
    return reply.html(<LedgerPage ctx={viewContext(request)} balance={balance} asOf={errors.asOf ? raw : asOf} journal={{ from: `${today.slice(0, 8)}01`, to: today }} errors={errors} />, Object.keys(errors).length ? 400 : 200);
  });

  app.get(`${STAFF_PATH}/ledger/journal.csv`, { schema: { querystring: JournalQuery } }, async (request, reply) => {
    const staff = paymentsViewer(request);
    const q = request.query as Static<typeof JournalQuery>;
    const errors: Record<string, string> = {};
    const today = todayInJapan(platform.now());
    const from = readDate(q.from, 'from', request.t, errors) || `${today.slice(0, 8)}01`;
    const to = readDate(q.to, 'to', request.t, errors) || today;
    if (Object.keys(errors).length || from > to || japanDayRange(to).to.getTime() - japanDayRange(from).from.getTime() > JOURNAL_MAX_DAYS * 86_400_000) {
      throw new DomainError('invalid_period', 400, 'payments.ledger.journal.period', { days: JOURNAL_MAX_DAYS });
    }
    const lines = await journalBetween(db, japanDayRange(from).from, japanDayRange(to).to);
    await recordAudit(db, { actor: { type: 'staff', id: staff.id }, action: 'payments.journal.exported', targetType: 'ledger', details: { from, to, lines: lines.length }, requestId: request.id });
    const t = request.t;
    const csv = csvForSpreadsheet([
      [t('payments.field.entry'), t('payments.field.at'), t('payments.csv.kind'), t('payments.field.account'), t('payments.csv.accountCode'), t('payments.field.debit'), t('payments.field.credit'), t('payments.csv.memo')],
      ...lines.map((l) => [l.entryId, japanDateTime(l.occurredAt, true), t(`payments.entry.${l.kind}`), accountLabel(viewContext(request), l.account), l.account, l.side === 'debit' ? l.amountYen : null, l.side === 'credit' ? l.amountYen : null, l.memo]),
    ]);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="journal-${from}-${to}.csv"`).header('cache-control', 'no-store').send(csv);
  });
}
