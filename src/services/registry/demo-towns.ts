// Town table for the synthetic registry: real 町・大字 names of Oshu City with
// their readings and postal codes as in Japan Post's postal-code data (which
// already writes them without the 区 dropped in the address reform, e.g.
// 水沢大手町 023-0053). Household addresses inside a town are synthetic.

import type { Area } from './demo-data.ts';

/**
 * How house numbers are written in a town: 'chome' = N丁目N番地N (central
 * 水沢), 'banchi' = N番地 / N番地N (old town streets), 'aza' = 字XX N番地
 * (rural 大字 that still have 字 subdivisions).
 */
export type AddressStyle = 'chome' | 'banchi' | 'aza';

export interface DemoTownEntry {
  area: Area;
  /** Name after the area prefix: '大手町' for 水沢大手町. */
  name: string;
  kana: string;
  postalCode: string;
  style: AddressStyle;
  /** Highest 丁目 for 'chome' towns. */
  maxChome?: number;
  /** Relative share of the area's households living in this town. */
  weight: number;
}

export const AREA_KANA: Record<Area, string> = {
  水沢: 'ミズサワ',
  江刺: 'エサシ',
  前沢: 'マエサワ',
  胆沢: 'イサワ',
  衣川: 'コロモガワ',
};

/** Share of Oshu's population by area (roughly; normalised by the generator). */
export const AREA_POPULATION_SHARE: Record<Area, number> = {
  水沢: 55,
  江刺: 25,
  前沢: 10,
  胆沢: 13,
  衣川: 3,
};

