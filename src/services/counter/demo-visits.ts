/**
 * Demo counter visits over the last four weeks, so the statistics have something to
 * show: visits on the city's business days (not weekends, holidays or 12/29–1/3) by the two Citizens Division demo clerks, single procedures
 * and bundles, most confirmed on the second screen, forms pre-filled from the demo
 * register and signed on paper (no applications are made: the people are invented).
 * Seeded pseudo-randomly, so every fresh demo database shows the same numbers.
 */
import { prefill, type Answers } from '../../engines/forms/index.ts';
import type { Platform } from '../../platform/platform.ts';
import { addDays, japanInstant, todayInJapan } from '../../platform/time/today.ts';
import { isBusinessDay } from '../../platform/time/business-days.ts';
import { prefillFactsFor } from '../procedures/public-api.ts';
import { residentFactsFor } from '../registry/resident-facts.ts';
import { BUNDLES, presetAnswers } from './bundles.ts';
import { contentHash } from './form-state.ts';
import { counterDb } from './tables.ts';
import { counterDefinition } from './visit-service.ts';

const DAYS = 28;
const CLERKS = ['shimin.tanto', 'shimin.kacho'];
const SINGLE_PROCEDURES = ['juminhyo-copy', 'inkan-certificate', 'koseki-certificate', 'tenkyo', 'inu-toroku', 'shotoku-kazei-certificate'];
const IDENTITY = ['mynumber-card', 'mynumber-card', 'driving-licence', 'driving-licence', 'passport', 'two-documents'];

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedDemoVisits(platform: Platform): Promise<number> {
  const db = platform.db.kysely;
  const cdb = counterDb(db);
  if (await cdb.selectFrom('counter_visits').select('id').limit(1).executeTakeFirst()) return 0;
  const staff = await db.selectFrom('staff').select(['id', 'login_id']).where('login_id', 'in', CLERKS).execute();
  if (staff.length === 0) return 0;
  const rnd = random(20260401);
  const between = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const today = todayInJapan(platform.now());
  let residentNo = 1;
  let made = 0;
  for (let d = DAYS; d >= 1; d--) {
    const date = addDays(today, -d);
    // The counter is open on the city's business days only: no weekends, holidays or year-end closure.
    if (!isBusinessDay(date)) continue;
    const visits = between(2, 5);
    for (let v = 0; v < visits; v++) {
      const residentId = `r${String(residentNo++).padStart(4, '0')}`;
      const facts = await residentFactsFor(db, residentId);
      if (!facts) continue;
      const bundle = rnd() < 0.35 ? BUNDLES[between(0, BUNDLES.length - 1)]! : null;
      const items = bundle ? bundle.items : [{ procedureId: SINGLE_PROCEDURES[between(0, SINGLE_PROCEDURES.length - 1)]!, preset: undefined }];
      const forms: { procedure_id: string; version: number; answers: Answers; prefilled: string[] }[] = [];
      const prefillFacts = await prefillFactsFor(db, residentId);
      for (const item of items) {
        const published = await counterDefinition(db, item.procedureId);
        if (!published) continue;
        const fromRegister = prefill(published.definition, prefillFacts);
        forms.push({ procedure_id: item.procedureId, version: published.version, answers: { ...fromRegister, ...presetAnswers(published.definition, item.preset) }, prefilled: Object.keys(fromRegister) });
      }
      if (forms.length === 0) continue;
      // Bundles take longer; pre-filled forms keep single procedures short.
      const minutes = bundle ? between(14, 38) : between(5, 16);
      const startSeconds = between(8 * 3600 + 45 * 60, 16 * 3600 + 30 * 60);
      const startedAt = japanInstant(date, startSeconds);
      const endedAt = new Date(startedAt.getTime() + (minutes * 60 + between(0, 59)) * 1000);
      const secondScreen = rnd() < 0.75;
      const clerk = staff[between(0, staff.length - 1)]!;
      const hash = contentHash(forms);
      const method = IDENTITY[between(0, IDENTITY.length - 1)]!;
      await cdb.transaction().execute(async (trx) => {
        const visit = await trx
          .insertInto('counter_visits')
          .values({
            staff_id: clerk.id,
            resident_id: residentId,
            resident_name: facts.resident.name,
            identity_method: method,
            identity_note: method === 'two-documents' ? '健康保険証・年金手帳' : null,
            bundle_id: bundle?.id ?? null,
            started_at: startedAt,
            ended_at: endedAt,
            outcome: 'completed',
            confirmed_at: new Date(endedAt.getTime() - 120_000),
            confirmed_via: secondScreen ? 'second_screen' : 'clerk_screen',
            confirmed_hash: hash,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        let position = 0;
        for (const f of forms) {
          await trx
            .insertInto('counter_visit_forms')
            .values({ visit_id: visit.id, procedure_id: f.procedure_id, procedure_version: f.version, position: ++position, answers: JSON.stringify(f.answers), prefilled: JSON.stringify(f.prefilled), finish: 'print', finished_at: endedAt, updated_at: endedAt })
            .execute();
        }
      });
      made++;
    }
  }
  return made;
}
