import type { FaqSeed } from './types.ts';
import { KURASHI_FAQ } from './kurashi.ts';
import { GOMI_FAQ } from './gomi.ts';
import { KOSODATE_FAQ } from './kosodate.ts';
import { KENKO_FUKUSHI_FAQ } from './kenko-fukushi.ts';
import { ZEIKIN_FAQ } from './zeikin.ts';
import { SUMAI_DORO_SUIDO_FAQ } from './sumai-doro-suido.ts';
import { KOTSU_FAQ } from './kotsu.ts';
import { SHISETSU_FAQ } from './shisetsu.ts';
import { BOSAI_FAQ } from './bosai.ts';
import { SHIGOTO_FAQ } from './shigoto.ts';
import { DIGITAL_FAQ } from './digital.ts';

export type { DepartmentCode, FaqCategory, FaqSeed, InternalLinkPath, LifeEvent } from './types.ts';
export {
  DEPARTMENT_CODES,
  FAQ_CATEGORIES,
  INTERNAL_LINK_PATHS,
  LIFE_EVENTS,
  PROCEDURE_SLUGS,
} from './types.ts';

/** 奥州市 住民向けチャットボットの FAQ（全カテゴリ）。 */
export const OSHU_FAQ: FaqSeed[] = [
  ...KURASHI_FAQ,
  ...GOMI_FAQ,
  ...KOSODATE_FAQ,
  ...KENKO_FUKUSHI_FAQ,
  ...ZEIKIN_FAQ,
  ...SUMAI_DORO_SUIDO_FAQ,
  ...KOTSU_FAQ,
  ...SHISETSU_FAQ,
  ...BOSAI_FAQ,
  ...SHIGOTO_FAQ,
  ...DIGITAL_FAQ,
];
