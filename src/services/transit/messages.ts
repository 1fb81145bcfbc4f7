import type { Messages } from '../../platform/i18n/i18n.ts';

const ja = {
  'transit.title': 'デマンド交通（前沢）',
  'transit.entry.description': '前沢地域の乗降場所の間を、希望の時刻で予約して乗れる乗合バスです。',
  'transit.staff.title': 'デマンド交通 運行管理',
  'transit.staff.description': '電話予約の受付、当日の運行状況、地図、統計',
  'transit.driver.title': '運転士用 運行表',
  'transit.driver.description': '今日の乗降予定と、乗車・降車の記録',
};

const en: typeof ja = {
  'transit.title': 'On-demand bus (Maesawa)',
  'transit.entry.description': 'A shared bus between stops in the Maesawa area that you book for the time you want.',
  'transit.staff.title': 'On-demand bus operations',
  'transit.staff.description': 'Phone bookings, today\'s service, map and statistics',
  'transit.driver.title': 'Driver manifest',
  'transit.driver.description': 'Today\'s stops, and recording who boarded and alighted',
};

export const transitMessages: Messages = { ja, en };
