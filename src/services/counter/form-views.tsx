/** One procedure's form at the counter: every visible page on one screen, pre-filled, with the engine's messages. */
import type { Answers, ProcedureDefinition, RawForm } from '../../engines/forms/index.ts';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField } from '../../platform/ui/components/form-fields.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { FieldInput, type FieldRenderContext } from './field-inputs.tsx';
import { hasFileFields, screenPages } from './form-screen.ts';
import { counterCrumbs, formHref, local, summaryErrors, visitHref } from './view-common.tsx';

export function CounterFormPage(props: {
  ctx: ViewContext;
  visit: { id: string; resident_name: string };
  def: ProcedureDefinition;
  answers: Answers;
  raw: RawForm;
  prefilled: string[];
  errors: Record<string, string>;
  notice: { kind: 'success' | 'info' | 'warning'; text: string } | null;
}) {
  const { ctx, def, visit, errors } = props;
  const t = ctx.t;
  const title = local(ctx, def.title);
  const pages = screenPages(def, props.answers);
  const conditional = new Set(pages.flatMap((p) => [...p.conditional]));
  const r: FieldRenderContext = { ctx, raw: props.raw, errors, answers: props.answers, prefilled: new Set(props.prefilled), conditional };
  return (
    <Page ctx={ctx} shell="staff" title={`${title} — ${visit.resident_name}`} breadcrumbs={counterCrumbs(ctx, { href: visitHref(visit.id), label: t('counter.visit.crumb', { name: visit.resident_name }) }, { label: title })}>
      <h1>{title}</h1>
      <p>{t('counter.form.lead', { name: visit.resident_name })}</p>
      {props.notice ? <NotificationBanner kind={props.notice.kind} title={props.notice.text} /> : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={summaryErrors(errors)} />
      <form method="post" action={formHref(visit.id, def.id)} {...(hasFileFields(def) ? { enctype: 'multipart/form-data' } : {})} noValidate>
        <CsrfField token={ctx.csrfToken} />
        {/* Enter in a text box saves: the first submit button of a form is its default. */}
        <button type="submit" name="action" value="save" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('counter.form.save')}
        </button>
        {pages.map(({ page, fields }) => (
          <section aria-labelledby={`page-${page.id}`}>
            <h2 id={`page-${page.id}`}>{local(ctx, page.title)}</h2>
            {page.intro ? <p>{local(ctx, page.intro)}</p> : null}
            {fields.map((field) => (
              <FieldInput r={r} field={field} name={field.id} />
            ))}
          </section>
        ))}
        <div class="button-row">
          <Button name="action" value="done">
            {t('counter.form.done')}
          </Button>
          <Button name="action" value="save" variant="secondary">
            {t('counter.form.save')}
          </Button>
        </div>
      </form>
      <p>
        <a href={visitHref(visit.id)}>{t('counter.form.back')}</a>
      </p>
    </Page>
  );
}
