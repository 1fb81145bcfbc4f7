/**
 * Demo classes (F5): a dozen smartphone classes and digital-support sessions over the
 * coming weeks across the five areas, taught by invented デジタル活用支援員, each on
 * the first day from its planned one when its room is open and free. A few seats are
 * taken by the facility demo's invented users (when they exist), one class is full
 * with a waiting list. Loaded only with DEMO_DATA, into a database without classes.
 */
import { addDays, japanClock } from '../../platform/time/today.ts';
import { loadFacilities } from './catalogue.ts';
import { openingHours } from './calendar.ts';
import type { ClassInput } from './classes-form.ts';
import { classReference, roomTakenError } from './classes-placement.ts';
import { applyUntilOf, insertClass } from './classes-service.ts';
import type { ClassLevel } from './classes-tables.ts';
import type { FacilityContext } from './facility-context.ts';
import { staffDb } from './staff-tables.ts';
import { FACILITIES_DEPARTMENT } from './policy.ts';

interface DemoClass {
  title: string;
  description: string;
  level: ClassLevel;
  instructor: string;
  room: string;
  inDays: number;
  /** [start, end] in minutes. */
  time: [number, number];
  seats: number;
  feeYen?: number;
  /** How many of the demo users take a seat. */
  taken?: number;
}

const H = (h: number, m = 0) => h * 60 + m;

export const DEMO_CLASSES: DemoClass[] = [
  { title: 'はじめてのスマートフォン教室', description: '電源の入れ方、文字の入力、電話のかけ方から。スマートフォンは会場で貸し出します（ご自分のものをお持ちいただいても構いません）。', level: 'first', instructor: '佐藤 美和（デジタル活用支援員）', room: 'kominkan-meeting-1', inDays: 3, time: [H(10), H(11, 30)], seats: 12, taken: 3 },
  { title: 'マイナンバーカードの申請を体験しよう', description: 'スマートフォンで顔写真を撮り、マイナンバーカードを申請する手順を体験します。申請書（QRコード付き）をお持ちの方はご持参ください。', level: 'basic', instructor: '千田 健一（デジタル活用支援員）', room: 'esashi-meeting', inDays: 5, time: [H(13, 30), H(15)], seats: 10 },
  { title: 'LINEで市の情報を受け取ろう', description: 'LINEの友だち追加から、奥州市の公式アカウントで防災・子育て・イベント情報を受け取る設定まで。', level: 'basic', instructor: '菊池 由紀（デジタル活用支援員）', room: 'maesawa-meeting', inDays: 6, time: [H(10), H(11, 30)], seats: 3, taken: 3 },
  { title: 'はじめてのスマートフォン教室', description: '電源の入れ方、文字の入力、電話のかけ方から。スマートフォンは会場で貸し出します。', level: 'first', instructor: '及川 誠（デジタル活用支援員）', room: 'shizenjuku-hall', inDays: 8, time: [H(10), H(11, 30)], seats: 15 },
  { title: '「ぽちっと奥州」アプリを使ってみよう', description: '市の公式アプリでお知らせを受け取る、ごみの日を調べる、子育て情報を見る方法を学びます。', level: 'basic', instructor: '高橋 春香（デジタル活用支援員）', room: 'sozo-studio', inDays: 9, time: [H(13, 30), H(15)], seats: 12 },
  { title: 'ビデオ通話で家族とつながろう', description: '離れて暮らす家族とビデオ通話をしてみましょう。LINEやFaceTimeの使い方を実際に試します。', level: 'applied', instructor: '佐藤 美和（デジタル活用支援員）', room: 'z-hall-meeting', inDays: 12, time: [H(14), H(15, 30)], seats: 16 },
  { title: 'キャッシュレス決済を安全に使おう', description: 'QRコード決済の始め方、チャージ、使いすぎを防ぐ設定、市の手数料のお支払いまで。', level: 'applied', instructor: '千田 健一（デジタル活用支援員）', room: 'esashi-meeting', inDays: 14, time: [H(10), H(11, 30)], seats: 12, feeYen: 0 },
  { title: '写真を撮って送ってみよう', description: 'カメラの使い方、写真の整理、家族や友人に写真を送る方法を学びます。', level: 'first', instructor: '菊池 由紀（デジタル活用支援員）', room: 'maesawa-washitsu', inDays: 16, time: [H(13, 30), H(15)], seats: 10 },
  { title: '詐欺メール・SMSに気をつけよう', description: '本物そっくりの偽メール・偽SMSの見分け方と、困ったときの相談先を、実例を見ながら学びます。', level: 'basic', instructor: '小野寺 聡（デジタル活用支援員）', room: 'kominkan-meeting-1', inDays: 19, time: [H(10), H(11, 30)], seats: 20 },
  { title: 'マイナポータルで医療費を確認しよう', description: 'マイナポータルにログインし、医療費や健診結果を確認します。マイナンバーカードと暗証番号（数字4桁）をお持ちください。', level: 'applied', instructor: '高橋 春香（デジタル活用支援員）', room: 'sozo-studio', inDays: 22, time: [H(10), H(11, 30)], seats: 10 },
  { title: '地図アプリでバスや病院を調べよう', description: '地図アプリで行き先を調べる、デマンド交通の予約ページを開く、病院の場所と電話番号を探す方法を学びます。', level: 'basic', instructor: '及川 誠（デジタル活用支援員）', room: 'shizenjuku-hall', inDays: 26, time: [H(13, 30), H(15)], seats: 15 },
  { title: 'スマホ相談会（個別サポート）', description: 'お持ちのスマートフォンの「ここが分からない」に、支援員が一人ずつお答えします。', level: 'first', instructor: '小野寺 聡（デジタル活用支援員）', room: 'kominkan-washitsu', inDays: 30, time: [H(13), H(16)], seats: 8 },
];

