/**
 * The heart of the daily reconciliation, without I/O: the city's captures and
 * refunds of a day against the provider's report of the same day, matched by the
 * city's own ids (the provider echoes them back as merchant references).
 */
import type { PaymentMethod, ProviderPayout, ProviderTransaction } from './payment-provider.ts';

export interface CityTransaction {
  kind: 'capture' | 'refund';
  paymentId: string;
  refundId: string | null;
  providerRef: string | null;
  amountYen: number;
  method: PaymentMethod | null;
  occurredAt: Date;
  source: string;
  description: string;
}

export interface ReconciliationItem {
  kind: 'capture' | 'refund';
  paymentId: string;
  refundId: string | null;
  providerRef: string | null;
  /** What the city recorded (null: the city has nothing for that day). */
  cityYen: number | null;
  /** What the provider reported (null: not in the provider's report). */
  providerYen: number | null;
  source: string | null;
  description: string | null;
  /** ISO time of the movement (the city's when it has one). */
  occurredAt: string;
}

export interface SideTotals {
  captures: number;
  capturesYen: number;
  refunds: number;
  refundsYen: number;
}

export interface DayComparison {
  matched: ReconciliationItem[];
  /** The city recorded it; the provider's report of the day does not have it. */
  missingAtProvider: ReconciliationItem[];
  /** The provider has it; the city did not record it that day (e.g. a lost webhook). */
  missingAtCity: ReconciliationItem[];
  /** Both have it, with different amounts. */
  amountMismatches: ReconciliationItem[];
  totals: { city: SideTotals; provider: SideTotals };
}

export interface DayReport extends DayComparison {
  date: string;
  provider: string;
  /** Items the run found missing at the city and fixed by asking the provider (a status query). */
  resolved: ReconciliationItem[];
  /** Debits − credits of clearing:<provider> at the end of the day, per the ledger. */
  clearingBalanceYen: number;
  payout: (ProviderPayout & { posted: boolean }) | null;
}

const keyOf = (t: { kind: 'capture' | 'refund'; paymentId: string; refundId: string | null }) => (t.kind === 'capture' ? `capture:${t.paymentId}` : `refund:${t.refundId}`);

function totals(list: { kind: 'capture' | 'refund'; amountYen: number }[]): SideTotals {
  const captures = list.filter((t) => t.kind === 'capture');
  const refunds = list.filter((t) => t.kind === 'refund');
  return { captures: captures.length, capturesYen: captures.reduce((s, t) => s + t.amountYen, 0), refunds: refunds.length, refundsYen: refunds.reduce((s, t) => s + t.amountYen, 0) };
}

export function compareDay(city: CityTransaction[], provider: ProviderTransaction[]): DayComparison {
  const fromProvider = new Map(provider.map((t) => [keyOf(t), t]));
  const result: DayComparison = { matched: [], missingAtProvider: [], missingAtCity: [], amountMismatches: [], totals: { city: totals(city), provider: totals(provider) } };
  const seen = new Set<string>();
  for (const c of city) {
    const key = keyOf(c);
    seen.add(key);
    const p = fromProvider.get(key);
    const item: ReconciliationItem = { kind: c.kind, paymentId: c.paymentId, refundId: c.refundId, providerRef: c.providerRef, cityYen: c.amountYen, providerYen: p?.amountYen ?? null, source: c.source, description: c.description, occurredAt: c.occurredAt.toISOString() };
    if (!p) result.missingAtProvider.push(item);
    else if (p.amountYen !== c.amountYen) result.amountMismatches.push(item);
    else result.matched.push(item);
  }
  for (const p of provider) {
    if (seen.has(keyOf(p))) continue;
    result.missingAtCity.push({ kind: p.kind, paymentId: p.paymentId, refundId: p.refundId, providerRef: p.providerRef, cityYen: null, providerYen: p.amountYen, source: null, description: null, occurredAt: p.occurredAt.toISOString() });
  }
  return result;
}

export function discrepancyCount(c: DayComparison): number {
  return c.missingAtProvider.length + c.missingAtCity.length + c.amountMismatches.length;
}
