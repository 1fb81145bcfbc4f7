/**
 * The city app 「ぽちっと奥州」 (F6): news and notices with scheduled publishing, feeds and
 * an API; subscriptions by category × area over web push, LINE and email; an installable
 * PWA that reads the latest news offline; disaster mode; 子育て応援 (vaccination schedule
 * and reminders).
 */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { addResidentTopBanner } from '../../platform/ui/layout.tsx';
import type { ViewContext } from '../../platform/ui/view-context.ts';
import { registerAppApi } from './api-routes.ts';
import { appContext } from './app-context.ts';
import { appJobs, ensureDailyChain } from './app-jobs.ts';
import { registerChildcareRoutes } from './childcare-routes.tsx';
import { seedDemoNews } from './demo-data.ts';
import { disasterBoard, registerDisasterRefresh } from './disaster.ts';
import { registerLineWebhook } from './line-webhook.ts';
import { appMessages } from './messages.ts';
import { appMyPage } from './my-page.tsx';
import { canEditNews, canSwitchDisasterMode } from './policy.ts';
import { registerPwaRoutes } from './pwa-routes.ts';
import { DisasterBanner } from './resident-views.tsx';
import { registerResidentRoutes } from './resident-routes.tsx';
import { registerStaffRoutes } from './staff-routes.tsx';
import { asPlatformDb } from './tables.ts';

/** The disaster banner at the top of every resident page (renders nothing while the mode is off). */
const disasterBanner = (ctx: ViewContext) => <DisasterBanner ctx={ctx} alert={disasterBoard.current} />;

export const appService = defineService({
  id: 'app',
  titleKey: 'app.title',
  messages: appMessages,
  residentEntry: { href: '/app/', titleKey: 'app.title', descriptionKey: 'app.entry.description', category: 'お知らせ' },
  staffMenu: [
    { href: '/staff/app', titleKey: 'app.staff.title', descriptionKey: 'app.staff.description', allowed: canEditNews },
    { href: '/staff/app/disaster', titleKey: 'app.staff.disaster.title', descriptionKey: 'app.staff.disaster.description', allowed: canSwitchDisasterMode },
  ],
  myPage: appMyPage,
  jobs: appJobs,
  seedDemo: async (platform) => {
    const ctx = appContext(platform);
    if (!(await seedDemoNews(ctx.db, ctx.now()))) return;
    const scheduled = await ctx.db.selectFrom('app_articles').select(['id', 'publish_at']).where('status', '=', 'scheduled').execute();
    for (const a of scheduled) {
      await platform.jobs.enqueue(asPlatformDb(ctx.db), 'app.publish', { id: a.id, at: a.publish_at!.toISOString() }, { runAt: a.publish_at!, idempotencyKey: `app-publish:${a.id}:${a.publish_at!.toISOString()}` });
    }
  },
  routes: async (app, platform) => {
    const ctx = appContext(platform);
    addResidentTopBanner(disasterBanner);
    registerDisasterRefresh(app, ctx);
    await disasterBoard.refresh(ctx.db, true);
    await registerPwaRoutes(app);
    await registerResidentRoutes(app, ctx, platform);
    await registerLineWebhook(app, ctx, platform);
    await registerChildcareRoutes(app, ctx);
    await registerStaffRoutes(app, ctx);
    await registerAppApi(app, ctx);
    await ensureDailyChain(ctx);
  },
});
