/**
 * Messages to the person who made a booking, sent by the job queue through the
 * platform's notifier: booked (or 仮予約 received), approved, rejected, payment
 * received, cancelled, a reminder before the payment deadline, and the automatic
 * cancellation of an unpaid booking. Email when registered, SMS to the phone; the
 * idempotency key makes a retried job send nothing twice.
 */
import type { Kysely } from 'kysely';
import type { Notifier } from '../../platform/notify/notifier.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import type { FacilitiesDb } from './tables.ts';

export type NoticeKind = 'booked' | 'pending' | 'approved' | 'rejected' | 'paid' | 'cancelled' | 'reminder' | 'lapsed';
export const NOTICE_KINDS: readonly NoticeKind[] = ['booked', 'pending', 'approved', 'rejected', 'paid', 'cancelled', 'reminder', 'lapsed'];
export const NOTICE_QUEUE = 'facilities.notify';

const HEADINGS: Record<NoticeKind, string> = {
  booked: '施設の予約を受け付けました。',
  pending: '施設の仮予約を受け付けました。職員が確認のうえ、結果をお知らせします。',
  approved: '仮予約が承認され、予約が確定しました。',
  rejected: '仮予約をお受けできませんでした。',
  paid: '使用料のお支払いを確認しました。',
  cancelled: '施設の予約を取り消しました。',
  reminder: '使用料のお支払い期限が近づいています。',
  lapsed: 'お支払い期限を過ぎたため、予約を自動的に取り消しました。',
};

const WEEKDAYS = ['', '月', '火', '水', '木', '金', '土', '日'];
const yen = (n: number) => `${n.toLocaleString('ja-JP')}円`;

function jstText(d: Date): string {
  const shifted = new Date(d.getTime() + 9 * 3600_000);
  const date = shifted.toISOString().slice(0, 10);
  return `${formatDateJa(date)} ${shifted.getUTCHours()}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/** Queues a notice in the same transaction as the change it reports (nothing is queued when jobs are off). */
export async function queueNotice(jobs: JobQueue | null, db: FacilitiesDb, bookingId: string, kind: NoticeKind, version = ''): Promise<void> {
  if (!jobs) return;
  await jobs.enqueue(db as unknown as Kysely<PlatformTables>, NOTICE_QUEUE, { bookingId, kind }, { idempotencyKey: `facilities-${kind}:${bookingId}${version ? `:${version}` : ''}` });
}

export async function sendBookingNotice(db: FacilitiesDb, notifier: Notifier, publicUrl: string, bookingId: string, kind: NoticeKind): Promise<'sent' | 'skipped'> {
  const b = await db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .leftJoin('facility_groups as g', 'g.id', 'b.group_id')
    .select(['b.id', 'b.reference', 'b.status', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.fee_yen', 'b.payment_due_at', 'b.refund_yen', 'b.cancel_fee_yen', 'b.decision_reason', 'b.paid_at', 'r.name as room', 'f.name as facility', 'f.phone as facility_phone', 'u.name', 'u.phone', 'u.email', 'g.name as group_name'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  if (!b || !b.name) return 'skipped';
  // A reminder for a booking paid or cancelled in the meantime is not sent.
  if (kind === 'reminder' && (b.status !== 'awaiting_payment' || b.paid_at)) return 'skipped';
  const when = `${formatDateJa(b.use_date)}（${WEEKDAYS[isoWeekday(b.use_date)]}）${clockText(b.starts_at)}〜${clockText(b.ends_at)}`;
  const lines = [
    `【奥州市 施設予約】${b.name}様`,
    HEADINGS[kind],
    `${b.facility} ${b.room}`,
    when,
    b.group_name ? `団体：${b.group_name}` : '',
    `予約番号 ${b.reference}`,
  ];
  if ((kind === 'booked' || kind === 'approved' || kind === 'reminder') && b.status === 'awaiting_payment' && b.fee_yen > 0 && b.payment_due_at) {
    lines.push(`使用料 ${yen(b.fee_yen)}　お支払い期限 ${jstText(b.payment_due_at)}`, '期限までにお支払いがない場合、予約は自動的に取り消されます。');
  }
  if (kind === 'rejected' && b.decision_reason) lines.push(`理由：${b.decision_reason}`);
  if (kind === 'cancelled' && (b.refund_yen ?? 0) > 0) lines.push(`返金額 ${yen(b.refund_yen!)}${b.cancel_fee_yen ? `（取消料 ${yen(b.cancel_fee_yen)}）` : ''}`);
  lines.push(`${publicUrl}/facilities/bookings/${b.id}`, `お問い合わせ ${b.facility} ${b.facility_phone}`);
  const body = lines.filter(Boolean).join('\n');
  const key = `facilities:${b.id}:${kind}`;
  if (b.email) await notifier.send({ channel: 'email', to: b.email, subject: `【奥州市 施設予約】${HEADINGS[kind].replace(/。.*$/, '')}（${b.reference}）`, body, idempotencyKey: `${key}:email`, source: 'facilities', reference: b.id });
  if (b.phone) {
    // SMS stays short: the heading, the place and time, and the link.
    const sms = [`【奥州市 施設予約】${HEADINGS[kind]}`, `${b.facility} ${b.room} ${when}`, `${publicUrl}/facilities/bookings/${b.id}`].join('\n');
    await notifier.send({ channel: 'sms', to: b.phone, body: sms, idempotencyKey: `${key}:sms`, source: 'facilities', reference: b.id });
  }
  return 'sent';
}
