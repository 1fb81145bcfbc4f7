// Name tables for the synthetic registry. Surnames are those frequent in
// Oshu and southern Iwate (千葉, 及川, 菅原, 小野寺, 千田 are far more common
// here than nationally); weights are rough relative frequencies, not census
// data. A few registrations use old-form kanji (髙橋, 齋藤, 渡邊 …) so that
// variant-tolerant search can be demonstrated.

export interface NameEntry {
  kanji: string;
  kana: string;
}

export interface SurnameEntry extends NameEntry {
  weight: number;
}

export const SURNAMES: readonly SurnameEntry[] = [
  { kanji: '佐藤', kana: 'サトウ', weight: 40 },
  { kanji: '高橋', kana: 'タカハシ', weight: 34 },
  { kanji: '千葉', kana: 'チバ', weight: 32 },
  { kanji: '菅原', kana: 'スガワラ', weight: 26 },
  { kanji: '及川', kana: 'オイカワ', weight: 26 },
  { kanji: '佐々木', kana: 'ササキ', weight: 24 },
  { kanji: '阿部', kana: 'アベ', weight: 20 },
  { kanji: '菊池', kana: 'キクチ', weight: 20 },
  { kanji: '鈴木', kana: 'スズキ', weight: 16 },
  { kanji: '小野寺', kana: 'オノデラ', weight: 16 },
  { kanji: '千田', kana: 'チダ', weight: 14 },
  { kanji: '伊藤', kana: 'イトウ', weight: 12 },
  { kanji: '渡辺', kana: 'ワタナベ', weight: 10 },
  { kanji: '斎藤', kana: 'サイトウ', weight: 8 },
  { kanji: '後藤', kana: 'ゴトウ', weight: 8 },
  { kanji: '熊谷', kana: 'クマガイ', weight: 10 },
  { kanji: '小原', kana: 'オバラ', weight: 8 },
  { kanji: '高野', kana: 'タカノ', weight: 6 },
  { kanji: '亀井', kana: 'カメイ', weight: 5 },
  { kanji: '菅野', kana: 'カンノ', weight: 7 },
  { kanji: '藤原', kana: 'フジワラ', weight: 8 },
  { kanji: '石川', kana: 'イシカワ', weight: 6 },
  { kanji: '岩渕', kana: 'イワブチ', weight: 6 },
  { kanji: '八重樫', kana: 'ヤエガシ', weight: 5 },
  { kanji: '照井', kana: 'テルイ', weight: 6 },
  { kanji: '金野', kana: 'コンノ', weight: 5 },
  { kanji: '今野', kana: 'コンノ', weight: 4 },
  { kanji: '三浦', kana: 'ミウラ', weight: 5 },
  { kanji: '遠藤', kana: 'エンドウ', weight: 5 },
  { kanji: '村上', kana: 'ムラカミ', weight: 4 },
  { kanji: '工藤', kana: 'クドウ', weight: 4 },
  { kanji: '吉田', kana: 'ヨシダ', weight: 4 },
  { kanji: '小松', kana: 'コマツ', weight: 4 },
  { kanji: '中村', kana: 'ナカムラ', weight: 4 },
  { kanji: '加藤', kana: 'カトウ', weight: 4 },
  { kanji: '昆', kana: 'コン', weight: 3 },
  { kanji: '菊地', kana: 'キクチ', weight: 4 },
  { kanji: '小沢', kana: 'オザワ', weight: 4 },
  { kanji: '三田', kana: 'ミタ', weight: 3 },
  { kanji: '中島', kana: 'ナカジマ', weight: 3 },
  { kanji: '星', kana: 'ホシ', weight: 3 },
  { kanji: '大内', kana: 'オオウチ', weight: 3 },
  { kanji: '宍戸', kana: 'シシド', weight: 3 },
  { kanji: '白岩', kana: 'シロイワ', weight: 2 },
  { kanji: '郷右近', kana: 'ゴウウコン', weight: 2 },
  { kanji: '門脇', kana: 'カドワキ', weight: 2 },
  { kanji: '畠山', kana: 'ハタケヤマ', weight: 3 },
  { kanji: '藤田', kana: 'フジタ', weight: 3 },
  { kanji: '横道', kana: 'ヨコミチ', weight: 2 },
  { kanji: '小関', kana: 'コセキ', weight: 2 },
  { kanji: '西城', kana: 'サイジョウ', weight: 2 },
  { kanji: '新田', kana: 'ニッタ', weight: 2 },
  { kanji: '朝倉', kana: 'アサクラ', weight: 2 },
  { kanji: '浅野', kana: 'アサノ', weight: 2 },
  { kanji: '平野', kana: 'ヒラノ', weight: 2 },
  { kanji: '岩井', kana: 'イワイ', weight: 2 },
  { kanji: '梅田', kana: 'ウメダ', weight: 2 },
  { kanji: '高子', kana: 'タカコ', weight: 1 },
  { kanji: '山崎', kana: 'ヤマザキ', weight: 3 },
  { kanji: '宮崎', kana: 'ミヤザキ', weight: 2 },
  // Old-form registrations of the names above.
  { kanji: '髙橋', kana: 'タカハシ', weight: 4 },
  { kanji: '齋藤', kana: 'サイトウ', weight: 2 },
  { kanji: '齊藤', kana: 'サイトウ', weight: 1 },
  { kanji: '斉藤', kana: 'サイトウ', weight: 2 },
  { kanji: '渡邊', kana: 'ワタナベ', weight: 2 },
  { kanji: '渡邉', kana: 'ワタナベ', weight: 2 },
  { kanji: '山\u{FA11}', kana: 'ヤマザキ', weight: 1 }, // 﨑 U+FA11, which NFKC keeps
];

