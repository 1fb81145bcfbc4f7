/**
 * Settings pages for the department's managers: the facilities, one facility
 * (details and rules, weekly hours, closed days, rooms), one room (details, fixed
 * blocks, fees) and the city's fee reductions. Each page holds several forms; the
 * one that was sent shows its errors and what was typed.
 */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, DateInput, Select, Textarea, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { clockText } from './booking-time.ts';
import { clockInput, errorList, staffCrumbs } from './staff-common.tsx';
import type { ClosureValues, DetailsValues, ReductionValues, RoomValues } from './staff-settings-form.ts';
import { WEEKDAYS } from './staff-settings-form.ts';
import { ACCESSIBILITY, EQUIPMENT, type facilityForEdit, type reductionsForEdit, type roomForEdit } from './staff-settings-service.ts';
import { HOURLY_FEE_KEY } from './tables.ts';
import { reductionOf } from './fees.ts';
import { FacilityStyles, yen } from './views-common.tsx';

type FacilityEdit = Awaited<ReturnType<typeof facilityForEdit>>;
type RoomEdit = Awaited<ReturnType<typeof roomForEdit>>;
type Reduction = Awaited<ReturnType<typeof reductionsForEdit>>[number];

const settingsCrumbs = (ctx: ViewContext, ...trail: { href?: string; label: string }[]) => staffCrumbs(ctx, { href: '/staff/facilities/settings', label: ctx.t('facilities.office.settings.title') }, ...trail);

export function SettingsIndexPage(props: { ctx: ViewContext; facilities: { id: string; name: string; area: string; active: boolean; rooms: number }[] }) {
  const { ctx } = props;
  const t = ctx.t;
  const title = t('facilities.office.settings.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>{t('facilities.office.settings.lead')}</p>
      <Table
        caption={t('facilities.office.settings.facilities')}
        rows={props.facilities}
        empty="—"
        rowHeader
        columns={[
          { header: t('facilities.office.facility'), cell: (f: (typeof props.facilities)[number]) => <a href={`/staff/facilities/settings/${f.id}`}>{f.name}</a> },
          { header: t('facilities.office.settings.area'), cell: (f) => f.area },
          { header: t('facilities.office.settings.rooms'), cell: (f) => f.rooms, numeric: true },
          { header: t('facilities.office.settings.state'), cell: (f) => t(f.active ? 'facilities.office.settings.inUse' : 'facilities.office.settings.notInUse') },
        ]}
      />
      <p>
        <a href="/staff/facilities/settings/reductions">{t('facilities.office.settings.reductions')}</a>
      </p>
    </Page>
  );
}

export function detailsValuesOf(f: FacilityEdit['facility']): DetailsValues {
  return {
    name: f.name,
    nameKana: f.name_kana,
    address: f.address,
    phone: f.phone,
    description: f.description,
    accessibility: f.accessibility,
    bookingHorizonMonths: String(f.booking_horizon_months),
    payDaysBeforeUse: String(f.pay_days_before_use),
    payDaysAfterBooking: String(f.pay_days_after_booking),
    counterPayment: f.counter_payment ? ['yes'] : [],
    cancelFreeDaysBefore: String(f.cancel_free_days_before),
    cancelFeePercent: String(f.cancel_fee_percent),
    heatingMonths: f.heating_months.map(String),
    active: f.active ? ['yes'] : [],
  };
}

export function hoursValuesOf(hours: FacilityEdit['hours']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const d of WEEKDAYS) {
    const h = hours.find((x) => x.weekday === d);
    values[`opens_${d}`] = h ? clockInput(h.opens_at) : '';
    values[`closes_${d}`] = h ? clockInput(h.closes_at) : '';
  }
  return values;
}

export const EMPTY_CLOSURE: ClosureValues = { closureRule: 'date', closureDate: '', closureFrom: '', closureTo: '', closureNth: '', closureWeekday: '', closureDay: '', closureReason: '' };

export type FacilityForm = 'details' | 'hours' | 'closure' | null;

function closureText(ctx: ViewContext, c: FacilityEdit['closures'][number]): string {
  const t = ctx.t;
  switch (c.rule) {
    case 'date':
      return t('facilities.office.settings.closure.dateText', { date: c.on_date ?? '' });
    case 'annual':
      return t('facilities.office.settings.closure.annualText', { from: c.from_md ?? '', to: c.to_md ?? '' });
    case 'monthly_nth_weekday':
      return t('facilities.office.settings.closure.nthText', { nth: c.nth ?? '', weekday: t(`facilities.office.weekday.${c.weekday}`) });
    case 'monthly_day':
      return t('facilities.office.settings.closure.dayText', { day: c.day_of_month ?? '' });
  }
}

