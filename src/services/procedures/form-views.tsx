/** The pages of filling in an application: one question page at a time, and check your answers. */
import type { Answers, Page as FormPage, ProcedureDefinition, RawForm } from '../../engines/forms/index.ts';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Radios } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { local, proceduresCrumbs } from './catalogue-views.tsx';
import { FieldInput, type FieldRenderContext } from './field-inputs.tsx';
import { AnswerText, asksForLocation, LOCATION_SCRIPTS, type LatLng, type MapTiles } from './location-map-views.tsx';

export interface QuestionPageProps {
  ctx: ViewContext;
  def: ProcedureDefinition;
  applicationId: string;
  page: FormPage;
  /** Fields of the page to show, in order. */
  fields: FormPage['fields'];
  conditional: Set<string>;
  raw: RawForm;
  answers: Answers;
  errors: { field: string; message: string }[];
  step: number;
  total: number;
  /** Came from check your answers: "continue" goes back there. */
  fromCheck: boolean;
  notice?: { kind: 'info' | 'success' | 'warning'; text: string } | null;
  /** The tile server for location questions' maps. */
  tiles: MapTiles;
}

export function QuestionPage(props: QuestionPageProps) {
  const { ctx, def, page } = props;
  const t = ctx.t;
  const title = local(ctx, page.title);
  const procedureTitle = local(ctx, def.title);
  const errorMap: Record<string, string> = {};
  for (const e of props.errors) errorMap[e.field] ??= e.message;
  const postalLookup = new Set(page.fields.filter((f, i) => f.type === 'postal' && page.fields.slice(i + 1).some((g) => g.type === 'address')).map((f) => f.id));
  const r: FieldRenderContext = { ctx, raw: props.raw, errors: errorMap, answers: props.answers, applicationId: props.applicationId, conditional: props.conditional, postalLookup, tiles: props.tiles };
  const hasFiles = props.fields.some((f) => f.type === 'file' || (f.type === 'group' && f.fields.some((s) => s.type === 'file')));
  const action = `/procedures/applications/${props.applicationId}/pages/${page.id}`;
  return (
    <Page
      ctx={ctx}
      title={props.errors.length ? `${t('procedures.errors.title')}: ${title}` : title}
      breadcrumbs={proceduresCrumbs(ctx, { href: `/procedures/${def.id}`, label: procedureTitle }, { label: title })}
      scripts={asksForLocation(props.fields) ? LOCATION_SCRIPTS : undefined}
    >
      <ErrorSummary title={t('procedures.errors.title')} errors={props.errors} />
      {props.notice ? <NotificationBanner kind={props.notice.kind} title={props.notice.text} /> : null}
      <p class="field-hint">{t('procedures.page.step', { procedure: procedureTitle, step: props.step, total: props.total })}</p>
      <h1>{title}</h1>
      {page.intro ? <p>{local(ctx, page.intro)}</p> : null}
      <form method="post" action={action} novalidate {...(hasFiles ? { enctype: 'multipart/form-data' } : {})}>
        <CsrfField token={ctx.csrfToken} />
        {props.fromCheck ? <input type="hidden" name="returnTo" value="check" /> : null}
        {/* The first submit button is what Enter presses: continue, never "remove". */}
        <button type="submit" name="action" value="continue" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('procedures.page.continue')}
        </button>
        {props.fields.map((field) => (
          <FieldInput r={r} field={field} name={field.id} />
        ))}
        <div class="button-row">
          <button type="submit" name="action" value="continue" class="btn btn-primary">
            {props.fromCheck ? t('procedures.page.toCheck') : t('procedures.page.continue')}
          </button>
          <button type="submit" name="action" value="back" class="btn btn-secondary">
            {t('procedures.page.back')}
          </button>
          <button type="submit" name="action" value="save" class="btn btn-tertiary">
            {t('procedures.page.save')}
          </button>
        </div>
      </form>
    </Page>
  );
}

export interface SummarySection {
  pageId: string;
  title: string;
  rows: { fieldId: string; label: string; display: string }[];
}

export function CheckAnswersPage(props: {
  ctx: ViewContext;
  def: ProcedureDefinition;
  applicationId: string;
  sections: SummarySection[];
  feeYen: number;
  paymentOptions: ('online' | 'counter')[];
  onlineUnavailable: boolean;
  paymentMethod: string | null;
  idempotencyKey: string;
  resubmission: boolean;
  errors: { field: string; message: string }[];
  /** Location answers by row field id: shown with a link to the map. */
  locations: Map<string, LatLng>;
}) {
  const { ctx, def } = props;
  const t = ctx.t;
  const procedureTitle = local(ctx, def.title);
  const base = `/procedures/applications/${props.applicationId}`;
  return (
    <Page ctx={ctx} title={t('procedures.check.title')} breadcrumbs={proceduresCrumbs(ctx, { href: `/procedures/${def.id}`, label: procedureTitle }, { label: t('procedures.check.title') })}>
      <ErrorSummary title={t('procedures.errors.title')} errors={props.errors} />
      <p class="field-hint">{procedureTitle}</p>
      <h1>{t('procedures.check.title')}</h1>
      <p>{t('procedures.check.lead')}</p>
      {props.sections.map((section) => (
        <section aria-labelledby={`section-${section.pageId}`}>
          <h2 id={`section-${section.pageId}`}>{section.title}</h2>
          <dl class="summary-list">
            {section.rows.map((row) => (
              <div class="summary-row">
                <dt>{row.label}</dt>
                <dd>{row.display ? <AnswerText ctx={ctx} display={row.display} at={props.locations.get(row.fieldId)} /> : t('procedures.check.empty')}</dd>
                <dd>
                  <a href={`${base}/pages/${section.pageId}?from=check#${row.fieldId}`}>
                    {t('procedures.check.change')}
                    <span class="visually-hidden">{`：${row.label}`}</span>
                  </a>
                </dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <form method="post" action={`${base}/submit`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <h2>{t('procedures.check.fee')}</h2>
        {props.feeYen > 0 ? (
          <>
            <SummaryList items={[{ key: local(ctx, def.fee?.label) || t('procedures.check.fee'), value: t('procedures.yen', { yen: props.feeYen.toLocaleString('ja-JP') }) }]} />
            {props.onlineUnavailable ? <NotificationBanner kind="info" title={t('procedures.check.payment.unavailable')} /> : null}
            {props.resubmission ? null : props.paymentOptions.length === 0 ? (
              <NotificationBanner kind="warning" title={t('procedures.check.payment.byPostNeedsOnline')} />
            ) : (
              <Radios
                name="paymentMethod"
                label={t('procedures.check.payment')}
                required
                requiredLabel={t('procedures.field.required')}
                value={props.paymentMethod ?? (props.paymentOptions.length === 1 ? props.paymentOptions[0] : null)}
                error={props.errors.find((e) => e.field === 'paymentMethod')?.message ?? null}
                options={props.paymentOptions.map((p) => ({ value: p, label: t(`procedures.check.payment.${p}`), hint: t(`procedures.check.payment.${p}.hint`) }))}
              />
            )}
          </>
        ) : (
          <p>{t('procedures.check.fee.none')}</p>
        )}
        <p>{t('procedures.check.declaration')}</p>
        <button type="submit" class="btn btn-primary">
          {props.resubmission ? t('procedures.check.resubmit') : t('procedures.check.submit')}
        </button>
      </form>
    </Page>
  );
}
