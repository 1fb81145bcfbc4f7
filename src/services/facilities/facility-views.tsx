/** A facility's page: where it is, access, hours and closed days, rooms, fees and the rules. */
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { allSlots } from './calendar.ts';
import { FacilityIllustration } from './facility-illustration.tsx';
import { HOURLY_FEE_KEY } from './tables.ts';
import { crumbs, FacilityStyles, timeRange, yen } from './views-common.tsx';

function closureText(ctx: ViewContext, c: FacilityInfo['closures'][number]): string {
  const t = ctx.t;
  switch (c.rule) {
    case 'date':
      return `${c.onDate} ${c.reason}`;
    case 'annual':
      return t('facilities.closure.annual', { from: c.fromMd!.replace('-', '/'), to: c.toMd!.replace('-', '/'), reason: c.reason });
    case 'monthly_nth_weekday':
      return t('facilities.closure.nthWeekday', { nth: c.nth!, weekday: t(`facilities.weekday.${c.weekday}`), reason: c.reason });
    case 'monthly_day':
      return t('facilities.closure.monthlyDay', { day: c.dayOfMonth!, reason: c.reason });
  }
}

function FeeTable(props: { ctx: ViewContext; facility: FacilityInfo; room: RoomInfo }) {
  const { ctx, facility, room } = props;
  const t = ctx.t;
  const rows =
    room.slotMode === 'hourly'
      ? [{ label: t('facilities.fee.perHour'), fee: room.fees.get(HOURLY_FEE_KEY) }]
      : allSlots(facility, room).map((s) => ({ label: `${ctx.locale === 'ja' ? s.nameJa : s.nameEn} ${timeRange(s.startsAt, s.endsAt)}`, fee: room.fees.get(s.code) }));
  return (
    <Table
      caption={t('facilities.fee.caption', { room: room.name })}
      columns={[
        { header: t('facilities.fee.slot'), cell: (r) => r.label },
        { header: t('facilities.rate.resident'), cell: (r) => (r.fee ? yen(ctx, r.fee.residentYen) : '—'), numeric: true },
        { header: t('facilities.rate.non_resident'), cell: (r) => (r.fee ? yen(ctx, r.fee.nonResidentYen) : '—'), numeric: true },
        { header: t('facilities.rate.commercial'), cell: (r) => (r.fee ? yen(ctx, r.fee.commercialYen) : '—'), numeric: true },
        { header: t('facilities.fee.heating'), cell: (r) => (r.fee ? yen(ctx, r.fee.heatingYen) : '—'), numeric: true },
      ]}
      rows={rows}
      empty="—"
      rowHeader
    />
  );
}

export function FacilityPage(props: { ctx: ViewContext; facility: FacilityInfo; purposeName: (code: string) => string; today: string }) {
  const { ctx, facility } = props;
  const t = ctx.t;
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((w) => ({ w, hours: facility.hours.get(w) }));
  const list = (items: string[]) => items.join(ctx.locale === 'ja' ? '、' : ', ');
  return (
    <Page ctx={ctx} title={facility.name} breadcrumbs={crumbs(ctx, { label: facility.name })}>
      <FacilityStyles />
      <div class="fac-heading">
        <FacilityIllustration kind={facility.kind} />
        <h1>{facility.name}</h1>
      </div>
      <p>{facility.description}</p>
      <dl class="summary-list">
        <div class="summary-row">
          <dt>{t('facilities.facility.area')}</dt>
          <dd>{facility.area}</dd>
        </div>
        <div class="summary-row">
          <dt>{t('facilities.facility.address')}</dt>
          <dd>
            {facility.address}（<a href={`https://maps.gsi.go.jp/#17/${facility.lat}/${facility.lng}/`}>{t('facilities.facility.map')}</a>）
          </dd>
        </div>
        <div class="summary-row">
          <dt>{t('facilities.facility.phone')}</dt>
          <dd>
            <a href={`tel:${facility.phone.replaceAll('-', '')}`}>{facility.phone}</a>
          </dd>
        </div>
        <div class="summary-row">
          <dt>{t('facilities.facility.accessibility')}</dt>
          <dd>
            {facility.accessibility.length ? (
              <ul class="inline-list">
                {facility.accessibility.map((a) => (
                  <li>{t(`facilities.access.${a}`)}</li>
                ))}
              </ul>
            ) : (
              t('facilities.facility.noAccessibility')
            )}
          </dd>
        </div>
      </dl>
      <Table
        caption={t('facilities.facility.hours')}
        columns={[
          { header: t('facilities.grid.weekday'), cell: (r) => t(`facilities.weekday.${r.w}`) },
          { header: t('facilities.facility.open'), cell: (r) => (r.hours ? timeRange(r.hours.opensAt, r.hours.closesAt) : t('facilities.facility.closedWeekday')) },
        ]}
        rows={weekdays}
        empty="—"
        rowHeader
      />
      {facility.closures.length ? (
        <>
          <h2>{t('facilities.facility.closures')}</h2>
          <ul>
            {facility.closures.map((c) => (
              <li>{closureText(ctx, c)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <h2>{t('facilities.facility.rooms')}</h2>
      <Table
        caption={t('facilities.facility.roomsCaption')}
        captionHidden
        columns={[
          { header: t('facilities.grid.room'), cell: (r) => <a href={`/facilities/rooms/${r.id}?view=week&date=${props.today}`}>{r.name}</a> },
          { header: t('facilities.room.capacityHeader'), cell: (r) => t('facilities.room.capacityShort', { n: r.capacity }), numeric: true },
          { header: t('facilities.room.equipment'), cell: (r) => list(r.equipment.map((e) => t(`facilities.equipment.${e}`))) || '—' },
          { header: t('facilities.room.purposes'), cell: (r) => list(r.purposes.map(props.purposeName)) },
          { header: t('facilities.room.howBooked'), cell: (r) => [t(r.slotMode === 'hourly' ? 'facilities.room.hourly' : 'facilities.room.blocks'), r.needsApproval ? t('facilities.room.needsApproval') : '', r.lotteryEnabled ? t('facilities.room.lottery') : ''].filter(Boolean).join('／') },
        ]}
        rows={facility.rooms}
        empty={t('facilities.facility.noRooms')}
        rowHeader
      />
      <h2>{t('facilities.fee.title')}</h2>
      <p>{t('facilities.fee.lead', { months: facility.heatingMonths.join('・') })}</p>
      {facility.rooms.map((room) => (
        <FeeTable ctx={ctx} facility={facility} room={room} />
      ))}
      <h2>{t('facilities.rules.title')}</h2>
      <ul>
        <li>{t('facilities.rules.horizon', { months: facility.bookingHorizonMonths })}</li>
        <li>{t('facilities.rules.payment', { before: facility.payDaysBeforeUse, after: facility.payDaysAfterBooking })}</li>
        <li>{t(facility.counterPayment ? 'facilities.rules.counter' : 'facilities.rules.onlineOnly')}</li>
        <li>{t('facilities.rules.cancel', { days: facility.cancelFreeDaysBefore, percent: facility.cancelFeePercent })}</li>
        <li>{t('facilities.rules.reduction')}</li>
      </ul>
    </Page>
  );
}
