/**
 * Test helpers for the back office and classes: the facilities service with the
 * staff pages, classes and their jobs (added here unless the service already carries
 * them), the registry for resident logins, the demo facilities, a movable clock, and
 * one-line factories for bookings, paid bookings and classes.
 */





import type { FastifyInstance } from 'fastify';
import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import { LoggingNotifier } from '../../platform/notify/notifier.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { BrowserSession } from '../../platform/testing/browser-session.ts';
import { type TestDatabase } from '../../platform/testing/test-database.ts';
import { registryService } from '../registry/index.ts';
import type { SimulatorProvider } from '../../platform/payments/simulator-provider.ts';
import { syncPayment } from './booking-payments.ts';
import { bookRoom } from './booking-service.ts';
import type { BookingInput } from './booking-rules.ts';
import { createClass } from './classes-service.ts';
import type { ClassInput } from './classes-form.ts';
import { facilityContext, PAYMENT_SOURCE, type FacilityContext } from './facility-context.ts';
import { testClock, type Clock } from './facilities-test-kit.ts';
import { seedFacilities } from './facility-seed.ts';
import { facilitiesService } from './index.tsx';
import { staffDb, type StaffDb } from './staff-tables.ts';
import { facilitiesDb, type FacilitiesDb } from './tables.ts';
import { createTestApp } from '../../platform/testing/test-app.ts';

export { makeResident, request, residentSession, TEST_NOW, testClock, type Clock } from './facilities-test-kit.ts';

export interface StaffTestApp {
  app: FastifyInstance;
  platform: Platform;
  db: TestDatabase;
  fdb: FacilitiesDb;
  sdb: StaffDb;
  ctx: FacilityContext;
  notifier: LoggingNotifier;
  clock: Clock;
  browser(): BrowserSession;
  close(): Promise<void>;
}

export async function createStaffTestApp(options: { clock?: Clock; env?: Record<string, string> } = {}): Promise<StaffTestApp> {
  const clock = options.clock ?? testClock();
  const t = await createTestApp({
    services: [registryService, facilitiesService],
    now: () => clock.now,
    ...(options.env ? { env: options.env } : {}),
    seed: async (platform) => {
      await registryService.seedDemo?.(platform);
      await seedFacilities(facilitiesDb(platform.db.kysely));
    },
  });
  const fdb = facilitiesDb(t.db.kysely);
  return { ...t, fdb, sdb: staffDb(fdb), ctx: facilityContext(t.platform), clock };
}

export async function staffActor(t: { db: TestDatabase }, loginId: string): Promise<StaffActor> {
  const row = await t.db.kysely.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(t.db.kysely, row.id))!;
}

let keys = 0;

/** Books a room through the core's booking service (the resident's own flow). */
export async function book(t: StaffTestApp, resident: ResidentActor, input: BookingInput) {
  return bookRoom(t.ctx, resident, { ...input, idempotencyKey: `test-key-${++keys}-${Math.random().toString(36).slice(2, 8)}` });
}

/** Pays a booking online through the simulated gateway, as the resident would; returns the payment id. */
export async function payOnline(t: StaffTestApp, bookingId: string): Promise<string> {
  const b = await t.fdb.selectFrom('facility_bookings').select(['fee_yen', 'reference']).where('id', '=', bookingId).executeTakeFirstOrThrow();
  const payments = t.platform.payments;
  const { payment } = await payments.create({ source: PAYMENT_SOURCE, reference: bookingId, amountYen: b.fee_yen, description: `test ${b.reference}`, returnUrl: '/facilities' });
  const simulator = payments.provider as SimulatorProvider;
  await simulator.settle(payment.providerRef!, 'pay', { method: 'card', brand: 'VISA', last4: '4242' });
  await payments.reconcile(payment.id);
  await syncPayment(t.ctx, bookingId);
  return payment.id;
}

/** A class input with sensible defaults: Mizusawa community centre meeting room 1, a week after TEST_NOW, 10:00–11:30. */
export function classInput(overrides: Partial<ClassInput> = {}): ClassInput {
  return { title: 'はじめてのスマートフォン教室', description: '電源の入れ方から', level: 'first', instructor: '佐藤 美和', roomId: 'kominkan-meeting-1', date: '2027-06-08', startsAt: 600, endsAt: 690, seats: 10, feeYen: 0, applyUntilDate: '2027-06-07', waitingList: true, ...overrides };
}

export async function makeClass(t: StaffTestApp, overrides: Partial<ClassInput> = {}, loginId = 'shogai.tanto') {
  return createClass(t.ctx, await staffActor(t, loginId), classInput(overrides));
}