/** Seeds the demo classes when there are none yet; returns how many were created. */
export async function seedDemoClasses(ctx: FacilityContext): Promise<number> {
  const db = staffDb(ctx.db);
  if (await db.selectFrom('facility_classes').select('id').limit(1).executeTakeFirst()) return 0;
  const now = ctx.now();
  const today = japanClock(now).date;
  const facilities = await loadFacilities(ctx.db);
  const users = await db.selectFrom('facility_users').select('resident_account_id').orderBy('created_at').orderBy('resident_account_id').limit(3).execute();
  let created = 0;
  for (const demo of DEMO_CLASSES) {
    const facility = facilities.find((f) => f.rooms.some((r) => r.id === demo.room));
    const room = facility?.rooms.find((r) => r.id === demo.room);
    if (!facility || !room) continue;
    for (let d = demo.inDays; d < demo.inDays + 14; d++) {
      const date = addDays(today, d);
      const hours = openingHours(facility, date);
      if (!hours || demo.time[0] < hours.opensAt || demo.time[1] > hours.closesAt) continue;
      const input: ClassInput = { title: demo.title, description: demo.description, level: demo.level, instructor: demo.instructor, roomId: room.id, date, startsAt: demo.time[0], endsAt: demo.time[1], seats: Math.min(demo.seats, room.capacity), feeYen: demo.feeYen ?? 0, applyUntilDate: addDays(date, -1), waitingList: true };
      if (await roomTakenError(db, input, null)) continue;
      await db.transaction().execute(async (trx) => {
        const cls = await insertClass(trx, input, { department: FACILITIES_DEPARTMENT, staffId: null, applyUntil: applyUntilOf(input), now });
        const takers = users.slice(0, Math.min(demo.taken ?? 0, input.seats));
        for (const u of takers) {
          await trx.insertInto('facility_class_seats').values({ reference: classReference('S', date), class_id: cls.id, resident_account_id: u.resident_account_id, status: 'booked', attendance: null, attendance_by_staff_id: null, attendance_at: null, created_at: now, promoted_at: null, cancelled_at: null }).execute();
        }
        if (takers.length) await trx.updateTable('facility_classes').set({ seats_taken: takers.length }).where('id', '=', cls.id).execute();
      });
      created++;
      break;
    }
  }
  return created;
}
