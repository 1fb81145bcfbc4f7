/** The booking steps: contact registration, the form, the review with the fee, "just taken" with alternatives. */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Radios, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import type { Alternative } from './alternatives.ts';
import type { Cell } from './availability.ts';
import type { BookingFormValues } from './booking-form.ts';
import { hiddenFields } from './booking-form.ts';
import type { PreparedBooking } from './booking-service.ts';
import type { FacilityInfo, RoomInfo } from './catalogue.ts';
import { CELL_SYMBOL } from './availability.ts';
import { allSlots } from './calendar.ts';
import { crumbs, dayLabel, errorList, FacilityStyles, instantLabel, timeRange, yen } from './views-common.tsx';

export interface UserFormValues {
  name: string;
  nameKana: string;
  phone: string;
  email: string;
  address: string;
}

export function RegisterUserPage(props: { ctx: ViewContext; values: UserFormValues; errors: Record<string, string>; existing: boolean; next: string }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t(props.existing ? 'facilities.user.editTitle' : 'facilities.user.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { label: title })}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('facilities.user.lead')}</p>
      <form method="post" action="/facilities/register" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={props.next} />
        <TextInput name="name" label={t('facilities.user.name')} value={values.name} error={errors.name} autocomplete="name" required requiredLabel={t('ui.required')} maxLength={100} />
        <TextInput name="nameKana" label={t('facilities.user.kana')} hint={t('facilities.user.kana.hint')} value={values.nameKana} error={errors.nameKana} required requiredLabel={t('ui.required')} maxLength={100} />
        <TextInput name="phone" type="tel" label={t('facilities.user.phone')} hint={t('facilities.user.phone.hint')} value={values.phone} error={errors.phone} autocomplete="tel" width="medium" required requiredLabel={t('ui.required')} maxLength={20} />
        <TextInput name="email" type="email" label={t('facilities.user.email')} hint={t('facilities.user.email.hint')} value={values.email} error={errors.email} autocomplete="email" maxLength={200} />
        <TextInput name="address" label={t('facilities.user.address')} hint={t('facilities.user.address.hint')} value={values.address} error={errors.address} autocomplete="street-address" maxLength={200} />
        <Button>{t('facilities.user.submit')}</Button>
      </form>
    </Page>
  );
}

function RoomSummary(props: { ctx: ViewContext; facility: FacilityInfo; room: RoomInfo }) {
  const { ctx, facility, room } = props;
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('facilities.form.facility'), value: <a href={`/facilities/${facility.id}`}>{facility.name}</a> },
        { key: t('facilities.form.room'), value: `${room.name}（${t('facilities.room.capacity', { n: room.capacity })}）` },
        ...(room.needsApproval ? [{ key: t('facilities.form.approval'), value: t('facilities.form.approvalNote') }] : []),
      ]}
    />
  );
}

