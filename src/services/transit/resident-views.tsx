/** Resident pages of the on-demand bus: about, registration, booking, my rides. */
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, TextInput, Textarea } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { Offer, RefusalReason } from './booking-service.ts';
import { dayLabel, OffersForm, RefusalBanner, RideSummary, TripFacts, TripFields, TripStatusTag, type TripView } from './booking-views.tsx';
import type { StopInfo } from './network.ts';
import type { TripFormValues } from './trip-form.ts';
import { clock, TRIP_RULES } from './trip-windows.ts';

const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));

function crumbs(ctx: ViewContext, here?: string, shell: 'resident' | 'staff' = 'resident') {
  if (shell === 'staff') return [{ href: '/staff', label: ctx.t('staff.title') }, { href: '/staff/transit', label: ctx.t('transit.staff.title') }, ...(here ? [{ label: here }] : [])];
  return [{ href: '/', label: ctx.t('ui.home') }, ...(here ? [{ href: '/transit', label: ctx.t('transit.title') }, { label: here }] : [{ label: ctx.t('transit.title') }])];
}

export function TransitHomePage(props: {
  ctx: ViewContext;
  stops: StopInfo[];
  hours: { weekday: number; opens: number; closes: number }[];
  state: 'anonymous' | 'unregistered' | 'registered';
  trips: TripView[];
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={t('transit.title')} breadcrumbs={crumbs(ctx)}>
      <h1>{t('transit.title')}</h1>
      <p>{t('transit.home.lead')}</p>
      {props.state === 'anonymous' ? (
        <p>
          <LinkButton href="/auth/login?next=%2Ftransit">{t('transit.home.login')}</LinkButton>
        </p>
      ) : props.state === 'unregistered' ? (
        <>
          <p>{t('transit.home.registerFirst')}</p>
          <p>
            <LinkButton href="/transit/register">{t('transit.register.title')}</LinkButton>
          </p>
        </>
      ) : (
        <p>
          <LinkButton href="/transit/book">{t('transit.book.title')}</LinkButton> <a href="/transit/register">{t('transit.register.edit')}</a>
        </p>
      )}
      {props.state === 'registered' ? <MyTrips ctx={ctx} trips={props.trips} /> : null}
      <h2>{t('transit.home.how')}</h2>
      <ol>
        <li>{t('transit.home.step1')}</li>
        <li>{t('transit.home.step2', { flex: TRIP_RULES.pickupFlex / 60 })}</li>
        <li>{t('transit.home.step3', { lead: TRIP_RULES.leadSeconds / 60, days: TRIP_RULES.horizonDays })}</li>
      </ol>
      <p>{t('transit.refused.phone')}</p>
      <Table
        caption={t('transit.home.hours')}
        columns={[
          { header: t('transit.home.weekday'), cell: (h) => t(`transit.weekday.${h.weekday}`) },
          { header: t('transit.home.serviceHours'), cell: (h) => `${clock(h.opens)}〜${clock(h.closes)}` },
        ]}
        rows={props.hours}
        empty={t('transit.home.noHours')}
      />
      <Table
        caption={t('transit.home.stops')}
        columns={[
          { header: t('transit.stop.name'), cell: (s) => s.name },
          { header: t('transit.stop.where'), cell: (s) => s.description },
        ]}
        rows={props.stops}
        empty="—"
      />
    </Page>
  );
}

export { crumbs as transitCrumbs };

export function MyTrips(props: { ctx: ViewContext; trips: TripView[]; base?: string }) {
  const t = props.ctx.t;
  const base = props.base ?? '/transit/trips';
  return (
    <Table
      caption={t('transit.mytrips.title')}
      columns={[
        { header: t('transit.form.date'), cell: (r) => dayLabel(props.ctx, r.service_date) },
        { header: t('transit.trip.pickup'), cell: (r) => `${clock(r.pickup_early)}〜${clock(r.pickup_late)} ${r.origin}` },
        { header: t('transit.form.destination'), cell: (r) => r.destination },
        { header: t('transit.trip.status'), cell: (r) => <TripStatusTag ctx={props.ctx} status={r.status} /> },
        { header: t('transit.trip.reference'), cell: (r) => <a href={`${base}/${r.id}`}>{r.reference}</a> },
      ]}
      rows={props.trips}
      empty={t('transit.mytrips.none')}
    />
  );
}

export interface RiderFormValues {
  name: string;
  nameKana: string;
  phone: string;
  email: string;
  needs: string[];
  notes: string;
}

