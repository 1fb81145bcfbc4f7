/**
 * The no-writing counter (A9, スマート窓口「書かない窓口」): the clerk finds the resident
 * in the register, records the identity check, picks procedures (or a bundle), the
 * forms open pre-filled, the resident confirms on a second screen, and each form is
 * submitted directly or printed for one signature; counter time is recorded for
 * statistics. Uses the registry and procedures services through their exported
 * functions only (registry-service / resident-facts, procedures/public-api).
 */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { registerCounterRoutes } from './counter-routes.tsx';
import { seedDemoVisits } from './demo-visits.ts';
import { registerDisplayRoutes } from './display-routes.tsx';
import { registerCounterFormRoutes } from './form-routes.tsx';
import { counterMessages } from './messages.ts';
import { canUseCounter } from './policy.ts';
import { registerStatsRoutes } from './stats-routes.tsx';

export const counterService = defineService({
  id: 'counter',
  titleKey: 'counter.title',
  messages: counterMessages,
  staffMenu: [{ href: '/staff/counter', titleKey: 'counter.title', descriptionKey: 'counter.menu.description', allowed: canUseCounter }],
  seedDemo: async (platform) => {
    await seedDemoVisits(platform);
  },
  routes: async (app, platform) => {
    await registerCounterRoutes(app, platform);
    await registerCounterFormRoutes(app, platform);
    await registerDisplayRoutes(app, platform);
    await registerStatsRoutes(app, platform);
  },
});
