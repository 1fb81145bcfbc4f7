/** Staff pages for procedure definitions: the list, one procedure's versions, and publishing a new version. */
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { ErrorSummary, NotificationBanner, StatusTag } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, FileInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { dateTime, local } from './catalogue-views.tsx';

export const DEFINITIONS_BASE = '/staff/procedure-definitions';

function crumbs(ctx: ViewContext, here?: string) {
  const t = ctx.t;
  return [{ href: '/staff', label: t('staff.title') }, here ? { href: DEFINITIONS_BASE, label: t('procedures.definitions.title') } : { label: t('procedures.definitions.title') }, ...(here ? [{ label: here }] : [])];
}

export interface DefinitionRow {
  id: string;
  status: 'published' | 'withdrawn';
  version: number;
  department: { ja: string; en: string };
  definition: ProcedureDefinition;
}

export function DefinitionsListPage({ ctx, rows, canCreate }: { ctx: ViewContext; rows: DefinitionRow[]; canCreate: boolean }) {
  const t = ctx.t;
  return (
    <Page ctx={ctx} shell="staff" title={t('procedures.definitions.title')} breadcrumbs={crumbs(ctx)}>
      <h1>{t('procedures.definitions.title')}</h1>
      <p>{t('procedures.definitions.lead')}</p>
      {canCreate ? (
        <p>
          <a href={`${DEFINITIONS_BASE}/new`}>{t('procedures.definitions.new')}</a>
        </p>
      ) : null}
      <Table
        id="definitions"
        caption={t('procedures.definitions.title')}
        captionHidden
        rows={rows}
        empty="—"
        rowHeader
        columns={[
          { header: t('procedures.definitions.col.title'), cell: (r) => <a href={`${DEFINITIONS_BASE}/${r.id}`}>{local(ctx, r.definition.title)}</a> },
          { header: t('procedures.definitions.col.id'), cell: (r) => <code>{r.id}</code> },
          { header: t('procedures.definitions.col.department'), cell: (r) => local(ctx, r.department) },
          { header: t('procedures.definitions.col.version'), cell: (r) => r.version, numeric: true },
          { header: t('procedures.definitions.col.status'), cell: (r) => <StatusTag tone={r.status === 'published' ? 'success' : 'neutral'}>{t(`procedures.definitions.status.${r.status}`)}</StatusTag> },
        ]}
      />
      <p>{t('procedures.definitions.left')}</p>
    </Page>
  );
}

export interface VersionRow {
  version: number;
  hash: string;
  created_at: Date;
  created_by: string | null;
  applications: number;
}

export function DefinitionPage(props: {
  ctx: ViewContext;
  id: string;
  title: string;
  versions: VersionRow[];
  canPublish: boolean;
  json: string;
  errors: { path?: string; message: string }[];
  outcome?: { kind: 'success' | 'info'; text: string } | null;
  creating?: boolean;
}) {
  const { ctx } = props;
  const t = ctx.t;
  const action = props.creating ? DEFINITIONS_BASE : `${DEFINITIONS_BASE}/${props.id}/versions`;
  return (
    <Page ctx={ctx} shell="staff" title={props.title} breadcrumbs={crumbs(ctx, props.title)}>
      <ErrorSummary
        title={t('procedures.definitions.errors', { count: props.errors.length })}
        errors={props.errors.map((e) => ({ field: 'definition', message: e.path ? `${e.path}: ${e.message}` : e.message }))}
      />
      {props.outcome ? <NotificationBanner kind={props.outcome.kind} title={props.outcome.text} /> : null}
      <h1>{props.title}</h1>
      {props.creating ? null : (
        <Table
          id="versions"
          caption={t('procedures.definitions.versions')}
          rows={props.versions}
          empty="—"
          rowHeader
          columns={[
            { header: t('procedures.definitions.col.version'), cell: (v) => v.version, numeric: true },
            { header: t('procedures.definitions.col.createdAt'), cell: (v) => dateTime(ctx, v.created_at) },
            { header: t('procedures.definitions.col.createdBy'), cell: (v) => v.created_by ?? t('procedures.definitions.catalogue') },
            { header: t('procedures.definitions.col.applications'), cell: (v) => v.applications, numeric: true },
            { header: t('procedures.definitions.col.hash'), cell: (v) => <code>{v.hash.slice(0, 12)}</code> },
            { header: t('procedures.definitions.download'), cell: (v) => <a href={`${DEFINITIONS_BASE}/${props.id}/versions/${v.version}.json`}>{`v${v.version}.json`}</a> },
          ]}
        />
      )}
      <h2>{props.creating ? t('procedures.definitions.new') : t('procedures.definitions.publish')}</h2>
      {props.canPublish ? (
        <form method="post" action={action} enctype="multipart/form-data" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Textarea name="definition" label={t('procedures.definitions.json')} hint={props.creating ? undefined : t('procedures.definitions.json.hint')} value={props.json} rows={24} error={props.errors.length ? t('procedures.definitions.errors', { count: props.errors.length }) : null} />
          <FileInput name="file" label={t('procedures.definitions.file')} accept="application/json,.json" />
          <button type="submit" class="btn btn-primary">
            {t('procedures.definitions.submit')}
          </button>
        </form>
      ) : (
        <p>{t('procedures.definitions.cannotPublish')}</p>
      )}
    </Page>
  );
}