export function RiderFields(props: { ctx: ViewContext; values: RiderFormValues; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  return (
    <>
      <TextInput name="name" label={t('transit.rider.name')} value={values.name} error={errors.name} autocomplete="name" required requiredLabel={t('ui.required')} maxLength={100} />
      <TextInput name="nameKana" label={t('transit.rider.kana')} hint={t('transit.rider.kana.hint')} value={values.nameKana} error={errors.nameKana} required requiredLabel={t('ui.required')} maxLength={100} />
      <TextInput name="phone" type="tel" label={t('transit.rider.phone')} hint={t('transit.rider.phone.hint')} value={values.phone} error={errors.phone} autocomplete="tel" width="medium" required requiredLabel={t('ui.required')} maxLength={20} />
      <TextInput name="email" type="email" label={t('transit.rider.email')} hint={t('transit.rider.email.hint')} value={values.email} error={errors.email} autocomplete="email" maxLength={200} />
      <Checkboxes
        name="needs"
        label={t('transit.rider.needs')}
        values={values.needs}
        options={[
          { value: 'wheelchair', label: t('transit.rider.needs.wheelchair') },
          { value: 'assistance', label: t('transit.rider.needs.assistance') },
        ]}
      />
      <Textarea name="notes" label={t('transit.rider.notes')} hint={t('transit.rider.notes.hint')} value={values.notes} error={errors.notes} rows={3} maxLength={500} />
    </>
  );
}

export function RegisterPage(props: { ctx: ViewContext; values: RiderFormValues; errors: Record<string, string>; existing: boolean }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t(props.existing ? 'transit.register.edit' : 'transit.register.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <p>{t('transit.register.lead')}</p>
      <form method="post" action="/transit/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RiderFields ctx={ctx} values={props.values} errors={props.errors} />
        <Button>{t('transit.register.submit')}</Button>
      </form>
    </Page>
  );
}

export function BookPage(props: {
  ctx: ViewContext;
  action: string;
  title: string;
  values: TripFormValues;
  errors: Record<string, string>;
  stops: StopInfo[];
  days: { date: string; opens: number; closes: number }[];
  refusal?: { reason: RefusalReason; note?: string | undefined } | undefined;
  lockDate?: boolean;
  shell?: 'resident' | 'staff';
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={props.title} breadcrumbs={crumbs(ctx, props.title, props.shell)} shell={props.shell ?? 'resident'}>
      <h1>{props.title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      {props.refusal ? <RefusalBanner ctx={ctx} reason={props.refusal.reason} note={props.refusal.note} /> : null}
      <p>{t('transit.book.lead')}</p>
      <form method="post" action={props.action} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TripFields ctx={ctx} values={props.values} errors={props.errors} stops={props.stops} days={props.days} lockDate={props.lockDate ?? false} />
        <Button>{t('transit.book.search')}</Button>
      </form>
    </Page>
  );
}

export function OffersPage(props: {
  ctx: ViewContext;
  title: string;
  action: string;
  backHref: string;
  values: TripFormValues;
  offers: Offer[];
  stops: Map<string, StopInfo>;
  idempotencyKey: string;
  taken?: boolean;
  error?: string | undefined;
  shell?: 'resident' | 'staff';
}) {
  const { ctx } = props;
  const t = ctx.t;
  return (
    <Page ctx={ctx} title={props.title} breadcrumbs={crumbs(ctx, props.title, props.shell)} shell={props.shell ?? 'resident'}>
      <h1>{props.title}</h1>
      {props.taken ? (
        <NotificationBanner kind="warning" title={t('transit.taken.title')}>
          <p>{t(props.offers.length ? 'transit.taken.body' : 'transit.taken.none')}</p>
        </NotificationBanner>
      ) : null}
      <RideSummary ctx={ctx} values={props.values} stops={props.stops} />
      {props.offers.length ? (
        <OffersForm ctx={ctx} action={props.action} values={props.values} offers={props.offers} idempotencyKey={props.idempotencyKey} submitLabel={t('transit.offers.book')} error={props.error} />
      ) : null}
      <p>
        <a href={props.backHref}>{t('transit.offers.back')}</a>
      </p>
    </Page>
  );
}

export function TripPage(props: { ctx: ViewContext; trip: TripView; canChange: boolean }) {
  const { ctx, trip } = props;
  const t = ctx.t;
  const title = t('transit.trip.title', { reference: trip.reference });
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, title)}>
      <h1>{title}</h1>
      <TripFacts ctx={ctx} trip={trip} />
      {trip.status === 'booked' ? <p>{t('transit.trip.waitHint', { flex: TRIP_RULES.pickupFlex / 60 })}</p> : null}
      {props.canChange ? (
        <>
          <p>
            <LinkButton href={`/transit/trips/${trip.id}/change`} variant="secondary">
              {t('transit.trip.change')}
            </LinkButton>
          </p>
          <p>
            <a href={`/transit/trips/${trip.id}/cancel`}>{t('transit.trip.cancel')}</a>
          </p>
        </>
      ) : null}
      <p>
        <a href="/transit">{t('transit.trip.back')}</a>
      </p>
    </Page>
  );
}

export function CancelPage(props: { ctx: ViewContext; trip: TripView; action: string; backHref: string; askReason?: boolean }) {
  const { ctx, trip } = props;
  const t = ctx.t;
  const title = t('transit.cancel.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, title, props.askReason ? 'staff' : 'resident')} shell={props.askReason ? 'staff' : 'resident'}>
      <h1>{title}</h1>
      <TripFacts ctx={ctx} trip={trip} />
      <form method="post" action={props.action}>
        <CsrfField token={ctx.csrfToken} />
        {props.askReason ? <TextInput name="reason" label={t('transit.cancel.reason')} hint={t('transit.cancel.reason.hint')} maxLength={200} /> : null}
        <Button variant="danger">{t('transit.cancel.confirm')}</Button>
      </form>
      <p>
        <a href={props.backHref}>{t('transit.cancel.keep')}</a>
      </p>
    </Page>
  );
}
