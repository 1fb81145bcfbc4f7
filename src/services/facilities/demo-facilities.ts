/**
 * Demo facilities across the five areas, modelled on Oshu's public halls, gyms,
 * community centres and courts (names real, figures illustrative). Fees are the
 * resident rate per block; non-resident ×1.5 and commercial ×3 are derived when
 * seeding, heating is added November–March. Loaded only with DEMO_DATA.
 */
import type { Area, FacilityKind, RoomKind, SlotMode } from './tables.ts';

export interface DemoRoom {
  id: string;
  name: string;
  nameKana: string;
  kind: RoomKind;
  capacity: number;
  floorAreaM2?: number;
  equipment: string[];
  purposes: string[];
  needsApproval?: boolean;
  slotMode: SlotMode;
  lotteryEnabled?: boolean;
  description?: string;
  /** Resident fee per block (blocks) or per hour (hourly); heating per block or hour. */
  fee: { morning: number; afternoon: number; evening: number; heating: number } | { hour: number; heating: number };
}

export interface DemoFacility {
  id: string;
  name: string;
  nameKana: string;
  area: Area;
  kind: FacilityKind;
  address: string;
  lat: number;
  lng: number;
  phone: string;
  description: string;
  accessibility: string[];
  /** [weekday, opens, closes] in minutes; a missing weekday is closed. */
  hours: [number, number, number][];
  closures: ({ rule: 'annual'; from: string; to: string; reason: string } | { rule: 'monthly_nth_weekday'; nth: number; weekday: number; reason: string } | { rule: 'monthly_day'; day: number; reason: string })[];
  counterPayment?: boolean;
  rooms: DemoRoom[];
}

const H = (h: number, m = 0) => h * 60 + m;
/** Tuesday–Sunday 9:00–21:00 (Monday closed), Sunday until 17:00. */
const HALL_HOURS: [number, number, number][] = [2, 3, 4, 5, 6].map((d) => [d, H(9), H(21)] as [number, number, number]).concat([[7, H(9), H(17)]]);
/** Every day 9:00–21:00 except Monday. */
const GYM_HOURS: [number, number, number][] = [2, 3, 4, 5, 6, 7].map((d) => [d, H(9), H(21)] as [number, number, number]);
const YEAR_END = { rule: 'annual' as const, from: '12-29', to: '01-03', reason: '年末年始' };

export const STANDARD_BLOCKS = [
  { code: 'morning', nameJa: '午前', nameEn: 'Morning', startsAt: H(9), endsAt: H(12) },
  { code: 'afternoon', nameJa: '午後', nameEn: 'Afternoon', startsAt: H(13), endsAt: H(17) },
  { code: 'evening', nameJa: '夜間', nameEn: 'Evening', startsAt: H(18), endsAt: H(21) },
];

