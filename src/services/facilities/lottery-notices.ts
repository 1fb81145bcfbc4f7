/**
 * Messages to entrants, sent through the platform's notifier: the draw's result (won,
 * with the fee and the deadline to pay; or not won, with the place on each waiting
 * list), a slot offered from a waiting list, a won slot released for want of
 * payment, a round cancelled. Email when the resident registered one, else a short
 * SMS. The idempotency key makes a retried job send nothing twice. Facts are loaded
 * for many entries at once, because a drawn round tells thousands of entrants.
 */
import type { Notifier } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import type { LotteryDb } from './lottery-tables.ts';

export type LotteryNoticeKind = 'won' | 'lost' | 'offered' | 'lapsed' | 'cancelled';
export const LOTTERY_NOTICE_KINDS: readonly LotteryNoticeKind[] = ['won', 'lost', 'offered', 'lapsed', 'cancelled'];

const HEADINGS: Record<LotteryNoticeKind, string> = {
  won: '施設抽選の結果：当選しました。',
  lost: '施設抽選の結果：残念ながら落選しました。',
  offered: '補欠の繰上げにより、施設の利用枠をご用意しました。',
  lapsed: 'お支払い期限を過ぎたため、当選した利用枠を取り消しました。',
  cancelled: '施設抽選が中止になりました。',
};

const WEEKDAYS = ['', '月', '火', '水', '木', '金', '土', '日'];
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

export function slotText(s: { use_date: string; starts_at: number; ends_at: number }): string {
  return `${formatDateJa(s.use_date)}（${WEEKDAYS[isoWeekday(s.use_date)]}）${clockText(s.starts_at)}〜${clockText(s.ends_at)}`;
}

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
  const [entries, offers, places] = await Promise.all([
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
          .select(['o.id', 'o.deadline', 's.use_date', 's.starts_at', 's.ends_at', 'rm.name as room', 'b.id as booking_id', 'b.reference', 'b.fee_yen', 'b.status as booking_status'])
          .where('o.id', 'in', offerIds)
          .execute()
      : [],
    requests.some((r) => r.kind === 'lost')
      ? db
          .selectFrom('facility_lottery_waiting as w')
          .innerJoin('facility_lottery_slots as s', 's.id', 'w.slot_id')
          .select(['w.entry_id', 'w.position', 's.code'])
          .where('w.entry_id', 'in', requests.filter((r) => r.kind === 'lost').map((r) => r.entryId))
          .orderBy('s.use_date')
          .orderBy('s.starts_at')
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
      lines.push(`${offer.room} ${slotText(offer)}`, `予約番号 ${offer.reference}`);
      if (kind !== 'lapsed') {
        lines.push(
          offer.fee_yen > 0 && offer.booking_status === 'awaiting_payment'
            ? `使用料 ${yen(offer.fee_yen)}　お支払い期限 ${jstText(offer.deadline)}\n期限までにお支払いがない場合、この枠は補欠の方へ回ります。`
            : '使用料はかかりません。予約は確定しています。',
          `${publicUrl}/facilities/bookings/${offer.booking_id}`,
        );
      }
    }
    if (kind === 'lost') {
      const mine = places.filter((p) => p.entry_id === e.id).map((p) => `${p.code}：補欠${p.position}番`);
      if (mine.length) lines.push('当選者がお支払いをされなかった場合、補欠の順に繰り上げてご連絡します。', ...mine);
    }
    if (kind === 'cancelled' && e.cancel_reason) lines.push(`理由：${e.cancel_reason}`);
    lines.push(`申込内容：${publicUrl}/facilities/lottery/entries/${e.id}`);
    if (kind === 'won' || kind === 'lost') lines.push(`抽選結果（乱数と検証方法）：${publicUrl}/facilities/lottery/${e.round_id}/results`);
    lines.push(`お問い合わせ ${e.facility} ${e.facility_phone}`);
    const key = `facilities-lottery:${e.id}:${kind}:${request.offerId ?? '-'}`;
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
