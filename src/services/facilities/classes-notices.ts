/**
 * Messages to class attendees, queued in the same transaction as the change and
 * sent by the job queue through the platform's notifier (email when registered, SMS
 * to the phone): seat booked, on the waiting list, moved up from it, seat cancelled,
 * class cancelled or changed by staff, and the reminder the day before. Each
 * message's idempotency key makes a retried job send nothing twice.
 */
import type { Kysely } from 'kysely';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { JobQueue } from '../../platform/jobs/job-queue.ts';
import type { Notifier } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import { isoWeekday } from '../../platform/time/today.ts';
import { clockText } from './booking-time.ts';
import { loadSeat } from './classes-queries.ts';
import type { StaffDb } from './staff-tables.ts';

export type ClassNoticeKind = 'booked' | 'waiting' | 'promoted' | 'cancelled' | 'class_cancelled' | 'changed' | 'reminder';
export const CLASS_NOTICE_QUEUE = 'facilities.classes.notify';

const HEADINGS: Record<ClassNoticeKind, string> = {
  booked: '教室の申込みを受け付けました。',
  waiting: '教室が満席のため、キャンセル待ちとして受け付けました。席が空きしだいお知らせします。',
  promoted: 'キャンセル待ちの教室に席が空き、参加が確定しました。',
  cancelled: '教室の申込みを取り消しました。',
  class_cancelled: '申し込まれた教室は中止になりました。',
  changed: '申し込まれた教室の日時または会場が変わりました。',
  reminder: '明日は申し込まれた教室の開催日です。',
};

const WEEKDAYS = ['', '月', '火', '水', '木', '金', '土', '日'];

/** "2026年4月1日（令和8年）（水）10:00〜11:30": the day and time as residents read them. */
export function classWhen(date: string, startsAt: number, endsAt: number): string {
  return `${formatDateJa(date)}（${WEEKDAYS[isoWeekday(date)]}）${clockText(startsAt)}〜${clockText(endsAt)}`;
}

/** Queues a notice to the holder of a seat (nothing is queued when jobs are off, as in demo seeding). */
export async function queueClassNotice(jobs: JobQueue | null, db: StaffDb, seatId: string, kind: ClassNoticeKind, version = ''): Promise<void> {
  if (!jobs) return;
  await jobs.enqueue(db as unknown as Kysely<PlatformTables>, CLASS_NOTICE_QUEUE, { seatId, kind, version }, { idempotencyKey: `facilities-class-${kind}:${seatId}${version ? `:${version}` : ''}` });
}

/** Sends one notice; 'skipped' when there is nobody to reach or nothing left to say (a reminder for a cancelled seat). */
export async function sendClassNotice(db: StaffDb, notifier: Notifier, publicUrl: string, seatId: string, kind: ClassNoticeKind, version = ''): Promise<'sent' | 'skipped'> {
  const seat = await loadSeat(db, seatId);
  if (!seat) return 'skipped';
  if (kind === 'reminder' && (seat.status !== 'booked' || seat.class_status !== 'scheduled')) return 'skipped';
  const user = await db.selectFrom('facility_users').select(['name', 'phone', 'email']).where('resident_account_id', '=', seat.resident_account_id).executeTakeFirst();
  if (!user) return 'skipped';
  const when = classWhen(seat.use_date, seat.starts_at, seat.ends_at);
  const link = `${publicUrl}/facilities/classes/seats/${seat.id}`;
  const lines = [`【奥州市 教室】${user.name}様`, HEADINGS[kind], seat.title, when, `${seat.facility_name} ${seat.room_name}`, `申込番号 ${seat.reference}`];
  if (kind === 'class_cancelled' && seat.class_cancel_reason) lines.push(`理由：${seat.class_cancel_reason}`);
  if ((kind === 'booked' || kind === 'promoted' || kind === 'reminder') && seat.fee_yen > 0) lines.push(`参加費 ${seat.fee_yen.toLocaleString('ja-JP')}円（当日会場でお支払いください）`);
  if (kind === 'reminder') lines.push('スマートフォンをお持ちの方はお持ちください。都合が悪くなった場合は下のページから取り消してください。');
  lines.push(link, `お問い合わせ ${seat.facility_name} ${seat.facility_phone}`);
  const key = `facilities-class:${seat.id}:${kind}${version ? `:${version}` : ''}`;
  if (user.email) {
    await notifier.send({ channel: 'email', to: user.email, subject: `【奥州市 教室】${HEADINGS[kind].replace(/。.*$/, '')}（${seat.title}）`, body: lines.join('\n'), idempotencyKey: `${key}:email`, source: 'facilities', reference: seat.id });
  }
  if (user.phone) {
    // SMS stays short: the heading, the class and time, and the link.
    const sms = [`【奥州市 教室】${HEADINGS[kind].replace(/。.*$/, '。')}`, `${seat.title} ${when}`, kind === 'class_cancelled' && seat.class_cancel_reason ? `理由：${seat.class_cancel_reason}` : '', link].filter(Boolean).join('\n');
    await notifier.send({ channel: 'sms', to: user.phone, body: sms, idempotencyKey: `${key}:sms`, source: 'facilities', reference: seat.id });
  }
  return 'sent';
}