/** Birth cohorts, because given names follow fashion closely. */
export type NameGeneration = 'elderly' | 'middle' | 'young';

export function generationOf(birthYear: number): NameGeneration {
  if (birthYear <= 1955) return 'elderly';
  if (birthYear <= 1990) return 'middle';
  return 'young';
}

export const GIVEN_NAMES: Record<NameGeneration, { male: readonly NameEntry[]; female: readonly NameEntry[] }> = {
  elderly: {
    male: [
      { kanji: '正男', kana: 'マサオ' }, { kanji: '清', kana: 'キヨシ' }, { kanji: '勝', kana: 'マサル' },
      { kanji: '茂', kana: 'シゲル' }, { kanji: '実', kana: 'ミノル' }, { kanji: '進', kana: 'ススム' },
      { kanji: '博', kana: 'ヒロシ' }, { kanji: '武', kana: 'タケシ' }, { kanji: '昭', kana: 'アキラ' },
      { kanji: '勇', kana: 'イサム' }, { kanji: '正', kana: 'タダシ' }, { kanji: '和夫', kana: 'カズオ' },
      { kanji: '幸男', kana: 'ユキオ' }, { kanji: '義雄', kana: 'ヨシオ' }, { kanji: '三郎', kana: 'サブロウ' },
      { kanji: '健一', kana: 'ケンイチ' }, { kanji: '孝', kana: 'タカシ' }, { kanji: '秀雄', kana: 'ヒデオ' },
      { kanji: '喜一', kana: 'キイチ' }, { kanji: '俊夫', kana: 'トシオ' }, { kanji: '重雄', kana: 'シゲオ' },
      { kanji: '金治', kana: 'キンジ' }, { kanji: '榮一', kana: 'エイイチ' }, { kanji: '德太郎', kana: 'トクタロウ' },
    ],
    female: [
      { kanji: 'トシ', kana: 'トシ' }, { kanji: '和子', kana: 'カズコ' }, { kanji: '幸子', kana: 'サチコ' },
      { kanji: '節子', kana: 'セツコ' }, { kanji: '洋子', kana: 'ヨウコ' }, { kanji: '京子', kana: 'キョウコ' },
      { kanji: '恵美子', kana: 'エミコ' }, { kanji: 'キヨ', kana: 'キヨ' }, { kanji: '久子', kana: 'ヒサコ' },
      { kanji: '美代子', kana: 'ミヨコ' }, { kanji: '良子', kana: 'ヨシコ' }, { kanji: '静子', kana: 'シズコ' },
      { kanji: '信子', kana: 'ノブコ' }, { kanji: '弘子', kana: 'ヒロコ' }, { kanji: '悦子', kana: 'エツコ' },
      { kanji: '栄子', kana: 'エイコ' }, { kanji: '千代', kana: 'チヨ' }, { kanji: 'ミツ', kana: 'ミツ' },
      { kanji: '文子', kana: 'フミコ' }, { kanji: 'ハツ', kana: 'ハツ' }, { kanji: 'きよ子', kana: 'キヨコ' },
      { kanji: '惠子', kana: 'ケイコ' },
    ],
  },
  middle: {
    male: [
      { kanji: '浩', kana: 'ヒロシ' }, { kanji: '博之', kana: 'ヒロユキ' }, { kanji: '誠', kana: 'マコト' },
      { kanji: '剛', kana: 'ツヨシ' }, { kanji: '直樹', kana: 'ナオキ' }, { kanji: '哲也', kana: 'テツヤ' },
      { kanji: '聡', kana: 'サトシ' }, { kanji: '大輔', kana: 'ダイスケ' }, { kanji: '拓也', kana: 'タクヤ' },
      { kanji: '和也', kana: 'カズヤ' }, { kanji: '学', kana: 'マナブ' }, { kanji: '隆之', kana: 'タカユキ' },
      { kanji: '淳', kana: 'ジュン' }, { kanji: '賢治', kana: 'ケンジ' }, { kanji: '修', kana: 'オサム' },
      { kanji: '達也', kana: 'タツヤ' }, { kanji: '英樹', kana: 'ヒデキ' }, { kanji: '健二', kana: 'ケンジ' },
      { kanji: '裕樹', kana: 'ユウキ' }, { kanji: '秀樹', kana: 'ヒデキ' }, { kanji: '伸也', kana: 'シンヤ' },
    ],
    female: [
      { kanji: '恵子', kana: 'ケイコ' }, { kanji: '裕子', kana: 'ユウコ' }, { kanji: '由美', kana: 'ユミ' },
      { kanji: '真由美', kana: 'マユミ' }, { kanji: '直美', kana: 'ナオミ' }, { kanji: '久美子', kana: 'クミコ' },
      { kanji: '智子', kana: 'トモコ' }, { kanji: '美穂', kana: 'ミホ' }, { kanji: '陽子', kana: 'ヨウコ' },
      { kanji: '純子', kana: 'ジュンコ' }, { kanji: '明美', kana: 'アケミ' }, { kanji: '香織', kana: 'カオリ' },
      { kanji: '麻衣', kana: 'マイ' }, { kanji: '愛', kana: 'アイ' }, { kanji: '彩', kana: 'アヤ' },
      { kanji: '恵', kana: 'メグミ' }, { kanji: '亜希子', kana: 'アキコ' }, { kanji: '由紀', kana: 'ユキ' },
      { kanji: '美香', kana: 'ミカ' }, { kanji: '奈緒子', kana: 'ナオコ' }, { kanji: '千春', kana: 'チハル' },
    ],
  },
  young: {
    male: [
      { kanji: '翔太', kana: 'ショウタ' }, { kanji: '蓮', kana: 'レン' }, { kanji: '大翔', kana: 'ヒロト' },
      { kanji: '悠真', kana: 'ユウマ' }, { kanji: '陽翔', kana: 'ハルト' }, { kanji: '湊', kana: 'ミナト' },
      { kanji: '颯太', kana: 'ソウタ' }, { kanji: '拓海', kana: 'タクミ' }, { kanji: '大和', kana: 'ヤマト' },
      { kanji: '蒼', kana: 'アオイ' }, { kanji: '樹', kana: 'イツキ' }, { kanji: '健太', kana: 'ケンタ' },
      { kanji: '翼', kana: 'ツバサ' }, { kanji: '悠斗', kana: 'ユウト' }, { kanji: '優斗', kana: 'ユウト' },
      { kanji: '陸', kana: 'リク' }, { kanji: '律', kana: 'リツ' }, { kanji: '朝陽', kana: 'アサヒ' },
      { kanji: '碧', kana: 'アオイ' }, { kanji: '翔', kana: 'ショウ' }, { kanji: '龍之介', kana: 'リュウノスケ' },
    ],
    female: [
      { kanji: '陽菜', kana: 'ヒナ' }, { kanji: '結衣', kana: 'ユイ' }, { kanji: 'さくら', kana: 'サクラ' },
      { kanji: '美咲', kana: 'ミサキ' }, { kanji: '葵', kana: 'アオイ' }, { kanji: '結菜', kana: 'ユイナ' },
      { kanji: '凛', kana: 'リン' }, { kanji: '芽依', kana: 'メイ' }, { kanji: '莉子', kana: 'リコ' },
      { kanji: '杏', kana: 'アン' }, { kanji: '花', kana: 'ハナ' }, { kanji: '紬', kana: 'ツムギ' },
      { kanji: '陽葵', kana: 'ヒマリ' }, { kanji: '彩花', kana: 'アヤカ' }, { kanji: '七海', kana: 'ナナミ' },
      { kanji: '愛莉', kana: 'アイリ' }, { kanji: 'ひより', kana: 'ヒヨリ' }, { kanji: '心春', kana: 'コハル' },
      { kanji: '美月', kana: 'ミヅキ' }, { kanji: '遥', kana: 'ハルカ' },
    ],
  },
};
