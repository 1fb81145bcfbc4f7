/**
 * The clerk's screen of one visit: who and how identified, the resident's
 * confirmation (second screen, or on this screen when there is none), the
 * procedures (add singly or as a bundle, open, remove), finishing each one
 * (submit directly or print for signature), the PDF and the end of the visit.
 */
import { CATEGORIES, type Category, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Radios } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { bundleDescription, type Bundle } from './bundles.ts';
import { finishBlocker, type FinishProblem } from './finish-service.ts';
import type { FormStatus } from './form-state.ts';
import { describeIdentityCheck } from './identity-methods.ts';
import { pdfBlocker } from './visit-pdf.ts';
import { identityOf, type VisitForm, type VisitView } from './visit-service.ts';
import { counterCrumbs, displayHref, formHref, local, minutesText, TimeOfDay, visitHref } from './view-common.tsx';

const STATUS_TONE: Record<FormStatus, TagTone> = { submitted: 'success', printed: 'success', ready: 'info', printable: 'warning', incomplete: 'error' };

export interface PublishedProcedure {
  id: string;
  definition: ProcedureDefinition;
}

function formTitle(ctx: ViewContext, form: VisitForm): string {
  return form.def ? local(ctx, form.def.title) : form.row.procedure_id;
}

export function VisitPage(props: {
  ctx: ViewContext;
  view: VisitView;
  now: Date;
  bundles: Bundle[];
  procedures: PublishedProcedure[];
  problems: FinishProblem[];
}) {
  const { ctx, view } = props;
  const t = ctx.t;
  const { visit, forms } = view;
  const open = visit.ended_at === null;
  const title = t('counter.visit.title', { name: visit.resident_name });
  const elapsed = ((visit.ended_at ?? props.now).getTime() - visit.started_at.getTime()) / 60_000;
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={counterCrumbs(ctx, { label: t('counter.visit.crumb', { name: visit.resident_name }) })}>
      <h1>{title}</h1>
      {props.problems.length ? (
        <NotificationBanner kind="error" title={t('counter.finish.problems')}>
          <ul>
            {props.problems.map((p) => {
              const form = forms.find((f) => f.row.procedure_id === p.procedureId);
              return (
                <li>
                  {form ? formTitle(ctx, form) : p.procedureId}: {t(p.messageKey, p.params)}
                </li>
              );
            })}
          </ul>
        </NotificationBanner>
      ) : null}
      <SummaryList
        items={[
          ...(visit.resident_id ? [] : [{ key: t('counter.visitor.record'), value: t('counter.visitor.notInRegister') }]),
          { key: t('counter.visit.identity'), value: describeIdentityCheck(identityOf(visit), ctx.locale) },
          { key: t('counter.visit.clerk'), value: visit.staff_name },
          { key: t('counter.visit.started'), value: <TimeOfDay at={visit.started_at} /> },
          { key: open ? t('counter.visit.elapsed') : t('counter.visit.duration'), value: t('counter.minutes', { minutes: minutesText(elapsed) }) },
          ...(open ? [] : [{ key: t('counter.visit.outcome'), value: t(`counter.outcome.${visit.outcome}`) }]),
        ]}
      />
      <Confirmation ctx={ctx} view={view} />
      <h2 id="forms-title">{t('counter.visit.forms')}</h2>
      <Table
        rowHeader
        caption={t('counter.visit.forms.caption')}
        captionHidden
        rows={forms}
        empty={t('counter.visit.forms.none')}
        columns={[
          { header: t('counter.col.procedure'), cell: (f) => (open && f.row.finish === null && f.def ? <a href={formHref(visit.id, f.row.procedure_id)}>{formTitle(ctx, f)}</a> : formTitle(ctx, f)) },
          { header: t('counter.col.status'), cell: (f) => <StatusTag tone={STATUS_TONE[f.status]}>{t(`counter.status.${f.status}`, { count: f.errors.length })}</StatusTag> },
          { header: t('counter.col.reference'), cell: (f) => f.row.reference ?? '—' },
          {
            header: t('counter.col.actions'),
            cell: (f) =>
              open && f.row.finish === null ? (
                <form method="post" action={`${visitHref(visit.id)}/procedures/${encodeURIComponent(f.row.procedure_id)}/remove`} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="link-button">
                    {t('counter.visit.remove', { title: formTitle(ctx, f) })}
                  </button>
                </form>
              ) : (
                '—'
              ),
          },
        ]}
      />
      {open ? <AddProcedures ctx={ctx} visitId={visit.id} bundles={props.bundles} procedures={props.procedures} have={new Set(forms.map((f) => f.row.procedure_id))} /> : null}
      {open && forms.some((f) => f.row.finish === null) ? <FinishForm ctx={ctx} view={view} /> : null}
      <Pdf ctx={ctx} view={view} />
      {open ? <EndVisit ctx={ctx} visitId={visit.id} /> : (
        <p>
          <LinkButton href="/staff/counter">{t('counter.visit.next')}</LinkButton>
        </p>
      )}
    </Page>
  );
}

