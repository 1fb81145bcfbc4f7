/** Tax-reminder campaigns (納税督促, A8): SMS reminders to overdue taxpayers with a short link to pay online. */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { runSendJob, SEND_QUEUE } from './campaign-service.ts';
import { taxReminderMessages } from './messages.ts';
import { registerPayRoutes } from './pay-routes.tsx';
import { canUseTaxReminders } from './policy.ts';
import { registerStaffRoutes } from './staff-routes.tsx';
import { seedTemplates } from './template-service.ts';

export const taxRemindersService = defineService({
  id: 'tax-reminders',
  titleKey: 'tax.title',
  messages: taxReminderMessages,
  staffMenu: [{ href: '/staff/tax-reminders', titleKey: 'tax.title', descriptionKey: 'tax.menu.description', allowed: canUseTaxReminders }],
  jobs: (platform) => ({
    [SEND_QUEUE]: async (payload) => {
      await runSendJob(platform, String(payload.campaignId));
    },
  }),
  seedDemo: seedTemplates,
  routes: async (app, platform) => {
    await registerStaffRoutes(app, platform);
    await registerPayRoutes(app, platform);
  },
});
