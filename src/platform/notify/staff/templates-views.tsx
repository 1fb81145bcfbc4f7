/** Staff pages: template list, the editor (each save is a new version) with a preview and SMS length. */
import type { ViewContext } from '../../ui/view-context.ts';
import { Page } from '../../ui/layout.tsx';
import { Button, LinkButton } from '../../ui/components/button.tsx';
import { CsrfField, TextInput, Textarea } from '../../ui/components/form-fields.tsx';
import { ErrorSummary } from '../../ui/components/feedback.tsx';
import { SummaryList, Table } from '../../ui/components/table.tsx';
import type { TemplateInput } from '../templates.ts';
import { SMS_MAX_SEGMENTS, smsLength } from '../template.ts';
import { formatJapanTime } from './format.ts';
import { crumbs, NotifyNav } from './views-common.tsx';

export function TemplateListPage(props: { ctx: ViewContext; rows: { id: string; name: string; current_version: number; updated_at: Date }[]; canEdit: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('notify.templates.title')} shell="staff" breadcrumbs={crumbs(ctx, { label: t('notify.templates.title') })}>
      <h1>{t('notify.templates.title')}</h1>
      <NotifyNav ctx={ctx} current="templates" />
      {props.canEdit ? <LinkButton href="/staff/notify/templates/new">{t('notify.templates.new')}</LinkButton> : null}
      <Table
        caption={t('notify.templates.title')}
        captionHidden
        rows={props.rows}
        empty={t('notify.templates.none')}
        columns={[
          { header: t('notify.template.name'), cell: (r) => <a href={`/staff/notify/templates/${r.id}`}>{r.name}</a> },
          { header: t('notify.template.version'), cell: (r) => String(r.current_version), numeric: true },
          { header: t('notify.template.updatedAt'), cell: (r) => formatJapanTime(r.updated_at, ctx.locale) },
          { header: t('notify.template.id'), cell: (r) => <code>{r.id}</code> },
        ]}
      />
    </Page>
  );
}

/** Length as the network counts it, so staff see what a message will cost before sending it. */
export function SmsLengthNote(props: { ctx: ViewContext; text: string }) {
  const length = smsLength(props.text);
  const over = length.segments > SMS_MAX_SEGMENTS;
  return (
    <p class={over ? 'field-error-message' : 'field-hint'}>
      {props.ctx.t('notify.template.smsLength', { units: length.units, encoding: length.encoding, segments: length.segments, max: SMS_MAX_SEGMENTS })}
    </p>
  );
}

export interface Preview {
  values: Record<string, string>;
  placeholders: string[];
  rendered: { channel: string; subject: string | null; body: string }[];
  missing: string[];
}

export function TemplateEditPage(props: {
  ctx: ViewContext;
  mode: 'create' | 'edit';
  id?: string;
  values: TemplateInput;
  errors: Record<string, string>;
  canEdit: boolean;
  versions?: { version: number; created_at: Date; created_by: string | null }[];
  currentVersion?: number;
  preview?: Preview;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = props.mode === 'create' ? t('notify.templates.new') : values.name;
  const action = props.mode === 'create' ? '/staff/notify/templates/new' : `/staff/notify/templates/${props.id}`;
  return (
    <Page ctx={ctx} title={title} shell="staff" breadcrumbs={crumbs(ctx, { href: '/staff/notify/templates', label: t('notify.templates.title') }, { label: title })}>
      <h1>{title}</h1>
      <NotifyNav ctx={ctx} current="templates" />
      {props.mode === 'edit' ? (
        <SummaryList
          items={[
            { key: t('notify.template.id'), value: <code>{props.id}</code> },
            { key: t('notify.template.version'), value: String(props.currentVersion ?? 1) },
          ]}
        />
      ) : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      {props.canEdit ? (
        <form method="post" action={action} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="name" label={t('notify.template.name')} value={values.name} error={errors.name} required requiredLabel={t('ui.required')} maxLength={100} />
          <p class="field-hint">{t('notify.template.placeholderHint')}</p>
          <Textarea name="smsBody" label={t('notify.template.smsBody')} value={values.smsBody} error={errors.smsBody} rows={4} maxLength={2000} />
          <SmsLengthNote ctx={ctx} text={values.smsBody} />
          <TextInput name="emailSubject" label={t('notify.template.emailSubject')} value={values.emailSubject} error={errors.emailSubject} maxLength={200} />
          <Textarea name="emailBody" label={t('notify.template.emailBody')} value={values.emailBody} error={errors.emailBody} rows={8} maxLength={20000} />
          <Textarea name="lineBody" label={t('notify.template.lineBody')} value={values.lineBody} error={errors.lineBody} rows={4} maxLength={5000} />
          <TextInput name="pushTitle" label={t('notify.template.pushTitle')} value={values.pushTitle} error={errors.pushTitle} maxLength={100} />
          <Textarea name="pushBody" label={t('notify.template.pushBody')} value={values.pushBody} error={errors.pushBody} rows={3} maxLength={1000} />
          <Button>{t(props.mode === 'create' ? 'notify.template.create' : 'notify.template.saveVersion')}</Button>
        </form>
      ) : (
        <SummaryList
          items={[
            { key: t('notify.template.smsBody'), value: <pre class="message-body">{values.smsBody}</pre> },
            { key: t('notify.template.emailSubject'), value: values.emailSubject },
            { key: t('notify.template.emailBody'), value: <pre class="message-body">{values.emailBody}</pre> },
            { key: t('notify.template.lineBody'), value: <pre class="message-body">{values.lineBody}</pre> },
            { key: t('notify.template.pushTitle'), value: values.pushTitle },
            { key: t('notify.template.pushBody'), value: <pre class="message-body">{values.pushBody}</pre> },
          ]}
        />
      )}
      {props.mode === 'edit' && props.preview ? <PreviewSection ctx={ctx} id={props.id!} preview={props.preview} /> : null}
      {props.versions?.length ? (
        <>
          <h2>{t('notify.template.versions')}</h2>
          <Table
            caption={t('notify.template.versions')}
            captionHidden
            rows={props.versions}
            empty=""
            columns={[
              { header: t('notify.template.version'), cell: (v) => String(v.version), numeric: true },
              { header: t('notify.template.updatedAt'), cell: (v) => formatJapanTime(v.created_at, ctx.locale) },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
}

function PreviewSection(props: { ctx: ViewContext; id: string; preview: Preview }) {
  const { ctx, preview } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="preview-title">
      <h2 id="preview-title">{t('notify.template.preview')}</h2>
      <form method="post" action={`/staff/notify/templates/${props.id}/preview`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        {preview.placeholders.length === 0 ? <p>{t('notify.template.noPlaceholders')}</p> : null}
        {preview.placeholders.map((name, i) => (
          <>
            <input type="hidden" name={`name${i}`} value={name} />
            <TextInput name={`value${i}`} label={t('notify.template.sample', { name })} value={preview.values[name] ?? ''} maxLength={500} />
          </>
        ))}
        <Button variant="secondary">{t('notify.template.showPreview')}</Button>
      </form>
      {preview.missing.length ? <p class="field-error-message">{t('notify.error.placeholdersMissing', { names: preview.missing.join('、') })}</p> : null}
      {preview.rendered.map((r) => (
        <div class="card">
          <h3>{t(`notify.channel.${r.channel}`)}</h3>
          {r.subject ? <p><strong>{r.subject}</strong></p> : null}
          <pre class="message-body">{r.body}</pre>
          {r.channel === 'sms' ? <SmsLengthNote ctx={ctx} text={r.body} /> : null}
        </div>
      ))}
    </section>
  );
}
