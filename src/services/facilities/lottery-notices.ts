/**
 * Messages to entrants, sent through the platform's notifier: the draw's result (won,
 * with the fee and the deadline to pay; or not won, with the place on each waiting
 * list), a slot offered from a waiting list, a won slot released for want of
 * payment, a round cancelled. Email when the resident registered one, else a short
 * SMS. Each entry gets one result notice (won or not): its idempotency key names the
 * entry and "result" only, so a retried or repeated announcement — even one that
 * would now see the entry differently — sends nothing twice. A result notice names
 * the entry and its choices in words (date, 和暦, time block), so a resident with
 * several entries can tell the notices apart. Facts are loaded for many entries at
 * once, because a drawn round tells thousands of entrants.
 */
import type { Notifier } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { blockNamesEn, blockNamesJa, slotWordsJa } from './lottery-slot-text.ts';
import type { LotteryDb } from './lottery-tables.ts';

export type LotteryNoticeKind = 'won' | 'lost' | 'offered' | 'lapsed' | 'cancelled';
export const LOTTERY_NOTICE_KINDS: readonly LotteryNoticeKind[] = ['won', 'lost', 'offered', 'lapsed', 'cancelled'];

/** The draw's outcome: one per entry, whichever it is. */
const isResult = (kind: LotteryNoticeKind) => kind === 'won' || kind === 'lost';

/** The notice's idempotency key (before the channel): a result is keyed by the entry alone. */
export function noticeKey(entryId: string, kind: LotteryNoticeKind, offerId: string | null): string {
  return isResult(kind) ? `facilities-lottery:${entryId}:result` : `facilities-lottery:${entryId}:${kind}:${offerId ?? '-'}`;
}

const HEADINGS: Record<LotteryNoticeKind, string> = {
  won: '施設抽選の結果：当選しました。',
  lost: '施設抽選の結果：残念ながら落選しました。',
  offered: '補欠の繰上げにより、施設の利用枠をご用意しました。',
  lapsed: 'お支払い期限を過ぎたため、当選した利用枠を取り消しました。',
  cancelled: '施設抽選が中止になりました。',
};

const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

