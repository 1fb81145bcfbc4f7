/**
 * Messages to riders about their bookings, sent by the job queue through the
 * platform's notifier: confirmation, change, cancellation, and a reminder the evening
 * before. SMS to the registered phone, email as well when one is registered. The
 * idempotency key makes a retried job send nothing twice.
 */
import type { Notifier } from '../../platform/notify/notifier.ts';
import { formatDateJa } from '../../platform/text/wareki.ts';
import type { TransitDb } from './tables.ts';
import { clock } from './trip-windows.ts';

export type NoticeKind = 'confirmed' | 'changed' | 'cancelled' | 'reminder';

const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'];

function dayText(iso: string): string {
  const weekday = WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
  return `${formatDateJa(iso)}（${weekday}）`;
}

const HEADINGS: Record<NoticeKind, string> = {
  confirmed: '予約を受け付けました。',
  changed: '予約を変更しました。',
  cancelled: '予約を取り消しました。',
  reminder: '明日のご予約のお知らせです。',
};

export async function sendTripNotice(db: TransitDb, notifier: Notifier, tripId: string, kind: NoticeKind): Promise<'sent' | 'skipped'> {
  const trip = await db
    .selectFrom('transit_trips as t')
    .innerJoin('transit_riders as r', 'r.id', 't.rider_id')
    .innerJoin('transit_stops as o', 'o.id', 't.origin_stop_id')
    .innerJoin('transit_stops as d', 'd.id', 't.destination_stop_id')
    .select(['t.id', 't.reference', 't.status', 't.service_date', 't.pickup_early', 't.pickup_late', 't.dropoff_late', 't.passengers', 't.updated_at', 'r.phone', 'r.email', 'r.name', 'o.name as origin', 'd.name as destination'])
    .where('t.id', '=', tripId)
    .executeTakeFirst();
  if (!trip) return 'skipped';
  // A reminder for a ride cancelled in the meantime is not sent.
  if (kind === 'reminder' && trip.status !== 'booked') return 'skipped';
  const body = [
    `【奥州市デマンド交通】${trip.name}様 ${HEADINGS[kind]}`,
    kind === 'cancelled'
      ? `${dayText(trip.service_date)} ${clock(trip.pickup_early)} ${trip.origin}→${trip.destination}`
      : `${dayText(trip.service_date)} ${clock(trip.pickup_early)}〜${clock(trip.pickup_late)}に${trip.origin}でお待ちください。`,
    kind === 'cancelled' ? '' : `${trip.destination}着 ${clock(trip.dropoff_late)}まで／${trip.passengers}名`,
    `予約番号 ${trip.reference}`,
    kind === 'cancelled' ? '' : '変更・取消はマイページまたは 0197-56-0000 へ。',
  ]
    .filter(Boolean)
    .join('\n');
  const version = kind === 'reminder' ? 'reminder' : `${kind}:${trip.updated_at.getTime()}`;
  await notifier.send({ channel: 'sms', to: trip.phone, body, idempotencyKey: `transit:${trip.id}:${version}:sms` });
  if (trip.email) {
    await notifier.send({ channel: 'email', to: trip.email, subject: `【奥州市デマンド交通】${HEADINGS[kind]}（${trip.reference}）`, body, idempotencyKey: `transit:${trip.id}:${version}:email` });
  }
  return 'sent';
}
