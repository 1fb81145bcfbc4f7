/** Staff page: who opted out of which channel, with forms to add and remove. */
import type { ViewContext } from '../../ui/view-context.ts';
import { Page } from '../../ui/layout.tsx';
import { Button } from '../../ui/components/button.tsx';
import { CsrfField, Select, TextInput } from '../../ui/components/form-fields.tsx';
import { ErrorSummary } from '../../ui/components/feedback.tsx';
import { Pagination } from '../../ui/components/navigation.tsx';
import { Table } from '../../ui/components/table.tsx';
import { fromE164 } from '../recipients.ts';
import { formatJapanTime } from './format.ts';
import { crumbs, NotifyNav } from './views-common.tsx';

export interface OptOutRow {
  channel: string;
  recipient: string;
  reason: string | null;
  source: string;
  created_at: Date;
}

export function OptOutsPage(props: {
  ctx: ViewContext;
  rows: OptOutRow[];
  channel: string;
  page: number;
  pageCount: number;
  canEdit: boolean;
  form: { channel: string; recipient: string; reason: string };
  errors: Record<string, string>;
}) {
  const { ctx, errors } = props;
  const t = ctx.t;
  const show = (r: OptOutRow) => (r.channel === 'sms' ? fromE164(r.recipient) : r.channel === 'push' ? t('notify.staff.pushSubscription') : r.recipient);
  return (
    <Page ctx={ctx} title={t('notify.optOuts.title')} shell="staff" breadcrumbs={crumbs(ctx, { label: t('notify.optOuts.title') })}>
      <h1>{t('notify.optOuts.title')}</h1>
      <NotifyNav ctx={ctx} current="opt-outs" />
      <p>{t('notify.optOuts.lead')}</p>
      <form method="get" action="/staff/notify/opt-outs" class="search-row">
        <Select name="show" label={t('notify.field.channel')} value={props.channel} emptyLabel={t('notify.filter.all')} options={['sms', 'email', 'line', 'push'].map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
        <Button variant="secondary">{t('notify.filter.submit')}</Button>
      </form>
      <Table
        caption={t('notify.optOuts.title')}
        captionHidden
        rows={props.rows}
        empty={t('notify.optOuts.none')}
        columns={[
          { header: t('notify.field.channel'), cell: (r) => t(`notify.channel.${r.channel}`) },
          { header: t('notify.field.recipient'), cell: show },
          { header: t('notify.optOuts.reason'), cell: (r) => `${r.reason ?? ''}（${r.source}）` },
          { header: t('notify.field.createdAt'), cell: (r) => formatJapanTime(r.created_at, ctx.locale) },
          ...(props.canEdit
            ? [
                {
                  header: t('notify.optOuts.remove'),
                  cell: (r: OptOutRow) => (
                    <form method="post" action="/staff/notify/opt-outs/delete" class="inline-form">
                      <CsrfField token={ctx.csrfToken} />
                      <input type="hidden" name="channel" value={r.channel} />
                      <input type="hidden" name="recipient" value={r.recipient} />
                      <Button variant="secondary">{t('notify.optOuts.removeOne', { recipient: show(r) })}</Button>
                    </form>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/staff/notify/opt-outs" query={props.channel ? { show: props.channel } : {}} />
      {props.canEdit ? (
        <>
          <h2>{t('notify.optOuts.add')}</h2>
          <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
          <form method="post" action="/staff/notify/opt-outs" novalidate>
            <CsrfField token={ctx.csrfToken} />
            <Select name="channel" label={t('notify.field.channel')} value={props.form.channel} options={['sms', 'email', 'line'].map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
            <TextInput name="recipient" label={t('notify.field.recipient')} value={props.form.recipient} error={errors.recipient} required requiredLabel={t('ui.required')} maxLength={320} width="medium" />
            <TextInput name="reason" label={t('notify.optOuts.reason')} value={props.form.reason} error={errors.reason} maxLength={200} />
            <Button>{t('notify.optOuts.addButton')}</Button>
          </form>
        </>
      ) : null}
    </Page>
  );
}
