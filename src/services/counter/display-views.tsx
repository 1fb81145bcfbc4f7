/**
 * The second screen (来庁者用画面), on the counter's customer-facing monitor in the
 * clerk's session: large type, every form of the visit as the resident will sign or
 * send it, and one button, 「この内容で間違いありません」. It is a document of its own,
 * not the staff shell: no staff name, no menu, nothing else to press. It reloads
 * itself (a script polling the state, or a <noscript> meta refresh) so it follows
 * the clerk's edits; once the visit ends it shows only a thank-you.
 */
import { summarise } from '../../engines/forms/index.ts';
import { CsrfField } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { VisitView } from './visit-service.ts';
import { local, TimeOfDay, visitHref } from './view-common.tsx';

/** Seconds between reloads without JavaScript: long enough to read and press the button. */
export const DISPLAY_REFRESH_SECONDS = 10;

export function DisplayDocument(props: { ctx: ViewContext; view: VisitView; version: string; notice: string | null }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const { visit } = view;
  const ended = visit.ended_at !== null;
  const title = t('counter.display.title');
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} | ${t('site.city')}`}</title>
        <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/assets/tokens.css" />
        <link rel="stylesheet" href="/assets/app.css" />
        <link rel="stylesheet" href="/assets/counter/display.css" />
        <noscript>
          <meta http-equiv="refresh" content={String(DISPLAY_REFRESH_SECONDS)} />
        </noscript>
        <script src="/assets/counter/display.js" defer />
      </head>
      <body class="counter-display">
        <main id="main" data-display-state={`/api/staff/counter/visits/${visit.id}/display-state`} data-version={props.version}>
          {ended ? (
            <>
              <h1>{t('counter.display.thanks')}</h1>
              <p>{t('counter.display.ended')}</p>
            </>
          ) : (
            <Content ctx={ctx} view={view} notice={props.notice} />
          )}
        </main>
      </body>
    </html>
  );
}

function Content(props: { ctx: ViewContext; view: VisitView; notice: string | null }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const { visit } = view;
  return (
    <>
      <h1>{t('counter.display.heading', { name: visit.resident_name })}</h1>
      <p>{t('counter.display.lead')}</p>
      {props.notice ? (
        <p class="display-status" role="alert">
          {props.notice}
        </p>
      ) : null}
      {view.forms.length === 0 ? <p>{t('counter.display.empty')}</p> : null}
      {view.forms.map((form) =>
        form.def ? (
          <section aria-labelledby={`form-${form.row.procedure_id}`}>
            <h2 id={`form-${form.row.procedure_id}`}>{local(ctx, form.def.title)}</h2>
            {form.row.reference ? <p>{t('counter.display.reference', { reference: form.row.reference })}</p> : null}
            {summarise(form.def, form.row.answers, ctx.locale).map((section) => (
              <>
                <h3>{section.title}</h3>
                <SummaryList items={section.rows.map((row) => ({ key: row.label, value: row.display }))} />
              </>
            ))}
          </section>
        ) : null,
      )}
      {view.forms.length ? (
        <div class="display-confirm">
          {view.confirmation === 'current' ? (
            <p class="display-status" role="status">
              {t('counter.display.confirmed')} (<TimeOfDay at={visit.confirmed_at!} />)
            </p>
          ) : (
            <form method="post" action={`${visitHref(visit.id)}/confirm`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="via" value="second_screen" />
              <input type="hidden" name="contentHash" value={view.hash} />
              {view.confirmation === 'stale' ? <p class="display-status">{t('counter.display.changed')}</p> : null}
              <p>{t('counter.display.confirmLead')}</p>
              <button type="submit" class="btn btn-primary">
                {t('counter.display.confirm')}
              </button>
            </form>
          )}
        </div>
      ) : null}
    </>
  );
}
