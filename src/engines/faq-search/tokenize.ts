// Two views of the same text: dictionary words (Intl.Segmenter, ICU's
// Japanese dictionary) and overlapping character bigrams. Words are precise;
// bigrams survive segmentation mistakes and unknown compounds (粗大ごみ vs
// 粗大|ごみ), which is why CJK retrieval traditionally uses both. (On the
// localgovFAQ sample bigrams added nothing, so the engine uses words only by
// default; see README.md.)

import { foldKana } from './normalize.ts';

const segmenter = new Intl.Segmenter('ja', { granularity: 'word' });

// Particles, auxiliaries and question phrasing ("教えてください",
// "どうしたらいいですか") that every query and many FAQs contain; they carry
// no topic. Matched after kana folding, so written in hiragana.
const STOPWORDS: ReadonlySet<string> = new Set([
  'の', 'を', 'は', 'が', 'に', 'へ', 'と', 'で', 'や', 'も', 'か', 'から', 'まで', 'より', 'など', 'ね', 'よ', 'な',
  'だ', 'です', 'ます', 'でし', 'まし', 'ませ', 'せん', 'ない', 'たい', 'た', 'て', 'い', 'る', 'れ', 'られ', 'れる',
  'する', 'し', 'した', 'して', 'しま', 'さ', 'ある', 'あり', 'いる', 'おり', 'なる', 'なり', 'こと', 'もの', 'ため',
  'よう', 'これ', 'それ', 'この', 'その', 'あの', 'どう', 'どの', 'でしょ', 'でしょう', 'ござい', 'ください', '下さい',
  'くだ', 'さい', '教え', '知り', '思い', '思う', 'いい', 'よい', '良い', 'ば', 'けど', 'けれど', 'ところ', 'ので',
  'のですが', 'ですが', 'んです', 'ん', 'について', 'つい', 'にて', 'また', 'および', '及び', 'または', 'そう',
  'でき', 'できる', 'できま', 'いただ', 'いただけ', 'もらえ', 'たら', 'なら', 'あれ', 'ありま', 'おく', 'しれ',
]);

const HIRAGANA_ONE = /^[\u3041-\u3096]$/u;

/** Splits text into words; punctuation and spaces must not be returned. */
export type WordSegmenter = (text: string) => string[];

/** The built-in segmenter: ICU's dictionary-based word break, word-like segments only. */
export const icuWords: WordSegmenter = (text) => {
  const words: string[] = [];
  for (const part of segmenter.segment(text)) if (part.isWordLike) words.push(part.segment);
  return words;
};

/**
 * Content words of already-normalised text, kana-folded, stopwords removed.
 * `segment` can be swapped for a morphological analyser (see README).
 */
export function wordTokens(text: string, fold = true, segment: WordSegmenter = icuWords): string[] {
  const tokens: string[] = [];
  // Segment before folding: ICU uses the katakana/hiragana boundary as a cue,
  // and all-hiragana text segments badly.
  for (const word of segment(text)) {
    const token = fold ? foldKana(word) : word;
    if (STOPWORDS.has(token) || HIRAGANA_ONE.test(token)) continue;
    tokens.push(token);
  }
  return tokens;
}

// Anything that is not a letter, digit or mark breaks a run: n-grams never
// straddle punctuation or spaces.
const RUN_SPLIT = /[^\p{L}\p{N}\p{M}ー]+/u;

// Hiragana also breaks a run in content-only mode (see charNgrams).
const CONTENT_RUN_SPLIT = /[^\p{L}\p{N}\p{M}ー]+|[\u3041-\u309f]+/u;

/**
 * Overlapping character n-grams of each run of letters (kana-folded).
 * With contentOnly, hiragana separates runs instead of joining them: in
 * Japanese it mostly spells particles and inflections (した, ます, ですか), so
 * n-grams over it match the phrasing of a question rather than its topic.
 * Kanji, katakana, Latin and digit runs remain; the word view still covers
 * content words written in hiragana (ごみ).
 * A run shorter than n yields itself, so one-kanji words like 税 still count.
 */
export function charNgrams(text: string, n = 2, fold = true, contentOnly = false): string[] {
  const grams: string[] = [];
  // Split before folding so katakana is still told apart from hiragana.
  for (const rawRun of text.split(contentOnly ? CONTENT_RUN_SPLIT : RUN_SPLIT)) {
    const run = fold ? foldKana(rawRun) : rawRun;
    const chars = [...run];
    if (chars.length === 0) continue;
    if (chars.length < n) {
      grams.push(run);
      continue;
    }
    for (let i = 0; i + n <= chars.length; i++) grams.push(chars.slice(i, i + n).join(''));
  }
  return grams;
}

// Sentence ends, commas, brackets and bullets are always word boundaries, so
// segmenting piece by piece gives the same tokens as segmenting the whole
// text. (Not ':' — ICU keeps 10:00 together.)
const PIECE_END = /(?<=[。、!?\n・()「」『』【】≪≫■*])/u;

/**
 * wordTokens with a per-piece memo, for building an index. Intl.Segmenter
 * costs ~1.5 µs per word and dominates build time, while FAQ answers repeat
 * whole sentences (contact blocks, "以下のいずれについて知りたいですか") across
 * entries. Meant to live for one build: the memo grows with the corpus.
 */
export function memoizedWordTokenizer(fold = true, segment: WordSegmenter = icuWords): (text: string) => string[] {
  const memo = new Map<string, string[]>();
  return (text: string): string[] => {
    const tokens: string[] = [];
    for (const sentence of text.split(PIECE_END)) {
      let sentenceTokens = memo.get(sentence);
      if (!sentenceTokens) {
        sentenceTokens = wordTokens(sentence, fold, segment);
        memo.set(sentence, sentenceTokens);
      }
      for (const token of sentenceTokens) tokens.push(token);
    }
    return tokens;
  };
}
