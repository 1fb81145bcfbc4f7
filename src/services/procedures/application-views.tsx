/** A resident's applications: the list, one application (status, timeline, answers, files, actions), withdrawing. */
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { LinkButton } from '../../platform/ui/components/button.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { todayInJapan } from '../../platform/time/today.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import type { ApplicationStatus } from './application-states.ts';
import { dateTime, local, paren, proceduresCrumbs } from './catalogue-views.tsx';
import { humanSize } from './field-inputs.tsx';
import type { SummarySection } from './form-views.tsx';
import { AnswerText, type LatLng } from './location-map-views.tsx';

const TONES: Record<ApplicationStatus, TagTone> = {
  draft: 'neutral',
  submitted: 'info',
  in_review: 'info',
  returned: 'warning',
  resubmitted: 'info',
  approved: 'success',
  rejected: 'error',
  withdrawn: 'neutral',
};

export function ApplicationStatusTag({ ctx, status }: { ctx: ViewContext; status: ApplicationStatus }) {
  return <StatusTag tone={TONES[status]}>{ctx.t(`procedures.status.${status}`)}</StatusTag>;
}

/** A Date as the Japanese calendar date it falls on, in 西暦 and 和暦. */
const dayOf = (ctx: ViewContext, at: Date) => <DateText iso={todayInJapan(at)} locale={ctx.locale} />;

export interface ApplicationSummaryRow {
  id: string;
  reference: string | null;
  title: string;
  status: ApplicationStatus;
  submittedAt: Date | null;
  updatedAt: Date;
  href: string;
  /** What happened last (my page shows it as the latest step of the timeline). */
  latest?: { at: Date; kind: string } | null;
}

export function ApplicationsTable({ ctx, rows, caption }: { ctx: ViewContext; rows: ApplicationSummaryRow[]; caption: string }) {
  const t = ctx.t;
  return (
    <Table
      caption={caption}
      rows={rows}
      empty={t('procedures.application.none')}
      rowHeader
      columns={[
        { header: t('procedures.application.procedure'), cell: (r) => <a href={r.href}>{r.title}</a> },
        { header: t('procedures.application.reference'), cell: (r) => r.reference ?? '—' },
        { header: t('procedures.application.status'), cell: (r) => <ApplicationStatusTag ctx={ctx} status={r.status} /> },
        { header: t('procedures.application.submittedAt'), cell: (r) => (r.submittedAt ? dayOf(ctx, r.submittedAt) : t('procedures.application.draftSaved', { date: dateTime(ctx, r.updatedAt) })) },
        { header: t('procedures.application.latest'), cell: (r) => (r.latest ? `${dateTime(ctx, r.latest.at)} ${eventLabel(ctx, r.latest.kind)}` : '—') },
      ]}
    />
  );
}

export function MyApplicationsPage({ ctx, rows }: { ctx: ViewContext; rows: ApplicationSummaryRow[] }) {
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('procedures.application.list')} breadcrumbs={proceduresCrumbs(ctx, { label: t('procedures.application.list') })}>
      <h1>{t('procedures.application.list')}</h1>
      <ApplicationsTable ctx={ctx} rows={rows} caption={t('procedures.application.list')} />
      <p>
        <a href="/procedures">{t('procedures.mypage.find')}</a>
      </p>
    </Page>
  );
}

export interface TimelineEntry {
  at: Date;
  kind: string;
  message: string;
  fields: string[];
  byCounter: boolean;
}

export interface ApplicationView {
  id: string;
  reference: string | null;
  status: ApplicationStatus;
  version: number;
  submittedAt: Date | null;
  dueDate: string | null;
  feeYen: number;
  paymentMethod: 'online' | 'counter' | null;
  paidAt: Date | null;
  canPayOnline: boolean;
  resumeHref: string | null;
  /** Field ids and labels of the latest correction request (when returned), with the page to fix each on. */
  flagged: { fieldId: string; label: string; href: string }[];
  returnMessage: string;
  timeline: TimelineEntry[];
  sections: SummarySection[];
  /** Location answers by row field id: shown with a link to the map. */
  locations: Map<string, LatLng>;
  files: { id: string; name: string; size: number }[];
  canWithdraw: boolean;
  email: string | null;
  justSubmitted: boolean;
}

