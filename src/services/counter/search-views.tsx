/** The counter's start page (find the person, open visits) and the identity check page (the person, their household, how they were identified). */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, DateInput, Radios, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { ageOn } from '../../platform/text/wareki.ts';
import type { viewResident } from '../registry/registry-service.ts';
import { AGENT_DOCUMENTS, IDENTITY_METHODS, type IdentityForm } from './identity-methods.ts';
import type { Candidate } from './resident-lookup.ts';
import type { VisitorForm } from './visitor-facts.ts';
import { COUNTER_HOME, counterCrumbs, local, postalText, summaryErrors, TimeOfDay, visitHref } from './view-common.tsx';

export type ResidentRecord = Awaited<ReturnType<typeof viewResident>>;

export interface OpenVisit {
  id: string;
  resident_name: string;
  started_at: Date;
  staff_name: string;
}

export function CounterHomePage(props: {
  ctx: ViewContext;
  today: string;
  values: { kana: string; birthDate: string };
  errors: Record<string, string>;
  result: { candidates: Candidate[]; truncated: boolean } | null;
  registryRefused: boolean;
  openVisits: OpenVisit[];
}) {
  const { ctx, values, errors, result } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} shell="staff" title={t('counter.title')} breadcrumbs={counterCrumbs(ctx)}>
      <h1>{t('counter.title')}</h1>
      <p>{t('counter.home.lead')}</p>
      <ul class="inline-list">
        <li>
          <a href={`${COUNTER_HOME}/stats`}>{t('counter.stats.title')}</a>
        </li>
      </ul>
      {props.openVisits.length ? (
        <Table
          caption={t('counter.home.open')}
          rows={props.openVisits}
          empty=""
          columns={[
            { header: t('counter.col.resident'), cell: (v) => <a href={visitHref(v.id)}>{v.resident_name}</a> },
            { header: t('counter.col.started'), cell: (v) => <TimeOfDay at={v.started_at} /> },
            { header: t('counter.col.clerk'), cell: (v) => v.staff_name },
          ]}
        />
      ) : null}
      <h2 id="search-title">{t('counter.search.title')}</h2>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summaryErrors(errors)} />
      {props.registryRefused ? <NotificationBanner kind="warning" title={t('counter.search.refused')} /> : null}
      <form method="get" action={COUNTER_HOME} aria-labelledby="search-title">
        <div class="search-row">
          <TextInput name="kana" label={t('counter.search.kana')} hint={t('counter.search.kana.hint')} value={values.kana} error={errors.kana ?? null} required requiredLabel={t('ui.required')} autocomplete="off" maxLength={60} />
          <DateInput name="birthDate" label={t('counter.search.birthDate')} hint={t('counter.search.birthDate.hint')} value={values.birthDate} error={errors.birthDate ?? null} required requiredLabel={t('ui.required')} />
        </div>
        <Button>{t('counter.search.submit')}</Button>
      </form>
      <p>
        <a href={`${COUNTER_HOME}/visitors/new`}>{t('counter.visitor.link')}</a>
      </p>
      {result ? <Candidates ctx={ctx} today={props.today} result={result} /> : null}
    </Page>
  );
}

function Candidates(props: { ctx: ViewContext; today: string; result: { candidates: Candidate[]; truncated: boolean } }) {
  const { ctx, result } = props;
  const t = ctx.t;
  return (
    <section aria-labelledby="results-title">
      <h2 id="results-title">{t('counter.search.results', { count: result.candidates.length })}</h2>
      {result.truncated ? <NotificationBanner kind="info" title={t('counter.search.truncated')} /> : null}
      <Table
        id="candidates"
        rowHeader
        caption={t('counter.search.caption')}
        captionHidden
        rows={result.candidates}
        empty={t('counter.search.none')}
        columns={[
          { header: t('counter.col.name'), cell: (r) => <a href={`${COUNTER_HOME}/residents/${encodeURIComponent(r.id)}`}>{`${r.family_name} ${r.given_name}`}</a> },
          { header: t('counter.col.kana'), cell: (r) => `${r.family_name_kana} ${r.given_name_kana}` },
          { header: t('counter.col.birthDate'), cell: (r) => (
            <>
              <DateText iso={r.birth_date} locale={ctx.locale} /> {t('counter.age', { age: ageOn(r.birth_date, props.today) })}
            </>
          ) },
          { header: t('counter.col.relationship'), cell: (r) => r.relationship },
          { header: t('counter.col.address'), cell: (r) => `${r.town_name}${r.address_line}` },
          { header: t('counter.col.household'), cell: (r) => r.household_number },
        ]}
      />
    </section>
  );
}

