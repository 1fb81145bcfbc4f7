// Hand-written Japanese municipal vocabulary. Written from general knowledge of
// how residents and city offices word the same thing; NOT derived from any
// evaluation queries. Two kinds of entry, handled differently:
//
// - VARIANT_GROUPS: 表記ゆれ — one word, several spellings (ゴミ/ごみ/塵,
//   引っ越し/引越し). These are rewritten to one canonical spelling in both
//   documents and queries, so they become literally the same token.
// - SYNONYM_GROUPS: different words for one concept (転居/引越, 助成/補助).
//   They are not identical in meaning, so they only *expand the query* at a
//   reduced weight instead of being merged.
//
// Canonical spellings are the short kanji stem (申込, 引越, 手続) so that
// inflected forms (申し込む → 申込む) still share the stem.

import { foldKana } from './normalize.ts';

/** First entry is the canonical spelling; the rest are rewritten to it. */
export const VARIANT_GROUPS: readonly (readonly string[])[] = [
  ['ごみ', 'ゴミ', '塵'],
  ['子ども', '子供', 'こども'],
  ['引越', '引っ越し', '引越し', '引っ越'],
  ['手続', '手続き'],
  ['申込', '申し込み', '申込み', '申し込'],
  ['問合せ', '問い合わせ', '問合わせ', '問い合せ'],
  ['受付', '受け付け', '受付け', '受け付'],
  ['取扱', '取り扱い', '取扱い', '取り扱'],
  ['届出', '届け出'],
  ['振込', '振り込み', '振込み', '振り込'],
  ['払込', '払い込み', '払込み', '払い込'],
  ['支払', '支払い'],
  ['貸出', '貸し出し', '貸出し', '貸し出'],
  ['持込', '持ち込み', '持込み', '持ち込'],
  ['引落', '引き落とし', '引落し', '引き落し', '引き落'],
  ['払戻', '払い戻し', '払戻し', '払い戻'],
  ['切替', '切り替え', '切替え', '切り替'],
  ['障害', '障がい', '障碍'],
  ['ひとり親', '一人親'],
  ['空家', '空き家'],
  ['はんこ', '判子'],
  ['猫', 'ねこ'],
  ['コンビニ', 'コンビニエンスストア'],
  ['dv', 'ドメスティック・バイオレンス', 'ドメスティックバイオレンス'],
  ['マイナンバー', 'マイ・ナンバー'],
  ['メール', 'eメール', 'e-mail', 'email'],
  ['車いす', '車椅子'],
  ['寄附', '寄付'],
  ['名字', '苗字'],
];

