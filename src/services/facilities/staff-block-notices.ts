/**
 * The message to a holder whose booking a maintenance block cancelled: why (the
 * block's reason), what happens to the money (refunded in full online, or at the
 * counter), and a link to the free rooms of the same day and area to book instead.
 * Queued in the block's transaction, sent by the job queue through the notifier;
 * the idempotency key makes a retried job send nothing twice.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import { classWhen } from './classes-notices.ts';
import type { StaffDb } from './staff-tables.ts';

export const BLOCK_NOTICE_QUEUE = 'facilities.staff.block-notice';

export async function queueBlockNotice(jobs: JobQueue | null, db: StaffDb, bookingId: string): Promise<void> {
  if (!jobs) return;
  await jobs.enqueue(db as unknown as Kysely<PlatformTables>, BLOCK_NOTICE_QUEUE, { bookingId }, { idempotencyKey: `facilities-blocked:${bookingId}` });
}

/** Where to look for another room: the day's free rooms in the same area. */
export function alternativesLink(publicUrl: string, date: string, area: string): string {
  return `${publicUrl}/facilities?date=${date}&area=${encodeURIComponent(area)}#results`;
}

export async function sendBlockNotice(db: StaffDb, notifier: Notifier, publicUrl: string, bookingId: string): Promise<'sent' | 'skipped'> {
  const b = await db
    .selectFrom('facility_bookings as b')
    .innerJoin('facility_block_cancellations as x', 'x.booking_id', 'b.id')
    .innerJoin('facility_maintenance_blocks as m', 'm.id', 'x.block_id')
    .innerJoin('facility_rooms as r', 'r.id', 'b.room_id')
    .innerJoin('facilities as f', 'f.id', 'r.facility_id')
    .leftJoin('facility_users as u', 'u.resident_account_id', 'b.resident_account_id')
    .select(['b.id', 'b.reference', 'b.use_date', 'b.starts_at', 'b.ends_at', 'b.refund_yen', 'b.payment_method', 'x.paid_yen', 'm.reason', 'r.name as room', 'f.name as facility', 'f.area', 'f.phone as facility_phone', 'u.name', 'u.phone', 'u.email'])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
  if (!b || !b.name) return 'skipped';
  const when = classWhen(b.use_date, b.starts_at, b.ends_at);
  const alternatives = alternativesLink(publicUrl, b.use_date, b.area);
  const money =
    b.paid_yen === 0
      ? '使用料はお支払い前のため、お支払いの必要はありません。'
      : b.payment_method === 'counter'
        ? `お支払いいただいた使用料 ${b.paid_yen.toLocaleString('ja-JP')}円は、${b.facility}の窓口で全額お返しします。`
        : `お支払いいただいた使用料 ${b.paid_yen.toLocaleString('ja-JP')}円は、お支払いに使われたカード・決済サービスへ全額返金します。`;
  const lines = [
    `【奥州市 施設予約】${b.name}様`,
    '施設の利用休止のため、ご予約を取り消させていただきました。大変申し訳ありません。',
    `${b.facility} ${b.room}`,
    when,
    `予約番号 ${b.reference}`,
    `理由：${b.reason}`,
    money,
    `同じ日に空いているほかの施設：${alternatives}`,
    `お問い合わせ ${b.facility} ${b.facility_phone}`,
  ];
  const key = `facilities:${b.id}:blocked`;
  if (b.email) await notifier.send({ channel: 'email', to: b.email, subject: `【奥州市 施設予約】利用休止によるご予約の取消（${b.reference}）`, body: lines.join('\n'), idempotencyKey: `${key}:email`, source: 'facilities', reference: b.id });
  if (b.phone) {
    const sms = ['【奥州市 施設予約】施設の利用休止のため、ご予約を取り消しました。', `${b.facility} ${b.room} ${when}`, `理由：${b.reason}`, b.paid_yen > 0 ? '使用料は全額返金します。' : '', `空いている施設：${alternatives}`].filter(Boolean).join('\n');
    await notifier.send({ channel: 'sms', to: b.phone, body: sms, idempotencyKey: `${key}:sms`, source: 'facilities', reference: b.id });
  }
  return 'sent';
}
