/**
 * Test factories for payments: a Payments facade over the simulator on a test
 * database with a movable clock, and one-line helpers to open, pay (card or QR,
 * with or without the webhook reaching the city) and refund.
 */
import pino from 'pino';
import type { TestDatabase } from '../testing/test-database.ts';
import { Payments, type CreatePaymentInput, type Payment } from './payments.ts';
import type { PaymentMethod, RefundRequest, RefundResult } from './payment-provider.ts';
import { SimulatorProvider } from './simulator-provider.ts';

export const TEST_SECRET = 'a-test-secret-of-enough-length-000000';

/** A movable clock: tests set `clock.now`. */
export interface Clock {
  now: Date;
}

/**
 * The simulator, with a switch that makes its refund API unreachable (a network
 * failure after or before the gateway saw the request) to test retries.
 */
export class FlakySimulator extends SimulatorProvider {
  refundFailures = 0;
  refundCalls = 0;

  override async refund(request: RefundRequest): Promise<RefundResult> {
    this.refundCalls++;
    if (this.refundFailures > 0) {
      this.refundFailures--;
      throw new Error('simulated network failure: connection reset');
    }
    return super.refund(request);
  }
}

export interface PaymentsKit {
  clock: Clock;
  simulator: FlakySimulator;
  payments: Payments;
  /** Opens a payment (random reference unless given). */
  open(amountYen?: number, extra?: Partial<CreatePaymentInput>): Promise<{ payment: Payment; ref: string }>;
  /** Pays at the simulator; `webhook: false` leaves the city unaware (a lost webhook). */
  pay(ref: string, options?: { method?: PaymentMethod; webhook?: boolean }): Promise<void>;
  /** Delivers the checkout's signed webhook to the city, as the simulator would. */
  deliver(ref: string): Promise<string>;
  /** Opens and pays in one step. */
  paid(amountYen?: number, options?: { method?: PaymentMethod; source?: string }): Promise<Payment>;
}

export function paymentsKit(db: TestDatabase, start = new Date('2026-02-10T01:00:00Z')): PaymentsKit {
  const clock: Clock = { now: start };
  const now = () => clock.now;
  const simulator = new FlakySimulator(db.kysely, { publicUrl: 'http://localhost:3000', secret: TEST_SECRET, now });
  const payments = new Payments(db.kysely, simulator, { publicUrl: 'http://localhost:3000', now, log: pino({ level: 'silent' }) });
  const refOf = (url: string) => url.split('/').pop()!;
  const kit: PaymentsKit = {
    clock,
    simulator,
    payments,
    async open(amountYen = 12300, extra = {}) {
      const { payment, redirectUrl } = await payments.create({ source: 'test', reference: `ref-${Math.random()}`, amountYen, description: '奥州市 テスト 施設使用料', returnUrl: '/back?payment={paymentId}', ...extra });
      return { payment, ref: refOf(redirectUrl) };
    },
    async deliver(ref) {
      const hook = (await simulator.webhookFor(ref))!;
      return payments.receiveWebhook('simulator', hook.headers, hook.body);
    },
    async pay(ref, options = {}) {
      const method = options.method ?? 'card';
      await simulator.settle(ref, 'pay', method === 'card' ? { method: 'card', brand: 'Visa', last4: '4242' } : { method: 'qr' });
      if (options.webhook !== false) await kit.deliver(ref);
    },
    async paid(amountYen = 12300, options = {}) {
      const { payment, ref } = await kit.open(amountYen, options.source ? { source: options.source } : {});
      await kit.pay(ref, options.method ? { method: options.method } : {});
      return (await payments.get(payment.id))!;
    },
  };
  return kit;
}
