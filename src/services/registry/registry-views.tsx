import type { ViewContext } from '../../platform/ui/view-context.ts';
import { Page } from '../../platform/ui/layout.tsx';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { Checkboxes, CsrfField, DateInput, FileInput, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Pagination } from '../../platform/ui/components/navigation.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { ageOn } from '../../platform/text/wareki.ts';
import type { ImportProblem } from './registry-csv.ts';
import { CSV_COLUMNS } from './registry-csv.ts';
import type { ResidentListRow, ResidentRecord } from './registry-queries.ts';

const STATUS_TONE: Record<string, TagTone> = { current: 'success', moved_out: 'neutral', deceased: 'neutral' };

export interface SearchValues {
  kana: string;
  name: string;
  birthDate: string;
  address: string;
  area: string;
  inactive: string[];
}

function crumbs(ctx: ViewContext, last?: string) {
  return [
    { href: '/staff', label: ctx.t('staff.home.title') },
    ...(last ? [{ href: '/staff/registry', label: ctx.t('registry.title') }, { label: last }] : [{ label: ctx.t('registry.title') }]),
  ];
}

export function RegistrySearchPage(props: {
  ctx: ViewContext;
  values: SearchValues;
  errors: Record<string, string>;
  result: { rows: ResidentListRow[]; total: number; page: number; pageCount: number } | null;
  canImport: boolean;
  canExport: boolean;
  query: Record<string, string>;
}) {
  const { ctx, values, errors, result } = props;
  const t = ctx.t;
  const exportHref = `/staff/registry/export.csv?${new URLSearchParams(props.query).toString()}`;
  return (
    <Page ctx={ctx} title={t('registry.search.title')} shell="staff" breadcrumbs={crumbs(ctx)}>
      <h1>{t('registry.search.title')}</h1>
      {props.canImport ? <LinkButton href="/staff/registry/import" variant="secondary">{t('registry.import.title')}</LinkButton> : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="get" action="/staff/registry" role="search">
        <div class="search-row">
          <TextInput name="kana" label={t('registry.search.kana')} hint={t('registry.search.kana.hint')} value={values.kana} error={errors.kana} />
          <TextInput name="name" label={t('registry.search.name')} hint={t('registry.search.name.hint')} value={values.name} error={errors.name} />
        </div>
        <div class="search-row">
          <DateInput name="birthDate" label={t('registry.search.birthDate')} hint={t('registry.search.birthDate.hint')} value={values.birthDate} error={errors.birthDate} />
          <TextInput name="address" label={t('registry.search.address')} hint={t('registry.search.address.hint')} value={values.address} error={errors.address} />
        </div>
        <Select
          name="area"
          label={t('registry.search.area')}
          value={values.area}
          emptyLabel={t('registry.search.area.all')}
          options={['水沢', '江刺', '前沢', '胆沢', '衣川'].map((a) => ({ value: a, label: t(`registry.area.${a}`) }))}
        />
        <Checkboxes name="inactive" label={t('registry.col.status')} values={values.inactive} options={[{ value: '1', label: t('registry.search.inactive') }]} />
        <Button>{t('registry.search.submit')}</Button>
      </form>
      {result === null ? (
        <p>{t('registry.search.prompt')}</p>
      ) : (
        <>
          <h2 id="results">{t('registry.search.results', { total: result.total })}</h2>
          {props.canExport && result.total > 0 ? <p><a href={exportHref}>{t('registry.export')}</a></p> : null}
          <Table
            caption={t('registry.search.results', { total: result.total })}
            captionHidden
            rows={result.rows}
            empty={t('registry.search.none')}
            columns={[
              {
                header: t('registry.col.name'),
                cell: (r) => (
                  <>
                    <a href={`/staff/registry/residents/${encodeURIComponent(r.id)}`}>
                      {r.family_name} {r.given_name}
                    </a>
                    <br />
                    <small>
                      {r.family_name_kana} {r.given_name_kana}
                    </small>
                  </>
                ),
              },
              { header: t('registry.col.birthDate'), cell: (r) => <DateText iso={r.birth_date} locale={ctx.locale} /> },
              { header: t('registry.col.address'), cell: (r) => `${r.town_name}${r.address_line}` },
              { header: t('registry.col.household'), cell: (r) => r.household_number },
              { header: t('registry.col.status'), cell: (r) => <StatusTag tone={STATUS_TONE[r.status] ?? 'neutral'}>{t(`registry.status.${r.status}`)}</StatusTag> },
            ]}
          />
          <Pagination t={t} page={result.page} pageCount={result.pageCount} baseHref="/staff/registry" query={props.query} />
        </>
      )}
    </Page>
  );
}

export function ResidentRecordPage(props: { ctx: ViewContext; record: ResidentRecord; today: string }) {
  const { ctx, record } = props;
  const t = ctx.t;
  const r = record.resident;
  const name = `${r.family_name} ${r.given_name}`;
  return (
    <Page ctx={ctx} title={name} shell="staff" breadcrumbs={crumbs(ctx, name)}>
      <h1>
        {name}
        <br />
        <small>
          {r.family_name_kana} {r.given_name_kana}
        </small>
      </h1>
      <NotificationBanner kind="info" title={t('registry.record.audited')} />
      <h2>{t('registry.record.title')}</h2>
      <SummaryList
        items={[
          { key: t('registry.col.residentCode'), value: <span class="mono">{r.resident_code}</span> },
          { key: t('registry.col.birthDate'), value: <><DateText iso={r.birth_date} locale={ctx.locale} />（{t('registry.age', { age: ageOn(r.birth_date, props.today) })}）</> },
          { key: t('registry.col.sex'), value: t(`registry.sex.${r.sex}`) },
          { key: t('registry.col.address'), value: `〒${r.postal_code} 岩手県奥州市${r.town_name}${r.address_line}` },
          { key: t('registry.col.household'), value: <span class="mono">{r.household_number}</span> },
          { key: t('registry.col.relationship'), value: r.relationship },
          { key: t('registry.col.status'), value: <StatusTag tone={STATUS_TONE[r.status] ?? 'neutral'}>{t(`registry.status.${r.status}`)}</StatusTag> },
        ]}
      />
      <Table
        caption={t('registry.record.household')}
        rows={record.members}
        empty="—"
        columns={[
          { header: t('registry.col.name'), cell: (m) => (m.id === r.id ? `${m.family_name} ${m.given_name}` : <a href={`/staff/registry/residents/${encodeURIComponent(m.id)}`}>{m.family_name} {m.given_name}</a>) },
          { header: t('registry.col.relationship'), cell: (m) => m.relationship },
          { header: t('registry.col.birthDate'), cell: (m) => <DateText iso={m.birth_date} locale={ctx.locale} /> },
          { header: t('registry.col.status'), cell: (m) => t(`registry.status.${m.status}`) },
        ]}
      />
      <Table
        caption={t('registry.record.movements')}
        rows={record.movements}
        empty="—"
        columns={[
          { header: t('registry.movement.kind'), cell: (m) => m.kind },
          { header: t('registry.movement.effective'), cell: (m) => <DateText iso={m.effective_date} locale={ctx.locale} /> },
          { header: t('registry.movement.reported'), cell: (m) => <DateText iso={m.reported_date} locale={ctx.locale} /> },
          { header: t('registry.movement.from'), cell: (m) => m.from_address ?? '—' },
          { header: t('registry.movement.to'), cell: (m) => m.to_address ?? '—' },
        ]}
      />
    </Page>
  );
}

export function ImportPage(props: {
  ctx: ViewContext;
  error?: string | null;
  result?: { imported: number; created: number; updated: number; problems: ImportProblem[] } | null;
  problemsFileId?: string | null;
}) {
  const { ctx, result } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('registry.import.title')} shell="staff" breadcrumbs={crumbs(ctx, t('registry.import.title'))}>
      <h1>{t('registry.import.title')}</h1>
      {result && result.problems.length === 0 ? <NotificationBanner kind="success" title={t('registry.import.done', { imported: result.imported, created: result.created, updated: result.updated })} /> : null}
      {result && result.problems.length > 0 ? <NotificationBanner kind="error" title={t('registry.import.failed', { count: result.problems.length })} /> : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={props.error ? [{ field: 'file', message: props.error }] : []} />
      <p>{t('registry.import.lead')}</p>
      <p>{t('registry.import.columns', { columns: CSV_COLUMNS.join('、') })}</p>
      <form method="post" action="/staff/registry/import" enctype="multipart/form-data" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <FileInput name="file" label={t('registry.import.file')} hint={t('registry.import.file.hint')} accept=".csv,text/csv" error={props.error} required requiredLabel={t('ui.required')} />
        <Button>{t('registry.import.submit')}</Button>
      </form>
      {result && result.problems.length > 0 ? (
        <>
          <h2>{t('registry.import.problems')}</h2>
          {props.problemsFileId ? <p><a href={`/staff/registry/import/problems/${props.problemsFileId}`}>{t('registry.import.download')}</a></p> : null}
          <Table
            caption={t('registry.import.problems')}
            captionHidden
            rows={result.problems.slice(0, 500)}
            empty="—"
            columns={[
              { header: t('registry.import.col.row'), cell: (p) => p.row, numeric: true },
              { header: t('registry.import.col.column'), cell: (p) => p.column },
              { header: t('registry.import.col.value'), cell: (p) => p.value },
              { header: t('registry.import.col.message'), cell: (p) => t(p.messageKey) },
            ]}
          />
        </>
      ) : null}
    </Page>
  );
}
