/** The driver's phone screen: big buttons, the next stop first, one tap per rider, works without JavaScript. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Radios } from '../../platform/ui/components/form-fields.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { formatJapanesePhone } from '../../platform/text/phone.ts';
import { dayLabel, TripStatusTag } from './booking-views.tsx';
import type { ManifestRider, StopVisit } from './driver-service.ts';
import { transitCrumbs } from './resident-views.tsx';
import { clock } from './trip-windows.ts';


export function ChooseVehiclePage(props: { ctx: ViewContext; vehicles: { id: string; name: string; takenBy: string | null }[]; error?: string | undefined }) {
  const ctx = props.ctx;
  const t = ctx.t;
  return (
    <Page ctx={ctx} shell="staff" title={t('transit.driver.title')} breadcrumbs={transitCrumbs(ctx, t('transit.driver.title'), 'staff')}>
      <h1>{t('transit.driver.title')}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={props.error ? [{ field: 'vehicle', message: props.error }] : []} />
      <form method="post" action="/staff/transit/driver/vehicle">
        <CsrfField token={ctx.csrfToken} />
        <Radios
          name="vehicle"
          label={t('transit.driver.chooseVehicle')}
          error={props.error}
          options={props.vehicles.map((v) => ({ value: v.id, label: v.name, ...(v.takenBy ? { hint: t('transit.driver.takenBy', { name: v.takenBy }) } : {}) }))}
        />
        <Button>{t('transit.driver.start')}</Button>
      </form>
    </Page>
  );
}

function RiderActions(props: { ctx: ViewContext; rider: ManifestRider; kind: 'boarding' | 'alighting'; base: string }) {
  const { ctx, rider } = props;
  const t = ctx.t;
  const action = (name: 'board' | 'no_show' | 'drop', label: string, variant: 'primary' | 'secondary') => (
    <form method="post" action={`/staff/transit/driver/trips/${rider.tripId}/${name}`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <Button variant={variant}>{label}</Button>
    </form>
  );
  return (
    <li class="driver-rider">
      <p>
        <strong>{rider.name}</strong> {t('transit.form.people', { n: rider.passengers })}
        {rider.wheelchair ? `・${t('transit.form.wheelchair.yes')}` : ''}
        {rider.needsAssistance ? `・${t('transit.rider.needs.assistance')}` : ''} <TripStatusTag ctx={ctx} status={rider.status} />
      </p>
      {rider.notes ? <p>{rider.notes}</p> : null}
      {props.kind === 'boarding' ? (
        <p>
          {t('transit.driver.window', { from: clock(rider.pickupEarly), to: clock(rider.pickupLate) })} <a href={`tel:${rider.phone}`}>{formatJapanesePhone(rider.phone)}</a>
        </p>
      ) : null}
      {props.kind === 'boarding' && rider.status === 'booked' ? (
        <div class="button-row">
          {action('board', t('transit.driver.board'), 'primary')}
          {action('no_show', t('transit.driver.noShow'), 'secondary')}
        </div>
      ) : null}
      {props.kind === 'alighting' && rider.status === 'boarded' ? <div class="button-row">{action('drop', t('transit.driver.drop'), 'primary')}</div> : null}
    </li>
  );
}

function Visit(props: { ctx: ViewContext; visit: StopVisit; base: string; headingLevel: 2 | 3 }) {
  const { ctx, visit } = props;
  const t = ctx.t;
  const Heading = props.headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section class="driver-visit" aria-label={`${clock(visit.time)} ${visit.stopName}`}>
      <Heading>
        {clock(visit.time)} {visit.stopName}
      </Heading>
      <p>{visit.stopDescription}</p>
      {visit.boarding.length ? (
        <>
          <p>{t('transit.driver.boarding')}</p>
          <ul class="plain-list">
            {visit.boarding.map((r) => (
              <RiderActions ctx={ctx} rider={r} kind="boarding" base={props.base} />
            ))}
          </ul>
        </>
      ) : null}
      {visit.alighting.length ? (
        <>
          <p>{t('transit.driver.alighting')}</p>
          <ul class="plain-list">
            {visit.alighting.map((r) => (
              <RiderActions ctx={ctx} rider={r} kind="alighting" base={props.base} />
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

export function ManifestPage(props: { ctx: ViewContext; date: string; vehicleName: string; visits: StopVisit[]; base: string; positionUrl: string | null }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const next = props.visits.find((v) => !v.done);
  const later = props.visits.filter((v) => !v.done && v !== next);
  const done = props.visits.filter((v) => v.done);
  return (
    <Page ctx={ctx} shell="staff" title={t('transit.driver.title')} breadcrumbs={transitCrumbs(ctx, t('transit.driver.title'), 'staff')} scripts={['/assets/transit/live.js', '/assets/transit/driver.js']}>
      <h1>{t('transit.driver.title')}</h1>
      <p>
        {dayLabel(ctx, props.date)} {props.vehicleName}
      </p>
      <div data-transit-live data-date={props.date} data-src={props.base} data-position-url={props.positionUrl ?? undefined} data-csrf={ctx.csrfToken}>
        {next ? (
          <>
            <NotificationBanner kind="info" title={t('transit.driver.next')}>
              <p>
                {clock(next.time)} {next.stopName}
              </p>
            </NotificationBanner>
            <Visit ctx={ctx} visit={next} base={props.base} headingLevel={2} />
          </>
        ) : (
          <p>{t(props.visits.length ? 'transit.driver.allDone' : 'transit.driver.empty')}</p>
        )}
        {later.length ? (
          <>
            <h2>{t('transit.driver.later')}</h2>
            {later.map((v) => (
              <Visit ctx={ctx} visit={v} base={props.base} headingLevel={3} />
            ))}
          </>
        ) : null}
        {done.length ? (
          <details>
            <summary>{t('transit.driver.done', { n: done.length })}</summary>
            {done.map((v) => (
              <Visit ctx={ctx} visit={v} base={props.base} headingLevel={3} />
            ))}
          </details>
        ) : null}
      </div>
    </Page>
  );
}
