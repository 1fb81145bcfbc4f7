import type { ViewContext } from '../../platform/ui/view-context.ts';
import { Page } from '../../platform/ui/layout.tsx';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { CsrfField, Select, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import type { Answer } from './ask-service.ts';
import { localised } from './ask-service.ts';
import type { PublishedFaq } from './faq-queries.ts';

/** The question box at the foot of every resident page: a plain GET form; chat.js turns it into a chat panel. */
export function ChatWidget({ ctx }: { ctx: ViewContext }) {
  return (
    <section class="chat-widget" aria-labelledby="chat-widget-title" data-csrf={ctx.csrfToken} data-locale={ctx.locale}>
      <div class="chat-widget-inner">
        <h2 id="chat-widget-title">{ctx.t('chatbot.widget.label')}</h2>
        <ol class="chat-log" id="chat-log" aria-live="polite" hidden></ol>
        <form method="get" action="/ask" id="chat-form">
          <TextInput name="q" label={ctx.t('chatbot.widget.label')} hint={ctx.t('chatbot.widget.hint')} maxLength={200} autocomplete="off" />
          <Button>{ctx.t('chatbot.widget.submit')}</Button>
        </form>
      </div>
    </section>
  );
}

function FaqCard(props: { ctx: ViewContext; faq: PublishedFaq; departmentName: (code: string) => string; heading: 'h2' | 'h3' }) {
  const { ctx, faq } = props;
  const text = localised(faq, ctx.locale);
  const Heading = props.heading;
  return (
    <>
      <Heading>
        <a href={`/ask/faq/${faq.id}`}>{text.question}</a>
      </Heading>
      {ctx.locale === 'en' && !text.translated ? <p lang="ja">{text.answer}</p> : <p>{text.answer}</p>}
      {ctx.locale === 'en' && !text.translated ? <p class="answer-source">{ctx.t('chatbot.ask.notTranslated')}</p> : null}
      {faq.links.length ? (
        <ul>
          {faq.links.map((l) => (
            <li>
              <a href={l.href}>{l.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export function AskPage(props: {
  ctx: ViewContext;
  question: string;
  error?: string | null;
  answer: Answer | null;
  composed?: string | null;
  departmentName: (code: string) => string;
  feedbackGiven?: boolean;
}) {
  const { ctx, answer } = props;
  const t = ctx.t;
  const best = answer?.best ?? null;
  return (
    <Page ctx={{ ...ctx, residentWidgets: [] }} title={t('chatbot.ask.title')} breadcrumbs={[{ href: '/', label: t('ui.home') }, { label: t('chatbot.ask.title') }]}>
      <h1>{t('chatbot.ask.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={props.error ? [{ field: 'q', message: props.error }] : []} />
      <form method="get" action="/ask" role="search">
        <TextInput name="q" label={t('chatbot.widget.label')} hint={t('chatbot.widget.hint')} value={props.question} error={props.error} maxLength={200} autocomplete="off" />
        <Button>{t('chatbot.widget.submit')}</Button>
      </form>
      {props.feedbackGiven ? <NotificationBanner kind="success" title={t('chatbot.feedback.thanks')} /> : null}
      {answer && best ? (
        <section class="answer-box" aria-labelledby="answer-title">
          <h2 id="answer-title">{t('chatbot.ask.answer')}</h2>
          {props.composed ? (
            <>
              <p>{props.composed}</p>
              <p class="answer-source">{t('chatbot.ask.composed')}</p>
            </>
          ) : null}
          <FaqCard ctx={ctx} faq={best} departmentName={props.departmentName} heading="h3" />
          <p class="answer-source">{t('chatbot.ask.source', { question: localised(best, ctx.locale).question, department: props.departmentName(best.department) })}</p>
          {props.feedbackGiven ? null : (
            <form method="post" action="/ask/feedback">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="queryId" value={String(answer.queryId)} />
              <input type="hidden" name="token" value={answer.feedbackToken} />
              <input type="hidden" name="q" value={props.question} />
              <fieldset class="fieldset">
                <legend class="field-label">{t('chatbot.feedback.question')}</legend>
                <div class="actions">
                  <Button variant="secondary" name="helpful" value="yes">
                    {t('chatbot.feedback.yes')}
                  </Button>
                  <Button variant="secondary" name="helpful" value="no">
                    {t('chatbot.feedback.no')}
                  </Button>
                </div>
              </fieldset>
            </form>
          )}
        </section>
      ) : null}
      {answer && !best ? <NotificationBanner kind="info" title={t(answer.candidates.length ? 'chatbot.ask.notSure' : 'chatbot.ask.nothing')} /> : null}
      {answer && answer.candidates.length ? (
        <section aria-labelledby="candidates-title">
          <h2 id="candidates-title">{t('chatbot.ask.candidates')}</h2>
          <ul class="card-list">
            {answer.candidates.map((faq) => (
              <li class="card">
                <FaqCard ctx={ctx} faq={faq} departmentName={props.departmentName} heading="h3" />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {answer ? (
        <section class="card" aria-labelledby="ask-person-title">
          <h2 id="ask-person-title">{t('chatbot.ask.askPerson')}</h2>
          <p>{t('chatbot.ask.askPerson.lead')}</p>
          <LinkButton href={`/ask/inquiry?${new URLSearchParams({ q: props.question, from: String(answer.queryId), ...(answer.best ?? answer.candidates[0] ? { department: (answer.best ?? answer.candidates[0])!.department } : {}) })}`} variant="secondary">
            {t('chatbot.ask.askPerson')}
          </LinkButton>
        </section>
      ) : null}
    </Page>
  );
}

export function FaqPage(props: { ctx: ViewContext; faq: PublishedFaq; departmentName: (code: string) => string }) {
  const { ctx, faq } = props;
  const text = localised(faq, ctx.locale);
  return (
    <Page ctx={ctx} title={text.question} breadcrumbs={[{ href: '/', label: ctx.t('ui.home') }, { href: '/ask', label: ctx.t('chatbot.ask.title') }, { label: text.question }]}>
      <h1>{text.question}</h1>
      <p lang={ctx.locale === 'en' && !text.translated ? 'ja' : undefined}>{text.answer}</p>
      <p class="answer-source">{ctx.t('chatbot.faq.department', { department: props.departmentName(faq.department) })}</p>
    </Page>
  );
}

export interface InquiryValues {
  question: string;
  department: string;
  email: string;
  phone: string;
  from: string;
}

export function InquiryPage(props: { ctx: ViewContext; values: InquiryValues; errors: Record<string, string>; departments: { code: string; name: string }[] }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={{ ...ctx, residentWidgets: [] }} title={t('chatbot.inquiry.title')} breadcrumbs={[{ href: '/', label: t('ui.home') }, { href: '/ask', label: t('chatbot.ask.title') }, { label: t('chatbot.inquiry.title') }]}>
      <h1>{t('chatbot.inquiry.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <p>{t('chatbot.inquiry.lead')}</p>
      <form method="post" action="/ask/inquiry" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="from" value={values.from} />
        <Textarea name="question" label={t('chatbot.inquiry.question')} value={values.question} error={errors.question} rows={5} maxLength={2000} required requiredLabel={t('ui.required')} />
        <Select name="department" label={t('chatbot.inquiry.department')} hint={t('chatbot.inquiry.department.hint')} value={values.department || 'dx'} error={errors.department} options={props.departments.map((d) => ({ value: d.code, label: d.name }))} />
        <TextInput name="email" type="email" label={t('chatbot.inquiry.email')} value={values.email} error={errors.email} autocomplete="email" />
        <TextInput name="phone" type="tel" label={t('chatbot.inquiry.phone')} hint={t('chatbot.inquiry.phone.hint')} value={values.phone} error={errors.phone} autocomplete="tel" width="medium" />
        <Button>{t('chatbot.inquiry.submit')}</Button>
      </form>
    </Page>
  );
}

export function InquiryDonePage(props: { ctx: ViewContext; reference: string; hasContact: boolean }) {
  const t = props.ctx.t;
  return (
    <Page ctx={props.ctx} title={t('chatbot.inquiry.done.title')}>
      <NotificationBanner kind="success" title={t('chatbot.inquiry.done.title')}>
        <p>
          <strong>{t('chatbot.inquiry.done.reference', { reference: props.reference })}</strong>
        </p>
      </NotificationBanner>
      <p>{t(props.hasContact ? 'chatbot.inquiry.done.body' : 'chatbot.inquiry.done.noContact')}</p>
    </Page>
  );
}