export function BookingFormPage(props: {
  ctx: ViewContext;
  facility: FacilityInfo;
  room: RoomInfo;
  values: BookingFormValues;
  errors: Record<string, string>;
  /** States of the room's slots on the chosen date (empty when the date is not usable). */
  cells: Cell[];
  purposes: { code: string; nameJa: string; nameEn: string }[];
  groups: { id: string; name: string }[];
  /** The chosen date's month of this room goes by lottery: say where to apply. */
  byLottery?: boolean;
  status?: number;
}) {
  const { ctx, facility, room, values, errors } = props;
  const t = ctx.t;
  const title = t('facilities.book.title');
  const slotLabel = (c: Cell) => `${ctx.locale === 'ja' ? c.slot.nameJa : c.slot.nameEn} ${timeRange(c.slot.startsAt, c.slot.endsAt)}`;
  const blockOptions = props.cells.map((c) => ({ value: c.slot.code, label: `${slotLabel(c)}（${CELL_SYMBOL[c.state]} ${t(`facilities.cell.${c.state}`)}）` }));
  // A chosen block not offered that day stays visible (so the refusal makes sense), by its name, never its code.
  const everySlot = allSlots(facility, room);
  for (const code of values.blocks) {
    if (blockOptions.some((o) => o.value === code)) continue;
    const slot = everySlot.find((s) => s.code === code);
    blockOptions.push({ value: code, label: slot ? `${ctx.locale === 'ja' ? slot.nameJa : slot.nameEn} ${timeRange(slot.startsAt, slot.endsAt)}（${t('facilities.form.blocks.notThatDay')}）` : t('facilities.form.blocks.unknown') });
  }
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: `/facilities/${facility.id}`, label: facility.name }, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      {props.byLottery ? (
        <NotificationBanner kind="info" title={t('facilities.form.byLottery')}>
          <p>
            <a href="/facilities/lottery">{t('facilities.form.byLottery.link')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      {errors.unpaidLimit ? (
        <div id="unpaidLimit">
          <NotificationBanner kind="error" title={errors.unpaidLimit}>
            <p>
              <a href="/facilities/mine">{t('facilities.mine.title')}</a>
            </p>
          </NotificationBanner>
        </div>
      ) : null}
      <RoomSummary ctx={ctx} facility={facility} room={room} />
      <p>
        <a href={`/facilities/rooms/${room.id}?view=week&date=${/^\d{4}-\d{2}-\d{2}$/.test(values.date) ? values.date : ''}`}>{t('facilities.book.seeWeek')}</a>
      </p>
      <form method="post" action="/facilities/book" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="room" value={room.id} />
        <TextInput name="date" label={t('facilities.form.date')} hint={t('facilities.form.date.hint')} value={values.date} error={errors.date} width="medium" required requiredLabel={t('ui.required')} maxLength={30} />
        {blockOptions.length ? (
          <Checkboxes name="blocks" label={t('facilities.form.blocks')} hint={t(room.slotMode === 'hourly' ? 'facilities.form.blocks.hintHourly' : 'facilities.form.blocks.hint')} values={values.blocks} error={errors.blocks} options={blockOptions} required requiredLabel={t('ui.required')} />
        ) : (
          <div class={`field${errors.blocks ? ' field-error' : ''}`} id="blocks">
            <p class="field-label">{t('facilities.form.blocks')}</p>
            {errors.blocks ? <p class="field-error-message">{errors.blocks}</p> : null}
            <p>{t('facilities.form.blocks.pickDate')}</p>
          </div>
        )}
        <Select name="purpose" label={t('facilities.form.purpose')} value={values.purpose} error={errors.purpose} emptyLabel={t('facilities.form.choose')} options={props.purposes.map((p) => ({ value: p.code, label: ctx.locale === 'ja' ? p.nameJa : p.nameEn }))} required requiredLabel={t('ui.required')} />
        <TextInput name="purposeDetail" label={t('facilities.form.purposeDetail')} hint={t('facilities.form.purposeDetail.hint')} value={values.purposeDetail} error={errors.purposeDetail} maxLength={200} />
        <TextInput name="headcount" label={t('facilities.form.headcount')} hint={t('facilities.form.headcount.hint', { n: room.capacity })} value={values.headcount} error={errors.headcount} inputmode="numeric" width="short" required requiredLabel={t('ui.required')} maxLength={6} />
        <Radios name="bookFor" label={t('facilities.form.bookFor')} hint={props.groups.length ? undefined : t('facilities.form.bookFor.noGroups')} value={values.bookFor || 'self'} error={errors.groupId ?? errors.bookFor} options={[{ value: 'self', label: t('facilities.form.bookFor.self') }, ...props.groups.map((g) => ({ value: g.id, label: t('facilities.form.bookFor.group', { name: g.name }) }))]} />
        <Checkboxes name="commercial" label={t('facilities.form.commercial')} values={values.commercial} options={[{ value: 'yes', label: t('facilities.form.commercial.yes'), hint: t('facilities.form.commercial.hint') }]} />
        {facility.counterPayment ? (
          <Radios name="paymentChoice" label={t('facilities.form.paymentChoice')} value={values.paymentChoice} error={errors.paymentChoice} options={[{ value: 'online', label: t('facilities.form.payment.online') }, { value: 'counter', label: t('facilities.form.payment.counter') }]} />
        ) : (
          <input type="hidden" name="paymentChoice" value="online" />
        )}
        <Button>{t('facilities.book.next')}</Button>
      </form>
    </Page>
  );
}

function Hidden(props: { values: BookingFormValues; skip?: string[] }) {
  return (
    <>
      {hiddenFields(props.values)
        .filter(([k]) => !(props.skip ?? []).includes(k))
        .map(([k, v]) => (
          <input type="hidden" name={k} value={v} />
        ))}
    </>
  );
}

export function FeeBreakdown(props: { ctx: ViewContext; fee: { rate: string; lines: { nameJa: string; nameEn: string; yen: number; heatingYen: number }[]; baseYen: number; heatingYen: number; reductionYen: number; feeYen: number }; caption: string }) {
  const { ctx, fee } = props;
  const t = ctx.t;
  // A focusable, named scroll region, as the shared Table gives its wrapper (axe: scrollable-region-focusable).
  return (
    <div class="table-wrap" role="region" tabIndex={0} aria-label={props.caption}>
      <table class="table">
        <caption class="table-caption">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('facilities.fee.item')}</th>
            <th scope="col" class="numeric">
              {t('facilities.fee.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {fee.lines.map((l) => (
            <tr>
              <th scope="row">{`${ctx.locale === 'ja' ? l.nameJa : l.nameEn}（${t(`facilities.rate.${fee.rate}`)}）`}</th>
              <td class="numeric">{yen(ctx, l.yen)}</td>
            </tr>
          ))}
          {fee.heatingYen ? (
            <tr>
              <th scope="row">{t('facilities.fee.heating')}</th>
              <td class="numeric">{yen(ctx, fee.heatingYen)}</td>
            </tr>
          ) : null}
          {fee.reductionYen ? (
            <tr>
              <th scope="row">{t('facilities.fee.reduction')}</th>
              <td class="numeric">−{yen(ctx, fee.reductionYen)}</td>
            </tr>
          ) : null}
          <tr class="fac-fee-total">
            <th scope="row">{t('facilities.fee.total')}</th>
            <td class="numeric" data-fee-total={String(fee.feeYen)}>
              {yen(ctx, fee.feeYen)}
            </td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}

