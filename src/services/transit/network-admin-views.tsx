/** The managers' network page: stops, vehicles, drivers, weekly hours and days without service. */
import type { Selectable } from 'kysely';
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { dayLabel } from './booking-views.tsx';
import type { networkOverview } from './network-admin-service.ts';
import { transitCrumbs } from './resident-views.tsx';
import type { TransitTables } from './tables.ts';
import { clock } from './trip-windows.ts';

type Overview = Awaited<ReturnType<typeof networkOverview>>;
export type FormName = 'stop' | 'vehicle' | 'driver' | 'hours' | 'closed';
export interface FailedForm {
  form: FormName;
  values: Record<string, string | string[]>;
  errors: Record<string, string>;
}

const v = (failed: FailedForm | undefined, form: FormName, key: string, fallback = ''): string => {
  const value = failed?.form === form ? failed.values[key] : undefined;
  return typeof value === 'string' ? value : fallback;
};
const err = (failed: FailedForm | undefined, form: FormName, key: string) => (failed?.form === form ? failed.errors[key] : undefined);

export function NetworkPage(props: { ctx: ViewContext; data: Overview; failed?: FailedForm; edit?: { stop?: Selectable<TransitTables['transit_stops']>; vehicle?: Selectable<TransitTables['transit_vehicles']> } }) {
  const ctx = props.ctx;
  const t = ctx.t;
  const { data, failed } = props;
  const title = t('transit.network.title');
  const stop = props.edit?.stop;
  const vehicle = props.edit?.vehicle;
  const hoursOf = (weekday: number) => data.hours.find((h) => h.weekday === weekday);
  const stopOptions = data.stops.map((s) => ({ value: s.id, label: s.name }));
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={transitCrumbs(ctx, title, 'staff')}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(failed?.errors ?? {}).map(([field, message]) => ({ field, message }))} />
      <p>{t('transit.network.lead')}</p>

      <h2 id="closed">{t('transit.network.closed')}</h2>
      <Table
        caption={t('transit.network.closed.list')}
        columns={[
          { header: t('transit.form.date'), cell: (d: Overview['closed'][number]) => dayLabel(ctx, d.day) },
          { header: t('transit.network.reason'), cell: (d) => d.reason },
          {
            header: t('transit.network.actions'),
            cell: (d) => (
              <form method="post" action={`/staff/transit/network/closed/${d.day}/reopen`} class="inline-form">
                <CsrfField token={ctx.csrfToken} />
                <Button variant="secondary">{t('transit.network.reopen')}</Button>
              </form>
            ),
          },
        ]}
        rows={data.closed}
        empty={t('transit.network.closed.none')}
      />
      <form method="post" action="/staff/transit/network/closed" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="day" label={t('transit.form.date')} hint={t('transit.ops.date.hint')} value={v(failed, 'closed', 'day')} error={err(failed, 'closed', 'day')} width="medium" />
        <TextInput name="reason" label={t('transit.network.reason')} hint={t('transit.network.reason.hint')} value={v(failed, 'closed', 'reason')} error={err(failed, 'closed', 'reason')} maxLength={100} />
        <Button>{t('transit.network.close')}</Button>
      </form>

      <h2 id="hours">{t('transit.home.hours')}</h2>
      <form method="post" action="/staff/transit/network/hours" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {[1, 2, 3, 4, 5, 6, 7].map((d) => {
          const h = hoursOf(d);
          return (
            <fieldset class="fieldset">
              <legend class="field-label">{t(`transit.weekday.${d}`)}</legend>
              <TextInput name={`opens-${d}`} label={t('transit.network.opens')} hint={t('transit.network.hours.hint')} value={v(failed, 'hours', `opens-${d}`, h ? clock(h.opens_at) : '')} error={err(failed, 'hours', `hours-${d}`)} width="short" />
              <TextInput name={`closes-${d}`} label={t('transit.network.closes')} value={v(failed, 'hours', `closes-${d}`, h ? clock(h.closes_at) : '')} width="short" />
            </fieldset>
          );
        })}
        <Button>{t('transit.network.saveHours')}</Button>
      </form>

      <h2 id="stops">{t('transit.home.stops')}</h2>
      <Table
        id="network-stops"
        caption={t('transit.home.stops')}
        columns={[
          { header: t('transit.stop.name'), cell: (s: Overview['stops'][number]) => <a href={`/staff/transit/network?stop=${s.id}#stop-form`}>{s.name}</a> },
          { header: t('transit.network.coords'), cell: (s) => `${s.lat.toFixed(5)}, ${s.lng.toFixed(5)}` },
          { header: t('transit.stop.where'), cell: (s) => s.description },
          { header: t('transit.network.active'), cell: (s) => t(s.active ? 'transit.network.yes' : 'transit.network.no') },
        ]}
        rows={data.stops}
        empty="—"
      />
      <h3 id="stop-form">{t(stop ? 'transit.network.editStop' : 'transit.network.addStop')}</h3>
      <form method="post" action="/staff/transit/network/stops" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="id" label={t('transit.network.id')} hint={t('transit.network.id.hint')} value={v(failed, 'stop', 'id', stop?.id)} error={err(failed, 'stop', 'id')} width="medium" />
        <TextInput name="name" label={t('transit.stop.name')} value={v(failed, 'stop', 'name', stop?.name)} error={err(failed, 'stop', 'name')} />
        <TextInput name="nameKana" label={t('transit.rider.kana')} value={v(failed, 'stop', 'nameKana', stop?.name_kana)} />
        <TextInput name="lat" label={t('transit.network.lat')} value={v(failed, 'stop', 'lat', stop ? String(stop.lat) : '')} error={err(failed, 'stop', 'lat')} width="medium" />
        <TextInput name="lng" label={t('transit.network.lng')} value={v(failed, 'stop', 'lng', stop ? String(stop.lng) : '')} error={err(failed, 'stop', 'lng')} width="medium" />
        <TextInput name="description" label={t('transit.stop.where')} value={v(failed, 'stop', 'description', stop?.description)} />
        <Checkboxes name="active" label={t('transit.network.active')} values={failed?.form === 'stop' ? (failed.values.active as string[]) ?? [] : stop && !stop.active ? [] : ['yes']} options={[{ value: 'yes', label: t('transit.network.inService') }]} />
        <Button>{t('transit.network.save')}</Button>
      </form>

      <h2 id="vehicles">{t('transit.network.vehicles')}</h2>
      <Table
        caption={t('transit.network.vehicles')}
        columns={[
          { header: t('transit.trip.vehicle'), cell: (x: Overview['vehicles'][number]) => <a href={`/staff/transit/network?vehicle=${x.id}#vehicle-form`}>{x.name}</a> },
          { header: t('transit.network.seats'), cell: (x) => String(x.seats), numeric: true },
          { header: t('transit.network.chairs'), cell: (x) => String(x.wheelchair_spaces), numeric: true },
          { header: t('transit.network.depot'), cell: (x) => data.stops.find((s) => s.id === x.depot_stop_id)?.name ?? x.depot_stop_id },
          { header: t('transit.network.active'), cell: (x) => t(x.active ? 'transit.network.yes' : 'transit.network.no') },
        ]}
        rows={data.vehicles}
        empty="—"
      />
      <h3 id="vehicle-form">{t(vehicle ? 'transit.network.editVehicle' : 'transit.network.addVehicle')}</h3>
      <form method="post" action="/staff/transit/network/vehicles" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="id" label={t('transit.network.id')} hint={t('transit.network.id.hint')} value={v(failed, 'vehicle', 'id', vehicle?.id)} error={err(failed, 'vehicle', 'id')} width="medium" />
        <TextInput name="name" label={t('transit.network.vehicleName')} value={v(failed, 'vehicle', 'name', vehicle?.name)} error={err(failed, 'vehicle', 'name')} />
        <TextInput name="seats" label={t('transit.network.seats')} inputmode="numeric" value={v(failed, 'vehicle', 'seats', vehicle ? String(vehicle.seats) : '')} error={err(failed, 'vehicle', 'seats')} width="short" />
        <TextInput name="wheelchairSpaces" label={t('transit.network.chairs')} inputmode="numeric" value={v(failed, 'vehicle', 'wheelchairSpaces', vehicle ? String(vehicle.wheelchair_spaces) : '0')} error={err(failed, 'vehicle', 'wheelchairSpaces')} width="short" />
        <Select name="depotStopId" label={t('transit.network.depot')} value={v(failed, 'vehicle', 'depotStopId', vehicle?.depot_stop_id)} error={err(failed, 'vehicle', 'depotStopId')} options={stopOptions} />
        <Checkboxes name="active" label={t('transit.network.active')} values={failed?.form === 'vehicle' ? (failed.values.active as string[]) ?? [] : vehicle && !vehicle.active ? [] : ['yes']} options={[{ value: 'yes', label: t('transit.network.inService') }]} />
        <Button>{t('transit.network.save')}</Button>
      </form>

      <h2 id="drivers">{t('transit.network.drivers')}</h2>
      <Table
        caption={t('transit.network.drivers')}
        columns={[
          { header: t('transit.rider.name'), cell: (d: Overview['drivers'][number]) => d.name },
          { header: t('transit.rider.phone'), cell: (d) => d.phone },
          { header: t('transit.network.login'), cell: (d) => d.login_id ?? '—' },
          { header: t('transit.network.active'), cell: (d) => t(d.active ? 'transit.network.yes' : 'transit.network.no') },
        ]}
        rows={data.drivers}
        empty="—"
      />
      <form method="post" action="/staff/transit/network/drivers" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <TextInput name="id" label={t('transit.network.id')} hint={t('transit.network.id.hint')} value={v(failed, 'driver', 'id')} error={err(failed, 'driver', 'id')} width="medium" />
        <TextInput name="name" label={t('transit.rider.name')} value={v(failed, 'driver', 'name')} error={err(failed, 'driver', 'name')} />
        <TextInput name="phone" type="tel" label={t('transit.rider.phone')} value={v(failed, 'driver', 'phone')} width="medium" />
        <TextInput name="loginId" label={t('transit.network.login')} hint={t('transit.network.login.hint')} value={v(failed, 'driver', 'loginId')} error={err(failed, 'driver', 'loginId')} width="medium" />
        <Checkboxes name="active" label={t('transit.network.active')} values={failed?.form === 'driver' ? (failed.values.active as string[]) ?? [] : ['yes']} options={[{ value: 'yes', label: t('transit.network.inService') }]} />
        <Button>{t('transit.network.save')}</Button>
      </form>
    </Page>
  );
}
