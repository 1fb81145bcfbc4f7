import type { Messages } from '../../platform/i18n/i18n.ts';

export const statsMessages: Messages = { ja: {}, en: {} };