/** Paid so far (net of refunds) and still to pay, from the payments; null when there is no fee. */
export interface FeeBalanceView {
  paidYen: number;
  dueYen: number;
}

export function ApplicationPage({ ctx, def, app, balance = null }: { ctx: ViewContext; def: ProcedureDefinition; app: ApplicationView; balance?: FeeBalanceView | null }) {
  const t = ctx.t;
  const title = local(ctx, def.title);
  const base = `/procedures/applications/${app.id}`;
  const heading = app.justSubmitted ? t('procedures.done.title') : t('procedures.application.title');
  const paid = app.paidAt !== null && (balance === null || balance.dueYen === 0);
  // Part paid: the fee went up after it was paid (e.g. more copies on resubmission): only the difference is asked for.
  const topUp = !paid && balance !== null && balance.paidYen > 0 && balance.dueYen > 0 ? balance : null;
  const yen = (n: number) => n.toLocaleString('ja-JP');
  return (
    <Page ctx={ctx} title={`${heading}: ${title}`} breadcrumbs={proceduresCrumbs(ctx, { href: '/procedures/applications', label: t('procedures.application.list') }, { label: app.reference ?? title })}>
      {app.justSubmitted && app.reference ? (
        <div class="banner banner-success" role="status">
          <h1 class="banner-title">{t('procedures.done.title')}</h1>
          <div class="banner-body">
            <p>
              {t('procedures.done.reference')}
              <br />
              <strong class="reference-number">{app.reference}</strong>
            </p>
          </div>
        </div>
      ) : (
        <>
          <p class="field-hint">{title}</p>
          <h1>{heading}</h1>
        </>
      )}
      {app.status === 'returned' ? (
        <NotificationBanner kind="warning" title={t('procedures.application.returned.title')}>
          {app.returnMessage ? <p>{app.returnMessage}</p> : null}
          {app.flagged.length ? (
            <>
              <p>{t('procedures.application.returned.fields')}</p>
              <ul>
                {app.flagged.map((f) => (
                  <li>
                    <a href={f.href}>{f.label}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          <p>
            <LinkButton href={app.resumeHref ?? `${base}/check`}>{t('procedures.application.correct')}</LinkButton>
          </p>
        </NotificationBanner>
      ) : null}
      {app.justSubmitted ? (
        <>
          <h2>{t('procedures.done.next')}</h2>
          <ul>
            {app.email ? <li>{t('procedures.done.email', { email: app.email })}</li> : null}
            {app.dueDate ? <li>{t('procedures.done.due', { date: ctx.locale === 'ja' ? formatDateJa(app.dueDate) : formatDateEn(app.dueDate) })}</li> : null}
            <li>{t('procedures.done.mypage')}</li>
          </ul>
        </>
      ) : null}
      <SummaryList
        items={[
          { key: t('procedures.application.procedure'), value: title },
          ...(app.reference ? [{ key: t('procedures.application.reference'), value: app.reference }] : []),
          { key: t('procedures.application.status'), value: <ApplicationStatusTag ctx={ctx} status={app.status} /> },
          ...(app.submittedAt ? [{ key: t('procedures.application.submittedAt'), value: dayOf(ctx, app.submittedAt) }] : []),
          ...(app.dueDate && !['approved', 'rejected', 'withdrawn'].includes(app.status) ? [{ key: t('procedures.application.due'), value: <DateText iso={app.dueDate} locale={ctx.locale} /> }] : []),
          ...(app.feeYen > 0
            ? [
                { key: t('procedures.application.fee'), value: t('procedures.yen', { yen: app.feeYen.toLocaleString('ja-JP') }) },
                {
                  key: t('procedures.application.payment'),
                  value: paid
                    ? t('procedures.application.payment.paid', { date: dateTime(ctx, app.paidAt!) })
                    : topUp
                      ? t('procedures.application.payment.partial', { paid: yen(topUp.paidYen), due: yen(topUp.dueYen) })
                      : app.paymentMethod === 'online'
                        ? t('procedures.application.payment.online')
                        : t('procedures.application.payment.counter'),
                },
              ]
            : []),
          { key: t('procedures.application.formVersion'), value: t('procedures.application.version', { version: app.version }) },
        ]}
      />
      <div class="actions">
        {app.status === 'draft' && app.resumeHref ? <LinkButton href={app.resumeHref}>{t('procedures.application.continue')}</LinkButton> : null}
        {app.canPayOnline && !paid ? (
          <form method="post" action={`${base}/pay`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <button type="submit" class="btn btn-primary">
              {topUp ? t('procedures.application.payDifference', { yen: yen(topUp.dueYen) }) : app.justSubmitted ? t('procedures.done.pay', { yen: yen(app.feeYen) }) : t('procedures.application.pay', { yen: yen(app.feeYen) })}
            </button>
          </form>
        ) : null}
        {app.canWithdraw ? (
          <a href={`${base}/withdraw`} class="btn btn-tertiary">
            {app.status === 'draft' ? t('procedures.application.discard') : t('procedures.application.withdraw')}
          </a>
        ) : null}
      </div>
      <h2>{t('procedures.application.timeline')}</h2>
      <ol class="plain-list timeline">
        {app.timeline.map((e) => (
          <li>
            <p>
              <time dateTime={e.at.toISOString()}>{dateTime(ctx, e.at)}</time> <strong>{e.byCounter ? t('procedures.event.byCounter') : eventLabel(ctx, e.kind)}</strong>
            </p>
            {e.message ? <p class="message-body">{e.message}</p> : null}
          </li>
        ))}
      </ol>
      {app.sections.length ? (
        <>
          <h2>{t('procedures.application.answers')}</h2>
          {app.sections.map((section) => (
            <section aria-labelledby={`answers-${section.pageId}`}>
              <h3 id={`answers-${section.pageId}`}>{section.title}</h3>
              <SummaryList items={section.rows.map((r) => ({ key: r.label, value: r.display ? <AnswerText ctx={ctx} display={r.display} at={app.locations.get(r.fieldId)} /> : t('procedures.check.empty') }))} />
            </section>
          ))}
        </>
      ) : null}
      <h2>{t('procedures.application.files')}</h2>
      {app.files.length === 0 ? (
        <p>{t('procedures.application.files.none')}</p>
      ) : (
        <ul>
          {app.files.map((f) => (
            <li>
              <a href={`${base}/files/${f.id}`}>{t('procedures.application.download', { name: f.name })}</a>{paren(ctx, humanSize(f.size, ctx.locale))}
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}

/** A timeline entry's name; kinds added later (e.g. by the staff side) without their own message read as a notice. */
function eventLabel(ctx: ViewContext, kind: string): string {
  const key = `procedures.event.${kind}`;
  const text = ctx.t(key);
  return text === key ? ctx.t('procedures.event.note') : text;
}

export function WithdrawPage({ ctx, def, app, error }: { ctx: ViewContext; def: ProcedureDefinition; app: { id: string; reference: string | null; status: ApplicationStatus }; error?: string | null }) {
  const t = ctx.t;
  const title = local(ctx, def.title);
  const draft = app.status === 'draft';
  const heading = draft ? t('procedures.application.discard') : t('procedures.withdraw.title');
  const base = `/procedures/applications/${app.id}`;
  return (
    <Page ctx={ctx} title={heading} breadcrumbs={proceduresCrumbs(ctx, { href: base, label: app.reference ?? title }, { label: heading })}>
      <h1>{heading}</h1>
      <p>{draft ? t('procedures.withdraw.discardLead', { procedure: title }) : t('procedures.withdraw.lead', { procedure: title, reference: app.reference ?? '' })}</p>
      <form method="post" action={`${base}/withdraw`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {draft ? null : <Textarea name="reason" label={t('procedures.withdraw.reason')} hint={t('procedures.withdraw.reason.hint')} maxLength={1000} rows={3} error={error ?? null} />}
        <div class="button-row">
          <button type="submit" class="btn btn-danger">
            {draft ? t('procedures.withdraw.discardSubmit') : t('procedures.withdraw.submit')}
          </button>
          <a href={base} class="btn btn-secondary">
            {t('procedures.withdraw.cancel')}
          </a>
        </div>
      </form>
    </Page>
  );
}
