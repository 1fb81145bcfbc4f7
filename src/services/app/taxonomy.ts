/**
 * What news is about and where: six categories and Oshu's five areas (the former
 * towns and villages merged in 2006), or the whole city. Codes are stored; labels
 * come from the message catalogue, and the Japanese names here are for notification
 * texts and feeds (which are Japanese whatever the reader's page language).
 */
export const CATEGORIES = ['disaster', 'childcare', 'health', 'events', 'government', 'tourism'] as const;
export type CategoryCode = (typeof CATEGORIES)[number];

/** Areas a subscriber chooses from; an article can also be for the whole city ('all'). */
export const AREAS = ['mizusawa', 'esashi', 'maesawa', 'isawa', 'koromogawa'] as const;
export const ARTICLE_AREAS = ['all', ...AREAS] as const;
export type AreaCode = (typeof ARTICLE_AREAS)[number];

export const CATEGORY_JA: Record<CategoryCode, string> = {
  disaster: '防災',
  childcare: '子育て',
  health: '健康',
  events: 'イベント',
  government: '行政',
  tourism: '観光',
};

export const AREA_JA: Record<AreaCode, string> = {
  all: '全域',
  mizusawa: '水沢',
  esashi: '江刺',
  maesawa: '前沢',
  isawa: '胆沢',
  koromogawa: '衣川',
};

export const isCategory = (v: unknown): v is CategoryCode => typeof v === 'string' && (CATEGORIES as readonly string[]).includes(v);
export const isArticleArea = (v: unknown): v is AreaCode => typeof v === 'string' && (ARTICLE_AREAS as readonly string[]).includes(v);
export const isArea = (v: unknown): v is AreaCode => typeof v === 'string' && (AREAS as readonly string[]).includes(v);
