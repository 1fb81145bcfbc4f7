/**
 * Views shared by the resident's and the operator's booking flow: the ride form, the
 * offered times, a ride's summary. `base` is where the flow lives (/transit or
 * /staff/transit/riders/:id), so one set of views serves both.
 */
import type { ComponentChildren } from 'preact';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { Button } from '../../platform/ui/components/button.tsx';
import { NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Radios, Select } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { Offer, RefusalReason } from './booking-service.ts';
import type { StopInfo } from './network.ts';
import type { TripStatus } from './tables.ts';
import type { TripFormValues } from './trip-form.ts';
import { clock, TRIP_RULES } from './trip-windows.ts';

const WEEKDAYS_JA = ['日', '月', '火', '水', '木', '金', '土'];
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** 2026年11月25日（令和8年）（水） — the date as residents expect it, with the weekday. */
export function dayLabel(ctx: ViewContext, iso: string): string {
  const w = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return ctx.locale === 'ja' ? `${formatDateJa(iso)}（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${formatDateEn(iso)}`;
}

/** Times every 5 minutes across the service hours of the listed days. */
function timeOptions(days: { opens: number; closes: number }[]): { value: string; label: string }[] {
  const opens = Math.min(...days.map((d) => d.opens), 8 * 3600);
  const closes = Math.max(...days.map((d) => d.closes), 17 * 3600);
  const out = [];
  for (let s = opens; s <= closes; s += 300) out.push({ value: clock(s), label: clock(s) });
  return out;
}

export function TripFields(props: { ctx: ViewContext; values: TripFormValues; errors: Record<string, string>; stops: StopInfo[]; days: { date: string; opens: number; closes: number }[]; lockDate?: boolean }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const stopOptions = props.stops.map((s) => ({ value: s.id, label: s.name }));
  const dayOptions = props.days.map((d) => ({ value: d.date, label: `${dayLabel(ctx, d.date)} ${clock(d.opens)}〜${clock(d.closes)}` }));
  if (values.date && !dayOptions.some((o) => o.value === values.date)) dayOptions.unshift({ value: values.date, label: values.date });
  return (
    <>
      {props.lockDate ? (
        <input type="hidden" name="date" value={values.date} />
      ) : (
        <Select name="date" label={t('transit.form.date')} hint={t('transit.form.date.hint')} value={values.date} error={errors.date} options={dayOptions} required requiredLabel={t('ui.required')} />
      )}
      <Select name="origin" label={t('transit.form.origin')} value={values.origin} error={errors.origin} options={stopOptions} emptyLabel={t('transit.form.choose')} required requiredLabel={t('ui.required')} />
      <Select name="destination" label={t('transit.form.destination')} value={values.destination} error={errors.destination} options={stopOptions} emptyLabel={t('transit.form.choose')} required requiredLabel={t('ui.required')} />
      <Radios
        name="kind"
        label={t('transit.form.kind')}
        value={values.kind}
        error={errors.kind}
        options={[
          { value: 'depart', label: t('transit.form.kind.depart') },
          { value: 'arrive', label: t('transit.form.kind.arrive') },
        ]}
      />
      <Select name="time" label={t('transit.form.time')} hint={t('transit.form.time.hint')} value={values.time} error={errors.time} options={timeOptions(props.days.length ? props.days : [{ opens: 8 * 3600, closes: 17 * 3600 }])} required requiredLabel={t('ui.required')} />
      <Select
        name="passengers"
        label={t('transit.form.passengers')}
        hint={t('transit.form.passengers.hint', { max: TRIP_RULES.maxPassengers })}
        value={values.passengers}
        error={errors.passengers}
        options={Array.from({ length: TRIP_RULES.maxPassengers }, (_, i) => ({ value: String(i + 1), label: t('transit.form.people', { n: i + 1 }) }))}
      />
      <Checkboxes name="wheelchair" label={t('transit.form.wheelchair')} values={values.wheelchair} error={errors.wheelchair} options={[{ value: 'yes', label: t('transit.form.wheelchair.yes') }]} />
    </>
  );
}

export function RefusalBanner(props: { ctx: ViewContext; reason: RefusalReason; note?: string | undefined }) {
  const t = props.ctx.t;
  return (
    <NotificationBanner kind="warning" title={t('transit.refused.title')}>
      <p>{t(`transit.refused.${props.reason}`, { lead: TRIP_RULES.leadSeconds / 60, days: TRIP_RULES.horizonDays })}</p>
      {props.note ? <p>{props.note}</p> : null}
      <p>{t('transit.refused.phone')}</p>
    </NotificationBanner>
  );
}

