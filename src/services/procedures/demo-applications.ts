/**
 * Demo applications (DEMO_DATA only) so that every department's inbox has work in it:
 * a few procedures per department, made for the demo login residents (so they also
 * appear on those residents' my page), in several states — received, under review,
 * returned for correction, decided — dated as if they came in over the last days, so
 * their due dates follow from the procedure's 標準処理期間 (at most one overdue example). Answers come from the register plus plain filler for each field
 * type; an answer set the engine would not accept is skipped, never stored.
 */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../../platform/access/actor.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { SniffedType } from '../../platform/files/sniff-type.ts';
import type { Platform } from '../../platform/platform.ts';
import { loadStaffActor } from '../../platform/staff/staff-accounts.ts';
import { japanInstant, todayInJapan } from '../../platform/time/today.ts';
import { prefill, type Answers, type Field, type ProcedureDefinition, type ScalarField } from '../../engines/forms/index.ts';
import { resolveDateBound } from '../../engines/forms/relative-dates.ts';
import { applicationById } from './application-queries.ts';
import { DELIVERY_FIELD, finalAnswers, paymentOptionsFor, submitComplete, type ProceduresCtx } from './application-service.ts';
import { addBusinessDays, subtractBusinessDays } from '../../platform/time/business-days.ts';
import type { TransitionName } from './application-states.ts';
import { applyTransition } from './application-transitions.ts';
import { listPublished } from './procedure-store.ts';
import { prefillFactsFor } from './public-api.ts';
import { proceduresDb } from './tables.ts';

