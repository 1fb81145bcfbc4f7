/**
 * The classes' part of my page: the resident's upcoming seats (and waiting places).
 * `ClassesMyPageBlock` is for the facilities service's own my-page section to
 * include; `classesMyPage` is the same as a section of its own.
 */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { seatsOfResident, type SeatRow } from './classes-queries.ts';
import { SeatTable } from './classes-views.tsx';
import { staffDb } from './staff-tables.ts';
import { facilitiesDb } from './tables.ts';

/** Upcoming seats that still matter (cancelled ones are left out). */
export async function upcomingSeatsOf(db: Kysely<PlatformTables>, resident: ResidentActor, now: Date = new Date()): Promise<SeatRow[]> {
  const seats = await seatsOfResident(staffDb(facilitiesDb(db)), resident.accountId, japanClock(now).date, 'upcoming', 20);
  return seats.filter((s) => s.status !== 'cancelled' || s.class_status === 'cancelled');
}

export function ClassesMyPageBlock(props: { ctx: ViewContext; seats: SeatRow[] }) {
  const t = props.ctx.t;
  return (
    <>
      <SeatTable ctx={props.ctx} seats={props.seats} caption={t('facilities.classes.mine.upcoming')} />
      <p>
        <a href="/facilities/classes/mine">{t('facilities.classes.mine.all')}</a> ・ <a href="/facilities/classes">{t('facilities.classes.findMore')}</a>
      </p>
    </>
  );
}

export async function classesMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const seats = await upcomingSeatsOf(ctx.db, ctx.resident);
  if (seats.length === 0) return null;
  return { titleKey: 'facilities.classes.mine.title', body: <ClassesMyPageBlock ctx={ctx.view} seats={seats} /> };
}