function jstText(d: Date): string {
  const shifted = new Date(d.getTime() + 9 * 3600_000);
  return `${formatDateJa(shifted.toISOString().slice(0, 10))} ${shifted.getUTCHours()}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

export interface NoticeRequest {
  entryId: string;
  kind: LotteryNoticeKind;
  offerId: string | null;
}

/** Sends one notice per request; returns how many were sent (entrants without any contact are skipped). */
export async function sendLotteryNotices(db: LotteryDb, notifier: Notifier, publicUrl: string, requests: NoticeRequest[]): Promise<number> {
  if (requests.length === 0) return 0;
  const entryIds = [...new Set(requests.map((r) => r.entryId))];
  const offerIds = requests.flatMap((r) => (r.offerId ? [r.offerId] : []));
  const resultIds = requests.filter((r) => isResult(r.kind)).map((r) => r.entryId);
  const lostIds = requests.filter((r) => r.kind === 'lost').map((r) => r.entryId);
  const [entries, offers, places, choices] = await Promise.all([
    db
      .selectFrom('facility_lottery_entries as e')
      .innerJoin('facility_lottery_rounds as r', 'r.id', 'e.round_id')
      .innerJoin('facilities as f', 'f.id', 'r.facility_id')
      .leftJoin('facility_users as u', 'u.resident_account_id', 'e.resident_account_id')
      .leftJoin('facility_groups as g', 'g.id', 'e.group_id')
      .select(['e.id', 'e.round_id', 'r.title', 'r.cancel_reason', 'f.name as facility', 'f.phone as facility_phone', 'u.name', 'u.phone', 'u.email', 'g.name as group_name'])
      .where('e.id', 'in', entryIds)
      .execute(),
    offerIds.length
      ? db
          .selectFrom('facility_lottery_offers as o')
          .innerJoin('facility_lottery_slots as s', 's.id', 'o.slot_id')
          .innerJoin('facility_rooms as rm', 'rm.id', 's.room_id')
          .innerJoin('facility_bookings as b', 'b.id', 'o.booking_id')
          .select(['o.id', 'o.deadline', 's.use_date', 's.starts_at', 's.ends_at', 'rm.name as room_name', 'b.id as booking_id', 'b.reference', 'b.fee_yen', 'b.status as booking_status'])
          .select([blockNamesJa().as('block_ja'), blockNamesEn().as('block_en')])
          .where('o.id', 'in', offerIds)
          .execute()
      : [],
    lostIds.length
      ? db
          .selectFrom('facility_lottery_waiting as w')
          .innerJoin('facility_lottery_slots as s', 's.id', 'w.slot_id')
          .innerJoin('facility_rooms as rm', 'rm.id', 's.room_id')
          .select(['w.entry_id', 'w.position', 's.use_date', 's.starts_at', 's.ends_at', 'rm.name as room_name'])
          .select([blockNamesJa().as('block_ja'), blockNamesEn().as('block_en')])
          .where('w.entry_id', 'in', lostIds)
          .orderBy('s.use_date')
          .orderBy('s.starts_at')
          .execute()
      : [],
    resultIds.length
      ? db
          .selectFrom('facility_lottery_preferences as p')
          .innerJoin('facility_lottery_slots as s', 's.id', 'p.slot_id')
          .innerJoin('facility_rooms as rm', 'rm.id', 's.room_id')
          .select(['p.entry_id', 'p.rank', 's.use_date', 's.starts_at', 's.ends_at', 'rm.name as room_name'])
          .select([blockNamesJa().as('block_ja'), blockNamesEn().as('block_en')])
          .where('p.entry_id', 'in', resultIds)
          .orderBy('p.rank')
          .execute()
      : [],
  ]);
  let sent = 0;
  for (const request of requests) {
    const e = entries.find((x) => x.id === request.entryId);
    if (!e || !e.name) continue;
    const offer = offers.find((o) => o.id === request.offerId);
    const { kind } = request;
    const lines = [`【奥州市 施設抽選】${e.name}様`, HEADINGS[kind], `${e.title}（${e.facility}）`, e.group_name ? `団体：${e.group_name}` : ''];
    if (offer) {
      lines.push(slotWordsJa(offer), `予約番号 ${offer.reference}`);
      if (kind !== 'lapsed') {
        lines.push(
          offer.fee_yen > 0 && offer.booking_status === 'awaiting_payment'
            ? `使用料 ${yen(offer.fee_yen)}　お支払い期限 ${jstText(offer.deadline)}\n期限までにお支払いがない場合、この枠は補欠の方へ回ります。`
            : '使用料はかかりません。予約は確定しています。',
          `${publicUrl}/facilities/bookings/${offer.booking_id}`,
        );
      }
    }
    if (isResult(kind)) {
      lines.push(`申込番号 ${e.id}`, '希望した枠：', ...choices.filter((c) => c.entry_id === e.id).map((c) => `第${c.rank}希望 ${slotWordsJa(c)}`));
    }
    if (kind === 'lost') {
      const mine = places.filter((p) => p.entry_id === e.id).map((p) => `${slotWordsJa(p)}：補欠${p.position}番`);
      if (mine.length) lines.push('当選者がお支払いをされなかった場合、補欠の順に繰り上げてご連絡します。', ...mine);
    }
    if (kind === 'cancelled' && e.cancel_reason) lines.push(`理由：${e.cancel_reason}`);
    lines.push(`申込内容：${publicUrl}/facilities/lottery/entries/${e.id}`);
    if (kind === 'won' || kind === 'lost') lines.push(`抽選結果（乱数と検証方法）：${publicUrl}/facilities/lottery/${e.round_id}/results`);
    lines.push(`お問い合わせ ${e.facility} ${e.facility_phone}`);
    const key = noticeKey(e.id, kind, request.offerId);
    if (e.email) {
      const subject = `【奥州市 施設抽選】${HEADINGS[kind].replace(/。.*$/, '')}（${e.title}）`;
      await notifier.send({ channel: 'email', to: e.email, subject, body: lines.filter(Boolean).join('\n'), idempotencyKey: `${key}:email`, source: 'facilities', reference: e.id });
    } else if (e.phone) {
      const sms = [`【奥州市 施設抽選】${HEADINGS[kind]}`, e.title, `${publicUrl}/facilities/lottery/entries/${e.id}`].join('\n');
      await notifier.send({ channel: 'sms', to: e.phone, body: sms, idempotencyKey: `${key}:sms`, source: 'facilities', reference: e.id });
    } else continue;
    sent++;
  }
  return sent;
}
