/**
 * The staff side of online procedures in one call for the service's index:
 * `registerStaffProcedureRoutes(app, platform)` (department inbox and its CSV, review
 * page and actions, the moving one-stop's tasks, the staff JSON API) and the menu
 * entry `staffProceduresMenu` for the staff home.
 */
import type { FastifyInstance } from 'fastify';
import type { Platform } from '../../platform/platform.ts';
import { registerInboxRoutes } from './inbox-routes.tsx';
import { registerReviewRoutes } from './review-routes.tsx';
import { canUseInbox } from './staff-access.ts';
import { registerStaffApiRoutes } from './staff-api-routes.ts';
import { INBOX_PATH } from './staff-views.tsx';
import { registerTaskRoutes } from './tasks-routes.tsx';

export const staffProceduresMenu = { href: INBOX_PATH, titleKey: 'procedures.staff.menu.title', descriptionKey: 'procedures.staff.menu.description', allowed: canUseInbox };

export async function registerStaffProcedureRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  await registerInboxRoutes(app, platform);
  await registerReviewRoutes(app, platform);
  await registerTaskRoutes(app, platform);
  await registerStaffApiRoutes(app, platform);
}
