/**
 * The taxpayer's side: the short link in the SMS opens a page for that one tax
 * amount, and pays it through the platform's payments interface. The link is the
 * credential (no login: many taxpayers have no account), so the page shows only
 * what the payer needs — the tax, period, amount and due date, the name masked —
 * and a link that is unknown, expired or from a cancelled campaign is a 404 / 410.
 */
import type { Platform } from '../../platform/platform.ts';
import type { Payment } from '../../platform/payments/payments.ts';
import { notFound } from '../../platform/http/errors.ts';
import { SOURCE } from './campaign-service.ts';
import { paymentOf } from './dashboard.ts';
import { TOKEN_PATTERN, tokenHash } from './short-links.ts';
import { taxRemindersDb } from './tables.ts';
import { fiscalYearLabel } from './taxpayer-csv.ts';

export interface PayPage {
  token: string;
  maskedName: string;
  taxpayerNumberTail: string;
  taxItem: string;
  fiscalYear: string;
  installment: string;
  amountYen: number;
  dueDate: string;
  expiresAt: Date;
  state: 'open' | 'paid' | 'expired';
  paidAt: Date | null;
  paymentsAvailable: boolean;
  simulated: boolean;
}

/** 奥州 花子 → 奥州 ○○: enough for the payer to recognise, little for anyone else. */
export function maskName(name: string): string {
  const [family = '', ...rest] = name.split(' ');
  if (rest.length) return `${family} ${'○'.repeat(Math.min(3, [...rest.join('')].length))}`;
  const chars = [...name];
  return chars.slice(0, Math.ceil(chars.length / 2)).join('') + '○'.repeat(Math.min(3, Math.floor(chars.length / 2)));
}

async function findLink(platform: Platform, token: string) {
  if (!TOKEN_PATTERN.test(token)) return null;
  const row = await taxRemindersDb(platform.db.kysely)
    .selectFrom('tax_reminder_links as l')
    .innerJoin('tax_reminder_recipients as r', 'r.id', 'l.recipient_id')
    .innerJoin('tax_reminder_campaigns as c', 'c.id', 'r.campaign_id')
    .select(['l.token_hash', 'l.expires_at', 'l.first_opened_at', 'r.id as recipient_id', 'r.state as recipient_state', 'r.name', 'r.taxpayer_number', 'r.tax_item', 'r.fiscal_year', 'r.installment', 'r.amount_yen', 'r.due_date', 'c.state as campaign_state'])
    .where('l.token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  // A link that was never sent (cancelled or still queued campaign) does not exist for the public.
  if (!row || row.campaign_state === 'cancelled' || row.recipient_state !== 'handed') return null;
  return row;
}

function describe(row: NonNullable<Awaited<ReturnType<typeof findLink>>>): string {
  // No name or number: the provider shows and may keep this text.
  return `奥州市 ${fiscalYearLabel(row.fiscal_year)} ${row.tax_item} ${row.installment}`;
}

async function pageOf(platform: Platform, token: string, row: NonNullable<Awaited<ReturnType<typeof findLink>>>): Promise<PayPage> {
  const paid = paymentOf((await platform.payments.byReferences(SOURCE, [row.recipient_id])).get(row.recipient_id));
  const expired = row.expires_at.getTime() <= platform.now().getTime();
  return {
    token,
    maskedName: maskName(row.name),
    taxpayerNumberTail: row.taxpayer_number.slice(-4),
    taxItem: row.tax_item,
    fiscalYear: fiscalYearLabel(row.fiscal_year),
    installment: row.installment,
    amountYen: row.amount_yen,
    dueDate: row.due_date,
    expiresAt: row.expires_at,
    state: paid ? 'paid' : expired ? 'expired' : 'open',
    paidAt: paid?.paidAt ?? null,
    paymentsAvailable: platform.payments.available,
    simulated: platform.payments.provider?.simulated ?? false,
  };
}

/** Opening the link (counted: the dashboard shows how many opened it). */
export async function openPayLink(platform: Platform, token: string): Promise<PayPage> {
  const row = await findLink(platform, token);
  if (!row) throw notFound();
  await taxRemindersDb(platform.db.kysely)
    .updateTable('tax_reminder_links')
    .set((eb) => ({ open_count: eb('open_count', '+', 1), ...(row.first_opened_at ? {} : { first_opened_at: platform.now() }) }))
    .where('token_hash', '=', row.token_hash)
    .execute();
  return pageOf(platform, token, row);
}

/**
 * 納付する: where to send the payer. Already paid → back to the page; an open
 * checkout → the same one (two tabs never make two payments to pay); otherwise a
 * new payment for exactly this amount.
 */
export async function startPayment(platform: Platform, token: string): Promise<{ redirect: string }> {
  const row = await findLink(platform, token);
  if (!row) throw notFound();
  const page = await pageOf(platform, token, row);
  // Paid, expired or no provider: the page itself says what to do.
  if (page.state !== 'open' || !page.paymentsAvailable) return { redirect: `/p/${token}` };
  // One open payment per recipient, decided by the database: two presses at once get the same checkout.
  const opened = await platform.payments.openOrCreate({ source: SOURCE, reference: row.recipient_id, amountYen: row.amount_yen, description: describe(row), returnUrl: `/p/${token}/return?payment={paymentId}`, validMinutes: 30 });
  return { redirect: opened.redirectUrl };
}

/** Back from the provider: settle from its status if its webhook has not arrived yet, then show the outcome. */
export async function paymentReturn(platform: Platform, token: string, paymentId: string): Promise<{ page: PayPage; payment: Payment }> {
  const row = await findLink(platform, token);
  if (!row) throw notFound();
  const known = await platform.payments.get(paymentId);
  if (!known || known.source !== SOURCE || known.reference !== row.recipient_id) throw notFound();
  const payment = (await platform.payments.reconcile(paymentId))!;
  return { page: await pageOf(platform, token, row), payment };
}