/** The offered times as a choice, with the ride's details carried along in hidden fields. */
export function OffersForm(props: { ctx: ViewContext; action: string; values: TripFormValues; offers: Offer[]; idempotencyKey: string; submitLabel: string; error?: string | undefined }) {
  const { ctx, values } = props;
  const t = ctx.t;
  return (
    <form method="post" action={props.action} novalidate>
      <CsrfField token={ctx.csrfToken} />
      {(['date', 'origin', 'destination', 'kind', 'time', 'passengers'] as const).map((k) => (
        <input type="hidden" name={k} value={values[k]} />
      ))}
      {values.wheelchair.includes('yes') ? <input type="hidden" name="wheelchair" value="yes" /> : null}
      <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
      <Radios
        name="offer"
        label={t('transit.offers.choose')}
        hint={t('transit.offers.hint', { flex: TRIP_RULES.pickupFlex / 60 })}
        value={props.offers[0] ? `${props.offers[0].pickup}-${props.offers[0].dropoff}` : ''}
        error={props.error}
        options={[...props.offers].sort((a, b) => a.pickup - b.pickup).map((o) => ({
          value: `${o.pickup}-${o.dropoff}`,
          label: t('transit.offers.option', { from: clock(o.pickup), to: clock(o.pickup + TRIP_RULES.pickupFlex), arrive: clock(o.dropoff) }),
        }))}
      />
      <Button>{props.submitLabel}</Button>
    </form>
  );
}

export function RideSummary(props: { ctx: ViewContext; values: TripFormValues; stops: Map<string, StopInfo> }) {
  const { ctx, values } = props;
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('transit.form.date'), value: dayLabel(ctx, values.date) },
        { key: t('transit.form.origin'), value: props.stops.get(values.origin)?.name ?? values.origin },
        { key: t('transit.form.destination'), value: props.stops.get(values.destination)?.name ?? values.destination },
        { key: t(values.kind === 'depart' ? 'transit.form.kind.depart' : 'transit.form.kind.arrive'), value: values.time },
        { key: t('transit.form.passengers'), value: t('transit.form.people', { n: values.passengers }) + (values.wheelchair.length ? `（${t('transit.form.wheelchair.yes')}）` : '') },
      ]}
    />
  );
}

const STATUS_TONE: Record<TripStatus, TagTone> = { booked: 'info', boarded: 'warning', completed: 'success', no_show: 'error', cancelled: 'neutral' };

export function TripStatusTag(props: { ctx: ViewContext; status: TripStatus }) {
  return <StatusTag tone={STATUS_TONE[props.status]}>{props.ctx.t(`transit.status.${props.status}`)}</StatusTag>;
}

export interface TripView {
  id: string;
  reference: string;
  service_date: string;
  origin: string;
  destination: string;
  passengers: number;
  wheelchair: boolean;
  pickup_early: number;
  pickup_late: number;
  dropoff_late: number;
  planned_pickup: number | null;
  planned_dropoff: number | null;
  status: TripStatus;
  vehicle: string | null;
  channel: string;
}

/** The promise, in the words a rider needs: when to wait where, and the latest arrival. */
export function TripFacts(props: { ctx: ViewContext; trip: TripView; staffView?: boolean; extra?: { key: string; value: ComponentChildren }[] }) {
  const { ctx, trip } = props;
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('transit.trip.reference'), value: trip.reference },
        { key: t('transit.trip.status'), value: <TripStatusTag ctx={ctx} status={trip.status} /> },
        { key: t('transit.form.date'), value: dayLabel(ctx, trip.service_date) },
        { key: t('transit.trip.pickup'), value: t('transit.trip.pickupAt', { from: clock(trip.pickup_early), to: clock(trip.pickup_late), stop: trip.origin }) },
        { key: t('transit.trip.dropoff'), value: t('transit.trip.dropoffBy', { by: clock(trip.dropoff_late), stop: trip.destination }) },
        { key: t('transit.form.passengers'), value: t('transit.form.people', { n: trip.passengers }) + (trip.wheelchair ? `（${t('transit.form.wheelchair.yes')}）` : '') },
        ...(props.staffView
          ? [
              { key: t('transit.trip.vehicle'), value: trip.vehicle ?? '—' },
              { key: t('transit.trip.planned'), value: trip.planned_pickup !== null ? `${clock(trip.planned_pickup)} → ${clock(trip.planned_dropoff ?? trip.planned_pickup)}` : '—' },
              { key: t('transit.trip.channel'), value: t(`transit.channel.${trip.channel}`) },
            ]
          : []),
        ...(props.extra ?? []),
      ]}
    />
  );
}