export function ReviewPage(props: { ctx: ViewContext; prepared: PreparedBooking; values: BookingFormValues; idempotencyKey: string; purposeName: string; error?: string | undefined; notice?: string | undefined; status?: number }) {
  const { ctx, prepared: p, values } = props;
  const t = ctx.t;
  const title = t('facilities.review.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { href: `/facilities/${p.facility.id}`, label: p.facility.name }, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      {props.error ? <ErrorSummary title={t('ui.errorSummary.title')} errors={[{ field: 'agree', message: props.error }]} /> : null}
      {props.notice ? <NotificationBanner kind="warning" title={props.notice} /> : null}
      <SummaryList
        items={[
          { key: t('facilities.form.facility'), value: p.facility.name },
          { key: t('facilities.form.room'), value: p.room.name },
          { key: t('facilities.form.date'), value: dayLabel(ctx, p.input.date) },
          { key: t('facilities.form.time'), value: `${timeRange(p.startsAt, p.endsAt)}（${p.slots.map((s) => (ctx.locale === 'ja' ? s.nameJa : s.nameEn)).join('・')}）` },
          { key: t('facilities.form.purpose'), value: `${props.purposeName}${p.input.purposeDetail ? `（${p.input.purposeDetail}）` : ''}` },
          { key: t('facilities.form.headcount'), value: t('facilities.review.people', { n: p.input.headcount }) },
          { key: t('facilities.form.bookFor'), value: p.group ? t('facilities.form.bookFor.group', { name: p.group.name }) : t('facilities.form.bookFor.self') },
        ]}
      />
      <FeeBreakdown ctx={ctx} fee={p.fee} caption={t('facilities.review.feeCaption')} />
      <h2>{t('facilities.review.terms')}</h2>
      <ul>
        {p.status === 'pending_approval' ? <li>{t('facilities.review.approval')}</li> : null}
        {p.status === 'awaiting_payment' && p.paymentDueAt ? <li>{t(p.input.paymentChoice === 'counter' ? 'facilities.review.payCounter' : 'facilities.review.payOnline', { due: instantLabel(ctx, p.paymentDueAt) })}</li> : null}
        {p.fee.feeYen === 0 ? <li>{t('facilities.review.free')}</li> : null}
        <li>{t('facilities.rules.cancel', { days: p.facility.cancelFreeDaysBefore, percent: p.facility.cancelFeePercent })}</li>
        <li>{t('facilities.review.rules')}</li>
      </ul>
      <form method="post" action="/facilities/book/confirm" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Hidden values={values} />
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="expectedFeeYen" value={String(p.fee.feeYen)} />
        <Checkboxes name="agree" label={t('facilities.review.agreeLabel')} error={props.error} options={[{ value: 'yes', label: t('facilities.review.agree') }]} required requiredLabel={t('ui.required')} />
        <div class="actions">
          <Button name="action" value="confirm">
            {t(p.status === 'pending_approval' ? 'facilities.review.confirmPending' : 'facilities.review.confirm')}
          </Button>
          <Button name="action" value="edit" variant="secondary">
            {t('facilities.review.edit')}
          </Button>
        </div>
      </form>
    </Page>
  );
}

export function TakenPage(props: { ctx: ViewContext; values: BookingFormValues; alternatives: Alternative[] }) {
  const { ctx, values } = props;
  const t = ctx.t;
  const title = t('facilities.taken.title');
  return (
    <Page ctx={ctx} title={title} breadcrumbs={crumbs(ctx, { label: title })}>
      <FacilityStyles />
      <h1>{title}</h1>
      <NotificationBanner kind="warning" title={t('facilities.taken.banner')}>
        <p>{t(props.alternatives.length ? 'facilities.taken.body' : 'facilities.taken.none')}</p>
      </NotificationBanner>
      {props.alternatives.length ? (
        <>
          <h2>{t('facilities.taken.alternatives')}</h2>
          <ul class="card-list" data-alternatives={String(props.alternatives.length)}>
            {props.alternatives.map((a) => (
              <li class="card">
                <h3>
                  {a.facilityName} {a.roomName}
                </h3>
                <p>
                  {dayLabel(ctx, a.date)} {timeRange(a.startsAt, a.endsAt)}（{a.slotLabel}）
                </p>
                <p class="field-hint">{t(`facilities.taken.why.${a.why}`)}</p>
                <form method="post" action="/facilities/book">
                  <CsrfField token={ctx.csrfToken} />
                  <Hidden values={{ ...values, room: a.roomId, date: a.date, blocks: a.blockCodes }} />
                  <Button variant="secondary">
                    {t('facilities.taken.choose')}
                    <span class="visually-hidden">
                      {' '}
                      {a.facilityName} {a.roomName} {dayLabel(ctx, a.date)} {timeRange(a.startsAt, a.endsAt)}
                    </span>
                  </Button>
                </form>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <a href={`/facilities?date=${values.date}#results`}>{t('facilities.taken.search')}</a>
      </p>
    </Page>
  );
}