export function IdentityPage(props: { ctx: ViewContext; today: string; record: ResidentRecord; values: IdentityForm; errors: Record<string, string> }) {
  const { ctx, record, values, errors } = props;
  const t = ctx.t;
  const r = record.resident;
  const name = `${r.family_name} ${r.given_name}`;
  const title = t('counter.identity.title', { name });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={counterCrumbs(ctx, { label: name })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summaryErrors(errors)} />
      <SummaryList
        items={[
          { key: t('counter.col.name'), value: name },
          { key: t('counter.col.kana'), value: `${r.family_name_kana} ${r.given_name_kana}` },
          { key: t('counter.col.birthDate'), value: (
            <>
              <DateText iso={r.birth_date} locale={ctx.locale} /> {t('counter.age', { age: ageOn(r.birth_date, props.today) })}
            </>
          ) },
          { key: t('counter.col.address'), value: `${postalText(r.postal_code)} ${r.town_name}${r.address_line}` },
          { key: t('counter.col.household'), value: r.household_number },
        ]}
      />
      <Table
        rowHeader
        caption={t('counter.identity.household')}
        rows={record.members.filter((m) => m.status === 'current')}
        empty={t('counter.identity.household.none')}
        columns={[
          { header: t('counter.col.name'), cell: (m) => (m.id === r.id ? t('counter.identity.thisPerson', { name: `${m.family_name} ${m.given_name}` }) : `${m.family_name} ${m.given_name}`) },
          { header: t('counter.col.kana'), cell: (m) => `${m.family_name_kana} ${m.given_name_kana}` },
          { header: t('counter.col.relationship'), cell: (m) => m.relationship },
          { header: t('counter.col.birthDate'), cell: (m) => <DateText iso={m.birth_date} locale={ctx.locale} /> },
        ]}
      />
      <h2 id="identity-title">{t('counter.identity.form')}</h2>
      <p>{t('counter.identity.lead')}</p>
      <form method="post" action={`${COUNTER_HOME}/residents/${encodeURIComponent(r.id)}/visits`} aria-labelledby="identity-title">
        <CsrfField token={ctx.csrfToken} />
        <IdentityFields ctx={ctx} values={values} errors={errors} />
        <StartVisitButtons ctx={ctx} />
      </form>
    </Page>
  );
}

/** How the person was identified: the same fields for someone on the register and a visitor who is not. */
function IdentityFields({ ctx, values, errors }: { ctx: ViewContext; values: IdentityForm; errors: Record<string, string> }) {
  const t = ctx.t;
  return (
    <>
      <Radios
        name="method"
        label={t('counter.identity.method')}
        value={values.method}
        error={errors.method ?? null}
        required
        requiredLabel={t('ui.required')}
        options={IDENTITY_METHODS.map((m) => ({ value: m.id, label: local(ctx, m.label), hint: local(ctx, m.hint) }))}
      />
      <TextInput name="digits" label={t('counter.identity.digits')} hint={t('counter.identity.digits.hint')} value={values.digits} error={errors.digits ?? null} width="short" maxLength={8} autocomplete="off" />
      <TextInput name="note" label={t('counter.identity.note')} hint={t('counter.identity.note.hint')} value={values.note} error={errors.note ?? null} maxLength={100} autocomplete="off" />
      <fieldset class="fieldset">
        <legend class="field-label">{t('counter.identity.agent')}</legend>
        <p class="field-hint">{t('counter.identity.agent.hint')}</p>
        <TextInput name="agentName" label={t('counter.identity.agentName')} value={values.agentName} error={errors.agentName ?? null} maxLength={60} autocomplete="off" />
        <Select name="agentDocument" label={t('counter.identity.agentDocument')} value={values.agentDocument} error={errors.agentDocument ?? null} emptyLabel={t('counter.choose')} options={AGENT_DOCUMENTS.map((d) => ({ value: d.id, label: local(ctx, d.label) }))} />
      </fieldset>
    </>
  );
}

/**
 * Someone not on the register (moving in from another city for the 転入届 …): the clerk
 * types who they are from the document shown — the visitor writes nothing — and records
 * how they were identified; the visit then starts as for a resident.
 */
export function VisitorPage(props: { ctx: ViewContext; values: VisitorForm & IdentityForm; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t('counter.visitor.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={counterCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>{t('counter.visitor.lead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summaryErrors(errors)} />
      <form method="post" action={`${COUNTER_HOME}/visitors`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <fieldset class="fieldset">
          <legend class="field-label">{t('counter.visitor.who')}</legend>
          <TextInput name="name" label={t('counter.col.name')} hint={t('counter.visitor.name.hint')} value={values.name} error={errors.name ?? null} required requiredLabel={t('ui.required')} maxLength={40} autocomplete="off" />
          <TextInput name="nameKana" label={t('counter.col.kana')} hint={t('counter.visitor.kana.hint')} value={values.nameKana} error={errors.nameKana ?? null} required requiredLabel={t('ui.required')} maxLength={60} autocomplete="off" />
          <DateInput name="birthDate" label={t('counter.col.birthDate')} hint={t('counter.search.birthDate.hint')} value={values.birthDate} error={errors.birthDate ?? null} required requiredLabel={t('ui.required')} />
          <TextInput name="postalCode" label={t('counter.visitor.postal')} hint={t('counter.visitor.postal.hint')} value={values.postalCode} error={errors.postalCode ?? null} required requiredLabel={t('ui.required')} inputmode="numeric" width="short" maxLength={10} autocomplete="off" />
          <TextInput name="address" label={t('counter.col.address')} hint={t('counter.visitor.address.hint')} value={values.address} error={errors.address ?? null} required requiredLabel={t('ui.required')} maxLength={120} autocomplete="off" />
        </fieldset>
        <h2 id="identity-title">{t('counter.identity.form')}</h2>
        <p>{t('counter.identity.lead')}</p>
        <IdentityFields ctx={ctx} values={values} errors={errors} />
        <StartVisitButtons ctx={ctx} />
      </form>
    </Page>
  );
}

/** Starting the visit, or going back to the counter's home. */
function StartVisitButtons({ ctx }: { ctx: ViewContext }) {
  return (
    <div class="button-row">
      <Button>{ctx.t('counter.identity.start')}</Button>
      <LinkButton href={COUNTER_HOME} variant="tertiary">
        {ctx.t('counter.back')}
      </LinkButton>
    </div>
  );
}
