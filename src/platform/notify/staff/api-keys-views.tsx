/** Staff page: API keys (the secret shown once) and the team keys' allow-list. */
import type { ViewContext } from '../../ui/view-context.ts';
import { Page } from '../../ui/layout.tsx';
import { Button } from '../../ui/components/button.tsx';
import { CsrfField, Radios, Select, TextInput } from '../../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../ui/components/feedback.tsx';
import { Table } from '../../ui/components/table.tsx';
import type { ApiKeyKind } from '../notify-tables.ts';
import { formatJapanTime } from './format.ts';
import { crumbs, NotifyNav } from './views-common.tsx';

export interface ApiKeyRow {
  id: string;
  name: string;
  kind: ApiKeyKind;
  source: string;
  secret_hint: string;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export interface TeamRecipientRow {
  id: string;
  api_key_id: string | null;
  channel: string;
  recipient: string;
}

export interface ApiKeyForm {
  name: string;
  kind: string;
  source: string;
}

export function ApiKeysPage(props: {
  ctx: ViewContext;
  keys: ApiKeyRow[];
  recipients: TeamRecipientRow[];
  form: ApiKeyForm;
  errors: Record<string, string>;
  recipientForm: { keyId: string; channel: string; recipient: string };
  recipientErrors: Record<string, string>;
  created?: { name: string; secret: string } | null;
}) {
  const { ctx, errors } = props;
  const t = ctx.t;
  const keyName = (id: string | null) => (id ? props.keys.find((k) => k.id === id)?.name ?? id : t('notify.team.allKeys'));
  return (
    <Page ctx={ctx} title={t('notify.keys.title')} shell="staff" breadcrumbs={crumbs(ctx, { label: t('notify.keys.title') })}>
      <h1>{t('notify.keys.title')}</h1>
      <NotifyNav ctx={ctx} current="api-keys" />
      {props.created ? (
        <NotificationBanner kind="success" title={t('notify.keys.created', { name: props.created.name })}>
          <p>{t('notify.keys.secretOnce')}</p>
          <p>
            <code id="api-key-secret">{props.created.secret}</code>
          </p>
        </NotificationBanner>
      ) : null}
      <p>{t('notify.keys.lead')}</p>
      <Table
        caption={t('notify.keys.list')}
        id="notify-api-keys"
        rows={props.keys}
        empty={t('notify.keys.none')}
        columns={[
          { header: t('notify.keys.name'), cell: (k) => k.name },
          { header: t('notify.keys.kind'), cell: (k) => t(`notify.key.kind.${k.kind}`) },
          { header: t('notify.keys.source'), cell: (k) => k.source },
          { header: t('notify.keys.hint'), cell: (k) => <code>…{k.secret_hint}</code> },
          { header: t('notify.keys.lastUsed'), cell: (k) => formatJapanTime(k.last_used_at, ctx.locale) },
          {
            header: t('notify.keys.state'),
            cell: (k) =>
              k.revoked_at ? (
                <StatusTag tone="neutral">{t('notify.keys.revoked', { at: formatJapanTime(k.revoked_at, ctx.locale) })}</StatusTag>
              ) : (
                <form method="post" action={`/staff/notify/api-keys/${k.id}/revoke`} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <Button variant="danger">{t('notify.keys.revoke', { name: k.name })}</Button>
                </form>
              ),
          },
        ]}
      />
      <h2>{t('notify.keys.new')}</h2>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action="/staff/notify/api-keys" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="name" label={t('notify.keys.name')} value={props.form.name} error={errors.name} required requiredLabel={t('ui.required')} maxLength={100} width="medium" />
        <TextInput name="source" label={t('notify.keys.source')} hint={t('notify.keys.source.hint')} value={props.form.source} error={errors.source} required requiredLabel={t('ui.required')} maxLength={40} width="medium" />
        <Radios
          name="kind"
          label={t('notify.keys.kind')}
          value={props.form.kind}
          error={errors.kind}
          options={(['test', 'team', 'live'] as const).map((k) => ({ value: k, label: t(`notify.key.kind.${k}`), hint: t(`notify.key.kind.${k}.hint`) }))}
        />
        <Button>{t('notify.keys.create')}</Button>
      </form>
      <h2>{t('notify.team.title')}</h2>
      <p>{t('notify.team.lead')}</p>
      <Table
        caption={t('notify.team.title')}
        captionHidden
        rows={props.recipients}
        empty={t('notify.team.none')}
        columns={[
          { header: t('notify.team.key'), cell: (r) => keyName(r.api_key_id) },
          { header: t('notify.field.channel'), cell: (r) => t(`notify.channel.${r.channel}`) },
          { header: t('notify.field.recipient'), cell: (r) => r.recipient },
          {
            header: t('notify.team.remove'),
            cell: (r) => (
              <form method="post" action={`/staff/notify/team-recipients/${r.id}/delete`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <Button variant="secondary">{t('notify.team.removeOne', { recipient: r.recipient })}</Button>
              </form>
            ),
          },
        ]}
      />
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(props.recipientErrors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action="/staff/notify/team-recipients" novalidate class="search-row">
        <CsrfField token={ctx.csrfToken} />
        <Select name="keyId" label={t('notify.team.key')} value={props.recipientForm.keyId} emptyLabel={t('notify.team.allKeys')} options={props.keys.filter((k) => k.kind === 'team' && !k.revoked_at).map((k) => ({ value: k.id, label: k.name }))} />
        <Select name="channel" label={t('notify.field.channel')} value={props.recipientForm.channel} options={['sms', 'email', 'line'].map((c) => ({ value: c, label: t(`notify.channel.${c}`) }))} />
        <TextInput name="recipient" label={t('notify.field.recipient')} value={props.recipientForm.recipient} error={props.recipientErrors.recipient} maxLength={320} />
        <Button variant="secondary">{t('notify.team.add')}</Button>
      </form>
    </Page>
  );
}
