import type { DemoIdentity } from '../../catalogue/city-service.ts';
import { Page } from '../../ui/layout.tsx';
import { Button } from '../../ui/components/button.tsx';
import { CsrfField, Radios, TextInput } from '../../ui/components/form-fields.tsx';
import { ErrorSummary, NotificationBanner } from '../../ui/components/feedback.tsx';
import type { ViewContext } from '../../ui/view-context.ts';

export function DemoLoginPage(props: {
  ctx: ViewContext;
  uid: string;
  identities: DemoIdentity[];
  /** The service asked for the card only (a procedure needing an electronic signature). */
  cardOnly?: boolean;
  values: { account: string; method: string; pin: string };
  errors: Record<string, string>;
}) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('idp.title')} shell="plain">
      <NotificationBanner kind="warning" title={t('demo.strip')} />
      <h1>{t('idp.title')}</h1>
      <p>{t('idp.lead')}</p>
      {props.cardOnly ? <p>{t('idp.cardOnly.lead')}</p> : null}
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <form method="post" action={`/demo-idp/interaction/${props.uid}`} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Radios
          name="account"
          label={t('idp.account')}
          value={values.account}
          error={errors.account}
          options={props.identities.map((i) => ({ value: i.sub, label: `${i.name}（${i.nameKana}）`, hint: `${i.birthdate}　${i.address}` }))}
        />
        <Radios
          name="method"
          label={t('idp.method')}
          value={values.method}
          error={errors.method}
          options={[
            { value: 'card', label: t('idp.method.card'), hint: t('idp.method.card.hint') },
            ...(props.cardOnly ? [] : [{ value: 'password', label: t('idp.method.password') }]),
          ]}
        />
        <TextInput name="pin" type="password" label={t('idp.pin')} hint={t('idp.pin.hint')} inputmode="numeric" width="short" maxLength={4} error={errors.pin} autocomplete="off" />
        <div class="actions">
          <Button>{t('idp.submit')}</Button>
          <Button variant="secondary" name="cancel" value="1">
            {t('idp.cancel')}
          </Button>
        </div>
      </form>
    </Page>
  );
}
