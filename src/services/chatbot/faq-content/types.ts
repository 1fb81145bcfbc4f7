/**
 * 奥州市 住民向けチャットボットの FAQ（市の公式コンテンツ）の型定義。
 */

/**
 * 担当課コード。
 * dx=DX推進室, citizens=市民課, tax=税務課, childcare=こども家庭課,
 * welfare=長寿社会課（高齢者・介護・障がい・生活支援も担当とする）,
 * environment=生活環境課（ごみ・ペット・環境）, roads=土木課, water=上下水道部,
 * lifelong=生涯学習スポーツ課（公共施設・スポーツ・図書館・スマホ教室）,
 * transport=都市計画課（公共交通・オンデマンドバス）, commerce=商業観光課,
 * agriculture=農政企画課
 */
export type DepartmentCode =
  | 'dx'
  | 'citizens'
  | 'tax'
  | 'childcare'
  | 'welfare'
  | 'environment'
  | 'roads'
  | 'water'
  | 'lifelong'
  | 'transport'
  | 'commerce'
  | 'agriculture';

export type FaqCategory =
  | 'くらし・手続き'
  | 'ごみ・環境'
  | '子育て・教育'
  | '健康・福祉'
  | '税金'
  | '住まい・道路・水道'
  | '交通'
  | '施設・予約'
  | '防災'
  | 'しごと・産業'
  | 'デジタル・マイナンバー';

export type LifeEvent = '引越し' | '出産' | '入学' | '就職' | '結婚' | '介護' | 'おくやみ' | '開業';

/** 製品内に実在する内部パスのみ。 */
export type InternalLinkPath = '/mypage' | '/auth/login' | '/ask' | '/ask/inquiry';

export interface FaqSeed {
  /** 安定したスラッグ（例: 'juminhyo-konbini'） */
  id: string;
  /** 住民が実際に尋ねるような自然な日本語の質問 */
  question: string;
  /** 2〜6文の平易な です・ます 調の回答（HTMLなし） */
  answer: string;
  department: DepartmentCode;
  category: FaqCategory;
  /** 住民が使いそうな別の言い方・読み・同義語（2〜6語） */
  keywords: string[];
  lifeEvents?: LifeEvent[];
  /** 対応するオンライン手続きのスラッグ（ある場合のみ） */
  procedure?: string;
  /** 製品内の実在する内部パスのみ */
  links?: { label: string; href: InternalLinkPath }[];
  /** 英語版（最も多い質問30件のみ） */
  en?: { question: string; answer: string };
}

export const DEPARTMENT_CODES: readonly DepartmentCode[] = [
  'dx',
  'citizens',
  'tax',
  'childcare',
  'welfare',
  'environment',
  'roads',
  'water',
  'lifelong',
  'transport',
  'commerce',
  'agriculture',
];

export const FAQ_CATEGORIES: readonly FaqCategory[] = [
  'くらし・手続き',
  'ごみ・環境',
  '子育て・教育',
  '健康・福祉',
  '税金',
  '住まい・道路・水道',
  '交通',
  '施設・予約',
  '防災',
  'しごと・産業',
  'デジタル・マイナンバー',
];

export const LIFE_EVENTS: readonly LifeEvent[] = ['引越し', '出産', '入学', '就職', '結婚', '介護', 'おくやみ', '開業'];

export const INTERNAL_LINK_PATHS: readonly InternalLinkPath[] = ['/mypage', '/auth/login', '/ask', '/ask/inquiry'];

/** 製品で提供しているオンライン手続きのスラッグ。 */
export const PROCEDURE_SLUGS: readonly string[] = [
  'juminhyo-copy',
  'inkan-shomei',
  'zei-shomei',
  'tenshutsu',
  'tennyu-yoyaku',
  'tenkyo',
  'jido-teate',
  'hoikusho',
  'hokago-jido-club',
  'inu-toroku',
  'sodai-gomi',
  'doro-sonsho',
  'suido-kaisen',
  'suido-heisen',
  'tv-kyocho-hojo',
  'kigyo-dx-hojo',
];