export const DEMO_TOWN_ENTRIES: readonly DemoTownEntry[] = [
  // 水沢: the old castle town and station area; dense centre, farmland around.
  { area: '水沢', name: '大手町', kana: 'オオテマチ', postalCode: '023-0053', style: 'chome', maxChome: 5, weight: 5 },
  { area: '水沢', name: '中町', kana: 'ナカマチ', postalCode: '023-0813', style: 'banchi', weight: 3 },
  { area: '水沢', name: '横町', kana: 'ヨコマチ', postalCode: '023-0801', style: 'banchi', weight: 3 },
  { area: '水沢', name: '立町', kana: 'タチマチ', postalCode: '023-0047', style: 'banchi', weight: 3 },
  { area: '水沢', name: '東町', kana: 'アズマチョウ', postalCode: '023-0818', style: 'banchi', weight: 3 },
  { area: '水沢', name: '袋町', kana: 'フクロマチ', postalCode: '023-0814', style: 'banchi', weight: 3 },
  { area: '水沢', name: '川口町', kana: 'カワグチマチ', postalCode: '023-0034', style: 'banchi', weight: 3 },
  { area: '水沢', name: '吉小路', kana: 'キチコウジ', postalCode: '023-0054', style: 'banchi', weight: 2 },
  { area: '水沢', name: '台町', kana: 'ダイマチ', postalCode: '023-0825', style: 'banchi', weight: 2 },
  { area: '水沢', name: '柳町', kana: 'ヤナギマチ', postalCode: '023-0042', style: 'banchi', weight: 2 },
  { area: '水沢', name: '大町', kana: 'オオマチ', postalCode: '023-0045', style: 'banchi', weight: 2 },
  { area: '水沢', name: '日高小路', kana: 'ヒタカコウジ', postalCode: '023-0808', style: 'banchi', weight: 2 },
  { area: '水沢', name: '桜屋敷', kana: 'サクラヤシキ', postalCode: '023-0865', style: 'banchi', weight: 3 },
  { area: '水沢', name: '星ガ丘町', kana: 'ホシガオカチョウ', postalCode: '023-0861', style: 'banchi', weight: 3 },
  { area: '水沢', name: '龍ヶ馬場', kana: 'リュウガババ', postalCode: '023-0864', style: 'banchi', weight: 2 },
  { area: '水沢', name: '東大通り', kana: 'ヒガシオオドオリ', postalCode: '023-0828', style: 'chome', maxChome: 4, weight: 4 },
  { area: '水沢', name: '太日通り', kana: 'タイニチドオリ', postalCode: '023-0827', style: 'chome', maxChome: 3, weight: 3 },
  { area: '水沢', name: '東中通り', kana: 'ヒガシナカドオリ', postalCode: '023-0822', style: 'chome', maxChome: 2, weight: 3 },
  { area: '水沢', name: '神明町', kana: 'シンメイチョウ', postalCode: '023-0821', style: 'chome', maxChome: 2, weight: 3 },
  { area: '水沢', name: '天文台通り', kana: 'テンモンダイドオリ', postalCode: '023-0815', style: 'chome', maxChome: 2, weight: 2 },
  { area: '水沢', name: '佐倉河', kana: 'サクラカワ', postalCode: '023-0003', style: 'aza', weight: 7 },
  { area: '水沢', name: '真城', kana: 'シンジョウ', postalCode: '023-0841', style: 'aza', weight: 5 },
  { area: '水沢', name: '羽田町', kana: 'ハダチョウ', postalCode: '023-0132', style: 'aza', weight: 5 },
  { area: '水沢', name: '黒石町', kana: 'クロイシチョウ', postalCode: '023-0101', style: 'aza', weight: 4 },
  { area: '水沢', name: '姉体町', kana: 'アネタイチョウ', postalCode: '023-0831', style: 'aza', weight: 4 },
  // 江刺: 岩谷堂 town centre and the eastern villages.
  { area: '江刺', name: '大通り', kana: 'オオドオリ', postalCode: '023-1111', style: 'banchi', weight: 3 },
  { area: '江刺', name: '中町', kana: 'ナカマチ', postalCode: '023-1113', style: 'banchi', weight: 2 },
  { area: '江刺', name: '西大通り', kana: 'ニシオオドオリ', postalCode: '023-1103', style: 'banchi', weight: 3 },
  { area: '江刺', name: '南町', kana: 'ミナミマチ', postalCode: '023-1117', style: 'banchi', weight: 2 },
  { area: '江刺', name: '八日町', kana: 'ヨウカマチ', postalCode: '023-1102', style: 'banchi', weight: 2 },
  { area: '江刺', name: '愛宕', kana: 'オダキ', postalCode: '023-1131', style: 'aza', weight: 4 },
  { area: '江刺', name: '岩谷堂', kana: 'イワヤドウ', postalCode: '023-1101', style: 'aza', weight: 6 },
  { area: '江刺', name: '田原', kana: 'タワラ', postalCode: '023-0171', style: 'aza', weight: 3 },
  { area: '江刺', name: '稲瀬', kana: 'イナセ', postalCode: '023-1132', style: 'aza', weight: 3 },
  { area: '江刺', name: '梁川', kana: 'ヤナガワ', postalCode: '023-1341', style: 'aza', weight: 3 },
  { area: '江刺', name: '伊手', kana: 'イデ', postalCode: '023-1761', style: 'aza', weight: 2 },
  { area: '江刺', name: '米里', kana: 'ヨネサト', postalCode: '023-1551', style: 'aza', weight: 2 },
  { area: '江刺', name: '玉里', kana: 'タマサト', postalCode: '023-1134', style: 'aza', weight: 2 },
  { area: '江刺', name: '藤里', kana: 'フジサト', postalCode: '023-1762', style: 'aza', weight: 2 },
  { area: '江刺', name: '広瀬', kana: 'ヒロセ', postalCode: '023-1133', style: 'aza', weight: 2 },
  // 前沢: former town centre (七日町・三日町) and farmland.
  { area: '前沢', name: '七日町', kana: 'ナノカマチ', postalCode: '029-4208', style: 'banchi', weight: 3 },
  { area: '前沢', name: '三日町', kana: 'ミッカマチ', postalCode: '029-4207', style: 'banchi', weight: 3 },
  { area: '前沢', name: '新町', kana: 'シンマチ', postalCode: '029-4208', style: 'banchi', weight: 2 },
  { area: '前沢', name: '向田', kana: 'ムカイダ', postalCode: '029-4204', style: 'banchi', weight: 2 },
  { area: '前沢', name: '白山', kana: 'シラヤマ', postalCode: '029-4202', style: 'banchi', weight: 2 },
  { area: '前沢', name: '古城', kana: 'コジョウ', postalCode: '029-4201', style: 'banchi', weight: 2 },
  { area: '前沢', name: '生母', kana: 'セイボ', postalCode: '029-4203', style: 'banchi', weight: 2 },
  { area: '前沢', name: '五合田', kana: 'ゴゴウタ', postalCode: '029-4208', style: 'banchi', weight: 1 },
  { area: '前沢', name: '簾森', kana: 'ミスモリ', postalCode: '029-4206', style: 'banchi', weight: 1 },
  // 胆沢: three large 大字 on the alluvial fan, each with many 字.
  { area: '胆沢', name: '南都田', kana: 'ナツタ', postalCode: '023-0401', style: 'aza', weight: 4 },
  { area: '胆沢', name: '小山', kana: 'オヤマ', postalCode: '023-0402', style: 'aza', weight: 4 },
  { area: '胆沢', name: '若柳', kana: 'ワカヤナギ', postalCode: '023-0403', style: 'aza', weight: 3 },
  // 衣川: small mountain settlements.
  { area: '衣川', name: '日向', kana: 'ヒナタ', postalCode: '029-4421', style: 'banchi', weight: 2 },
  { area: '衣川', name: '古戸', kana: 'フルド', postalCode: '029-4332', style: 'banchi', weight: 1 },
  { area: '衣川', name: '石神', kana: 'イシガミ', postalCode: '029-4384', style: 'banchi', weight: 1 },
  { area: '衣川', name: '瀬原', kana: 'セワラ', postalCode: '029-4422', style: 'banchi', weight: 1 },
  { area: '衣川', name: '古館', kana: 'フルダテ', postalCode: '029-4311', style: 'banchi', weight: 1 },
];

/** Synthetic 字 names for 'aza' towns (kanji only; they appear in addressLine). */
export const AZA_NAMES: readonly string[] = [
  '中屋敷', '石田', '西田', '北田', '下川原', '上野', '前田', '堤', '林', '大畑',
  '沖', '中島', '谷地', '荒田', '高畑', '新田', '宮田', '向田', '川端', '寺前',
  '館', '下野', '上川原', '大平', '柳田', '東裏', '西裏', '明神', '八幡', '道下',
];

/** Places people move in from or out to, for 転入/転出 (synthetic house numbers are appended). */
export const OUTSIDE_PLACES: readonly string[] = [
  '岩手県一関市山目',
  '岩手県北上市本通り2丁目',
  '岩手県盛岡市中央通1丁目',
  '岩手県花巻市桜町3丁目',
  '岩手県胆沢郡金ケ崎町西根',
  '岩手県西磐井郡平泉町平泉',
  '宮城県仙台市青葉区一番町3丁目',
  '宮城県仙台市泉区泉中央2丁目',
  '秋田県横手市大町',
  '東京都世田谷区三軒茶屋2丁目',
  '東京都江東区豊洲4丁目',
  '埼玉県さいたま市大宮区桜木町1丁目',
  '神奈川県横浜市港北区日吉本町3丁目',
  '愛知県名古屋市中村区名駅南2丁目',
];