function Confirmation(props: { ctx: ViewContext; view: VisitView }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const { visit } = view;
  const open = visit.ended_at === null;
  return (
    <section aria-labelledby="confirm-title">
      <h2 id="confirm-title">{t('counter.confirm.title')}</h2>
      {view.confirmation === 'current' ? (
        <p>
          <StatusTag tone="success">{t('counter.confirm.done')}</StatusTag> <TimeOfDay at={visit.confirmed_at!} /> {t(`counter.confirm.via.${visit.confirmed_via}`)}
        </p>
      ) : view.confirmation === 'stale' ? (
        <p>
          <StatusTag tone="warning">{t('counter.confirm.stale')}</StatusTag> {t('counter.confirm.stale.hint')}
        </p>
      ) : (
        <p>
          <StatusTag tone="neutral">{t('counter.confirm.none')}</StatusTag> {t('counter.confirm.none.hint')}
        </p>
      )}
      {open ? (
        <>
          <p>
            <a href={displayHref(visit.id)} target="_blank" rel="noopener">
              {t('counter.confirm.openDisplay')}
            </a>
          </p>
          {view.forms.length && view.confirmation !== 'current' ? (
            <form method="post" action={`${visitHref(visit.id)}/confirm`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="via" value="clerk_screen" />
              <input type="hidden" name="contentHash" value={view.hash} />
              <Button variant="secondary">{t('counter.confirm.onClerkScreen')}</Button>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

function AddProcedures(props: { ctx: ViewContext; visitId: string; bundles: Bundle[]; procedures: PublishedProcedure[]; have: Set<string> }) {
  const { ctx } = props;
  const t = ctx.t;
  const titles = new Map(props.procedures.map((p) => [p.id, local(ctx, p.definition.title)]));
  const byCategory = (category: Category) => props.procedures.filter((p) => p.definition.category === category && !props.have.has(p.id));
  return (
    <section aria-labelledby="add-title">
      <h2 id="add-title">{t('counter.add.title')}</h2>
      <h3>{t('counter.add.bundles')}</h3>
      <ul class="card-list">
        {props.bundles.map((b) => (
          <li class="card">
            <form method="post" action={`${visitHref(props.visitId)}/procedures`}>
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="bundle" value={b.id} />
              <p>
                <strong>{local(ctx, b.title)}</strong> — {local(ctx, bundleDescription(b))}
              </p>
              <p class="field-hint">{b.items.map((i) => titles.get(i.procedureId) ?? i.procedureId).join(ctx.locale === 'ja' ? '、' : ', ')}</p>
              <Button variant="secondary">{t('counter.add.bundle', { title: local(ctx, b.title) })}</Button>
            </form>
          </li>
        ))}
      </ul>
      <form method="post" action={`${visitHref(props.visitId)}/procedures`}>
        <CsrfField token={ctx.csrfToken} />
        <details>
          <summary>{t('counter.add.single')}</summary>
          {CATEGORIES.map((category) => {
            const list = byCategory(category);
            return list.length ? (
              <Checkboxes id={`procedure-${category}`} name="procedure" label={t(`counter.category.${category}`)} options={list.map((p) => ({ value: p.id, label: local(ctx, p.definition.title) }))} />
            ) : null;
          })}
          <Button variant="secondary">{t('counter.add.submit')}</Button>
        </details>
      </form>
    </section>
  );
}

function FinishForm(props: { ctx: ViewContext; view: VisitView }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const pending = view.forms.filter((f) => f.row.finish === null).map((f) => ({ form: f, submit: finishBlocker(f, 'submit', view.confirmation, view.visit.resident_id !== null), print: finishBlocker(f, 'print', view.confirmation, view.visit.resident_id !== null) }));
  // A form that can be neither submitted nor printed is listed with the reason, not offered.
  const blocked = pending.filter((p) => p.print !== null);
  const ready = pending.filter((p) => p.print === null);
  return (
    <section aria-labelledby="finish-title">
      <h2 id="finish-title">{t('counter.finish.title')}</h2>
      <p>{t('counter.finish.lead')}</p>
      {blocked.length ? (
        <ul>
          {blocked.map((p) => (
            <li>{t('counter.finish.blocked', { title: formTitle(ctx, p.form), reason: t(p.print!) })}</li>
          ))}
        </ul>
      ) : null}
      {ready.length ? (
        <form method="post" action={`${visitHref(view.visit.id)}/finish`}>
          <CsrfField token={ctx.csrfToken} />
          {ready.map((p) => (
            <Radios
              id={`finish-${p.form.row.procedure_id}`}
              name={`finish.${p.form.row.procedure_id}`}
              label={formTitle(ctx, p.form)}
              value={p.submit === null ? 'submit' : 'print'}
              hint={p.submit ? t('counter.finish.cannotSubmit', { reason: t(p.submit) }) : undefined}
              options={[
                ...(p.submit === null ? [{ value: 'submit', label: t('counter.finish.submit') }] : []),
                { value: 'print', label: t('counter.finish.print') },
                { value: 'later', label: t('counter.finish.later') },
              ]}
            />
          ))}
          <Button>{t('counter.finish.button')}</Button>
        </form>
      ) : null}
    </section>
  );
}

function Pdf(props: { ctx: ViewContext; view: VisitView }) {
  const t = props.ctx.t;
  const blocker = pdfBlocker(props.view);
  if (props.view.forms.length === 0) return null;
  return (
    <section aria-labelledby="pdf-title">
      <h2 id="pdf-title">{t('counter.pdf.title')}</h2>
      {blocker ? (
        <p>{t(blocker)}</p>
      ) : (
        <p>
          <a href={`${visitHref(props.view.visit.id)}/visit.pdf`} download>
            {t('counter.pdf.download')}
          </a>
        </p>
      )}
    </section>
  );
}

function EndVisit(props: { ctx: ViewContext; visitId: string }) {
  const t = props.ctx.t;
  return (
    <section aria-labelledby="end-title">
      <h2 id="end-title">{t('counter.end.title')}</h2>
      <p>{t('counter.end.lead')}</p>
      <form method="post" action={`${visitHref(props.visitId)}/end`} class="button-row">
        <CsrfField token={props.ctx.csrfToken} />
        <Button name="outcome" value="end">
          {t('counter.end.button')}
        </Button>
        <Button name="outcome" value="cancel" variant="tertiary">
          {t('counter.end.cancel')}
        </Button>
      </form>
    </section>
  );
}
