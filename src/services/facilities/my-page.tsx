/**
 * The facilities section of my page: upcoming and recent bookings with their status
 * and payment (and receipt links), and the resident's groups. Other parts of the
 * service (the lottery's entries, class seats) join it with `addMyPagePart`: a
 * service has one my-page section, and residents see all of facilities in one place.
 */
import type { Kysely } from 'kysely';
import type { ComponentChildren } from 'preact';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { CityService, MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import { refundsByReferences } from '../../platform/payments/payments.ts';
import { japanClock } from '../../platform/time/today.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { BookingsTable } from './booking-page-views.tsx';
import { bookingsOf } from './booking-queries.ts';
import { PAYMENT_SOURCE } from './facility-context.ts';
import { GroupStatusTag } from './group-views.tsx';
import { facilitiesDb } from './tables.ts';

type MyPageHook = NonNullable<CityService['myPage']>;

const parts: MyPageHook[] = [];

/**
 * Adds another part's section (same shape as a service's `myPage`, e.g. the lottery's
 * entries or the class seats) inside the facilities section, under its own heading.
 * Adding the same function again changes nothing.
 */
export function addMyPagePart(part: MyPageHook): void {
  if (!parts.includes(part)) parts.push(part);
}

export async function facilitiesMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const db = facilitiesDb(ctx.db);
  const t = ctx.view.t;
  const today = japanClock().date;
  const [upcoming, past, groups] = await Promise.all([
    bookingsOf(db, ctx.resident, today, 'upcoming', 10),
    bookingsOf(db, ctx.resident, today, 'past', 5),
    db
      .selectFrom('facility_groups as g')
      .select(['g.id', 'g.name', 'g.status'])
      .where((eb) => eb.or([eb('g.representative_account_id', '=', ctx.resident.accountId), eb.exists(eb.selectFrom('facility_group_members as m').select('m.id').whereRef('m.group_id', '=', 'g.id').where('m.account_id', '=', ctx.resident.accountId))]))
      .orderBy('g.name')
      .execute(),
  ]);
  const refunds = await refundsByReferences(ctx.db, PAYMENT_SOURCE, [...upcoming, ...past].map((b) => b.id));
  const extra: ComponentChildren[] = [];
  for (const part of parts) {
    const section = await part(ctx);
    if (section)
      extra.push(
        <>
          <h3>{t(section.titleKey)}</h3>
          {section.body}
        </>,
      );
  }
  if (upcoming.length === 0 && past.length === 0 && groups.length === 0 && extra.length === 0) return null;
  return {
    titleKey: 'facilities.title',
    body: (
      <>
        <BookingsTable ctx={ctx.view} caption={t('facilities.mine.upcoming')} rows={upcoming} empty={t('facilities.mine.none')} refunds={refunds} viewer={ctx.resident} />
        {past.length ? <BookingsTable ctx={ctx.view} caption={t('facilities.mine.past')} rows={past} empty={t('facilities.mine.nonePast')} refunds={refunds} viewer={ctx.resident} /> : null}
        {groups.length ? (
          <>
            <h3>{t('facilities.groups.mine')}</h3>
            <ul>
              {groups.map((g) => (
                <li>
                  <a href={`/facilities/groups/${g.id}`}>{g.name}</a> <GroupStatusTag ctx={ctx.view} status={g.status} />
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {extra}
        <p>
          <a href="/facilities/mine">{t('facilities.mypage.all')}</a> ・ <a href="/facilities/classes">{t('facilities.classes.link')}</a>
        </p>
      </>
    ),
  };
}
