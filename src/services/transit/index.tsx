/** The on-demand bus in Maesawa (R7): booking, operators, drivers, map, statistics, nightly re-optimisation. */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { registerTransitApi } from './api-routes.ts';
import { registerDriverRoutes } from './driver-routes.tsx';
import { registerLiveRoutes } from './live-routes.ts';
import { registerMapRoutes } from './map-routes.tsx';
import { registerNetworkAdminRoutes } from './network-admin-routes.tsx';
import { mapMessages } from './map-messages.ts';
import { transitMessages } from './messages.ts';
import { transitMyPage } from './my-page.tsx';
import { registerOperatorRoutes } from './operator-routes.tsx';
import { canOperate } from './policy.ts';
import { registerResidentRoutes } from './resident-routes.tsx';
import { registerStatsRoutes } from './stats-routes.tsx';
import { statsMessages } from './stats-messages.ts';
import { transitDb } from './tables.ts';
import { transitContext } from './transit-context.ts';
import { ensureNightlyChain, transitJobs } from './transit-jobs.ts';
import { seedDemoTrips } from './transit-demo-trips.ts';
import { seedTransitNetwork } from './transit-seed.ts';

export const transitService = defineService({
  id: 'transit',
  titleKey: 'transit.title',
  messages: { ja: { ...transitMessages.ja, ...mapMessages.ja, ...statsMessages.ja }, en: { ...transitMessages.en, ...mapMessages.en, ...statsMessages.en } },
  residentEntry: { href: '/transit', titleKey: 'transit.title', descriptionKey: 'transit.entry.description', category: '交通' },
  staffMenu: [
    { href: '/staff/transit', titleKey: 'transit.staff.title', descriptionKey: 'transit.staff.description', allowed: canOperate },
    { href: '/staff/transit/driver', titleKey: 'transit.driver.title', descriptionKey: 'transit.driver.description', allowed: (staff) => staff.roles.length === 0 || canOperate(staff) },
  ],
  myPage: transitMyPage,
  jobs: transitJobs,
  seedDemo: async (platform) => {
    // Demo rides are booked without sending their notices (the riders are invented).
    if (await seedTransitNetwork(transitDb(platform.db.kysely))) await seedDemoTrips({ ...transitContext(platform), jobs: null });
  },
  routes: async (app, platform) => {
    const ctx = transitContext(platform);
    await registerResidentRoutes(app, ctx);
    await registerOperatorRoutes(app, ctx);
    await registerDriverRoutes(app, ctx);
    await registerMapRoutes(app, ctx, platform.config);
    await registerLiveRoutes(app, ctx);
    await registerStatsRoutes(app, ctx);
    await registerTransitApi(app, ctx);
    await registerNetworkAdminRoutes(app, ctx);
    await ensureNightlyChain(ctx);
  },
});
