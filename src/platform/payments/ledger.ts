/**
 * The double-entry ledger of online payments. Every money movement posts one
 * balanced entry in the same transaction as the state change it records:
 *
 *   capture  Dr clearing:<provider>            Cr revenue:<source>
 *   refund   Dr refunds:<source>               Cr clearing:<provider>
 *   payout   Dr bank (net) + Dr fees:<provider> Cr clearing:<provider> (captures − refunds)
 *
 * Refunds go to a contra-revenue account (refunds:<source>), not back into
 * revenue: the city reports gross receipts and refunds (還付) separately, and net
 * revenue is revenue − refunds. clearing:<provider> is what the provider holds for
 * the city; after a payout it returns to what is not yet paid out.
 *
 * The database refuses an unbalanced entry (a deferred constraint trigger) and any
 * change to a posted line (append-only triggers); a mistake is corrected by a new
 * entry. Each entry has an idempotency key, so posting the same movement twice is
 * impossible even if the caller tried.
 */
import { sql } from 'kysely';
import type { LedgerEntryKind, PaymentsDb } from './payment-tables.ts';

export type LedgerSide = 'debit' | 'credit';

export interface LedgerLine {
  account: string;
  side: LedgerSide;
  amountYen: number;
}

export interface LedgerPosting {
  kind: LedgerEntryKind;
  idempotencyKey: string;
  provider: string;
  paymentId?: string | null;
  refundId?: string | null;
  payoutRef?: string | null;
  memo: string;
  occurredAt: Date;
  lines: LedgerLine[];
}

/** The bank account payouts arrive in (the city's designated financial institution). */
export const BANK_ACCOUNT = 'bank';
export const accounts = {
  clearing: (provider: string) => `clearing:${provider}`,
  revenue: (source: string) => `revenue:${source}`,
  refunds: (source: string) => `refunds:${source}`,
  fees: (provider: string) => `fees:${provider}`,
  bank: BANK_ACCOUNT,
};

/** The kind of an account ('clearing', 'revenue', …) and what it is for ('simulator', 'tax-reminders'). */
export function accountParts(account: string): { type: 'bank' | 'clearing' | 'revenue' | 'refunds' | 'fees'; name: string | null } {
  if (account === BANK_ACCOUNT) return { type: 'bank', name: null };
  const [type, ...rest] = account.split(':');
  return { type: type as 'clearing', name: rest.join(':') };
}

/** Debits minus credits of some lines. */
export function netDebit(lines: LedgerLine[]): number {
  return lines.reduce((sum, l) => sum + (l.side === 'debit' ? l.amountYen : -l.amountYen), 0);
}

/** A line for a signed amount: positive on `side`, negative on the other side; none for zero. */
export function signedLine(account: string, side: LedgerSide, amountYen: number): LedgerLine[] {
  if (amountYen === 0) return [];
  const other: LedgerSide = side === 'debit' ? 'credit' : 'debit';
  return [{ account, side: amountYen > 0 ? side : other, amountYen: Math.abs(amountYen) }];
}

/**
 * Posts one entry inside the caller's transaction. Returns false when an entry
 * with this idempotency key already exists (nothing is posted twice). Throws on
 * an entry that does not balance before the database would.
 */
