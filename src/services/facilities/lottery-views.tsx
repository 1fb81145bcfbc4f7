/** Resident pages of the facility lottery: rounds, applying, one's entries (the result pages are in lottery-result-views.tsx). */
import type { ApplicationResult } from '../../engines/lottery/index.ts';
import { formatDateEn, formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { Button, LinkButton } from '../../platform/ui/components/button.tsx';
import { ErrorSummary, NotificationBanner, StatusTag, type TagTone } from '../../platform/ui/components/feedback.tsx';
import { CsrfField, Radios, Select, TextInput } from '../../platform/ui/components/form-fields.tsx';
import { SummaryList, Table } from '../../platform/ui/components/table.tsx';
import { Page } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { clockText } from './booking-time.ts';
import type { entryForView, myEntries, RoundSummary, SlotRow } from './lottery-service.ts';
import type { RoundPhase } from './lottery-policy.ts';
import { slotWords } from './lottery-slot-text.ts';
import type { EntryStanding } from './lottery-standing.ts';

type EntryView = Awaited<ReturnType<typeof entryForView>>;
type MyEntry = Awaited<ReturnType<typeof myEntries>>[number];

const WEEKDAYS_JA = ['', '月', '火', '水', '木', '金', '土', '日'];
const WEEKDAYS_EN = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** 2026年12月5日（土） / Sat 5 December 2026. */
export function dayText(ctx: ViewContext, iso: string): string {
  const w = isoWeekday(iso);
  return ctx.locale === 'ja' ? `${formatDateJa(iso).replace(/（.*?）$/, '')}（${WEEKDAYS_JA[w]}）` : `${WEEKDAYS_EN[w]} ${formatDateEn(iso)}`;
}

/** An instant as a Japan date and time of day. */
export function instantText(ctx: ViewContext, at: Date): string {
  const shifted = new Date(at.getTime() + 9 * 3600_000);
  const minutes = shifted.getUTCHours() * 60 + shifted.getUTCMinutes();
  return `${dayText(ctx, shifted.toISOString().slice(0, 10))} ${clockText(minutes)}`;
}

export function monthText(ctx: ViewContext, month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return ctx.locale === 'ja' ? `${y}年${m}月` : new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export function slotLabel(ctx: ViewContext, s: { useDate: string; startsAt: number; endsAt: number; roomName: string }): string {
  return `${dayText(ctx, s.useDate)} ${clockText(s.startsAt)}〜${clockText(s.endsAt)} ${s.roomName}`;
}

const PHASE_TONE: Record<RoundPhase, TagTone> = { draft: 'neutral', upcoming: 'info', open: 'success', closed: 'warning', drawn: 'neutral', cancelled: 'error' };

export function PhaseTag(props: { ctx: ViewContext; phase: RoundPhase }) {
  return <StatusTag tone={PHASE_TONE[props.phase]}>{props.ctx.t(`facilities.lottery.phase.${props.phase}`)}</StatusTag>;
}

export function lotteryCrumbs(ctx: ViewContext, here?: { label: string; href?: string }[]) {
  const base = [
    { href: '/', label: ctx.t('ui.home') },
    { href: '/facilities', label: ctx.t('facilities.lottery.facilities') },
  ];
  return here ? [...base, { href: '/facilities/lottery', label: ctx.t('facilities.lottery.title') }, ...here] : [...base, { label: ctx.t('facilities.lottery.title') }];
}

export function LotteryHomePage(props: { ctx: ViewContext; rounds: RoundSummary[]; mine: MyEntry[] | null }) {
  const { ctx } = props;
  const t = ctx.t;
  const groups: { phase: RoundPhase[]; caption: string }[] = [
    { phase: ['open'], caption: t('facilities.lottery.home.open') },
    { phase: ['upcoming'], caption: t('facilities.lottery.home.upcoming') },
    { phase: ['closed', 'drawn'], caption: t('facilities.lottery.home.results') },
  ];
  return (
    <Page ctx={ctx} title={t('facilities.lottery.title')} breadcrumbs={lotteryCrumbs(ctx)}>
      <h1>{t('facilities.lottery.title')}</h1>
      <p>{t('facilities.lottery.home.lead')}</p>
      <p>
        <a href="/facilities/lottery/algorithm">{t('facilities.lottery.algorithm.link')}</a>
      </p>
      {props.mine === null ? (
        <p>
          <LinkButton href="/auth/login?next=%2Ffacilities%2Flottery" variant="secondary">
            {t('facilities.lottery.home.login')}
          </LinkButton>
        </p>
      ) : (
        <MyLotteryEntries ctx={ctx} entries={props.mine} />
      )}
      {groups.map((g) => (
        <Table
          caption={g.caption}
          columns={[
            { header: t('facilities.lottery.round'), cell: (r: RoundSummary) => <a href={r.phase === 'drawn' ? `/facilities/lottery/${r.id}/results` : `/facilities/lottery/${r.id}`}>{r.title}</a> },
            { header: t('facilities.lottery.facility'), cell: (r) => r.facilityName },
            { header: t('facilities.lottery.month'), cell: (r) => monthText(ctx, r.month) },
            { header: t('facilities.lottery.window'), cell: (r) => `${instantText(ctx, r.opensAt)} 〜 ${instantText(ctx, r.closesAt)}` },
            { header: t('facilities.lottery.drawAt'), cell: (r) => instantText(ctx, r.drawAt) },
            { header: t('facilities.lottery.status'), cell: (r) => <PhaseTag ctx={ctx} phase={r.phase} /> },
          ]}
          rows={props.rounds.filter((r) => g.phase.includes(r.phase))}
          empty={t('facilities.lottery.home.none')}
        />
      ))}
    </Page>
  );
}

const STANDING_TONE: Record<EntryStanding, TagTone> = { active: 'info', withdrawn: 'neutral', cancelled: 'neutral', offered: 'warning', confirmed: 'success', lapsed: 'error', declined: 'neutral', won: 'success', waiting: 'info', lost: 'neutral' };

export function StandingTag(props: { ctx: ViewContext; standing: EntryStanding }) {
  return <StatusTag tone={STANDING_TONE[props.standing]}>{props.ctx.t(`facilities.lottery.entryStatus.${props.standing}`)}</StatusTag>;
}

/** What the resident does next for an entry: pay a won slot by its deadline, see a confirmed booking, or nothing. */
export function NextStep(props: { ctx: ViewContext; entry: Pick<MyEntry, 'standing' | 'offer_deadline' | 'booking_id'> }) {
  const { ctx, entry } = props;
  const t = ctx.t;
  if (entry.standing === 'offered' && entry.booking_id && entry.offer_deadline) {
    return (
      <>
        {t('facilities.lottery.next.pay', { deadline: instantText(ctx, entry.offer_deadline) })} <a href={`/facilities/bookings/${entry.booking_id}`}>{t('facilities.lottery.entry.pay')}</a>
      </>
    );
  }
  if (entry.standing === 'confirmed' && entry.booking_id) return <a href={`/facilities/bookings/${entry.booking_id}`}>{t('facilities.lottery.entry.booking')}</a>;
  if (entry.standing === 'waiting') return <>{t('facilities.lottery.next.waiting')}</>;
  return <>—</>;
}

/** The resident's entries (lottery home and my page). */
export function MyLotteryEntries(props: { ctx: ViewContext; entries: MyEntry[] }) {
  const t = props.ctx.t;
  return (
    <Table
      id="my-lottery-entries"
      caption={t('facilities.lottery.mine.title')}
      columns={[
        { header: t('facilities.lottery.round'), cell: (e: MyEntry) => <a href={`/facilities/lottery/entries/${e.id}`}>{e.round_title}</a> },
        { header: t('facilities.lottery.facility'), cell: (e) => e.facility_name },
        { header: t('facilities.lottery.applicant'), cell: (e) => e.group_name ?? t('facilities.lottery.self') },
        { header: t('facilities.lottery.drawAt'), cell: (e) => instantText(props.ctx, e.draw_at) },
        { header: t('facilities.lottery.status'), cell: (e) => <StandingTag ctx={props.ctx} standing={e.standing} /> },
        { header: t('facilities.lottery.next'), cell: (e) => <NextStep ctx={props.ctx} entry={e} /> },
      ]}
      rows={props.entries}
      empty={t('facilities.lottery.mine.none')}
    />
  );
}

export interface EntryFormValues {
  groupId: string;
  preferences: string[];
  purpose: string;
  purposeDetail: string;
  headcount: string;
  idempotencyKey: string;
}

type RoundHead = { id: string; title: string; month: string; facility_name: string; opens_at: Date; closes_at: Date; draw_at: Date; pay_days: number; max_preferences: number; max_entries: number; max_wins_per_type_month: number; max_wins_per_month: number | null; phase: RoundPhase; seedCommitment?: string | null };

export function RoundFacts(props: { ctx: ViewContext; round: RoundHead }) {
  const { ctx, round } = props;
  const t = ctx.t;
  return (
    <SummaryList
      items={[
        { key: t('facilities.lottery.facility'), value: round.facility_name },
        { key: t('facilities.lottery.month'), value: monthText(ctx, round.month) },
        { key: t('facilities.lottery.window'), value: `${instantText(ctx, round.opens_at)} 〜 ${instantText(ctx, round.closes_at)}` },
        { key: t('facilities.lottery.drawAt'), value: instantText(ctx, round.draw_at) },
        { key: t('facilities.lottery.rules'), value: t('facilities.lottery.rules.text', { entries: round.max_entries, prefs: round.max_preferences, perType: round.max_wins_per_type_month, days: round.pay_days }) + (round.max_wins_per_month ? ` ${t('facilities.lottery.rules.perMonth', { n: round.max_wins_per_month })}` : '') },
        { key: t('facilities.lottery.status'), value: <PhaseTag ctx={ctx} phase={round.phase} /> },
        ...(round.seedCommitment ? [{ key: t('facilities.lottery.seedCommitment'), value: <SeedCommitment ctx={ctx} commitment={round.seedCommitment} /> }] : []),
      ]}
    />
  );
}

/** The published SHA-256 of the draw's seed, with what it proves. */
function SeedCommitment(props: { ctx: ViewContext; commitment: string }) {
  return (
    <>
      <code id="seed-commitment">
        {props.commitment}
      </code>
      <p>{props.ctx.t('facilities.lottery.seedCommitment.hint')}</p>
    </>
  );
}

export function RoundPage(props: {
  ctx: ViewContext;
  round: RoundHead;
  slots: SlotRow[];
  state: 'anonymous' | 'unregistered' | 'ready';
  groups: { id: string; name: string }[];
  purposes: { code: string; nameJa: string; nameEn: string }[];
  values: EntryFormValues;
  errors: Record<string, string>;
  /** The resident's entries in this round. */
  mine: MyEntry[];
}) {
  const { ctx, round, values, errors } = props;
  const t = ctx.t;
  const held = props.slots.filter((s) => s.state === 'held');
  const slotOptions = held.map((s) => ({ value: s.id, label: slotLabel(ctx, s) }));
  return (
    <Page ctx={ctx} title={round.title} breadcrumbs={lotteryCrumbs(ctx, [{ label: round.title }])}>
      <h1>{round.title}</h1>
      <ErrorSummary title={t('ui.errorSummary.title')} errors={Object.entries(errors).map(([field, message]) => ({ field, message }))} />
      <RoundFacts ctx={ctx} round={round} />
      <p>
        <a href="/facilities/lottery/algorithm">{t('facilities.lottery.algorithm.link')}</a>
      </p>
      {props.mine.length > 0 ? (
        <>
          <h2>{t('facilities.lottery.mine.inRound')}</h2>
          <ul>
            {props.mine.map((e) => (
              <li>
                <a href={`/facilities/lottery/entries/${e.id}`}>{e.group_name ?? t('facilities.lottery.self')}</a> <StandingTag ctx={ctx} standing={e.standing} /> <NextStep ctx={ctx} entry={e} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Table
        id="lottery-slots"
        caption={t('facilities.lottery.slots.caption', { n: props.slots.length })}
        columns={[
          { header: t('facilities.lottery.slot.date'), cell: (s: SlotRow) => dayText(ctx, s.useDate) },
          { header: t('facilities.lottery.slot.time'), cell: (s) => `${clockText(s.startsAt)}〜${clockText(s.endsAt)}` },
          { header: t('facilities.lottery.slot.room'), cell: (s) => s.roomName },
          { header: t('facilities.lottery.slot.firstChoices'), cell: (s) => t('facilities.lottery.slot.count', { n: s.firstChoices }), numeric: true },
        ]}
        rows={props.slots}
        empty={t('facilities.lottery.slots.none')}
      />
      {round.phase !== 'open' ? (
        <NotificationBanner kind="info" title={t(`facilities.lottery.notOpen.${round.phase}`, { at: instantText(ctx, round.phase === 'upcoming' ? round.opens_at : round.draw_at) })} />
      ) : props.state === 'anonymous' ? (
        <p>
          <LinkButton href={`/auth/login?next=${encodeURIComponent(`/facilities/lottery/${round.id}`)}`}>{t('facilities.lottery.apply.login')}</LinkButton>
        </p>
      ) : props.state === 'unregistered' ? (
        <>
          <p>{t('facilities.lottery.apply.registerFirst')}</p>
          <p>
            <LinkButton href={`/facilities/register?next=${encodeURIComponent(`/facilities/lottery/${round.id}`)}`}>{t('facilities.lottery.apply.register')}</LinkButton>
          </p>
        </>
      ) : (
        <form method="post" action={`/facilities/lottery/${round.id}/apply`} novalidate>
          <h2>{t('facilities.lottery.apply.title')}</h2>
          <p>{t('facilities.lottery.apply.lead', { n: round.max_preferences })}</p>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="idempotencyKey" value={values.idempotencyKey} />
          {props.groups.length > 0 ? (
            <Radios
              name="groupId"
              label={t('facilities.lottery.apply.as')}
              hint={t('facilities.lottery.apply.as.hint')}
              value={values.groupId}
              error={errors.groupId}
              options={[{ value: '', label: t('facilities.lottery.self') }, ...props.groups.map((g) => ({ value: g.id, label: g.name }))]}
            />
          ) : (
            <input type="hidden" name="groupId" value="" />
          )}
          {Array.from({ length: round.max_preferences }, (_, i) => (
            <Select
              name={`preference${i + 1}`}
              label={t('facilities.lottery.apply.preference', { rank: i + 1 })}
              required={i === 0}
              requiredLabel={t('ui.required')}
              value={values.preferences[i] ?? ''}
              error={errors[`preference${i + 1}`]}
              emptyLabel={t(i === 0 ? 'facilities.lottery.apply.choose' : 'facilities.lottery.apply.none')}
              options={slotOptions}
            />
          ))}
          <Select
            name="purpose"
            label={t('facilities.lottery.apply.purpose')}
            required
            requiredLabel={t('ui.required')}
            value={values.purpose}
            error={errors.purpose}
            emptyLabel={t('facilities.lottery.apply.choose')}
            options={props.purposes.map((p) => ({ value: p.code, label: ctx.locale === 'ja' ? p.nameJa : p.nameEn }))}
          />
          <TextInput name="purposeDetail" label={t('facilities.lottery.apply.detail')} hint={t('facilities.lottery.apply.detail.hint')} value={values.purposeDetail} error={errors.purposeDetail} maxLength={200} />
          <TextInput name="headcount" label={t('facilities.lottery.apply.headcount')} value={values.headcount} error={errors.headcount} inputmode="numeric" width="short" required requiredLabel={t('ui.required')} maxLength={5} />
          <Button>{t('facilities.lottery.apply.submit')}</Button>
        </form>
      )}
    </Page>
  );
}

const OFFER_TONE: Record<string, TagTone> = { offered: 'warning', confirmed: 'success', lapsed: 'error', declined: 'neutral' };

export function EntryPage(props: { ctx: ViewContext; view: EntryView }) {
  const { ctx, view } = props;
  const t = ctx.t;
  const e = view.entry;
  const outcome: ApplicationResult | null = view.outcome;
  const current = view.offers.find((o) => o.status === 'offered' || o.status === 'confirmed');
  return (
    <Page ctx={ctx} title={t('facilities.lottery.entry.title')} breadcrumbs={lotteryCrumbs(ctx, [{ href: `/facilities/lottery/${e.round_id}`, label: e.round_title }, { label: t('facilities.lottery.entry.title') }])}>
      <h1>{t('facilities.lottery.entry.title')}</h1>
      {current ? (
        <NotificationBanner kind={current.status === 'confirmed' ? 'success' : 'warning'} title={t(current.status === 'confirmed' ? 'facilities.lottery.entry.confirmed' : 'facilities.lottery.entry.won', { deadline: instantText(ctx, current.deadline) })}>
          <p>
            {slotLabel(ctx, { useDate: current.use_date, startsAt: current.starts_at, endsAt: current.ends_at, roomName: current.room_name })}（{t('facilities.lottery.entry.reference')} {current.reference}）
          </p>
          <p>
            <a href={`/facilities/bookings/${current.booking_id}`}>{t(current.status === 'confirmed' ? 'facilities.lottery.entry.booking' : 'facilities.lottery.entry.pay')}</a>
          </p>
        </NotificationBanner>
      ) : outcome ? (
        <NotificationBanner kind="info" title={t(`facilities.lottery.entryStatus.${view.standing}`)}>
          {view.waiting.length > 0 ? (
            <ul>
              {view.waiting.map((w) => (
                <li>{t('facilities.lottery.entry.waiting', { slot: slotWords(ctx.locale, w), position: w.position })}</li>
              ))}
            </ul>
          ) : null}
        </NotificationBanner>
      ) : null}
      <SummaryList
        items={[
          { key: t('facilities.lottery.round'), value: <a href={`/facilities/lottery/${e.round_id}`}>{e.round_title}</a> },
          { key: t('facilities.lottery.facility'), value: e.facility_name },
          { key: t('facilities.lottery.applicant'), value: e.group_name ?? t('facilities.lottery.self') },
          { key: t('facilities.lottery.entry.id'), value: <code>{e.id}</code> },
          { key: t('facilities.lottery.apply.headcount'), value: t('facilities.lottery.people', { n: e.headcount }) },
          { key: t('facilities.lottery.status'), value: <StandingTag ctx={ctx} standing={view.standing} /> },
          { key: t('facilities.lottery.drawAt'), value: instantText(ctx, e.draw_at) },
        ]}
      />
      <Table
        caption={t('facilities.lottery.entry.preferences')}
        columns={[
          { header: t('facilities.lottery.entry.rank'), cell: (p: EntryView['preferences'][number]) => t('facilities.lottery.apply.preference', { rank: p.rank }) },
          { header: t('facilities.lottery.entry.slot'), cell: (p) => slotLabel(ctx, { useDate: p.use_date, startsAt: p.starts_at, endsAt: p.ends_at, roomName: p.room_name }) },
          { header: t('facilities.lottery.entry.outcome'), cell: (p) => (outcome ? t(`facilities.lottery.prefOutcome.${outcome.preferences.find((x) => x.rank === p.rank)?.outcome ?? 'none'}`) : '—') },
        ]}
        rows={view.preferences}
        empty="—"
      />
      {view.offers.length > 0 ? (
        <Table
          caption={t('facilities.lottery.entry.offers')}
          columns={[
            { header: t('facilities.lottery.entry.slot'), cell: (o: EntryView['offers'][number]) => slotLabel(ctx, { useDate: o.use_date, startsAt: o.starts_at, endsAt: o.ends_at, roomName: o.room_name }) },
            { header: t('facilities.lottery.offer.source'), cell: (o) => t(`facilities.lottery.offer.source.${o.source}`) },
            { header: t('facilities.lottery.offer.deadline'), cell: (o) => instantText(ctx, o.deadline) },
            { header: t('facilities.lottery.status'), cell: (o) => <StatusTag tone={OFFER_TONE[o.status] ?? 'neutral'}>{t(`facilities.lottery.offer.status.${o.status}`)}</StatusTag> },
          ]}
          rows={view.offers}
          empty="—"
        />
      ) : null}
      {view.canWithdraw ? (
        <form method="post" action={`/facilities/lottery/entries/${e.id}/withdraw`}>
          <CsrfField token={ctx.csrfToken} />
          <p>{t('facilities.lottery.withdraw.lead', { at: instantText(ctx, e.closes_at) })}</p>
          <Button variant="danger">{t('facilities.lottery.withdraw.submit')}</Button>
        </form>
      ) : null}
      {outcome ? (
        <p>
          <a href={`/facilities/lottery/${e.round_id}/results`}>{t('facilities.lottery.results.link')}</a>
        </p>
      ) : null}
    </Page>
  );
}
