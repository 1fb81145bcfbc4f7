/** 子育て応援 pages: the children a parent registered, the form, and a child's vaccination schedule. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, DateInput, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { formatWareki } from '../../platform/text/wareki.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { ChildRow } from './childcare-service.ts';
import { AppPage } from './resident-views.tsx';
import { REMINDER_DAYS_BEFORE, type ScheduledDose } from './vaccination-schedule.ts';
import { appCrumbs, DateOnly } from './view-helpers.tsx';

const crumbs = (ctx: ViewContext, ...rest: { href?: string; label: string }[]) => appCrumbs(ctx, ...(rest.length ? [{ href: '/app/childcare', label: ctx.t('app.child.title') }, ...rest] : [{ label: ctx.t('app.child.title') }]));

function RemindersNote(props: { ctx: ViewContext; channels: number }) {
  const t = props.ctx.t;
  return props.channels > 0 ? (
    <p>{t('app.child.remindersOn', { days: REMINDER_DAYS_BEFORE, n: props.channels })}</p>
  ) : (
    <NotificationBanner kind="info" title={t('app.child.remindersOff', { days: REMINDER_DAYS_BEFORE })}>
      <p>
        <a href="/app/subscribe">{t('app.subscribe.title')}</a>
      </p>
    </NotificationBanner>
  );
}

export function ChildrenPage(props: { ctx: ViewContext; children: ChildRow[]; channels: number }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.child.title')} breadcrumbs={crumbs(ctx)}>
      <h1>{t('app.child.title')}</h1>
      <p>{t('app.child.lead')}</p>
      <RemindersNote ctx={ctx} channels={props.channels} />
      {props.children.length === 0 ? (
        <p>{t('app.child.none')}</p>
      ) : (
        <ul class="card-list">
          {props.children.map((c) => (
            <li class="card">
              <h2>
                <a href={`/app/childcare/${c.id}`}>{c.nickname}</a>
              </h2>
              <p>
                {t('app.child.born')} <DateOnly ctx={ctx} iso={c.birth_date} />
              </p>
            </li>
          ))}
        </ul>
      )}
      <p>
        <LinkButton href="/app/childcare/new">{t('app.child.add')}</LinkButton>
      </p>
    </AppPage>
  );
}

export function ChildFormPage(props: { ctx: ViewContext; values: { nickname: string; birthDate: string }; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <AppPage ctx={ctx} title={t('app.child.add')} breadcrumbs={crumbs(ctx, { label: t('app.child.add') })}>
      <h1>{t('app.child.add')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <p>{t('app.child.formLead')}</p>
      <form method="post" action="/app/childcare" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="nickname" label={t('app.child.nickname')} hint={t('app.child.nickname.hint')} value={values.nickname} error={errors.nickname} required requiredLabel={t('ui.required')} maxLength={40} width="medium" />
        <DateInput name="birthDate" label={t('app.child.birthDate')} hint={t('app.child.birthDate.hint')} value={values.birthDate} error={errors.birthDate} required requiredLabel={t('ui.required')} />
        <Button>{t('app.child.submit')}</Button>
      </form>
    </AppPage>
  );
}

const TONES = { upcoming: 'neutral', due: 'warning', past: 'info' } as const;

function Period(props: { ctx: ViewContext; dose: ScheduledDose }) {
  const { ctx, dose } = props;
  return (
    <>
      <DateOnly ctx={ctx} iso={dose.from} />〜<DateOnly ctx={ctx} iso={dose.until} />
    </>
  );
}

export function ChildPage(props: { ctx: ViewContext; child: ChildRow; schedule: ScheduledDose[]; channels: number }) {
  const { ctx, child } = props;
  const t = ctx.t;
  const ja = ctx.locale === 'ja';
  return (
    <AppPage ctx={ctx} title={t('app.child.scheduleTitle', { name: child.nickname })} breadcrumbs={crumbs(ctx, { label: child.nickname })}>
      <h1>{t('app.child.scheduleTitle', { name: child.nickname })}</h1>
      <p>
        {t('app.child.born')} <DateOnly ctx={ctx} iso={child.birth_date} />（{formatWareki(child.birth_date)}）
      </p>
      <p>{t('app.child.scheduleLead')}</p>
      <RemindersNote ctx={ctx} channels={props.channels} />
      <Table
        caption={t('app.child.tableCaption')}
        id="vaccination-schedule"
        rowHeader
        columns={[
          { header: t('app.child.vaccine'), cell: (d) => `${ja ? d.vaccineJa : d.vaccineEn}　${ja ? d.doseJa : d.doseEn}` },
          { header: t('app.child.period'), cell: (d) => <Period ctx={ctx} dose={d} /> },
          { header: t('app.child.status'), cell: (d) => <StatusTag tone={TONES[d.status]}>{t(`app.child.status.${d.status}`)}</StatusTag> },
          { header: t('app.child.note'), cell: (d) => (ja ? d.noteJa : d.noteEn) ?? '' },
        ]}
        rows={props.schedule}
        empty="—"
      />
      <p class="answer-source">{t('app.child.source')}</p>
      <form method="post" action={`/app/childcare/${child.id}/delete`}>
        <CsrfField token={ctx.csrfToken} />
        <Button variant="secondary">{t('app.child.delete')}</Button>
      </form>
    </AppPage>
  );
}
