/** Operator pages (Urban Planning Division): the day board, riders, phone booking, a ride, re-optimisation. */
import type { Selectable } from 'kysely';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { formatJapanesePhone } from '../../platform/text/phone.ts';
import { addDays } from '../../platform/time/today.ts';
import { dayLabel, TripFacts, TripStatusTag, type TripView } from './booking-views.tsx';
import { MyTrips, RiderFields, transitCrumbs, type RiderFormValues } from './resident-views.tsx';
import type { TransitTables } from './tables.ts';
import type { TripRow } from './trip-queries.ts';
import { clock } from './trip-windows.ts';

type Rider = Selectable<TransitTables['transit_riders']>;
type DayTrip = NonNullable<TripRow>;
type Optimisation = { service_date: string; trips: number; cost_before: number; cost_after: number; applied: boolean; note: string; seconds: number; created_at: Date };

const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));

export function OperatorDayPage(props: { ctx: ViewContext; date: string; trips: DayTrip[]; optimisations: Optimisation[]; canManage: boolean; flashRefresh?: boolean }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const counts = { booked: 0, boarded: 0, completed: 0, no_show: 0, cancelled: 0 };
  for (const trip of props.trips) counts[trip.status]++;
  const live = props.trips.filter((r) => r.status !== 'cancelled');
  return (
    <Page ctx={ctx} shell="staff" title={t('transit.staff.title')} breadcrumbs={transitCrumbs(ctx, undefined, 'staff')} scripts={['/assets/transit/live.js']}>
      <h1>{t('transit.staff.title')}</h1>
      <nav aria-label={t('transit.ops.menu')}>
        <ul class="inline-list">
          <li>
            <a href="/staff/transit/riders">{t('transit.ops.riders')}</a>
          </li>
          <li>
            <a href={`/staff/transit/map?date=${props.date}`}>{t('transit.ops.map')}</a>
          </li>
          <li>
            <a href="/staff/transit/stats">{t('transit.ops.stats')}</a>
          </li>
          {props.canManage ? (
            <li>
              <a href="/staff/transit/network">{t('transit.ops.network')}</a>
            </li>
          ) : null}
        </ul>
      </nav>
      <form method="get" action="/staff/transit" class="inline-form">
        <TextInput name="date" label={t('transit.form.date')} hint={t('transit.ops.date.hint')} value={props.date} width="medium" />
        <Button variant="secondary">{t('transit.ops.show')}</Button>
      </form>
      <p>
        <a href={`/staff/transit?date=${addDays(props.date, -1)}`}>{t('transit.ops.prevDay')}</a> ／ <a href={`/staff/transit?date=${addDays(props.date, 1)}`}>{t('transit.ops.nextDay')}</a>
      </p>
      <div data-transit-live data-date={props.date} data-src={`/staff/transit?date=${props.date}`}>
        <h2>{dayLabel(ctx, props.date)}</h2>
        <SummaryList
          items={(Object.keys(counts) as (keyof typeof counts)[]).map((k) => ({ key: t(`transit.status.${k}`), value: String(counts[k]) }))}
        />
        <Table
          id="day-trips"
          caption={t('transit.ops.trips')}
          columns={[
            { header: t('transit.trip.pickup'), cell: (r: DayTrip) => `${clock(r.pickup_early)}〜${clock(r.pickup_late)}` },
            { header: t('transit.ops.rider'), cell: (r) => `${r.rider_name}（${r.rider_kana}）` },
            { header: t('transit.ops.route'), cell: (r) => `${r.origin} → ${r.destination}` },
            { header: t('transit.form.passengers'), cell: (r) => `${r.passengers}${r.wheelchair ? ` ${t('transit.ops.wheelchairShort')}` : ''}`, numeric: true },
            { header: t('transit.trip.vehicle'), cell: (r) => r.vehicle ?? '—' },
            { header: t('transit.trip.planned'), cell: (r) => (r.planned_pickup !== null ? clock(r.planned_pickup) : '—') },
            { header: t('transit.trip.status'), cell: (r) => <TripStatusTag ctx={ctx} status={r.status} /> },
            { header: t('transit.trip.reference'), cell: (r) => <a href={`/staff/transit/trips/${r.id}`}>{r.reference}</a> },
          ]}
          rows={live}
          empty={t('transit.ops.noTrips')}
        />
      </div>
      <h2>{t('transit.reopt.title')}</h2>
      <p>{t('transit.reopt.lead')}</p>
      <Table
        caption={t('transit.reopt.history')}
        columns={[
          { header: t('transit.form.date'), cell: (o: Optimisation) => o.service_date },
          { header: t('transit.reopt.trips'), cell: (o) => String(o.trips), numeric: true },
          { header: t('transit.reopt.before'), cell: (o) => t('transit.reopt.minutes', { n: Math.round(o.cost_before / 60) }), numeric: true },
          { header: t('transit.reopt.after'), cell: (o) => t('transit.reopt.minutes', { n: Math.round(o.cost_after / 60) }), numeric: true },
          { header: t('transit.reopt.result'), cell: (o) => t(`transit.reopt.note.${o.note}`) },
        ]}
        rows={props.optimisations}
        empty={t('transit.reopt.none')}
      />
      {props.canManage ? (
        <form method="post" action="/staff/transit/reoptimise">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="date" value={props.date} />
          <Button variant="secondary">{t('transit.reopt.run', { date: dayLabel(ctx, props.date) })}</Button>
        </form>
      ) : null}
    </Page>
  );
}

