/** The development simulator's inbox page: what the SMS, mail, LINE and push simulators received. */
import type { ViewContext } from '../../ui/view-context.ts';
import { Page } from '../../ui/layout.tsx';
import { Button } from '../../ui/components/button.tsx';
import { CsrfField, Select, TextInput } from '../../ui/components/form-fields.tsx';
import { NotificationBanner, StatusTag } from '../../ui/components/feedback.tsx';
import { Pagination } from '../../ui/components/navigation.tsx';
import { Table } from '../../ui/components/table.tsx';
import { formatJapanTime } from '../staff/format.ts';

export interface InboxRow {
  id: number;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  calls: number;
  received_at: Date;
  receipt_state: string;
  receipt_status: string | null;
}

export function InboxPage(props: { ctx: ViewContext; rows: InboxRow[]; channel: string; page: number; pageCount: number; failPercent: number; smtpUrl: string | null }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('notify.sim.title')} shell="plain">
      <p class="dev-strip">{t('notify.sim.strip')}</p>
      <h1>{t('notify.sim.title')}</h1>
      <p>{t('notify.sim.lead')}</p>
      <ul>
        <li>{t('notify.sim.sms')}</li>
        <li>{t('notify.sim.email', { url: props.smtpUrl ?? t('notify.sim.email.notStarted') })}</li>
        <li>{t('notify.sim.line')}</li>
        <li>{t('notify.sim.push')}</li>
        <li>{t('notify.sim.failedNumbers')}</li>
      </ul>
      <h2>{t('notify.sim.settings')}</h2>
      <form method="post" action="/dev/notify/settings" class="search-row">
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="failPercent" label={t('notify.sim.failPercent')} hint={t('notify.sim.failPercent.hint')} value={String(props.failPercent)} width="short" inputmode="numeric" />
        <Button variant="secondary">{t('notify.sim.save')}</Button>
      </form>
      {props.failPercent > 0 ? <NotificationBanner kind="warning" title={t('notify.sim.failing', { percent: props.failPercent })} /> : null}
      <h2>{t('notify.sim.inbox')}</h2>
      <form method="get" action="/dev/notify" class="search-row">
        <Select name="channel" label={t('notify.field.channel')} value={props.channel} emptyLabel={t('notify.filter.all')} options={['sms', 'email', 'line', 'push'].map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
        <Button variant="secondary">{t('notify.filter.submit')}</Button>
      </form>
      <Table
        caption={t('notify.sim.inbox')}
        captionHidden
        id="simulator-inbox"
        rows={props.rows}
        empty={t('notify.sim.empty')}
        columns={[
          { header: t('notify.sim.col.received'), cell: (r) => formatJapanTime(r.received_at, ctx.locale, true) },
          { header: t('notify.field.channel'), cell: (r) => t(`notify.channel.${r.channel}`) },
          { header: t('notify.field.recipient'), cell: (r) => r.recipient },
          {
            header: t('notify.field.body'),
            cell: (r) => (
              <>
                {r.subject ? <strong>{r.subject}</strong> : null}
                <pre class="message-body">{r.body}</pre>
              </>
            ),
          },
          { header: t('notify.sim.col.calls'), cell: (r) => String(r.calls), numeric: true },
          {
            header: t('notify.sim.col.receipt'),
            cell: (r) =>
              r.receipt_state === 'none' ? (
                t('notify.sim.receipt.none')
              ) : (
                <StatusTag tone={r.receipt_state === 'sent' ? (r.receipt_status === 'failed' ? 'error' : 'success') : 'warning'}>{t(`notify.sim.receipt.${r.receipt_state}`)}{r.receipt_status ? `（${t(`notify.status.${r.receipt_status}`)}）` : ''}</StatusTag>
              ),
          },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/dev/notify" query={props.channel ? { channel: props.channel } : {}} />
      <form method="post" action="/dev/notify/clear">
        <CsrfField token={ctx.csrfToken} />
        <Button variant="danger">{t('notify.sim.clear')}</Button>
      </form>
    </Page>
  );
}
