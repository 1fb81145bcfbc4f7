/**
 * Texts of payments: methods, statuses, card form errors, refund and receipt
 * errors services show their users, and (merged in) the simulator's and 会計課's
 * pages. Japanese is the source; English has every key.
 */
import type { Messages } from '../i18n/i18n.ts';
import { simulatorMessages } from './simulator-messages.ts';
import { staffPaymentMessages } from './staff-messages.ts';

const ja = {
  'payments.yen': '{amount}円',
  'payments.unavailable': 'オンライン決済は現在使えません（決済事業者が設定されていません）。',
  'payments.method.card': 'クレジットカード',
  'payments.method.qr': 'QRコード決済',
  'payments.status.created': '支払い待ち',
  'payments.status.paid': '支払い済み',
  'payments.status.cancelled': 'キャンセル',
  'payments.status.expired': '期限切れ',
  'payments.status.refunded': '返金済み',
  'payments.status.partlyRefunded': '一部返金',
  'payments.refund.status.pending': '返金処理中',
  'payments.refund.status.succeeded': '返金済み',
  'payments.refund.status.failed': '返金できず',
  'payments.card.number.required': 'カード番号を入力してください。',
  'payments.card.number.format': 'カード番号は12〜19桁の数字で入力してください。',
  'payments.card.number.luhn': 'カード番号が正しくありません。番号に誤りがないか確かめて入力し直してください。',
  'payments.card.expiry.required': '有効期限を入力してください（例：12/28）。',
  'payments.card.expiry.format': '有効期限は「月/年」の形で入力してください（例：12/28）。',
  'payments.card.expiry.past': 'このカードは有効期限が過ぎています。有効期限を確かめてください。',
  'payments.card.cvc.required': 'セキュリティコードを入力してください。',
  'payments.card.cvc.format': 'セキュリティコードは3桁または4桁の数字で入力してください。',
  'payments.card.name.required': 'カード名義を入力してください。',
  'payments.card.name.format': 'カード名義はカードに書かれているとおり半角ローマ字で入力してください（例：TARO OSHU）。',
  'payments.refund.amountInvalid': '返金額は1円以上の整数で指定してください。',
  'payments.refund.reasonInvalid': '返金の理由を500文字以内で入力してください。',
  'payments.refund.keyInvalid': '返金の識別キーがありません（二重返金を防ぐために必要です）。',
  'payments.refund.keyReused': 'この識別キーは別の返金に使われています。新しい返金には新しいキーを使ってください。',
  'payments.refund.notPaid': 'この支払いは完了していないため返金できません。',
  'payments.refund.otherProvider': 'この支払いは別の決済事業者（{provider}）で受け付けたため、ここからは返金できません。',
  'payments.refund.exceeds': '返金額（{requested}円）が返金できる残額（{remaining}円、支払額{paid}円）を超えています。金額を確かめてください。',
  'payments.receipt.notPaid': 'この支払いはまだ完了していないため、領収書は発行できません。',
};

const en: Record<keyof typeof ja, string> = {
  'payments.yen': '¥{amount}',
  'payments.unavailable': 'Online payment is not available (no payment provider is configured).',
  'payments.method.card': 'Credit card',
  'payments.method.qr': 'QR code payment',
  'payments.status.created': 'Waiting for payment',
  'payments.status.paid': 'Paid',
  'payments.status.cancelled': 'Cancelled',
  'payments.status.expired': 'Expired',
  'payments.status.refunded': 'Refunded',
  'payments.status.partlyRefunded': 'Partly refunded',
  'payments.refund.status.pending': 'Refund pending',
  'payments.refund.status.succeeded': 'Refunded',
  'payments.refund.status.failed': 'Refund failed',
  'payments.card.number.required': 'Enter the card number.',
  'payments.card.number.format': 'Enter the card number as 12 to 19 digits.',
  'payments.card.number.luhn': 'The card number is not valid. Check it for a typing mistake and enter it again.',
  'payments.card.expiry.required': 'Enter the expiry date (for example 12/28).',
  'payments.card.expiry.format': 'Enter the expiry date as month/year (for example 12/28).',
  'payments.card.expiry.past': 'This card has expired. Check the expiry date.',
  'payments.card.cvc.required': 'Enter the security code.',
  'payments.card.cvc.format': 'Enter the security code as 3 or 4 digits.',
  'payments.card.name.required': 'Enter the name on the card.',
  'payments.card.name.format': 'Enter the name as printed on the card, in Latin letters (for example TARO OSHU).',
  'payments.refund.amountInvalid': 'The refund amount must be a whole number of yen, at least ¥1.',
  'payments.refund.reasonInvalid': 'Give the reason for the refund in at most 500 characters.',
  'payments.refund.keyInvalid': 'The refund has no idempotency key (it prevents refunding twice).',
  'payments.refund.keyReused': 'This idempotency key belongs to another refund. Use a new key for a new refund.',
  'payments.refund.notPaid': 'This payment is not complete, so it cannot be refunded.',
  'payments.refund.otherProvider': 'This payment was taken by another payment provider ({provider}) and cannot be refunded here.',
  'payments.refund.exceeds': 'The refund (¥{requested}) is more than what can still be refunded (¥{remaining} of ¥{paid} paid). Check the amount.',
  'payments.receipt.notPaid': 'This payment is not complete yet, so no receipt can be issued.',
};

export const paymentMessages: Messages = {
  ja: { ...ja, ...simulatorMessages.ja, ...staffPaymentMessages.ja },
  en: { ...en, ...simulatorMessages.en, ...staffPaymentMessages.en },
};