/** Groups of interchangeable words; a query word pulls in the others. */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // living, moving, registration
  ['引越', '転居', '住所変更', '転入', '転出'],
  ['マイナンバー', '個人番号'],
  ['住基カード', '住民基本台帳カード'],
  ['印鑑', 'はんこ'],
  ['戸籍謄本', '戸籍全部事項証明'],
  ['戸籍抄本', '戸籍個人事項証明'],
  ['代理', '委任'],
  ['本人確認', '身分証'],
  ['パスポート', '旅券'],
  ['外国人', '外国籍'],
  ['結婚', '婚姻'],
  ['死亡', '亡くな', '死去', '逝去'],
  ['葬儀', '葬式'],
  ['墓地', '霊園', 'お墓'],
  ['出生', '誕生', '生まれ'],
  // how and where to apply
  ['交付', '発行', '取得'],
  ['再発行', '再交付'],
  ['紛失', 'なくし', '無くし', '失くし', '落とし'],
  ['郵送', '郵便'],
  ['インターネット', 'ネット', 'オンライン', '電子申請', 'ウェブ'],
  ['市役所', '役所', '市庁舎'],
  ['場所', 'どこ', '所在地'],
  ['休日', '土日', '週末', '日曜', '土曜', '祝日'],
  ['夜間', '時間外'],
  ['携帯電話', 'スマートフォン', 'スマホ'],
  // money
  ['料金', '費用', '手数料', '金額', 'いくら'],
  ['無料', '無償'],
  ['補助', '助成', '給付', '支援金'],
  ['減免', '減額', '免除', '軽減'],
  ['滞納', '未納', '払えな'],
  ['分割', '分納'],
  ['口座振替', '引落'],
  ['還付', '払戻', '返金'],
  ['住民税', '市民税', '市県民税', '県民税'],
  ['国民健康保険', '国保'],
  ['保険証', '被保険者証'],
  ['医療費', '治療費'],
  // family, children, welfare
  ['ひとり親', '母子家庭', '父子家庭', 'シングルマザー', 'シングルファーザー'],
  ['児童扶養手当', '母子手当'],
  ['児童手当', '子ども手当'],
  ['赤ちゃん', '乳児', '新生児', '赤ん坊'],
  ['母子手帳', '母子健康手帳'],
  ['保育所', '保育園'],
  ['学童保育', '放課後児童クラブ', '学童'],
  ['就学', '入学'],
  ['転校', '転学'],
  ['高齢者', 'お年寄り', '老人', 'シニア'],
  ['デイサービス', '通所介護'],
  ['生活保護', '生活困窮'],
  ['dv', '配偶者からの暴力', '家庭内暴力'],
  // health
  ['予防接種', 'ワクチン'],
  ['健診', '検診', '健康診断'],
  ['病院', '医療機関', '診療所', 'クリニック', '医院'],
  ['救急', '急病'],
  // work and business
  ['失業', '離職', '退職'],
  ['仕事', '就職', '就労', '求人'],
  ['起業', '創業', '開業', '会社設立'],
  ['会社', '企業', '事業所', '事業者', '法人'],
  // waste and environment
  ['粗大ごみ', '大型ごみ', '大きなごみ'],
  ['資源ごみ', 'リサイクル'],
  ['処分', '廃棄', '捨て'],
  ['収集', '回収'],
  ['持込', '搬入'],
  ['不用品', '不要品'],
  ['家電', '電化製品'],
  ['騒音', 'うるさい'],
  ['駐輪場', '自転車置き場', '自転車置場'],
  ['原付', '原動機付自転車', 'バイク'],
  ['街灯', '防犯灯', '外灯'],
  ['避難所', '避難場所'],
  ['選挙', '投票'],
  ['可燃ごみ', '燃やすごみ', '燃えるごみ'],
  ['不燃ごみ', '燃やさないごみ', '燃えないごみ'],
  ['ごみ袋', '指定袋'],
  ['不法投棄', 'ポイ捨て'],
  ['放置自転車', '撤去自転車'],
  ['路上駐車', '違法駐車', '迷惑駐車'],
  ['カーブミラー', '道路反射鏡'],
  ['駐車場', 'パーキング'],
  ['火事', '火災'],
  ['水害', '浸水', '洪水'],
  ['ハザードマップ', '防災マップ'],
  // housing, property, legal
  ['市営住宅', '公営住宅'],
  ['家賃', '賃料'],
  ['リフォーム', '改修', '改築'],
  ['相続', '遺産'],
  ['成年後見', '後見人'],
  ['悪質商法', '詐欺', '消費者トラブル'],
  ['法律相談', '弁護士'],
  ['情報公開', '開示請求'],
  ['苦情', 'クレーム'],
  ['要望', '意見', '提案'],
  ['改名', '名の変更', '氏名変更'],
  // certificates and tax
  ['印鑑証明', '印鑑登録証明'],
  ['所得証明', '課税証明'],
  ['キャッシュレス', '電子マネー', 'スマホ決済'],
  ['融資', '貸付', 'ローン'],
  // facilities and time
  ['開庁時間', '受付時間', '窓口時間', '営業時間'],
  ['図書館', '図書室'],
  ['体育館', 'スポーツ施設', '運動施設'],
  ['公民館', '集会所'],
  ['借り', '貸出', 'レンタル'],
  ['年末年始', '正月'],
  ['ゴールデンウィーク', '大型連休'],
  // welfare, care, health
  ['年金', '国民年金'],
  ['要介護認定', '介護認定'],
  ['障害者手帳', '身体障害者手帳', '療育手帳', '精神障害者保健福祉手帳'],
  ['ヘルパー', '訪問介護'],
  ['老人ホーム', '介護施設', '特別養護老人ホーム', '特養'],
  ['認知症', '物忘れ'],
  ['妊娠', '妊婦'],
  ['出産', 'お産', '分娩'],
  ['乳幼児', '未就学児'],
  ['幼稚園', '認定子ども園'],
  ['奨学金', '修学資金'],
  ['いじめ', '嫌がらせ'],
  ['歯科', '歯医者'],
  ['保健所', '保健センター'],
  ['ハローワーク', '公共職業安定所'],
  ['後期高齢者医療', '長寿医療'],
];

function toKatakana(text: string): string {
  return text.replace(/[\u3041-\u3096]/gu, (ch) => String.fromCodePoint((ch.codePointAt(0) ?? 0) + 0x60));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Every script form of a word, so ゴミ in the table also catches ごみ and vice versa. */
function scriptForms(word: string): string[] {
  return [...new Set([word, foldKana(word), toKatakana(word)])];
}

/** One regex per table; alternation is longest-first so 手続き wins over 手続. */
function buildMatcher(words: Iterable<string>): RegExp {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'gu');
}

const variantToCanonical = new Map<string, string>();
for (const [canonical, ...variants] of VARIANT_GROUPS) {
  if (canonical === undefined) continue;
  for (const variant of [canonical, ...variants]) {
    for (const form of scriptForms(variant)) variantToCanonical.set(form, canonical);
  }
}
const variantMatcher = buildMatcher(variantToCanonical.keys());

/** Rewrite spelling variants to their canonical form. Input must already be NFKC-normalised. */
export function canonicalizeVariants(text: string): string {
  return text.replace(variantMatcher, (match) => variantToCanonical.get(match) ?? match);
}

// A word may sit in several groups (引落 is both 口座振替 and a variant target).
const wordToGroups = new Map<string, (readonly string[])[]>();
for (const group of SYNONYM_GROUPS) {
  for (const word of group) {
    for (const form of scriptForms(word)) {
      const groups = wordToGroups.get(form) ?? [];
      groups.push(group);
      wordToGroups.set(form, groups);
    }
  }
}
const synonymMatcher = buildMatcher(wordToGroups.keys());

/**
 * Words that the query does not contain but whose synonyms it does.
 * Input must be normalised and canonicalised the same way as documents.
 */
export function synonymExpansions(text: string): string[] {
  const found = new Set<string>();
  const expansions = new Set<string>();
  for (const match of text.matchAll(synonymMatcher)) {
    found.add(match[0]);
    for (const group of wordToGroups.get(match[0]) ?? []) {
      for (const word of group) expansions.add(word);
    }
  }
  return [...expansions].filter((word) => !text.includes(word) && !found.has(word));
}
