/**
 * E-mails to the applicant when their application is received, returned for
 * correction, decided or withdrawn. Queued as a job in the transaction that made
 * the change (so a rolled-back change sends nothing and a crash after commit still
 * sends), then sent through the platform notifier with an idempotency key per
 * application and event, so a retried job never sends twice.
 *
 * The address: the e-mail answer of the application (any `email` field), else the
 * e-mail the identity provider gave for the account. No address: nothing is sent
 * (the timeline on my page still shows everything).
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { translator } from '../../platform/i18n/i18n.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { procedureVersion } from './procedure-store.ts';
import { proceduresDb, type ProceduresDb } from './tables.ts';

export const NOTICE_KINDS = ['submitted', 'resubmitted', 'returned', 'approved', 'rejected', 'withdrawn'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_QUEUE = 'procedures.notify';

export async function enqueueNotice(db: ProceduresDb, jobs: JobQueue | null, applicationId: string, kind: NoticeKind, at: Date): Promise<void> {
  // Several returns of one application are several notices: the key carries the moment.
  await jobs?.enqueue(db as unknown as Kysely<PlatformTables>, NOTICE_QUEUE, { applicationId, kind, at: at.toISOString() }, { idempotencyKey: `procedures-notice:${applicationId}:${kind}:${at.getTime()}` });
}

/** The first e-mail answer (top level or inside a group), if any. */
export function emailOfAnswers(def: ProcedureDefinition, answers: Record<string, unknown>): string | null {
  for (const page of def.pages) {
    for (const field of page.fields) {
      if (field.type === 'email' && typeof answers[field.id] === 'string' && answers[field.id]) return String(answers[field.id]);
    }
  }
  return null;
}

const BODY: Record<NoticeKind, string> = {
  submitted: '次の申請を受け付けました。審査の状況はマイページで確認できます。',
  resubmitted: '修正した申請を受け付けました。引き続き審査します。',
  returned: '申請内容について、担当課から修正のお願いがあります。マイページから申請を開き、内容を修正して再提出してください。',
  approved: '申請の審査が完了しました。詳しくはマイページの申請の状況をご覧ください。',
  rejected: '申請について審査の結果をお知らせします。詳しくはマイページの申請の状況をご覧ください。',
  withdrawn: '申請の取り下げを受け付けました。',
};

export async function sendApplicationNotice(db: Kysely<PlatformTables>, notifier: Notifier, publicUrl: string, applicationId: string, kind: NoticeKind, at: string): Promise<'sent' | 'skipped'> {
  const pdb = proceduresDb(db);
  const app = await pdb
    .selectFrom('applications as a')
    .leftJoin('resident_accounts as r', 'r.id', 'a.resident_account_id')
    .select(['a.id', 'a.reference', 'a.procedure_id', 'a.procedure_version', 'a.answers', 'a.applicant_name', 'a.due_date', 'a.fee_yen', 'r.claims'])
    .where('a.id', '=', applicationId)
    .executeTakeFirst();
  if (!app?.reference) return 'skipped';
  const def = await procedureVersion(db, app.procedure_id, app.procedure_version);
  const claimed = typeof app.claims?.email === 'string' ? app.claims.email : null;
  const to = emailOfAnswers(def, app.answers) ?? claimed;
  if (!to) return 'skipped';
  const event = kind === 'returned' || kind === 'approved' || kind === 'rejected' ? await latestMessage(pdb, app.id, kind) : '';
  const t = translator('ja');
  const body = [
    `${app.applicant_name ? `${app.applicant_name} 様` : ''}`,
    '',
    BODY[kind],
    '',
    `手続き：${def.title.ja}`,
    `受付番号：${app.reference}`,
    ...(kind === 'submitted' && app.due_date ? [`審査完了の目安：${formatDateJa(app.due_date)}`] : []),
    ...(kind === 'submitted' && app.fee_yen > 0 ? [`手数料：${app.fee_yen.toLocaleString('ja-JP')}円`] : []),
    ...(event ? ['', `担当課からのお知らせ：`, event] : []),
    '',
    `申請の状況：${publicUrl}/procedures/applications/${app.id}`,
    '',
    'このメールは送信専用です。お問い合わせは奥州市役所（0197-24-2111）まで。',
    '奥州市',
  ]
    .join('\n')
    .trim();
  await notifier.send({
    channel: 'email',
    to,
    subject: t(`procedures.notice.subject.${kind}`, { reference: app.reference }),
    body,
    idempotencyKey: `procedures:${app.id}:${kind}:${at}`,
    source: 'procedures',
    reference: app.id,
  });
  return 'sent';
}

async function latestMessage(db: ProceduresDb, applicationId: string, kind: string): Promise<string> {
  const row = await db.selectFrom('application_events').select('message').where('application_id', '=', applicationId).where('kind', '=', kind).where('visible_to_resident', '=', true).orderBy('id', 'desc').limit(1).executeTakeFirst();
  return row?.message ?? '';
}
