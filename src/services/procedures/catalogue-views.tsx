/** Resident pages for finding a procedure: home (search, categories, life events), results, lists, a procedure's page. */
import type { ProcedureDefinition } from '../../engines/forms/index.ts';
import { LinkButton } from '../../platform/ui/components/button.tsx';
import { DateText } from '../../platform/ui/components/date-text.tsx';
import { NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { PublishedProcedure } from './procedure-store.ts';
import { typeNames } from './field-inputs.tsx';
import { CATEGORIES, LIFE_EVENTS } from './procedure-search.ts';

export type Department = { ja: string; en: string };
type Localised = { ja: string; en: string };
/** A remark in brackets: full-width in Japanese, spaced in English. */
export const paren = (ctx: ViewContext, text: string) => (ctx.locale === 'ja' ? `（${text}）` : ` (${text})`);
export const local = (ctx: ViewContext, text: Localised | undefined) => (text ? (ctx.locale === 'en' ? text.en || text.ja : text.ja) : '');

export function proceduresCrumbs(ctx: ViewContext, ...rest: { href?: string; label: string }[]) {
  const t = ctx.t;
  return [{ href: '/', label: t('ui.home') }, rest.length ? { href: '/procedures', label: t('procedures.title') } : { label: t('procedures.title') }, ...rest];
}

function SearchForm({ ctx, query }: { ctx: ViewContext; query: string }) {
  const t = ctx.t;
  return (
    <form method="get" action="/procedures/search" role="search" class="search-row">
      <div class="field">
        <label class="field-label" for="q">
          {t('procedures.search.label')}
        </label>
        <p id="q-hint" class="field-hint">
          {t('procedures.search.hint')}
        </p>
        <input class="input" type="search" id="q" name="q" value={query} aria-describedby="q-hint" maxLength={100} />
      </div>
      <div class="field">
        <button type="submit" class="btn btn-primary">
          {t('procedures.search.submit')}
        </button>
      </div>
    </form>
  );
}

function ProcedureCards({ ctx, procedures }: { ctx: ViewContext; procedures: PublishedProcedure[] }) {
  return (
    <ul class="card-list">
      {procedures.map((p) => (
        <li class="card">
          <h3>
            <a href={`/procedures/${p.id}`}>{local(ctx, p.definition.title)}</a>
          </h3>
          <p>{local(ctx, p.definition.summary)}</p>
        </li>
      ))}
    </ul>
  );
}

export interface DraftLink {
  id: string;
  title: string;
  savedAt: Date;
  href: string;
}

function DraftList({ ctx, drafts }: { ctx: ViewContext; drafts: DraftLink[] }) {
  if (drafts.length === 0) return null;
  const t = ctx.t;
  return (
    <section aria-labelledby="drafts-title">
      <h2 id="drafts-title">{t('procedures.drafts.title')}</h2>
      <ul>
        {drafts.map((d) => (
          <li>
            <a href={d.href}>{d.title}</a>{paren(ctx, t('procedures.application.draftSaved', { date: dateTime(ctx, d.savedAt) }))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A moment as residents read it, in Japan time: 2026年11月24日（令和8年） 10:05 / 24 November 2026 10:05. */
export function dateTime(ctx: ViewContext, at: Date): string {
  const { date, seconds } = japanClock(at);
  const clock = `${Math.floor(seconds / 3600)}:${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}`;
  return `${ctx.locale === 'en' ? formatDateEn(date) : formatDateJa(date)} ${clock}`;
}

export function ProceduresHomePage(props: { ctx: ViewContext; procedures: PublishedProcedure[]; drafts: DraftLink[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const categories = CATEGORIES.map((c) => ({ c, n: props.procedures.filter((p) => p.definition.category === c).length })).filter((x) => x.n > 0);
  return (
    <Page ctx={ctx} title={t('procedures.title')} breadcrumbs={proceduresCrumbs(ctx)}>
      <h1>{t('procedures.title')}</h1>
      <p>{t('procedures.home.lead')}</p>
      <SearchForm ctx={ctx} query="" />
      <DraftList ctx={ctx} drafts={props.drafts} />
      <h2>{t('procedures.browse.lifeEvents')}</h2>
      <ul class="inline-list">
        {LIFE_EVENTS.map((e) => (
          <li>
            <a href={`/procedures/life/${e}`}>{t(`procedures.lifeEvent.${e}`)}</a>
          </li>
        ))}
      </ul>
      <h2>{t('procedures.browse.categories')}</h2>
      <ul class="inline-list">
        {categories.map(({ c, n }) => (
          <li>
            <a href={`/procedures/category/${c}`}>{t(`procedures.category.${c}`)}</a>{paren(ctx, String(n))}
          </li>
        ))}
      </ul>
      <h2>{t('procedures.browse.all')}</h2>
      <ProcedureCards ctx={ctx} procedures={props.procedures} />
    </Page>
  );
}

export function SearchResultsPage(props: { ctx: ViewContext; query: string; results: PublishedProcedure[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = props.query ? t('procedures.search.results', { query: props.query, count: props.results.length }) : t('procedures.search.label');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={proceduresCrumbs(ctx, { label: t('procedures.search.label') })}>
      <h1>{title}</h1>
      <SearchForm ctx={ctx} query={props.query} />
      {!props.query ? <p>{t('procedures.search.empty')}</p> : props.results.length === 0 ? <p>{t('procedures.search.none', { query: props.query })}</p> : <ProcedureCards ctx={ctx} procedures={props.results} />}
    </Page>
  );
}

export function ProcedureListPage(props: { ctx: ViewContext; title: string; lead: string; procedures: PublishedProcedure[] }) {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={props.title} breadcrumbs={proceduresCrumbs(ctx, { label: props.title })}>
      <h1>{props.title}</h1>
      <p>{props.lead}</p>
      {props.procedures.length === 0 ? <p>{ctx.t('procedures.list.none')}</p> : <ProcedureCards ctx={ctx} procedures={props.procedures} />}
    </Page>
  );
}

/** What the resident will be asked to bring: the card for card procedures, each file asked for, the fee. */
function needs(ctx: ViewContext, def: ProcedureDefinition): string[] {
  const t = ctx.t;
  const files = def.pages.flatMap((p) => p.fields.flatMap((f) => (f.type === 'group' ? (f.fields ?? []) : [f]))).filter((f) => f.type === 'file');
  return [
    def.assurance === 'card' ? t('procedures.about.need.card') : t('procedures.about.need.login'),
    ...files.map((f) => t('procedures.about.need.file', { label: local(ctx, f.label), types: f.type === 'file' ? typeNames(f.accept, ctx.locale) : '' })),
    ...(def.fee ? [t('procedures.about.need.fee')] : []),
  ];
}

export function feeText(ctx: ViewContext, def: ProcedureDefinition): string {
  const t = ctx.t;
  if (!def.fee) return t('procedures.about.fee.none');
  const yen = def.fee.unitYen.toLocaleString('ja-JP');
  if (!def.fee.quantityField) return t('procedures.about.fee.unit', { yen });
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === def.fee!.quantityField);
  const unit = field && 'unit' in field && field.unit ? local(ctx, field.unit as Localised) : '';
  return unit ? t('procedures.about.fee.perUnit', { yen, label: unit }) : t('procedures.about.fee.unit', { yen });
}

export function processingText(ctx: ViewContext, days: number): string {
  return days <= 0 ? ctx.t('procedures.about.processing.sameDay') : ctx.t('procedures.about.processing.days', { days });
}

export type StartState =
  | { kind: 'anonymous' }
  | { kind: 'needs-card' }
  | { kind: 'ready'; draft: { id: string; savedAt: Date; href: string } | null };

export function ProcedurePage(props: { ctx: ViewContext; procedure: PublishedProcedure; department: Department; start: StartState }) {
  const { ctx, procedure } = props;
  const def = procedure.definition;
  const t = ctx.t;
  const title = local(ctx, def.title);
  const start = props.start;
  const next = encodeURIComponent(`/procedures/${def.id}`);
  return (
    <Page ctx={ctx} title={title} breadcrumbs={proceduresCrumbs(ctx, { href: `/procedures/category/${def.category}`, label: t(`procedures.category.${def.category}`) }, { label: title })}>
      <h1>{title}</h1>
      <p>{local(ctx, def.summary)}</p>
      <SummaryList
        items={[
          { key: t('procedures.about.fee'), value: feeText(ctx, def) },
          { key: t('procedures.about.processing'), value: processingText(ctx, def.processingDays) },
          { key: t('procedures.about.assurance'), value: def.assurance === 'card' ? <strong>{t('procedures.about.assurance.card')}</strong> : t('procedures.about.assurance.password') },
          { key: t('procedures.about.department'), value: local(ctx, props.department) },
          ...(def.fee && def.payment?.length ? [{ key: t('procedures.about.payment'), value: def.payment.map((p) => t(`procedures.about.payment.${p}`)).join(ctx.locale === 'ja' ? '、' : ', ') }] : []),
          ...(def.delivery?.length ? [{ key: t('procedures.about.delivery'), value: def.delivery.map((d) => t(`procedures.about.delivery.${d}`)).join(ctx.locale === 'ja' ? '、' : ', ') }] : []),
        ]}
      />
      <h2>{t('procedures.about.need')}</h2>
      <ul>
        {needs(ctx, def).map((n) => (
          <li>{n}</li>
        ))}
      </ul>
      <h2>{t('procedures.about.pages')}</h2>
      <ol>
        {def.pages.map((p) => (
          <li>{local(ctx, p.title)}</li>
        ))}
      </ol>
      <p>{t('procedures.about.time', { minutes: Math.max(3, def.pages.length * 2) })}</p>
      {start.kind === 'anonymous' ? (
        <p>
          <LinkButton href={`/auth/login?next=${next}`}>{t('procedures.start.login')}</LinkButton>
        </p>
      ) : start.kind === 'needs-card' ? (
        <CardRequired ctx={ctx} next={`/procedures/${def.id}`} />
      ) : start.draft ? (
        <>
          <NotificationBanner kind="info" title={t('procedures.start.resume', { date: dateTime(ctx, start.draft.savedAt) })} />
          <div class="button-row">
            <LinkButton href={start.draft.href}>{t('procedures.start.resumeButton')}</LinkButton>
            <StartForm ctx={ctx} id={def.id} label={t('procedures.start.new')} variant="secondary" />
          </div>
        </>
      ) : (
        <StartForm ctx={ctx} id={def.id} label={t('procedures.start')} variant="primary" />
      )}
    </Page>
  );
}

function StartForm({ ctx, id, label, variant }: { ctx: ViewContext; id: string; label: string; variant: 'primary' | 'secondary' }) {
  return (
    <form method="post" action={`/procedures/${id}/start`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <button type="submit" class={`btn btn-${variant}`}>
        {label}
      </button>
    </form>
  );
}

/** Said wherever a card procedure meets a password login: why, what to do, and the way without a card. */
export function CardRequired({ ctx, next }: { ctx: ViewContext; next: string }) {
  const t = ctx.t;
  return (
    <NotificationBanner kind="warning" title={t('procedures.card.required.title')}>
      <p>{t('procedures.card.required.body')}</p>
      <form method="post" action="/auth/start" class="inline-form">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <input type="hidden" name="assurance" value="card" />
        <button type="submit" class="btn btn-primary">
          {t('procedures.card.login')}
        </button>
      </form>
    </NotificationBanner>
  );
}

export function CardRequiredPage({ ctx, title, next }: { ctx: ViewContext; title: string; next: string }) {
  return (
    <Page ctx={ctx} title={ctx.t('procedures.card.required.title')} breadcrumbs={proceduresCrumbs(ctx, { href: next, label: title }, { label: ctx.t('procedures.card.required.title') })}>
      <h1>{title}</h1>
      <CardRequired ctx={ctx} next={next} />
    </Page>
  );
}

export { DateText };
