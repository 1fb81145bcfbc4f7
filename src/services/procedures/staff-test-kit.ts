/**
 * Test helpers for the staff side of online procedures: the app with the staff routes
 * (registered by the service once wired, added here otherwise), a fixture procedure
 * whose answers exercise the register check, submitting applications through the real
 * submit path (submitComplete: engine validation, reference, events, audit), staff
 * actors, and the move notification with the options the moving one-stop reads.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ResidentActor, StaffActor } from '../../platform/access/actor.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { prefill, type Answers, type ProcedureDefinition } from '../../engines/forms/index.ts';
import { submitComplete, type ProceduresCtx, type SubmitResult } from './application-service.ts';
import { publishedProcedure } from './procedure-store.ts';
import { publishAsAdmin, TEST_NOW } from './procedures-test-kit.ts';
import { prefillFactsFor } from './public-api.ts';

export { TEST_NOW };

/** The test app on a fixed clock (Tuesday 24 November 2026, 10:00 in Japan), with the demo register and staff. */
export async function startStaffApp(): Promise<TestApp> {
  return createTestApp({ now: () => TEST_NOW });
}

export function ctxOf(app: TestApp): ProceduresCtx {
  return { db: app.db.kysely, jobs: app.platform.jobs, now: app.platform.now };
}

export async function staffActor(db: Kysely<PlatformTables>, loginId: string): Promise<StaffActor> {
  const row = await db.selectFrom('staff').select('id').where('login_id', '=', loginId).executeTakeFirstOrThrow();
  return (await loadStaffActor(db, row.id))!;
}

