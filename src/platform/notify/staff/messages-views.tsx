/** Staff pages: the message list with filters, and one message with its timeline. */
import type { Selectable } from 'kysely';
import type { ViewContext } from '../../ui/view-context.ts';
import { Page } from '../../ui/layout.tsx';
import { Button } from '../../ui/components/button.tsx';
import { DateInput, Select } from '../../ui/components/form-fields.tsx';
import { Pagination } from '../../ui/components/navigation.tsx';
import { SummaryList, Table } from '../../ui/components/table.tsx';
import { maskRecipient } from '../pipeline.ts';
import { fromE164 } from '../recipients.ts';
import type { Channel } from '../notifier.ts';
import { MESSAGE_STATUSES, type NotifyTables } from '../notify-tables.ts';
import { formatJapanTime } from './format.ts';
import { crumbs, MessageStatusTag, NotifyNav } from './views-common.tsx';

export interface MessageListRow {
  id: string;
  channel: Channel;
  recipient: string;
  subject: string | null;
  source: string;
  reference: string | null;
  status: string;
  attempts: number;
  created_at: Date;
  delivered_at: Date | null;
  next_attempt_at: Date | null;
}

export interface FilterValues {
  status: string;
  channel: string;
  source: string;
  from: string;
  to: string;
}

export function MessageListPage(props: { ctx: ViewContext; rows: MessageListRow[]; filters: FilterValues; sources: string[]; page: number; pageCount: number }) {
  const { ctx, filters } = props;
  const t = ctx.t;
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v));
  return (
    <Page ctx={ctx} title={t('notify.staff.title')} shell="staff" breadcrumbs={[{ href: '/staff', label: t('staff.home.title') }, { label: t('notify.staff.title') }]}>
      <h1>{t('notify.staff.title')}</h1>
      <NotifyNav ctx={ctx} current="messages" />
      <h2>{t('notify.staff.messages')}</h2>
      <form method="get" action="/staff/notify" class="search-row">
        <Select name="status" label={t('notify.field.status')} value={filters.status} emptyLabel={t('notify.filter.all')} options={MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`notify.status.${s}`) }))} />
        <Select name="channel" label={t('notify.field.channel')} value={filters.channel} emptyLabel={t('notify.filter.all')} options={['sms', 'email', 'line', 'push'].map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
        <Select name="source" label={t('notify.field.source')} value={filters.source} emptyLabel={t('notify.filter.all')} options={props.sources.map((s) => ({ value: s, label: s }))} />
        <DateInput name="from" label={t('notify.filter.from')} value={filters.from} />
        <DateInput name="to" label={t('notify.filter.to')} value={filters.to} />
        <Button variant="secondary">{t('notify.filter.submit')}</Button>
      </form>
      <Table
        caption={t('notify.staff.messages')}
        captionHidden
        id="notify-messages"
        rows={props.rows}
        empty={t('notify.staff.none')}
        columns={[
          { header: t('notify.field.createdAt'), cell: (r) => <a href={`/staff/notify/messages/${r.id}`}>{formatJapanTime(r.created_at, ctx.locale, true)}</a> },
          { header: t('notify.field.channel'), cell: (r) => t(`notify.channel.${r.channel}`) },
          { header: t('notify.field.recipient'), cell: (r) => maskRecipient(r.channel, r.channel === 'sms' ? fromE164(r.recipient) : r.recipient) },
          { header: t('notify.field.source'), cell: (r) => `${r.source}${r.reference ? ` / ${r.reference}` : ''}` },
          { header: t('notify.field.status'), cell: (r) => <MessageStatusTag ctx={ctx} status={r.status} /> },
          { header: t('notify.field.attempts'), cell: (r) => String(r.attempts), numeric: true },
        ]}
      />
      <Pagination t={t} page={props.page} pageCount={props.pageCount} baseHref="/staff/notify" query={query} />
    </Page>
  );
}

type MessageRow = Selectable<NotifyTables['notify_messages']>;

/** `restrictedTo`: the department owning this message's content when the viewer is not in it (recipient masked, no subject or body). */
export function MessageDetailPage(props: { ctx: ViewContext; message: MessageRow; events: { at: Date; event: string; detail: string | null }[]; restrictedTo?: string | null }) {
  const { ctx, message: m } = props;
  const t = ctx.t;
  const restricted = props.restrictedTo ?? null;
  const recipient = restricted !== null
    ? maskRecipient(m.channel, m.channel === 'sms' ? fromE164(m.recipient) : m.recipient)
    : m.channel === 'sms' ? `${fromE164(m.recipient)}（${m.recipient}）` : m.channel === 'push' ? t('notify.staff.pushSubscription') : m.recipient;
  const title = t('notify.staff.message.title', { channel: t(`notify.channel.${m.channel}`) });
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <NotifyNav ctx={ctx} current="messages" />
      <SummaryList
        items={[
          { key: t('notify.field.status'), value: <MessageStatusTag ctx={ctx} status={m.status} /> },
          { key: t('notify.field.recipient'), value: recipient },
          { key: t('notify.field.source'), value: `${m.source}${m.reference ? ` / ${m.reference}` : ''}` },
          { key: t('notify.field.keyKind'), value: m.key_kind ? t(`notify.key.kind.${m.key_kind}`) : t('notify.staff.fromService') },
          { key: t('notify.field.template'), value: m.template_id ? <a href={`/staff/notify/templates/${m.template_id}`}>{t('notify.staff.templateVersion', { version: m.template_version ?? 0 })}</a> : '—' },
          { key: t('notify.field.provider'), value: `${m.provider ?? '—'}${m.provider_ref ? `（${m.provider_ref}）` : ''}` },
          { key: t('notify.field.attempts'), value: String(m.attempts) },
          ...(m.segments ? [{ key: t('notify.field.segments'), value: String(m.segments) }] : []),
          { key: t('notify.field.createdAt'), value: formatJapanTime(m.created_at, ctx.locale, true) },
          ...(m.send_after ? [{ key: t('notify.field.sendAfter'), value: formatJapanTime(m.send_after, ctx.locale) }] : []),
          ...(m.next_attempt_at ? [{ key: t('notify.field.nextAttempt'), value: formatJapanTime(m.next_attempt_at, ctx.locale, true) }] : []),
          { key: t('notify.field.sentAt'), value: formatJapanTime(m.sent_at, ctx.locale, true) },
          { key: t('notify.field.deliveredAt'), value: formatJapanTime(m.delivered_at, ctx.locale, true) },
          ...(m.failure_reason ? [{ key: t('notify.field.failureReason'), value: m.failure_reason }] : []),
          ...(restricted === null && m.subject ? [{ key: t('notify.field.subject'), value: m.subject }] : []),
          { key: t('notify.field.body'), value: restricted === null ? <pre class="message-body">{m.body}</pre> : <p id="message-restricted">{t('notify.staff.restricted', { source: m.source, department: restricted })}</p> },
        ]}
      />
      <h2>{t('notify.staff.timeline')}</h2>
      <Table
        caption={t('notify.staff.timeline')}
        captionHidden
        rows={props.events}
        empty={t('notify.staff.none')}
        columns={[
          { header: t('notify.field.at'), cell: (e) => formatJapanTime(e.at, ctx.locale, true) },
          { header: t('notify.field.event'), cell: (e) => t(`notify.event.${e.event}`) },
          { header: t('notify.field.detail'), cell: (e) => e.detail ?? '' },
        ]}
      />
    </Page>
  );
}
