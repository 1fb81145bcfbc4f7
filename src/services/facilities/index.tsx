/**
 * Public facility reservation (A7): rooms and slots as data, availability for anyone,
 * booking without double booking (the database's exclusion constraint), 仮予約 for
 * rooms needing a permit, group registration, fees with cashless payment by a
 * deadline, cancellation refunds, receipts. The lottery and the staff back office /
 * classes (F5) live beside it in this folder (lottery-*, staff-*, classes-*).
 */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { registerFacilitiesApi } from './api-routes.ts';
import { registerBookingRoutes } from './booking-routes.tsx';
import { facilityContext } from './facility-context.ts';
import { facilityJobs, scheduleSweep } from './facility-jobs.ts';
import { seedDemoBookings, seedFacilities } from './facility-seed.ts';
import { registerGroupRoutes } from './group-routes.tsx';
import { facilitiesMessages } from './messages.ts';
import { facilitiesMyPage } from './my-page.tsx';
import { canManageFacilities } from './policy.ts';
import { registerPublicRoutes } from './public-routes.tsx';
import { seedDemoClasses } from './classes-demo.ts';
import { classJobs } from './classes-jobs.ts';
import { classMessages } from './classes-messages.ts';
import { canRunClasses } from './classes-policy.ts';
import { registerClassRoutes } from './classes-routes.tsx';
import { facilityStaffMessages } from './staff-messages.ts';
import { registerFacilityStaffRoutes, staffJobs } from './staff-routes.tsx';
import { lotteryJobs } from './lottery-jobs.ts';
import { lotteryMessages } from './lottery-messages.ts';
import { lotteryMyPage } from './lottery-my-page.tsx';
import { registerLotteryRoutes } from './lottery-routes.tsx';
import { seedDemoLottery } from './lottery-demo.ts';
import { addMyPagePart } from './my-page.tsx';

export const facilitiesService = defineService({
  id: 'facilities',
  titleKey: 'facilities.title',
  messages: {
    ja: { ...facilitiesMessages.ja, ...facilityStaffMessages.ja, ...classMessages.ja, ...lotteryMessages.ja },
    en: { ...facilitiesMessages.en, ...facilityStaffMessages.en, ...classMessages.en, ...lotteryMessages.en },
  },
  residentEntry: { href: '/facilities', titleKey: 'facilities.title', descriptionKey: 'facilities.entry.description', category: '施設・スポーツ' },
  residentEntries: [{ href: '/facilities/classes', titleKey: 'facilities.classes.title', descriptionKey: 'facilities.classes.entry.description', category: '施設・スポーツ' }],
  // The back office pages come from registerFacilityStaffRoutes (staff-*.tsx).
  staffMenu: [
    { href: '/staff/facilities', titleKey: 'facilities.staff.title', descriptionKey: 'facilities.staff.description', allowed: canManageFacilities },
    { href: '/staff/facilities/lottery', titleKey: 'facilities.lottery.staff.title', descriptionKey: 'facilities.lottery.staff.description', allowed: canManageFacilities },
    { href: '/staff/facilities/classes', titleKey: 'facilities.classes.staff.title', descriptionKey: 'facilities.classes.staff.description', allowed: canRunClasses },
  ],
  myPage: facilitiesMyPage,
  jobs: (platform) => ({
    ...facilityJobs(platform),
    ...staffJobs(platform),
    ...classJobs(platform),
    ...lotteryJobs(platform),
  }),
  seedDemo: async (platform) => {
    const ctx = facilityContext(platform);
    if (await seedFacilities(ctx.db)) {
      await seedDemoBookings(ctx.db, platform.now());
      // Demo classes are booked without notices (their attendees are invented).
      await seedDemoClasses({ ...ctx, jobs: null });
      await seedDemoLottery(platform);
    }
  },
  routes: async (app, platform) => {
    const ctx = facilityContext(platform);
    await registerPublicRoutes(app, ctx);
    await registerBookingRoutes(app, ctx);
    await registerGroupRoutes(app, ctx);
    await registerFacilitiesApi(app, ctx);
    await registerFacilityStaffRoutes(app, platform);
    // After the jobs are registered: the class routes start the reminder chain (and add classes to my page).
    await registerClassRoutes(app, platform);
    await registerLotteryRoutes(app, platform);
    addMyPagePart(lotteryMyPage);
    await scheduleSweep(ctx, ctx.now());
  },
});