export const DEMO_FACILITIES: DemoFacility[] = [
  {
    id: 'z-hall',
    name: '奥州市文化会館（Zホール）',
    nameKana: 'オウシュウシブンカカイカン ゼットホール',
    area: '水沢',
    kind: 'hall',
    address: '奥州市水沢佐倉河字石田32-1',
    lat: 39.1612,
    lng: 141.1415,
    phone: '0197-22-5511',
    description: '大ホール・中ホールを備えた市の文化の拠点です。ホールの利用には使用許可が必要なため、オンライン予約は仮予約となり、職員の確認後に確定します。',
    accessibility: ['wheelchair', 'accessible_toilet', 'elevator', 'parking', 'hearing_loop', 'nursing_room'],
    hours: HALL_HOURS,
    closures: [YEAR_END],
    counterPayment: true,
    rooms: [
      { id: 'z-hall-large', name: '大ホール', nameKana: 'ダイホール', kind: 'hall', capacity: 1402, floorAreaM2: 1500, equipment: ['stage_lighting', 'sound_system', 'piano', 'microphone'], purposes: ['culture', 'music', 'event', 'meeting'], needsApproval: true, slotMode: 'blocks', lotteryEnabled: true, fee: { morning: 38000, afternoon: 52000, evening: 60000, heating: 8000 } },
      { id: 'z-hall-medium', name: '中ホール', nameKana: 'チュウホール', kind: 'hall', capacity: 418, floorAreaM2: 520, equipment: ['stage_lighting', 'sound_system', 'piano', 'microphone'], purposes: ['culture', 'music', 'dance', 'event', 'meeting'], needsApproval: true, slotMode: 'blocks', lotteryEnabled: true, fee: { morning: 12000, afternoon: 16000, evening: 18000, heating: 3000 } },
      { id: 'z-hall-meeting', name: '会議室', nameKana: 'カイギシツ', kind: 'meeting', capacity: 40, floorAreaM2: 80, equipment: ['projector', 'whiteboard', 'tables_chairs'], purposes: ['meeting', 'study', 'culture'], slotMode: 'blocks', fee: { morning: 1200, afternoon: 1600, evening: 1600, heating: 300 } },
    ],
  },
  {
    id: 'esashi-taiiku-bunka',
    name: '江刺体育文化会館（ささらホール）',
    nameKana: 'エサシタイイクブンカカイカン ササラホール',
    area: '江刺',
    kind: 'hall',
    address: '奥州市江刺大通り1-8',
    lat: 39.2005,
    lng: 141.1702,
    phone: '0197-35-0111',
    description: 'ささらホールと体育館（アリーナ）を併せ持つ江刺地域の拠点施設です。',
    accessibility: ['wheelchair', 'accessible_toilet', 'elevator', 'parking'],
    hours: HALL_HOURS,
    closures: [YEAR_END],
    rooms: [
      { id: 'sasara-hall', name: 'ささらホール', nameKana: 'ササラホール', kind: 'hall', capacity: 560, floorAreaM2: 700, equipment: ['stage_lighting', 'sound_system', 'piano', 'microphone'], purposes: ['culture', 'music', 'dance', 'event'], needsApproval: true, slotMode: 'blocks', fee: { morning: 9000, afternoon: 12000, evening: 14000, heating: 2500 } },
      { id: 'esashi-arena', name: 'アリーナ', nameKana: 'アリーナ', kind: 'arena', capacity: 300, floorAreaM2: 1200, equipment: ['nets', 'lighting'], purposes: ['sports', 'dance', 'event'], slotMode: 'blocks', fee: { morning: 3000, afternoon: 4000, evening: 4500, heating: 1000 } },
      { id: 'esashi-meeting', name: '研修室', nameKana: 'ケンシュウシツ', kind: 'meeting', capacity: 30, floorAreaM2: 60, equipment: ['whiteboard', 'tables_chairs'], purposes: ['meeting', 'study'], slotMode: 'blocks', fee: { morning: 800, afternoon: 1000, evening: 1000, heating: 200 } },
    ],
  },
  {
    id: 'maesawa-fureai',
    name: '前沢ふれあいセンター',
    nameKana: 'マエサワフレアイセンター',
    area: '前沢',
    kind: 'community',
    address: '奥州市前沢字七日町裏71',
    lat: 39.0523,
    lng: 141.1183,
    phone: '0197-56-2111',
    description: '多目的ホール、会議室、和室のある前沢地域の交流施設です。',
    accessibility: ['wheelchair', 'accessible_toilet', 'parking'],
    hours: HALL_HOURS,
    closures: [YEAR_END, { rule: 'monthly_day', day: 15, reason: '施設点検日（毎月15日）' }],
    counterPayment: true,
    rooms: [
      { id: 'maesawa-hall', name: '多目的ホール', nameKana: 'タモクテキホール', kind: 'hall', capacity: 200, floorAreaM2: 300, equipment: ['sound_system', 'microphone', 'tables_chairs'], purposes: ['meeting', 'culture', 'music', 'dance', 'event', 'exhibition'], slotMode: 'blocks', fee: { morning: 2400, afternoon: 3200, evening: 3200, heating: 600 } },
      { id: 'maesawa-meeting', name: '会議室', nameKana: 'カイギシツ', kind: 'meeting', capacity: 24, floorAreaM2: 50, equipment: ['whiteboard', 'tables_chairs', 'projector'], purposes: ['meeting', 'study'], slotMode: 'blocks', fee: { morning: 600, afternoon: 800, evening: 800, heating: 200 } },
      { id: 'maesawa-washitsu', name: '和室', nameKana: 'ワシツ', kind: 'japanese', capacity: 20, floorAreaM2: 40, equipment: ['tables_chairs'], purposes: ['meeting', 'culture', 'study'], slotMode: 'blocks', fee: { morning: 500, afternoon: 700, evening: 700, heating: 200 } },
    ],
  },
  {
    id: 'isawa-sogo-gym',
    name: '胆沢総合体育館',
    nameKana: 'イサワソウゴウタイイクカン',
    area: '胆沢',
    kind: 'gym',
    address: '奥州市胆沢南都田字加賀谷地186',
    lat: 39.1237,
    lng: 141.0712,
    phone: '0197-46-2111',
    description: 'バスケットボール2面がとれるアリーナと柔道場があります。1時間単位で予約できます。',
    accessibility: ['wheelchair', 'accessible_toilet', 'parking'],
    hours: GYM_HOURS,
    closures: [YEAR_END],
    rooms: [
      { id: 'isawa-arena', name: 'アリーナ', nameKana: 'アリーナ', kind: 'arena', capacity: 400, floorAreaM2: 1600, equipment: ['nets', 'lighting'], purposes: ['sports', 'dance', 'event'], slotMode: 'hourly', fee: { hour: 1100, heating: 300 } },
      { id: 'isawa-judo', name: '柔道場', nameKana: 'ジュウドウジョウ', kind: 'dojo', capacity: 60, floorAreaM2: 200, equipment: ['mats'], purposes: ['martial_arts', 'dance'], slotMode: 'hourly', fee: { hour: 400, heating: 150 } },
    ],
  },
  {
    id: 'koromogawa-shizenjuku',
    name: '衣川ふるさと自然塾',
    nameKana: 'コロモガワフルサトシゼンジュク',
    area: '衣川',
    kind: 'nature',
    address: '奥州市衣川増沢124',
    lat: 39.0419,
    lng: 140.9853,
    phone: '0197-52-3111',
    description: '山あいの研修施設です。研修室と調理室があり、自然体験や料理教室に利用できます。',
    accessibility: ['wheelchair', 'accessible_toilet', 'parking'],
    hours: [2, 3, 4, 5, 6, 7].map((d) => [d, H(9), H(17)] as [number, number, number]),
    closures: [YEAR_END, { rule: 'monthly_nth_weekday', nth: 3, weekday: 3, reason: '定期休館日（第3水曜日）' }],
    rooms: [
      { id: 'shizenjuku-hall', name: '研修ホール', nameKana: 'ケンシュウホール', kind: 'hall', capacity: 80, floorAreaM2: 150, equipment: ['projector', 'tables_chairs'], purposes: ['meeting', 'study', 'outdoor', 'culture'], slotMode: 'blocks', fee: { morning: 1000, afternoon: 1300, evening: 1300, heating: 300 } },
      { id: 'shizenjuku-kitchen', name: '調理室', nameKana: 'チョウリシツ', kind: 'kitchen', capacity: 24, floorAreaM2: 70, equipment: ['kitchen_tools'], purposes: ['cooking', 'study'], slotMode: 'blocks', fee: { morning: 900, afternoon: 1200, evening: 1200, heating: 200 } },
    ],
  },
  {
    id: 'mizusawa-gym',
    name: '水沢体育館',
    nameKana: 'ミズサワタイイクカン',
    area: '水沢',
    kind: 'gym',
    address: '奥州市水沢東大通り一丁目5-35',
    lat: 39.1438,
    lng: 141.1433,
    phone: '0197-24-2111',
    description: '市街地にある体育館です。アリーナは1時間単位、武道場は区分単位で予約できます。',
    accessibility: ['wheelchair', 'accessible_toilet', 'parking'],
    hours: GYM_HOURS,
    closures: [YEAR_END],
    rooms: [
      { id: 'mizusawa-arena', name: 'アリーナ', nameKana: 'アリーナ', kind: 'arena', capacity: 300, floorAreaM2: 1100, equipment: ['nets', 'lighting'], purposes: ['sports', 'dance'], slotMode: 'hourly', fee: { hour: 900, heating: 250 } },
      { id: 'mizusawa-budo', name: '武道場', nameKana: 'ブドウジョウ', kind: 'dojo', capacity: 60, floorAreaM2: 250, equipment: ['mats'], purposes: ['martial_arts', 'dance'], slotMode: 'blocks', fee: { morning: 700, afternoon: 900, evening: 900, heating: 300 } },
    ],
  },
  {
    id: 'esashi-chuo-park',
    name: '江刺中央運動公園',
    nameKana: 'エサシチュウオウウンドウコウエン',
    area: '江刺',
    kind: 'sports',
    address: '奥州市江刺愛宕字金谷',
    lat: 39.1931,
    lng: 141.1864,
    phone: '0197-35-2111',
    description: '砂入り人工芝のテニスコート3面。冬期（12月〜3月）は閉鎖します。1時間単位で予約できます。',
    accessibility: ['accessible_toilet', 'parking'],
    hours: [1, 2, 3, 4, 5, 6, 7].map((d) => [d, H(8), H(18)] as [number, number, number]),
    closures: [{ rule: 'annual', from: '12-01', to: '03-31', reason: '冬期閉鎖（12月〜3月）' }],
    rooms: [1, 2, 3].map((n) => ({ id: `esashi-tennis-${n}`, name: `テニスコート${n}`, nameKana: `テニスコート${n}`, kind: 'court' as const, capacity: 8, equipment: ['nets'], purposes: ['sports'], slotMode: 'hourly' as const, fee: { hour: 400, heating: 0 } })),
  },
  {
    id: 'mizusawa-kominkan',
    name: '水沢公民館',
    nameKana: 'ミズサワコウミンカン',
    area: '水沢',
    kind: 'community',
    address: '奥州市水沢横町2-1',
    lat: 39.1395,
    lng: 141.1391,
    phone: '0197-23-4511',
    description: 'サークル活動や地域の集まりに使える会議室、和室、調理室があります。',
    accessibility: ['wheelchair', 'accessible_toilet', 'elevator', 'parking'],
    hours: HALL_HOURS,
    closures: [YEAR_END],
    rooms: [
      { id: 'kominkan-meeting-1', name: '会議室1', nameKana: 'カイギシツイチ', kind: 'meeting', capacity: 36, floorAreaM2: 70, equipment: ['whiteboard', 'tables_chairs', 'projector'], purposes: ['meeting', 'study', 'culture', 'music'], slotMode: 'blocks', fee: { morning: 700, afternoon: 900, evening: 900, heating: 200 } },
      { id: 'kominkan-meeting-2', name: '会議室2', nameKana: 'カイギシツニ', kind: 'meeting', capacity: 18, floorAreaM2: 40, equipment: ['whiteboard', 'tables_chairs'], purposes: ['meeting', 'study'], slotMode: 'blocks', fee: { morning: 400, afternoon: 600, evening: 600, heating: 150 } },
      { id: 'kominkan-washitsu', name: '和室', nameKana: 'ワシツ', kind: 'japanese', capacity: 24, floorAreaM2: 45, equipment: ['tables_chairs'], purposes: ['meeting', 'culture', 'study'], slotMode: 'blocks', fee: { morning: 500, afternoon: 700, evening: 700, heating: 150 } },
      { id: 'kominkan-kitchen', name: '調理室', nameKana: 'チョウリシツ', kind: 'kitchen', capacity: 30, floorAreaM2: 80, equipment: ['kitchen_tools', 'tables_chairs'], purposes: ['cooking', 'study'], slotMode: 'blocks', fee: { morning: 900, afternoon: 1200, evening: 1200, heating: 200 } },
    ],
  },
  {
    id: 'isawa-bunka-sozo',
    name: '胆沢文化創造センター',
    nameKana: 'イサワブンカソウゾウセンター',
    area: '胆沢',
    kind: 'hall',
    address: '奥州市胆沢南都田字加賀谷地270',
    lat: 39.1251,
    lng: 141.0745,
    phone: '0197-46-2411',
    description: '音響に優れた大ホールと、バンドや合唱の練習に使える練習室があります。',
    accessibility: ['wheelchair', 'accessible_toilet', 'elevator', 'parking', 'hearing_loop'],
    hours: HALL_HOURS,
    closures: [YEAR_END],
    rooms: [
      { id: 'sozo-hall', name: '大ホール', nameKana: 'ダイホール', kind: 'hall', capacity: 800, floorAreaM2: 900, equipment: ['stage_lighting', 'sound_system', 'piano', 'microphone'], purposes: ['culture', 'music', 'event'], needsApproval: true, slotMode: 'blocks', fee: { morning: 16000, afternoon: 22000, evening: 25000, heating: 4000 } },
      { id: 'sozo-studio', name: '練習室', nameKana: 'レンシュウシツ', kind: 'studio', capacity: 20, floorAreaM2: 45, equipment: ['piano', 'sound_system'], purposes: ['music', 'dance', 'culture'], slotMode: 'blocks', fee: { morning: 800, afternoon: 1000, evening: 1000, heating: 200 } },
    ],
  },
  {
    id: 'koromogawa-gym',
    name: '衣川体育館',
    nameKana: 'コロモガワタイイクカン',
    area: '衣川',
    kind: 'gym',
    address: '奥州市衣川古戸409',
    lat: 39.0344,
    lng: 141.0254,
    phone: '0197-52-2111',
    description: '衣川地域の体育館です。バレーボール・バドミントンに利用できます。',
    accessibility: ['accessible_toilet', 'parking'],
    hours: GYM_HOURS,
    closures: [YEAR_END],
    rooms: [{ id: 'koromogawa-arena', name: 'アリーナ', nameKana: 'アリーナ', kind: 'arena', capacity: 200, floorAreaM2: 900, equipment: ['nets', 'lighting'], purposes: ['sports', 'dance'], slotMode: 'blocks', fee: { morning: 1500, afternoon: 2000, evening: 2200, heating: 600 } }],
  },
];