export function RidersPage(props: { ctx: ViewContext; q: string; riders: Rider[]; searched: boolean }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const title = t('transit.ops.riders');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={transitCrumbs(ctx, title, 'staff')}>
      <h1>{title}</h1>
      <form method="get" action="/staff/transit/riders" role="search">
        <TextInput name="q" type="search" label={t('transit.ops.search')} hint={t('transit.ops.search.hint')} value={props.q} />
        <Button>{t('ui.search')}</Button>
      </form>
      {props.searched ? (
        <Table
          caption={t('transit.ops.results')}
          columns={[
            { header: t('transit.rider.name'), cell: (r: Rider) => <a href={`/staff/transit/riders/${r.id}`}>{r.name}</a> },
            { header: t('transit.rider.kana'), cell: (r) => r.name_kana },
            { header: t('transit.rider.phone'), cell: (r) => formatJapanesePhone(r.phone) },
            { header: t('transit.rider.needs'), cell: (r) => [r.wheelchair ? t('transit.rider.needs.wheelchair') : '', r.needs_assistance ? t('transit.rider.needs.assistance') : ''].filter(Boolean).join('、') || '—' },
          ]}
          rows={props.riders}
          empty={t('transit.ops.noRiders')}
        />
      ) : null}
      <p>
        <LinkButton href="/staff/transit/riders/new" variant="secondary">
          {t('transit.ops.newRider')}
        </LinkButton>
      </p>
    </Page>
  );
}

export function NewRiderPage(props: { ctx: ViewContext; values: RiderFormValues; errors: Record<string, string> }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const title = t('transit.ops.newRider');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={transitCrumbs(ctx, title, 'staff')}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(props.errors)} />
      <form method="post" action="/staff/transit/riders/new" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <RiderFields ctx={ctx} values={props.values} errors={props.errors} />
        <Button>{t('transit.ops.registerRider')}</Button>
      </form>
    </Page>
  );
}

export function RiderPage(props: { ctx: ViewContext; rider: Rider; trips: TripView[] }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const r = props.rider;
  return (
    <Page ctx={ctx} shell="staff" title={r.name} breadcrumbs={transitCrumbs(ctx, r.name, 'staff')}>
      <h1>{r.name}</h1>
      <SummaryList
        items={[
          { key: t('transit.rider.kana'), value: r.name_kana },
          { key: t('transit.rider.phone'), value: formatJapanesePhone(r.phone) },
          { key: t('transit.rider.email'), value: r.email ?? '—' },
          { key: t('transit.rider.needs'), value: [r.wheelchair ? t('transit.rider.needs.wheelchair') : '', r.needs_assistance ? t('transit.rider.needs.assistance') : ''].filter(Boolean).join('、') || '—' },
          { key: t('transit.rider.notes'), value: r.notes || '—' },
          { key: t('transit.ops.registeredBy'), value: t(r.resident_account_id ? 'transit.ops.registeredOnline' : 'transit.ops.registeredByPhone') },
        ]}
      />
      <p>
        <LinkButton href={`/staff/transit/riders/${r.id}/book`}>{t('transit.ops.bookFor')}</LinkButton>
      </p>
      <MyTrips ctx={ctx} trips={props.trips} base="/staff/transit/trips" />
    </Page>
  );
}

export function StaffTripPage(props: { ctx: ViewContext; trip: DayTrip }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const trip = props.trip;
  const title = t('transit.trip.title', { reference: trip.reference });
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={transitCrumbs(ctx, title, 'staff')}>
      <h1>{title}</h1>
      <TripFacts
        ctx={ctx}
        trip={trip}
        staffView
        extra={[
          { key: t('transit.ops.rider'), value: <a href={`/staff/transit/riders/${trip.rider_id}`}>{`${trip.rider_name}（${trip.rider_kana}）`}</a> },
          { key: t('transit.rider.phone'), value: formatJapanesePhone(trip.rider_phone) },
        ]}
      />
      {trip.status === 'booked' ? (
        <p>
          <LinkButton href={`/staff/transit/trips/${trip.id}/change`} variant="secondary">
            {t('transit.trip.change')}
          </LinkButton>{' '}
          <a href={`/staff/transit/trips/${trip.id}/cancel`}>{t('transit.trip.cancel')}</a>
        </p>
      ) : null}
      <p>
        <a href={`/staff/transit?date=${trip.service_date}`}>{t('transit.ops.backToDay')}</a>
      </p>
    </Page>
  );
}
