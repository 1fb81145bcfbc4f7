/**
 * One application as its resident sees it: status, the timeline (resident-visible
 * events only), the answers as summarised by the engine, the files they attached,
 * what they can do next. And reading one of their own files (nobody else's: 404).
 */
import type { ResidentActor } from '../../platform/access/actor.ts';
import { requireAccess } from '../../platform/access/require-access.ts';
import { isUuid } from '../../platform/http/ids.ts';
import type { Locale } from '../../platform/i18n/i18n.ts';
import type { Platform } from '../../platform/platform.ts';
import { summarise, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { emailOfAnswers } from './application-notices.ts';
import { eventsOf, filesOf } from './application-queries.ts';
import { definitionOf, ownApplication } from './application-service.ts';
import { canTransition } from './application-states.ts';
import type { ApplicationView } from './application-views.tsx';
import { locationsOf } from './location-map-views.tsx';
import { labelOfName, pageOfField } from './page-flow.ts';
import { proceduresDb } from './tables.ts';

import { PAYMENT_SOURCE } from './application-payment.ts';

/** Paid when the application recorded it, or the payments ledger has a paid payment for it (a webhook may come first). */
export async function paidAtOf(platform: Platform, row: { id: string; paid_at: Date | null }): Promise<Date | null> {
  if (row.paid_at) return row.paid_at;
  const payments = (await platform.payments.byReferences(PAYMENT_SOURCE, [row.id])).get(row.id) ?? [];
  return payments.find((p) => p.status === 'paid')?.paidAt ?? null;
}

export async function applicationView(platform: Platform, resident: ResidentActor, id: string, options: { locale: Locale; justSubmitted: boolean }): Promise<{ def: ProcedureDefinition; view: ApplicationView }> {
  const db = platform.db.kysely;
  const row = await ownApplication(db, resident, id);
  const def = await definitionOf(db, row);
  const events = await eventsOf(db, row.id, { residentView: true });
  const files = await filesOf(db, row.id);
  const lastReturn = [...events].reverse().find((e) => e.kind === 'returned');
  const flaggedNames = row.status === 'returned' ? (lastReturn?.fields ?? []) : [];
  const base = `/procedures/applications/${row.id}`;
  const flagged = flaggedNames.map((name) => ({ fieldId: name, label: labelOfName(def, name, options.locale), href: `${base}/pages/${pageOfField(def, name) ?? def.pages[0]!.id}?from=check#${name}` }));
  const resumeHref =
    row.status === 'draft'
      ? row.current_page_id
        ? `${base}/pages/${row.current_page_id}`
        : `${base}/check`
      : row.status === 'returned'
        ? (flagged[0]?.href ?? `${base}/check`)
        : null;
  const paidAt = row.fee_yen > 0 ? await paidAtOf(platform, row) : null;
  const sections = row.status === 'draft' ? [] : summarise(def, row.answers, options.locale);
  return {
    def,
    view: {
      id: row.id,
      reference: row.reference,
      status: row.status,
      version: row.procedure_version,
      submittedAt: row.submitted_at,
      dueDate: row.due_date,
      feeYen: row.fee_yen,
      paymentMethod: row.payment_method,
      paidAt,
      canPayOnline: row.fee_yen > 0 && row.payment_method === 'online' && platform.payments.available && !['draft', 'withdrawn', 'rejected'].includes(row.status),
      resumeHref,
      flagged,
      returnMessage: lastReturn?.message ?? '',
      timeline: events.map((e) => ({ at: e.at, kind: e.kind, message: e.message, fields: e.fields, byCounter: e.kind === 'submitted' && e.actor_type === 'staff' })),
      sections,
      locations: locationsOf(sections, row.answers),
      files: files.map((f) => ({ id: f.id, name: f.original_name, size: f.size })),
      canWithdraw: canTransition('withdraw', row.status),
      email: emailOfAnswers(def, row.answers),
      justSubmitted: options.justSubmitted && row.reference !== null,
    },
  };
}

/** A file of the resident's own application, or a 404 (another person's, or not attached to this application). */
export async function ownFile(platform: Platform, resident: ResidentActor, applicationId: string, fileId: string) {
  const row = await ownApplication(platform.db.kysely, resident, applicationId);
  requireAccess(isUuid(fileId));
  const link = await proceduresDb(platform.db.kysely).selectFrom('application_files').select('file_id').where('application_id', '=', row.id).where('file_id', '=', fileId).executeTakeFirst();
  requireAccess(link !== undefined);
  const stored = await platform.files.read(fileId);
  requireAccess(stored !== null && stored.owner.type === 'procedure-application' && stored.owner.id === row.id);
  return { name: stored!.file.originalName, mime: stored!.file.mime, bytes: stored!.bytes };
}
