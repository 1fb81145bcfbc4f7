/** The city app's section of my page: the resident's subscriptions and registered children. */
import type { Kysely } from 'kysely';
import type { ResidentActor } from '../../platform/access/actor.ts';
import type { MyPageSection } from '../../platform/catalogue/city-service.ts';
import type { PlatformTables } from '../../platform/db/platform-tables.ts';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { childrenOf } from './childcare-service.ts';
import { subscriptionsOf } from './subscription-service.ts';
import { appDb } from './tables.ts';
import { areaLabel, categoryLabel } from './view-helpers.tsx';

export async function appMyPage(ctx: { db: Kysely<PlatformTables>; resident: ResidentActor; view: ViewContext }): Promise<MyPageSection | null> {
  const db = appDb(ctx.db);
  const [subs, children] = await Promise.all([subscriptionsOf(db, ctx.resident), childrenOf(db, ctx.resident)]);
  if (subs.length === 0 && children.length === 0) return null;
  const t = ctx.view.t;
  return {
    titleKey: 'app.title',
    body: (
      <>
        {subs.length ? (
          <ul>
            {subs.map((s) => (
              <li>
                {t(`app.channel.${s.channel}`)}（{t(`app.subStatus.${s.status}`)}）: {s.categories.map((c) => categoryLabel(ctx.view, c)).join('、')} ／ {s.areas.map((a) => areaLabel(ctx.view, a)).join('、')}
              </li>
            ))}
          </ul>
        ) : null}
        <p>
          <a href="/app/subscriptions">{t('app.mine.title')}</a>
        </p>
        {children.length ? (
          <p>
            <a href="/app/childcare">{t('app.child.mypage', { n: children.length })}</a>
          </p>
        ) : null}
      </>
    ),
  };
}
