/** Staff pages of the facility lottery: rounds, a new round, one round (slots, entries, draw, offers). */
import { Button } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { Checkboxes, CsrfField, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { clockText } from './booking-time.ts';
import type { AddSlotsResult } from './lottery-rounds.ts';
import type { facilitiesForStaff, roundOverview, roundsForStaff, SlotRow } from './lottery-service.ts';
import { dayText, instantText, monthText, PhaseTag, RoundFacts } from './lottery-views.tsx';
import { roundPhase } from './lottery-policy.ts';

type Overview = Awaited<ReturnType<typeof roundOverview>>;
type StaffRound = Awaited<ReturnType<typeof roundsForStaff>>[number];
type StaffFacility = Awaited<ReturnType<typeof facilitiesForStaff>>[number];

const errorList = (errors: Record<string, string>) => Object.entries(errors).map(([field, message]) => ({ field, message }));

export function staffCrumbs(ctx: ViewContext, here?: string) {
  const base = [
    { href: '/staff', label: ctx.t('staff.title') },
    { href: '/staff/facilities/lottery', label: ctx.t('facilities.lottery.staff.title') },
  ];
  return here ? [...base, { label: here }] : [base[0]!, { label: ctx.t('facilities.lottery.staff.title') }];
}

export interface RoundFormValues {
  facilityId: string;
  title: string;
  month: string;
  opensDate: string;
  opensTime: string;
  closesDate: string;
  closesTime: string;
  drawDate: string;
  drawTime: string;
  payDays: string;
  maxPreferences: string;
  maxEntries: string;
  maxWinsPerTypeMonth: string;
  maxWinsPerMonth: string;
}

export function StaffRoundsPage(props: { ctx: ViewContext; now: Date; rounds: StaffRound[]; facilities: StaffFacility[]; values: RoundFormValues; errors: Record<string, string> }) {
  const { ctx, values, errors } = props;
  const t = ctx.t;
  const title = t('facilities.lottery.staff.title');
  return (
    <Page ctx={ctx} shell="staff" title={title} breadcrumbs={staffCrumbs(ctx)}>
      <h1>{title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      <p>{t('facilities.lottery.staff.lead')}</p>
      <Table
        caption={t('facilities.lottery.staff.rounds')}
        columns={[
          { header: t('facilities.lottery.round'), cell: (r: StaffRound) => <a href={`/staff/facilities/lottery/${r.id}`}>{r.title}</a> },
          { header: t('facilities.lottery.facility'), cell: (r) => r.facility_name },
          { header: t('facilities.lottery.month'), cell: (r) => monthText(ctx, r.month) },
          { header: t('facilities.lottery.drawAt'), cell: (r) => instantText(ctx, r.draw_at) },
          { header: t('facilities.lottery.staff.entries'), cell: (r) => r.entries, numeric: true },
          { header: t('facilities.lottery.status'), cell: (r) => <PhaseTag ctx={ctx} phase={roundPhase(r, props.now)} /> },
        ]}
        rows={props.rounds}
        empty={t('facilities.lottery.staff.noRounds')}
      />
      <form method="post" action="/staff/facilities/lottery" novalidate>
        <h2>{t('facilities.lottery.staff.new')}</h2>
        <CsrfField token={ctx.csrfToken} />
        <Select name="facilityId" label={t('facilities.lottery.facility')} value={values.facilityId} error={errors.facilityId} required requiredLabel={t('ui.required')} emptyLabel={t('facilities.lottery.apply.choose')} options={props.facilities.map((f) => ({ value: f.id, label: f.name }))} />
        <TextInput name="title" label={t('facilities.lottery.staff.roundTitle')} hint={t('facilities.lottery.staff.roundTitle.hint')} value={values.title} error={errors.title} required requiredLabel={t('ui.required')} maxLength={100} />
        <TextInput name="month" label={t('facilities.lottery.month')} hint={t('facilities.lottery.staff.month.hint')} value={values.month} error={errors.month} width="medium" required requiredLabel={t('ui.required')} maxLength={20} />
        <TextInput name="opensDate" label={t('facilities.lottery.staff.opensDate')} hint={t('facilities.lottery.staff.date.hint')} value={values.opensDate} error={errors.opensDate} width="medium" required requiredLabel={t('ui.required')} maxLength={30} />
        <TextInput name="opensTime" label={t('facilities.lottery.staff.opensTime')} hint={t('facilities.lottery.staff.time.hint')} value={values.opensTime} error={errors.opensTime} width="short" maxLength={5} />
        <TextInput name="closesDate" label={t('facilities.lottery.staff.closesDate')} value={values.closesDate} error={errors.closesDate ?? errors.closesAt} width="medium" required requiredLabel={t('ui.required')} maxLength={30} />
        <TextInput name="closesTime" label={t('facilities.lottery.staff.closesTime')} value={values.closesTime} error={errors.closesTime} width="short" maxLength={5} />
        <TextInput name="drawDate" label={t('facilities.lottery.staff.drawDate')} value={values.drawDate} error={errors.drawDate ?? errors.drawAt} width="medium" required requiredLabel={t('ui.required')} maxLength={30} />
        <TextInput name="drawTime" label={t('facilities.lottery.staff.drawTime')} value={values.drawTime} error={errors.drawTime} width="short" maxLength={5} />
        <TextInput name="payDays" label={t('facilities.lottery.staff.payDays')} hint={t('facilities.lottery.staff.payDays.hint')} value={values.payDays} error={errors.payDays} inputmode="numeric" width="short" maxLength={2} />
        <TextInput name="maxPreferences" label={t('facilities.lottery.staff.maxPreferences')} value={values.maxPreferences} error={errors.maxPreferences} inputmode="numeric" width="short" maxLength={1} />
        <TextInput name="maxEntries" label={t('facilities.lottery.staff.maxEntries')} hint={t('facilities.lottery.staff.maxEntries.hint')} value={values.maxEntries} error={errors.maxEntries} inputmode="numeric" width="short" maxLength={2} />
        <TextInput name="maxWinsPerTypeMonth" label={t('facilities.lottery.staff.maxWinsPerTypeMonth')} hint={t('facilities.lottery.staff.maxWinsPerTypeMonth.hint')} value={values.maxWinsPerTypeMonth} error={errors.maxWinsPerTypeMonth} inputmode="numeric" width="short" maxLength={2} />
        <TextInput name="maxWinsPerMonth" label={t('facilities.lottery.staff.maxWinsPerMonth')} hint={t('facilities.lottery.staff.maxWinsPerMonth.hint')} value={values.maxWinsPerMonth} error={errors.maxWinsPerMonth} inputmode="numeric" width="short" maxLength={2} />
        <Button>{t('facilities.lottery.staff.create')}</Button>
      </form>
    </Page>
  );
}

export interface SlotFormValues {
  roomId: string;
  blockCodes: string[];
  hoursFrom: string;
  hoursTo: string;
  weekdays: string[];
  dates: string;
  slotType: string;
}

const OFFER_TONE: Record<string, TagTone> = { offered: 'warning', confirmed: 'success', lapsed: 'error', declined: 'neutral' };

export function StaffRoundPage(props: { ctx: ViewContext; data: Overview; slotForm: { values: SlotFormValues; errors: Record<string, string> }; added?: AddSlotsResult; cancelErrors?: Record<string, string> }) {
  const { ctx, data } = props;
  const t = ctx.t;
  const { round, phase } = data;
  const base = `/staff/facilities/lottery/${round.id}`;
  const errors = { ...props.slotForm.errors, ...(props.cancelErrors ?? {}) };
  const blockOptions = [...new Map(data.rooms.flatMap((r) => r.blocks).map((b) => [b.code, { value: b.code, label: `${ctx.locale === 'ja' ? b.name_ja : b.name_en}（${clockText(b.starts_at)}〜${clockText(b.ends_at)}）` }])).values()];
  const v = props.slotForm.values;
  return (
    <Page ctx={ctx} shell="staff" title={round.title} breadcrumbs={staffCrumbs(ctx, round.title)}>
      <h1>{round.title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={errorList(errors)} />
      {props.added ? (
        <NotificationBanner kind={props.added.added.length ? 'success' : 'warning'} title={t('facilities.lottery.staff.added', { n: props.added.added.length })}>
          {props.added.taken.length ? <p>{t('facilities.lottery.staff.taken', { list: props.added.taken.map((s) => s.code).join('、') })}</p> : null}
          {props.added.skipped.length ? <p>{t('facilities.lottery.staff.skipped', { list: props.added.skipped.map((s) => `${dayText(ctx, s.date)}（${t(`facilities.lottery.staff.skip.${s.reason}`)}）`).join('、') })}</p> : null}
        </NotificationBanner>
      ) : null}
      <RoundFacts ctx={ctx} round={{ ...round, phase }} />
      <div class="button-row">
        {phase === 'draft' ? (
          <form method="post" action={`${base}/publish`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <Button>{t('facilities.lottery.staff.publish')}</Button>
          </form>
        ) : null}
        {phase === 'closed' ? (
          <form method="post" action={`${base}/draw`} class="inline-form">
            <CsrfField token={ctx.csrfToken} />
            <Button>{t('facilities.lottery.staff.draw')}</Button>
          </form>
        ) : null}
        {phase === 'drawn' ? (
          <>
            <form method="post" action={`${base}/settle`} class="inline-form">
              <CsrfField token={ctx.csrfToken} />
              <Button variant="secondary">{t('facilities.lottery.staff.settle')}</Button>
            </form>{' '}
            <a href={`/facilities/lottery/${round.id}/results`}>{t('facilities.lottery.results.link')}</a>
          </>
        ) : null}
      </div>

      <Table
        id="staff-lottery-slots"
        caption={t('facilities.lottery.slots.caption', { n: data.slots.length })}
        columns={[
          { header: t('facilities.lottery.results.slot'), cell: (s: SlotRow) => <code>{s.code}</code> },
          { header: t('facilities.lottery.slot.date'), cell: (s) => dayText(ctx, s.useDate) },
          { header: t('facilities.lottery.slot.time'), cell: (s) => `${clockText(s.startsAt)}〜${clockText(s.endsAt)}` },
          { header: t('facilities.lottery.slot.room'), cell: (s) => s.roomName },
          { header: t('facilities.lottery.staff.slotType'), cell: (s) => s.slotType },
          { header: t('facilities.lottery.slot.firstChoices'), cell: (s) => s.firstChoices, numeric: true },
          { header: t('facilities.lottery.status'), cell: (s) => t(`facilities.lottery.slotState.${s.state}`) },
          // Slots can be taken out only while the round is a draft (residents may have chosen them since).
          ...(phase === 'draft'
            ? [
                {
                  header: t('facilities.lottery.staff.actions'),
                  cell: (s: SlotRow) => (
                    <form method="post" action={`${base}/slots/${s.id}/remove`} class="inline-form">
                      <CsrfField token={ctx.csrfToken} />
                      <Button variant="secondary">{t('facilities.lottery.staff.remove')}</Button>
                    </form>
                  ),
                },
              ]
            : []),
        ]}
        rows={data.slots}
        empty={t('facilities.lottery.slots.none')}
      />

      {phase === 'draft' ? (
        <form method="post" action={`${base}/slots`} novalidate>
          <h2>{t('facilities.lottery.staff.addSlots')}</h2>
          <p>{t('facilities.lottery.staff.addSlots.lead')}</p>
          <CsrfField token={ctx.csrfToken} />
          <Select name="roomId" label={t('facilities.lottery.slot.room')} value={v.roomId} error={props.slotForm.errors.roomId} required requiredLabel={t('ui.required')} emptyLabel={t('facilities.lottery.apply.choose')} options={data.rooms.map((r) => ({ value: r.id, label: `${r.name}${r.lottery_enabled ? t('facilities.lottery.staff.lotteryRoom') : ''}` }))} />
          {blockOptions.length ? <Checkboxes name="blockCodes" label={t('facilities.lottery.staff.blocks')} hint={t('facilities.lottery.staff.blocks.hint')} values={v.blockCodes} error={props.slotForm.errors.blockCodes} options={blockOptions} /> : null}
          <TextInput name="hoursFrom" label={t('facilities.lottery.staff.hoursFrom')} hint={t('facilities.lottery.staff.hours.hint')} value={v.hoursFrom} error={props.slotForm.errors.hoursFrom} width="short" maxLength={5} />
          <TextInput name="hoursTo" label={t('facilities.lottery.staff.hoursTo')} value={v.hoursTo} error={props.slotForm.errors.hoursTo} width="short" maxLength={5} />
          <Checkboxes name="weekdays" label={t('facilities.lottery.staff.weekdays')} values={v.weekdays} error={props.slotForm.errors.weekdays} options={[1, 2, 3, 4, 5, 6, 7].map((w) => ({ value: String(w), label: t(`facilities.lottery.weekday.${w}`) }))} />
          <TextInput name="dates" label={t('facilities.lottery.staff.dates')} hint={t('facilities.lottery.staff.dates.hint')} value={v.dates} error={props.slotForm.errors.dates} maxLength={400} />
          <TextInput name="slotType" label={t('facilities.lottery.staff.slotType')} hint={t('facilities.lottery.staff.slotType.hint')} value={v.slotType} error={props.slotForm.errors.slotType} maxLength={60} />
          <Button>{t('facilities.lottery.staff.addSlots.submit')}</Button>
        </form>
      ) : null}

      <Table
        id="staff-lottery-entries"
        caption={t(data.entries.length >= data.entriesShown ? 'facilities.lottery.staff.entriesCaptionFirst' : 'facilities.lottery.staff.entriesCaption', { n: data.activeEntries, shown: data.entriesShown })}
        columns={[
          { header: t('facilities.lottery.staff.applicantName'), cell: (e: Overview['entries'][number]) => e.applicant_name ?? '—' },
          { header: t('facilities.lottery.applicant'), cell: (e) => e.group_name ?? t('facilities.lottery.self') },
          { header: t('facilities.lottery.entry.preferences'), cell: (e) => e.preferences.join(' → ') },
          { header: t('facilities.lottery.apply.headcount'), cell: (e) => e.headcount, numeric: true },
          { header: t('facilities.lottery.status'), cell: (e) => (e.status === 'withdrawn' ? t('facilities.lottery.entryStatus.withdrawn') : e.outcome ? `${t(`facilities.lottery.outcome.${e.outcome.status}`)}${e.outcome.slotId ? ` ${e.outcome.slotId}` : ''}` : t('facilities.lottery.entryStatus.active')) },
          { header: t('facilities.lottery.entry.id'), cell: (e) => <code>{e.id.slice(0, 8)}</code> },
        ]}
        rows={data.entries}
        empty={t('facilities.lottery.staff.noEntries')}
      />

      {data.offers.length ? (
        <Table
          id="staff-lottery-offers"
          caption={t('facilities.lottery.staff.offers')}
          columns={[
            { header: t('facilities.lottery.results.slot'), cell: (o: Overview['offers'][number]) => <code>{o.code}</code> },
            { header: t('facilities.lottery.staff.holder'), cell: (o) => o.holder_name ?? '—' },
            { header: t('facilities.lottery.offer.source'), cell: (o) => t(`facilities.lottery.offer.source.${o.source}`) },
            { header: t('facilities.lottery.entry.reference'), cell: (o) => o.reference },
            { header: t('facilities.lottery.offer.deadline'), cell: (o) => instantText(ctx, o.deadline) },
            { header: t('facilities.lottery.status'), cell: (o) => <StatusTag tone={OFFER_TONE[o.status] ?? 'neutral'}>{t(`facilities.lottery.offer.status.${o.status}`)}</StatusTag> },
          ]}
          rows={data.offers}
          empty="—"
        />
      ) : null}

      {phase !== 'drawn' && phase !== 'cancelled' ? (
        <form method="post" action={`${base}/cancel`} novalidate>
          <h2>{t('facilities.lottery.staff.cancel')}</h2>
          <p>{t('facilities.lottery.staff.cancel.lead')}</p>
          <CsrfField token={ctx.csrfToken} />
          <TextInput name="reason" label={t('facilities.lottery.staff.cancel.reason')} value="" error={props.cancelErrors?.reason} required requiredLabel={t('ui.required')} maxLength={200} />
          <Button variant="danger">{t('facilities.lottery.staff.cancel.submit')}</Button>
        </form>
      ) : null}
      {round.status === 'drawn' ? (
        <SummaryList
          items={[
            { key: t('facilities.lottery.results.seed'), value: <code>{round.seed}</code> },
            { key: t('facilities.lottery.results.digest'), value: <code>{round.result_digest}</code> },
          ]}
        />
      ) : null}
    </Page>
  );
}
