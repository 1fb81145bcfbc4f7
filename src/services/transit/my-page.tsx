/** The on-demand bus's section of my page: the resident's upcoming rides. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { MyTrips } from './resident-views.tsx';
import { riderOfResident } from './rider-service.ts';
import { transitDb } from './tables.ts';
import { tripsOfRider } from './trip-queries.ts';

export async function transitMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const db = transitDb(ctx.db);
  const rider = await riderOfResident(db, ctx.resident);
  if (!rider) return null;
  const trips = (await tripsOfRider(db, rider.id, japanClock().date)).filter((t) => t.status !== 'cancelled');
  return { titleKey: 'transit.title', body: <MyTrips ctx={ctx.view} trips={trips} /> };
}