/** A login account for a registry resident (as the identity provider's first login would make). */
export async function residentActor(db: Kysely<PlatformTables>, residentId: string, assurance: 'card' | 'password' = 'card'): Promise<ResidentActor> {
  const facts = await prefillFactsFor(db, residentId);
  const account = await db
    .insertInto('resident_accounts')
    .values({ issuer: 'https://test.example', subject: crypto.randomUUID(), display_name: facts.resident?.name ?? 'テスト', resident_id: residentId, assurance, claims: '{}', last_login_at: new Date() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { kind: 'resident', accountId: account.id, residentId, displayName: facts.resident?.name ?? 'テスト', assurance };
}

/** Current residents of the demo register, oldest record first (deterministic). */
export async function registryResidents(db: Kysely<PlatformTables>, limit = 20): Promise<string[]> {
  const rows = await (db as Kysely<PlatformTables & { registry_residents: { id: string; status: string; resident_code: string } }>)
    .selectFrom('registry_residents')
    .select('id')
    .where('status', '=', 'current')
    .orderBy('resident_code')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

const L = (ja: string, en: string) => ({ ja, en });

/** A procedure that asks what the register holds (for the check beside it) plus an e-mail and a free text. */
export function staffTestDefinition(overrides: Record<string, unknown> = {}) {
  return {
    id: 'staff-test-permit',
    title: L('職員テスト申請', 'Staff test permit'),
    summary: L('職員側の流れを試すための申請です。', 'An application to exercise the staff side.'),
    category: 'community',
    lifeEvents: [],
    keywords: [],
    department: 'citizens',
    assurance: 'password',
    processingDays: 5,
    fee: null,
    payment: [],
    pages: [
      {
        id: 'who',
        title: L('申請する方', 'About you'),
        fields: [
          { id: 'name', type: 'text', label: L('氏名', 'Name'), required: true, maxLength: 40, prefill: 'resident.name' },
          { id: 'kana', type: 'kana', label: L('フリガナ', 'Kana'), required: true, maxLength: 60, prefill: 'resident.nameKana' },
          { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), required: true, max: 'today', prefill: 'resident.birthDate' },
          { id: 'address', type: 'address', label: L('住所', 'Address'), required: true, maxLength: 120, prefill: 'resident.address' },
          { id: 'email', type: 'email', label: L('メールアドレス', 'Email') },
        ],
      },
      {
        id: 'family',
        title: L('世帯', 'Household'),
        fields: [
          {
            id: 'members',
            type: 'group',
            label: L('世帯の方', 'Household members'),
            itemLabel: L('世帯員', 'Member'),
            maxItems: 10,
            prefill: 'household.members',
            fields: [
              { id: 'name', type: 'text', label: L('氏名', 'Name'), required: true, maxLength: 40 },
              { id: 'nameKana', type: 'kana', label: L('フリガナ', 'Kana'), maxLength: 60 },
              { id: 'birthDate', type: 'date', label: L('生年月日', 'Date of birth'), max: 'today' },
              { id: 'relationship', type: 'text', label: L('続柄', 'Relationship'), maxLength: 20 },
            ],
          },
          { id: 'purpose', type: 'textarea', label: L('目的', 'Purpose'), maxLength: 400 },
        ],
      },
    ],
    ...overrides,
  };
}

/** Submits complete answers through the service's one-call submit path, as the resident. */
export async function submitAs(app: TestApp, resident: ResidentActor, procedureId: string, answers: Answers): Promise<SubmitResult> {
  return submitComplete(ctxOf(app), {
    actor: resident,
    residentAccountId: resident.accountId,
    residentId: resident.residentId,
    fallbackName: resident.displayName,
    procedureId,
    answers,
    scopedKey: `resident:${resident.accountId}:test:${crypto.randomUUID()}`,
    paymentMethod: null,
    onlinePaymentAvailable: false,
    channel: 'online',
  });
}

/** The fixture's answers prefilled from the register, with overrides. */
export async function testAnswers(app: TestApp, residentId: string, overrides: Answers = {}): Promise<Answers> {
  const procedure = (await publishedProcedure(app.db.kysely, 'staff-test-permit'))!;
  const answers = prefill(procedure.definition, await prefillFactsFor(app.db.kysely, residentId));
  return { ...answers, email: 'resident@example.jp', ...overrides };
}

export async function publishStaffTestProcedure(app: TestApp, overrides: Record<string, unknown> = {}): Promise<void> {
  await publishAsAdmin(app, staffTestDefinition(overrides));
}

/** The `related` options the moving one-stop reads that the shipped 転出届 may not offer yet. */
export const EXTRA_RELATED_OPTIONS = [
  { value: 'lightVehicle', label: L('軽自動車・原付バイクなどを持っている', 'Owns a kei car or moped') },
  { value: 'water', label: L('水道の使用開始・中止（開栓・閉栓）が必要', 'Water supply needs starting or stopping') },
  { value: 'demandBus', label: L('前沢地域のデマンド交通に利用登録している', 'Registered for the Maesawa on-demand bus') },
];

/** A complete 転出届 of a registry resident (prefilled from the register), with a school-age child and a light vehicle, submitted through the submit path. */
export async function submitMove(app: TestApp, resident: ResidentActor, overrides: Answers = {}): Promise<SubmitResult> {
  await publishMoveOptions(app);
  const def = (await publishedProcedure(app.db.kysely, 'tenshutsu'))!.definition;
  const facts = await prefillFactsFor(app.db.kysely, resident.residentId!);
  const answers: Answers = {
    ...prefill(def, facts),
    applicantPhone: '0197241111',
    moveDate: '2026-12-01',
    newPostal: '980-0811',
    newAddress: '宮城県仙台市青葉区一番町1丁目1-1',
    newHeadType: 'same',
    scope: 'all',
    movers: [
      { name: facts.resident!.name ?? '', nameKana: facts.resident!.nameKana ?? '', birthDate: facts.resident!.birthDate ?? '', relationship: '世帯主' },
      { name: '奥州 次郎', nameKana: 'オウシュウ ジロウ', birthDate: '2016-05-01', relationship: '子' },
    ],
    related: ['lightVehicle'],
    cardContinue: true,
    sealNotice: true,
    ...overrides,
  };
  return submitAs(app, resident, 'tenshutsu', answers);
}

/** Makes the current 転出届 offer every option the rules read (a new version, as staff would publish it). */
export async function publishMoveOptions(app: TestApp, procedureId = 'tenshutsu'): Promise<ProcedureDefinition> {
  const current = (await publishedProcedure(app.db.kysely, procedureId))!.definition;
  const def = structuredClone(current) as ProcedureDefinition;
  const related = def.pages.flatMap((p) => p.fields).find((f) => f.id === 'related') as { options: { value: string }[] } | undefined;
  if (!related) throw new Error(`${procedureId} has no related field`);
  const missing = EXTRA_RELATED_OPTIONS.filter((o) => !related.options.some((x) => x.value === o.value));
  if (missing.length) {
    related.options.push(...missing);
    await publishAsAdmin(app, def, procedureId);
  }
  return def;
}

