/** Texts of Notify's staff pages added with the access rule for other departments' messages (notify-policy.ts). */
import type { Messages } from '../../i18n/i18n.ts';

export const notifyStaffMessages: Messages = {
  ja: {
    'notify.staff.restricted': 'この通知は「{source}」（所管：{department}）の業務の通知です。個人情報を含むため、宛先は一部を伏せて表示し、本文は所管課の職員以外には表示しません。',
  },
  en: {
    'notify.staff.restricted': 'This message belongs to the business of "{source}" (owned by: {department}). It holds personal data, so the recipient is shown masked and the content is shown only to staff of the owning department.',
  },
};