export async function postEntry(trx: PaymentsDb, posting: LedgerPosting): Promise<boolean> {
  if (!trx.isTransaction) throw new Error('a ledger entry is posted in the transaction of the change it records');
  for (const line of posting.lines) {
    if (!Number.isInteger(line.amountYen) || line.amountYen <= 0) throw new RangeError(`ledger amounts are positive whole yen: ${line.account} ${line.amountYen}`);
  }
  if (posting.lines.length < 2 || netDebit(posting.lines) !== 0) throw new RangeError(`ledger entry ${posting.idempotencyKey} does not balance`);
  const entry = await trx
    .insertInto('ledger_entries')
    .values({
      kind: posting.kind,
      idempotency_key: posting.idempotencyKey,
      provider: posting.provider,
      payment_id: posting.paymentId ?? null,
      refund_id: posting.refundId ?? null,
      payout_ref: posting.payoutRef ?? null,
      memo: posting.memo,
      occurred_at: posting.occurredAt,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!entry) return false;
  await trx
    .insertInto('ledger_lines')
    .values(posting.lines.map((l) => ({ entry_id: entry.id, account: l.account, side: l.side, amount_yen: l.amountYen })))
    .execute();
  return true;
}

export function capturePosting(p: { provider: string; source: string; paymentId: string; amountYen: number; occurredAt: Date; memo: string }): LedgerPosting {
  return {
    kind: 'capture',
    idempotencyKey: `capture:${p.paymentId}`,
    provider: p.provider,
    paymentId: p.paymentId,
    memo: p.memo,
    occurredAt: p.occurredAt,
    lines: [
      { account: accounts.clearing(p.provider), side: 'debit', amountYen: p.amountYen },
      { account: accounts.revenue(p.source), side: 'credit', amountYen: p.amountYen },
    ],
  };
}

export function refundPosting(p: { provider: string; source: string; paymentId: string; refundId: string; amountYen: number; occurredAt: Date; memo: string }): LedgerPosting {
  return {
    kind: 'refund',
    idempotencyKey: `refund:${p.refundId}`,
    provider: p.provider,
    paymentId: p.paymentId,
    refundId: p.refundId,
    memo: p.memo,
    occurredAt: p.occurredAt,
    lines: [
      { account: accounts.refunds(p.source), side: 'debit', amountYen: p.amountYen },
      { account: accounts.clearing(p.provider), side: 'credit', amountYen: p.amountYen },
    ],
  };
}

/** A payout: the net reaches the bank, the fees are an expense, the clearing account gives up what the provider settled. */
export function payoutPosting(p: { provider: string; payoutRef: string; businessDate: string; grossYen: number; refundedYen: number; feeYen: number; netYen: number; occurredAt: Date }): LedgerPosting | null {
  if (p.netYen !== p.grossYen - p.refundedYen - p.feeYen) throw new RangeError(`payout ${p.payoutRef}: net ${p.netYen} is not gross − refunds − fees`);
  const lines = [
    ...signedLine(accounts.bank, 'debit', p.netYen),
    ...signedLine(accounts.fees(p.provider), 'debit', p.feeYen),
    ...signedLine(accounts.clearing(p.provider), 'credit', p.grossYen - p.refundedYen),
  ];
  if (lines.length === 0) return null;
  return {
    kind: 'payout',
    idempotencyKey: `payout:${p.provider}:${p.payoutRef}`,
    provider: p.provider,
    payoutRef: p.payoutRef,
    memo: `入金 ${p.businessDate} 分（${p.payoutRef}）`,
    occurredAt: p.occurredAt,
    lines,
  };
}

export interface TrialBalanceRow {
  account: string;
  debitYen: number;
  creditYen: number;
  /** Debits − credits (positive: a debit balance). */
  balanceYen: number;
}

export interface TrialBalance {
  asOf: Date | null;
  rows: TrialBalanceRow[];
  totalDebitYen: number;
  totalCreditYen: number;
}

/** Balances per account of every entry that occurred up to `asOf` (all when null). Debits always equal credits. */
export async function trialBalance(db: PaymentsDb, asOf: Date | null): Promise<TrialBalance> {
  let query = db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select((eb) => [
      'l.account',
      sql<number>`coalesce(sum(l.amount_yen) FILTER (WHERE l.side = 'debit'), 0)`.as('debit'),
      sql<number>`coalesce(sum(l.amount_yen) FILTER (WHERE l.side = 'credit'), 0)`.as('credit'),
      eb.fn.countAll<number>().as('n'),
    ])
    .groupBy('l.account')
    .orderBy('l.account');
  if (asOf) query = query.where('e.occurred_at', '<=', asOf);
  const rows = (await query.execute()).map((r) => ({ account: r.account, debitYen: Number(r.debit), creditYen: Number(r.credit), balanceYen: Number(r.debit) - Number(r.credit) }));
  return {
    asOf,
    rows,
    totalDebitYen: rows.reduce((s, r) => s + r.debitYen, 0),
    totalCreditYen: rows.reduce((s, r) => s + r.creditYen, 0),
  };
}

/** Debits − credits of one account for entries that occurred before `before`. */
export async function accountBalance(db: PaymentsDb, account: string, before: Date): Promise<number> {
  const row = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select(sql<number>`coalesce(sum(CASE WHEN l.side = 'debit' THEN l.amount_yen ELSE -l.amount_yen END), 0)`.as('balance'))
    .where('l.account', '=', account)
    .where('e.occurred_at', '<', before)
    .executeTakeFirstOrThrow();
  return Number(row.balance);
}

export interface JournalLine {
  entryId: number;
  kind: LedgerEntryKind;
  memo: string;
  occurredAt: Date;
  account: string;
  side: LedgerSide;
  amountYen: number;
}

/** The ledger lines of one payment's entries (its capture and refunds), in posting order. */
export async function journalOfPayment(db: PaymentsDb, paymentId: string): Promise<JournalLine[]> {
  const rows = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select(['e.id as entryId', 'e.kind', 'e.memo', 'e.occurred_at', 'l.account', 'l.side', 'l.amount_yen'])
    .where('e.payment_id', '=', paymentId)
    .orderBy('e.id')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ entryId: r.entryId, kind: r.kind, memo: r.memo, occurredAt: r.occurred_at, account: r.account, side: r.side, amountYen: r.amount_yen }));
}

/** Every line of entries that occurred in [from, to), for the journal export. */
export async function journalBetween(db: PaymentsDb, from: Date, to: Date): Promise<JournalLine[]> {
  const rows = await db
    .selectFrom('ledger_lines as l')
    .innerJoin('ledger_entries as e', 'e.id', 'l.entry_id')
    .select(['e.id as entryId', 'e.kind', 'e.memo', 'e.occurred_at', 'l.account', 'l.side', 'l.amount_yen'])
    .where('e.occurred_at', '>=', from)
    .where('e.occurred_at', '<', to)
    .orderBy('e.occurred_at')
    .orderBy('e.id')
    .orderBy('l.id')
    .execute();
  return rows.map((r) => ({ entryId: r.entryId, kind: r.kind, memo: r.memo, occurredAt: r.occurred_at, account: r.account, side: r.side, amountYen: r.amount_yen }));
}
