import type { ViewContext } from '../ui/view-context.ts';
import { Page } from '../ui/layout.tsx';
import { Button } from '../ui/components/button.tsx';
import { CsrfField, TextInput } from '../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner } from '../ui/components/feedback.tsx';

export function StaffLoginPage(props: { ctx: ViewContext; loginId?: string; error?: string | null; notice?: string | null; next?: string }) {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('staff.login.title')} shell="staff">
      <h1>{ctx.t('staff.login.title')}</h1>
      {props.notice ? <NotificationBanner kind="info" title={props.notice} /> : null}
      <ErrorSummary title={ctx.t('ui.errorSummary.title')} errors={props.error ? [{ field: 'loginId', message: props.error }] : []} />
      <form method="post" action="/staff/login" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next ?? ''} />
        <TextInput name="loginId" label={ctx.t('staff.login.loginId')} value={props.loginId ?? ''} autocomplete="username" width="medium" error={props.error} />
        <TextInput name="password" type="password" label={ctx.t('staff.login.password')} autocomplete="current-password" width="medium" />
        <Button>{ctx.t('staff.login.submit')}</Button>
      </form>
    </Page>
  );
}

export function StaffMfaPage(props: { ctx: ViewContext; error?: string | null; next?: string }) {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('staff.mfa.title')} shell="staff">
      <h1>{ctx.t('staff.mfa.title')}</h1>
      <ErrorSummary title={ctx.t('ui.errorSummary.title')} errors={props.error ? [{ field: 'code', message: props.error }] : []} />
      <p>{ctx.t('staff.mfa.lead')}</p>
      <form method="post" action="/staff/login/mfa" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next ?? ''} />
        <TextInput name="code" label={ctx.t('staff.mfa.code')} inputmode="numeric" autocomplete="one-time-code" width="short" maxLength={6} error={props.error} />
        <Button>{ctx.t('staff.mfa.submit')}</Button>
      </form>
    </Page>
  );
}

export function StaffEnrolPage(props: { ctx: ViewContext; secret: string; qrDataUrl: string; error?: string | null }) {
  const { ctx } = props;
  return (
    <Page ctx={ctx} title={ctx.t('staff.enrol.title')} shell="staff">
      <h1>{ctx.t('staff.enrol.title')}</h1>
      <ErrorSummary title={ctx.t('ui.errorSummary.title')} errors={props.error ? [{ field: 'code', message: props.error }] : []} />
      <p>{ctx.t('staff.enrol.lead')}</p>
      <img class="qr" src={props.qrDataUrl} alt={ctx.t('staff.enrol.qrAlt')} width={192} height={192} />
      <p>
        {ctx.t('staff.enrol.secret')}: <code id="totp-secret">{props.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
      </p>
      <form method="post" action="/staff/login/enrol" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="code" label={ctx.t('staff.mfa.code')} inputmode="numeric" autocomplete="one-time-code" width="short" maxLength={6} error={props.error} />
        <Button>{ctx.t('staff.mfa.submit')}</Button>
      </form>
    </Page>
  );
}