export function FacilitySettingsPage(props: { ctx: ViewContext; edit: FacilityEdit; form: FacilityForm; errors: Record<string, string>; details: DetailsValues; hours: Record<string, string>; closure: ClosureValues }) {
  const { ctx, edit, errors, form } = props;
  const t = ctx.t;
  const f = edit.facility;
  const err = (which: FacilityForm, field: string) => (form === which ? (errors[field] ?? null) : null);
  const d = props.details;
  const base = `/staff/facilities/settings/${f.id}`;
  return (
    <Page ctx={ctx} shell="staff" title={f.name} breadcrumbs={settingsCrumbs(ctx, { label: f.name })}>
      <FacilityStyles />
      <h1>{f.name}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />

      <section aria-labelledby="rooms-title">
        <h2 id="rooms-title">{t('facilities.office.settings.rooms')}</h2>
        <Table
          caption={t('facilities.office.settings.roomsCaption')}
          captionHidden
          rows={edit.rooms}
          empty="—"
          rowHeader
          columns={[
            { header: t('facilities.office.occupancy.room'), cell: (r: FacilityEdit['rooms'][number]) => <a href={`/staff/facilities/settings/rooms/${r.id}`}>{r.name}</a> },
            { header: t('facilities.room.capacityHeader'), cell: (r) => r.capacity, numeric: true },
            { header: t('facilities.room.howBooked'), cell: (r) => t(r.slot_mode === 'hourly' ? 'facilities.room.hourly' : 'facilities.room.blocks') },
            { header: t('facilities.office.settings.state'), cell: (r) => t(r.active ? 'facilities.office.settings.inUse' : 'facilities.office.settings.notInUse') },
          ]}
        />
      </section>

      <section aria-labelledby="details-title">
        <h2 id="details-title">{t('facilities.office.settings.details')}</h2>
        <form method="post" action={`${base}/details`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="name" label={t('facilities.office.settings.name')} value={d.name} error={err('details', 'name')} maxLength={100} />
          <TextInput name="nameKana" label={t('facilities.office.settings.nameKana')} value={d.nameKana} error={err('details', 'nameKana')} maxLength={100} />
          <TextInput name="address" label={t('facilities.office.settings.address')} value={d.address} error={err('details', 'address')} maxLength={200} />
          <TextInput name="phone" label={t('facilities.office.settings.phone')} value={d.phone} error={err('details', 'phone')} type="tel" width="medium" />
          <Textarea name="description" label={t('facilities.office.settings.description')} value={d.description} error={err('details', 'description')} rows={4} maxLength={2000} />
          <Checkboxes name="accessibility" label={t('facilities.office.settings.accessibility')} values={d.accessibility} options={ACCESSIBILITY.map((a) => ({ value: a, label: t(`facilities.access.${a}`) }))} />
          <h3>{t('facilities.office.settings.rules')}</h3>
          <TextInput name="bookingHorizonMonths" label={t('facilities.office.settings.horizon')} hint={t('facilities.office.settings.horizonHint')} value={d.bookingHorizonMonths} error={err('details', 'bookingHorizonMonths')} width="short" inputmode="numeric" />
          <TextInput name="payDaysBeforeUse" label={t('facilities.office.settings.payBefore')} hint={t('facilities.office.settings.payBeforeHint')} value={d.payDaysBeforeUse} error={err('details', 'payDaysBeforeUse')} width="short" inputmode="numeric" />
          <TextInput name="payDaysAfterBooking" label={t('facilities.office.settings.payAfter')} hint={t('facilities.office.settings.payAfterHint')} value={d.payDaysAfterBooking} error={err('details', 'payDaysAfterBooking')} width="short" inputmode="numeric" />
          <Checkboxes name="counterPayment" label={t('facilities.office.settings.counter')} values={d.counterPayment} options={[{ value: 'yes', label: t('facilities.office.settings.counterYes') }]} />
          <TextInput name="cancelFreeDaysBefore" label={t('facilities.office.settings.cancelFree')} hint={t('facilities.office.settings.cancelFreeHint')} value={d.cancelFreeDaysBefore} error={err('details', 'cancelFreeDaysBefore')} width="short" inputmode="numeric" />
          <TextInput name="cancelFeePercent" label={t('facilities.office.settings.cancelFee')} hint={t('facilities.office.settings.cancelFeeHint')} value={d.cancelFeePercent} error={err('details', 'cancelFeePercent')} width="short" inputmode="numeric" />
          <Checkboxes name="heatingMonths" label={t('facilities.office.settings.heating')} hint={t('facilities.office.settings.heatingHint')} values={d.heatingMonths} options={[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => ({ value: String(m), label: t('facilities.office.monthName', { m }) }))} />
          <Checkboxes name="active" label={t('facilities.office.settings.state')} values={d.active} error={err('details', 'active')} options={[{ value: 'yes', label: t('facilities.office.settings.activeYes') }]} />
          <Button>{t('facilities.office.settings.saveDetails')}</Button>
        </form>
      </section>

      <section aria-labelledby="hours-title">
        <h2 id="hours-title">{t('facilities.office.settings.hours')}</h2>
        <p>{t('facilities.office.settings.hoursLead')}</p>
        {form === 'hours' && errors.hours ? <NotificationBanner kind="error" title={errors.hours} /> : null}
        <form method="post" action={`${base}/hours`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div id="hours">
            {WEEKDAYS.map((day) => (
              <fieldset class="fieldset">
                <legend class="field-label">{t(`facilities.office.weekday.${day}`)}</legend>
                <div class="search-row">
                  <TextInput name={`opens_${day}`} label={t('facilities.office.settings.opens')} value={props.hours[`opens_${day}`] ?? ''} error={err('hours', `opens_${day}`)} width="short" />
                  <TextInput name={`closes_${day}`} label={t('facilities.office.settings.closes')} value={props.hours[`closes_${day}`] ?? ''} error={err('hours', `closes_${day}`)} width="short" />
                </div>
              </fieldset>
            ))}
          </div>
          <Button>{t('facilities.office.settings.saveHours')}</Button>
        </form>
      </section>

      <section aria-labelledby="closures-title">
        <h2 id="closures-title">{t('facilities.office.settings.closures')}</h2>
        <Table
          caption={t('facilities.office.settings.closuresCaption')}
          captionHidden
          rows={edit.closures}
          empty={t('facilities.office.settings.noClosures')}
          columns={[
            { header: t('facilities.office.settings.closure.when'), cell: (c: FacilityEdit['closures'][number]) => closureText(ctx, c) },
            { header: t('facilities.office.settings.closure.reason'), cell: (c) => c.reason },
            {
              header: t('facilities.classes.staff.actions'),
              cell: (c) => (
                <form method="post" action={`${base}/closures/${c.id}/remove`} class="inline-form">
                  <CsrfField token={ctx.csrfToken} />
                  <button type="submit" class="btn btn-tertiary" aria-label={t('facilities.office.settings.closure.removeFor', { what: closureText(ctx, c) })}>
                    {t('facilities.office.settings.closure.remove')}
                  </button>
                </form>
              ),
            },
          ]}
        />
        <h3>{t('facilities.office.settings.closure.add')}</h3>
        <form method="post" action={`${base}/closures`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Select name="closureRule" label={t('facilities.office.settings.closure.rule')} value={props.closure.closureRule} error={err('closure', 'closureRule')} options={(['date', 'annual', 'monthly_nth_weekday', 'monthly_day'] as const).map((r) => ({ value: r, label: t(`facilities.office.settings.closure.rule.${r}`) }))} />
          <DateInput name="closureDate" label={t('facilities.office.settings.closure.date')} hint={t('facilities.office.settings.closure.dateHint')} value={props.closure.closureDate} error={err('closure', 'closureDate')} />
          <div class="search-row">
            <TextInput name="closureFrom" label={t('facilities.office.settings.closure.from')} hint={t('facilities.office.settings.closure.mdHint')} value={props.closure.closureFrom} error={err('closure', 'closureFrom')} width="short" />
            <TextInput name="closureTo" label={t('facilities.office.settings.closure.to')} hint={t('facilities.office.settings.closure.mdHint')} value={props.closure.closureTo} error={err('closure', 'closureTo')} width="short" />
          </div>
          <div class="search-row">
            <TextInput name="closureNth" label={t('facilities.office.settings.closure.nth')} hint={t('facilities.office.settings.closure.nthHint')} value={props.closure.closureNth} error={err('closure', 'closureNth')} width="short" inputmode="numeric" />
            <Select name="closureWeekday" label={t('facilities.office.settings.closure.weekday')} value={props.closure.closureWeekday} error={err('closure', 'closureWeekday')} emptyLabel="—" options={WEEKDAYS.map((w) => ({ value: String(w), label: t(`facilities.office.weekday.${w}`) }))} />
            <TextInput name="closureDay" label={t('facilities.office.settings.closure.day')} hint={t('facilities.office.settings.closure.dayHint')} value={props.closure.closureDay} error={err('closure', 'closureDay')} width="short" inputmode="numeric" />
          </div>
          <TextInput name="closureReason" label={t('facilities.office.settings.closure.reason')} hint={t('facilities.office.settings.closure.reasonHint')} value={props.closure.closureReason} error={err('closure', 'closureReason')} maxLength={100} />
          <Button variant="secondary">{t('facilities.office.settings.closure.addButton')}</Button>
        </form>
      </section>
    </Page>
  );
}

export function roomValuesOf(r: RoomEdit['room']): RoomValues {
  return { name: r.name, nameKana: r.name_kana, capacity: String(r.capacity), floorArea: r.floor_area_m2 === null ? '' : String(r.floor_area_m2), equipment: r.equipment, purposes: r.purposes, needsApproval: r.needs_approval ? ['yes'] : [], lotteryEnabled: r.lottery_enabled ? ['yes'] : [], description: r.description, active: r.active ? ['yes'] : [] };
}

export type RoomForm = 'room' | 'blocks' | 'fees' | null;

export function RoomSettingsPage(props: { ctx: ViewContext; edit: RoomEdit; form: RoomForm; errors: Record<string, string>; room: RoomValues; blocks: Record<string, string>; fees: Record<string, string> }) {
  const { ctx, edit, errors, form } = props;
  const t = ctx.t;
  const r = edit.room;
  const err = (which: RoomForm, field: string) => (form === which ? (errors[field] ?? null) : null);
  const base = `/staff/facilities/settings/rooms/${r.id}`;
  const feeCodes = r.slot_mode === 'hourly' ? [{ code: HOURLY_FEE_KEY, label: t('facilities.office.settings.fees.hour') }] : edit.blocks.map((b) => ({ code: b.code, label: `${ctx.locale === 'ja' ? b.name_ja : b.name_en}（${clockText(b.starts_at)}〜${clockText(b.ends_at)}）` }));
  const v = props.room;
  return (
    <Page ctx={ctx} shell="staff" title={`${edit.facility.name} ${r.name}`} breadcrumbs={settingsCrumbs(ctx, { href: `/staff/facilities/settings/${edit.facility.id}`, label: edit.facility.name }, { label: r.name })}>
      <FacilityStyles />
      <h1>
        {edit.facility.name} {r.name}
      </h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />

      <section aria-labelledby="room-title">
        <h2 id="room-title">{t('facilities.office.settings.roomDetails')}</h2>
        <form method="post" action={base} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="name" label={t('facilities.office.settings.roomName')} value={v.name} error={err('room', 'name')} maxLength={100} />
          <TextInput name="nameKana" label={t('facilities.office.settings.nameKana')} value={v.nameKana} error={err('room', 'nameKana')} maxLength={100} />
          <TextInput name="capacity" label={t('facilities.room.capacityHeader')} hint={t('facilities.office.settings.capacityHint')} value={v.capacity} error={err('room', 'capacity')} width="short" inputmode="numeric" />
          <TextInput name="floorArea" label={t('facilities.office.settings.floorArea')} value={v.floorArea} error={err('room', 'floorArea')} width="short" inputmode="numeric" />
          <Checkboxes name="equipment" label={t('facilities.room.equipment')} values={v.equipment} options={EQUIPMENT.map((e) => ({ value: e, label: t(`facilities.equipment.${e}`) }))} />
          <Checkboxes name="purposes" label={t('facilities.room.purposes')} hint={t('facilities.office.settings.purposesHint')} values={v.purposes} error={err('room', 'purposes')} options={edit.purposes.map((p) => ({ value: p.code, label: ctx.locale === 'ja' ? p.name_ja : p.name_en }))} />
          <Checkboxes name="needsApproval" label={t('facilities.office.settings.approval')} values={v.needsApproval} options={[{ value: 'yes', label: t('facilities.room.needsApproval'), hint: t('facilities.office.settings.approvalHint') }]} />
          <Checkboxes name="lotteryEnabled" label={t('facilities.office.settings.lottery')} values={v.lotteryEnabled} options={[{ value: 'yes', label: t('facilities.room.lottery') }]} />
          <Textarea name="description" label={t('facilities.office.settings.description')} value={v.description} error={err('room', 'description')} rows={3} maxLength={2000} />
          <Checkboxes name="active" label={t('facilities.office.settings.state')} values={v.active} error={err('room', 'active')} options={[{ value: 'yes', label: t('facilities.office.settings.roomActiveYes') }]} />
          <Button>{t('facilities.office.settings.saveRoom')}</Button>
        </form>
      </section>

      {r.slot_mode === 'blocks' ? (
        <section aria-labelledby="blocks-title">
          <h2 id="blocks-title">{t('facilities.office.settings.blocks')}</h2>
          <p>{t('facilities.office.settings.blocksLead')}</p>
          {form === 'blocks' && errors.blocks ? <NotificationBanner kind="error" title={errors.blocks} /> : null}
          <form method="post" action={`${base}/blocks`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <div id="blocks">
              {edit.blocks.map((b) => (
                <fieldset class="fieldset">
                  <legend class="field-label">{t('facilities.office.settings.blockLegend', { name: b.name_ja, code: b.code })}</legend>
                  <div class="search-row">
                    <TextInput name={`block_${b.code}_name`} label={t('facilities.office.settings.blockName')} value={props.blocks[`block_${b.code}_name`] ?? ''} error={err('blocks', `block_${b.code}_name`)} width="short" />
                    <TextInput name={`block_${b.code}_nameEn`} label={t('facilities.office.settings.blockNameEn')} value={props.blocks[`block_${b.code}_nameEn`] ?? ''} width="short" />
                    <TextInput name={`block_${b.code}_starts`} label={t('facilities.office.settings.opens')} value={props.blocks[`block_${b.code}_starts`] ?? ''} error={err('blocks', `block_${b.code}_starts`)} width="short" />
                    <TextInput name={`block_${b.code}_ends`} label={t('facilities.office.settings.closes')} value={props.blocks[`block_${b.code}_ends`] ?? ''} error={err('blocks', `block_${b.code}_ends`)} width="short" />
                  </div>
                  <Checkboxes name={`block_${b.code}_remove`} label={t('facilities.office.settings.blockRemove')} values={props.blocks[`block_${b.code}_remove`] === 'yes' ? ['yes'] : []} options={[{ value: 'yes', label: t('facilities.office.settings.blockRemoveYes', { name: b.name_ja }) }]} />
                </fieldset>
              ))}
              <fieldset class="fieldset">
                <legend class="field-label">{t('facilities.office.settings.blockNew')}</legend>
                <div class="search-row">
                  <TextInput name="new_code" label={t('facilities.office.settings.blockCode')} hint={t('facilities.office.settings.blockCodeHint')} value={props.blocks.new_code ?? ''} error={err('blocks', 'new_code')} width="short" />
                  <TextInput name="new_name" label={t('facilities.office.settings.blockName')} value={props.blocks.new_name ?? ''} error={err('blocks', 'new_name')} width="short" />
                  <TextInput name="new_nameEn" label={t('facilities.office.settings.blockNameEn')} value={props.blocks.new_nameEn ?? ''} width="short" />
                  <TextInput name="new_starts" label={t('facilities.office.settings.opens')} value={props.blocks.new_starts ?? ''} error={err('blocks', 'new_starts')} width="short" />
                  <TextInput name="new_ends" label={t('facilities.office.settings.closes')} value={props.blocks.new_ends ?? ''} error={err('blocks', 'new_ends')} width="short" />
                </div>
              </fieldset>
            </div>
            <Button>{t('facilities.office.settings.saveBlocks')}</Button>
          </form>
        </section>
      ) : null}

      <section aria-labelledby="fees-title">
        <h2 id="fees-title">{t('facilities.office.settings.fees')}</h2>
        <p>{t('facilities.office.settings.feesLead')}</p>
        <form method="post" action={`${base}/fees`} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div id="fees">
            {feeCodes.map((c) => (
              <fieldset class="fieldset">
                <legend class="field-label">{c.label}</legend>
                <div class="search-row">
                  {(['resident', 'nonResident', 'commercial', 'heating'] as const).map((part) => (
                    <TextInput name={`fee_${c.code}_${part}`} label={t(`facilities.office.settings.fees.${part}`)} value={props.fees[`fee_${c.code}_${part}`] ?? ''} error={err('fees', `fee_${c.code}_${part}`)} width="short" inputmode="numeric" />
                  ))}
                </div>
              </fieldset>
            ))}
          </div>
          <Button>{t('facilities.office.settings.saveFees')}</Button>
        </form>
      </section>
    </Page>
  );
}

export function blockValuesOf(blocks: RoomEdit['blocks']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const b of blocks) {
    values[`block_${b.code}_name`] = b.name_ja;
    values[`block_${b.code}_nameEn`] = b.name_en;
    values[`block_${b.code}_starts`] = clockInput(b.starts_at);
    values[`block_${b.code}_ends`] = clockInput(b.ends_at);
  }
  return values;
}

export function feeValuesOf(fees: RoomEdit['fees']): Record<string, string> {
  const values: Record<string, string> = {};
  for (const f of fees) {
    values[`fee_${f.block_code}_resident`] = String(f.resident_yen);
    values[`fee_${f.block_code}_nonResident`] = String(f.non_resident_yen);
    values[`fee_${f.block_code}_commercial`] = String(f.commercial_yen);
    values[`fee_${f.block_code}_heating`] = String(f.heating_yen);
  }
  return values;
}

export function ReductionsPage(props: { ctx: ViewContext; reductions: Reduction[]; editing: string | null; errors: Record<string, string>; values: ReductionValues }) {
  const { ctx, errors } = props;
  const t = ctx.t;
  const title = t('facilities.office.settings.reductions');
  const adding = props.editing === null;
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={settingsCrumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <p>{t('facilities.office.settings.reductionsLead')}</p>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <Table
        caption={t('facilities.office.settings.reductionsCaption')}
        rows={props.reductions}
        empty="—"
        rowHeader
        columns={[
          { header: t('facilities.office.settings.reductionName'), cell: (r: Reduction) => (ctx.locale === 'ja' ? r.name_ja : r.name_en) },
          { header: t('facilities.office.settings.reductionPercent'), cell: (r) => `${r.percent}%`, numeric: true },
          { header: t('facilities.office.settings.reductionExample'), cell: (r) => t('facilities.office.settings.reductionExampleText', { fee: yen(ctx, 1000 - reductionOf(1000, r.percent)) }) },
          { header: t('facilities.office.settings.state'), cell: (r) => t(r.active ? 'facilities.office.settings.inUse' : 'facilities.office.settings.notInUse') },
          { header: t('facilities.classes.staff.actions'), cell: (r) => <a href={`/staff/facilities/settings/reductions?edit=${encodeURIComponent(r.code)}#reduction-form`}>{t('facilities.office.settings.reductionEditFor', { name: r.name_ja })}</a> },
        ]}
      />
      <h2 id="reduction-form">{adding ? t('facilities.office.settings.reductionAdd') : t('facilities.office.settings.reductionEdit')}</h2>
      <form method="post" action="/staff/facilities/settings/reductions" novalidate>
        <CsrfField token={ctx.csrfToken} />
        {adding ? <TextInput name="code" label={t('facilities.office.settings.reductionCode')} hint={t('facilities.office.settings.reductionCodeHint')} value={props.values.code} error={errors.code ?? null} width="medium" /> : <input type="hidden" name="code" value={props.values.code} />}
        <TextInput name="nameJa" label={t('facilities.office.settings.reductionName')} value={props.values.nameJa} error={errors.nameJa ?? null} maxLength={100} />
        <TextInput name="nameEn" label={t('facilities.office.settings.reductionNameEn')} value={props.values.nameEn} maxLength={100} />
        <TextInput name="percent" label={t('facilities.office.settings.reductionPercent')} hint={t('facilities.office.settings.reductionPercentHint')} value={props.values.percent} error={errors.percent ?? null} width="short" inputmode="numeric" />
        <Checkboxes name="active" label={t('facilities.office.settings.state')} values={props.values.active} options={[{ value: 'yes', label: t('facilities.office.settings.reductionActiveYes') }]} />
        <Button>{t('facilities.office.settings.reductionSave')}</Button>
      </form>
    </Page>
  );
}
