/** The lottery's part of my page: the resident's entries and where each stands. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { myEntries } from './lottery-entries.ts';
import { lotteryDb } from './lottery-tables.ts';
import { MyLotteryEntries } from './lottery-views.tsx';

/** null when the resident has never entered a lottery (my page then shows nothing for it). */
export async function lotteryMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const entries = await myEntries(lotteryDb(ctx.db), ctx.resident);
  if (entries.length === 0) return null;
  return {
    titleKey: 'facilities.lottery.title',
    body: (
      <>
        <MyLotteryEntries ctx={ctx.view} entries={entries} />
        <p>
          <a href="/facilities/lottery">{ctx.view.t('facilities.lottery.title')}</a>
        </p>
      </>
    ),
  };
}