/** Small files of each accepted type stand in for attachments (their first bytes are what the upload check reads). */
const DEMO_FILES: { type: SniffedType; name: string; bytes: Buffer }[] = [
  { type: 'application/pdf', name: 'demo.pdf', bytes: Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n') },
  { type: 'image/png', name: 'demo.png', bytes: Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex') },
  { type: 'image/jpeg', name: 'demo.jpg', bytes: Buffer.from('ffd8ffe000104a46494600010100000100010000ffd9', 'hex') },
];

/** A value for a text field with a pattern (account numbers, corporate numbers …): the first plain candidate it accepts. */
function matching(regex: string): string | undefined {
  const pattern = new RegExp(regex, 'u');
  const candidates = [...Array.from({ length: 16 }, (_, i) => '1234567890123456'.slice(0, i + 1)), 'デモ入力', 'ABC123', 'abc'];
  return candidates.find((c) => pattern.test(c));
}

function fillerFor(field: ScalarField, today: string, file: (fieldId: string, accept: string[]) => Promise<unknown>): unknown {
  switch (field.type) {
    case 'text':
    case 'textarea':
      return field.pattern ? matching(field.pattern.regex) : 'デモ入力';
    case 'kana':
      return 'オウシュウ';
    case 'number':
      return Math.max(field.min ?? 1, 1) <= (field.max ?? Infinity) ? Math.max(field.min ?? 1, 1) : field.max;
    case 'date': {
      if (field.min) return resolveDateBound(field.min, today);
      if (field.max) return resolveDateBound(field.max, today);
      return today;
    }
    case 'postal':
      return '029-4204';
    case 'address':
      return '岩手県奥州市前沢字七日町裏71番地';
    case 'phone':
      return '0197242111';
    case 'email':
      return 'demo@example.jp';
    case 'select':
    case 'radios':
      return field.options[0]?.value;
    case 'checkboxes':
      return field.options.slice(0, Math.max(1, field.minChecked ?? 1)).map((o) => o.value);
    case 'consent':
      return true;
    case 'file':
      return file(field.id, field.accept);
    case 'location':
      return { lat: 39.1444, lng: 141.1389 };
  }
}

async function demoAnswers(def: ProcedureDefinition, base: Answers, today: string, file: (fieldId: string, accept: string[]) => Promise<unknown>): Promise<Answers> {
  const answers: Answers = { ...base };
  const fill = async (field: Field, into: Record<string, unknown>) => {
    if (into[field.id] !== undefined && into[field.id] !== '') return;
    if (field.type === 'group') {
      const count = Math.max(field.minItems ?? 0, field.required ? 1 : 0);
      const items: Record<string, unknown>[] = [];
      for (let i = 0; i < count; i++) {
        const item: Record<string, unknown> = {};
        for (const sub of field.fields) await fill(sub, item);
        items.push(item);
      }
      if (items.length) into[field.id] = items;
      return;
    }
    const value = await fillerFor(field, today, file);
    if (value !== undefined) into[field.id] = value;
  };
  for (const page of def.pages) for (const field of page.fields) await fill(field, answers as Record<string, unknown>);
  return answers;
}

/**
 * How long ago a demo application came in, in business days, given its procedure's
 * 標準処理期間: new ones today or yesterday, most in mid-course, a few due on the next
 * business day, and (once in the whole demo) one two days overdue as an example.
 */
type Age = 'today' | 'yesterday' | 'midway' | 'nearDue' | 'overdue';
const AGE_DAYS: Record<Age, (processingDays: number) => number> = {
  today: () => 0,
  yesterday: () => 1,
  midway: (days) => Math.floor(days / 2),
  nearDue: (days) => Math.max(0, days - 1),
  overdue: (days) => days + 2,
};

/** Which procedures (first published of each department) and what happens to them. */
const STORIES: { transitions: TransitionName[]; message?: string; age: Age }[] = [
  { transitions: [], age: 'today' },
  { transitions: ['start_review'], age: 'nearDue' },
  { transitions: ['start_review', 'return'], message: '添付の書類が読み取れません。もう一度、鮮明な写真またはPDFを添付してください。', age: 'midway' },
  { transitions: [], age: 'yesterday' },
  { transitions: ['start_review', 'approve'], age: 'midway' },
  { transitions: ['start_review', 'return'], message: '連絡先の電話番号をご確認ください。', age: 'midway' },
  { transitions: ['start_review'], age: 'overdue' },
  { transitions: ['reject'], message: '対象となる要件を満たしていないため、却下します。詳しくは担当課までお問い合わせください。', age: 'midway' },
];

/** The day a demo application was submitted and its due date; `overdueLeft` false turns a second overdue example into one due soon. */
export function demoSchedule(age: Age, today: string, processingDays: number, overdueLeft: boolean): { submittedOn: string; dueDate: string } {
  const days = AGE_DAYS[age === 'overdue' && !overdueLeft ? 'nearDue' : age](processingDays);
  const submittedOn = subtractBusinessDays(today, days);
  return { submittedOn, dueDate: addBusinessDays(submittedOn, processingDays) };
}

/** Demo applications collect at a counter when the procedure offers it, so they need no online payment (post is paid online only). */
function demoDelivery(def: ProcedureDefinition): Answers {
  const field = def.pages.flatMap((p) => p.fields).find((f) => f.id === DELIVERY_FIELD);
  return field && (field.type === 'radios' || field.type === 'select') && field.options.some((o) => o.value === 'counter') ? { [DELIVERY_FIELD]: 'counter' } : {};
}

async function staffOf(db: Kysely<PlatformTables>, department: string): Promise<StaffActor | null> {
  const row = await db.selectFrom('staff_roles').select('staff_id').where('department_code', '=', department).where('role', 'in', ['clerk', 'manager']).orderBy('role').limit(1).executeTakeFirst();
  return row ? loadStaffActor(db, row.staff_id) : null;
}

export async function seedDemoApplications(platform: Platform): Promise<number> {
  const db = platform.db.kysely;
  const pdb = proceduresDb(db);
  if (await pdb.selectFrom('applications').select('id').limit(1).executeTakeFirst()) return 0;
  // The demo login residents, found the way a login finds them (the registry's own matching).
  const registry = platform.services.find((s) => s.matchResident && s.demoIdentities);
  const residentIds: string[] = [];
  for (const identity of registry?.demoIdentities?.() ?? []) {
    const id = await registry!.matchResident!(db, { name: identity.name, nameKana: identity.nameKana, birthdate: identity.birthdate, gender: identity.gender, address: identity.address });
    if (id) residentIds.push(id);
  }
  if (residentIds.length === 0) return 0;
  const ctx: ProceduresCtx = { db, jobs: null, now: platform.now };
  const today = todayInJapan(platform.now());
  const procedures = await listPublished(db);
  // Up to three procedures per department, so each department's inbox has a few.
  const byDepartment = new Map<string, ProcedureDefinition[]>();
  for (const p of procedures) {
    const list = byDepartment.get(p.definition.department) ?? [];
    if (list.length < 3) list.push(p.definition);
    byDepartment.set(p.definition.department, list);
  }
  let made = 0;
  let n = 0;
  let overdueUsed = false;
  for (const defs of byDepartment.values()) {
    for (const def of defs) {
      const residentId = residentIds[n % residentIds.length]!;
      const story = STORIES[n % STORIES.length]!;
      n++;
      const facts = await prefillFactsFor(db, residentId);
      const stored: { fieldId: string; fileId: string }[] = [];
      const file = async (fieldId: string, accept: string[]) => {
        const sample = DEMO_FILES.find((f) => accept.includes(f.type));
        if (!sample) return undefined;
        const saved = await platform.files.save({ bytes: sample.bytes, originalName: sample.name, owner: { type: 'procedure-application', id: 'demo' }, allowed: [sample.type] });
        const answer = { fileId: saved.id, name: saved.originalName, type: saved.mime, size: saved.size };
        stored.push({ fieldId, fileId: saved.id });
        return answer;
      };
      const answers = await demoAnswers(def, { ...prefill(def, facts), ...demoDelivery(def) }, today, file);
      if (finalAnswers(def, answers, today).errors.length) {
        platform.log.debug({ procedure: def.id, errors: finalAnswers(def, answers, today).errors.map((e) => e.fieldId + ':' + e.code) }, 'demo application skipped: filler answers not accepted');
        continue;
      }
      const submitted = await submitComplete(ctx, {
        actor: { kind: 'system', id: 'demo' },
        residentAccountId: null,
        residentId,
        fallbackName: facts.resident?.name ?? '',
        procedureId: def.id,
        answers,
        scopedKey: `demo:${def.id}:${residentId}`,
        paymentMethod: paymentOptionsFor(def, answers, false)[0] ?? null,
        onlinePaymentAvailable: false,
        channel: 'online',
      });
      for (const f of stored) {
        await pdb.updateTable('files').set({ owner_id: submitted.id }).where('id', '=', f.fileId).execute();
        await pdb.insertInto('application_files').values({ application_id: submitted.id, file_id: f.fileId, field_id: f.fieldId, uploaded_by: 'resident' }).execute();
      }
      const staff = await staffOf(db, def.department);
      if (staff) {
        for (const transition of story.transitions) {
          await pdb.transaction().execute(async (trx) => {
            const row = (await applicationById(trx, submitted.id, { forUpdate: true }))!;
            await applyTransition(trx, null, row, transition, staff, platform.now(), { message: transition === 'return' || transition === 'reject' ? story.message : '', fields: transition === 'return' ? firstFieldIds(def) : [], notify: false });
          });
        }
      }
      // Dated as if it came in then: the inbox shows new, in-course and nearly due work, and one overdue example.
      const { submittedOn, dueDate } = demoSchedule(story.age, today, def.processingDays, !overdueUsed);
      if (story.age === 'overdue') overdueUsed = true;
      const submittedAt = submittedOn === today ? platform.now() : japanInstant(submittedOn, 9 * 3600 + n * 600);
      await pdb.updateTable('applications').set({ due_date: dueDate, submitted_at: submittedAt, created_at: submittedAt }).where('id', '=', submitted.id).execute();
      await pdb.updateTable('application_events').set({ at: submittedAt }).where('application_id', '=', submitted.id).where('kind', '=', 'submitted').execute();
      made++;
    }
  }
  return made;
}

/** The field a demo correction request points at: the first phone or file field, else the first field. */
function firstFieldIds(def: ProcedureDefinition): string[] {
  const fields = def.pages.flatMap((p) => p.fields);
  const chosen = fields.find((f) => f.type === 'file') ?? fields.find((f) => f.type === 'phone') ?? fields[0];
  return chosen ? [chosen.id] : [];
}
