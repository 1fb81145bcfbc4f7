/**
 * Online procedures (A2): residents find a procedure, fill it in page by page (drafts
 * kept, expired logins lose nothing), check, submit, pay, follow it and correct it when
 * asked; every procedure is a versioned JSON definition run by the forms engine.
 * The staff side (department inbox, review, decisions, moving one-stop tasks) is in
 * inbox-*, review-*, tasks-*, moving-*; other services use public-api.ts only.
 */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { registerProceduresApi } from './api-routes.ts';
import { NOTICE_QUEUE, sendApplicationNotice, type NoticeKind } from './application-notices.ts';
import { registerApplicationRoutes } from './application-routes.tsx';
import { loadCatalogue } from './catalogue/index.ts';
import { registerCatalogueRoutes } from './catalogue-routes.tsx';
import { registerDefinitionRoutes } from './definitions-routes.tsx';
import { seedDemoApplications } from './demo-applications.ts';
import { registerFormRoutes } from './form-routes.tsx';
import { proceduresMessages } from './messages.ts';
import { proceduresMyPage } from './my-page.tsx';
import { canViewDefinitions } from './policy.ts';
import { loadCatalogueIntoDb } from './procedure-store.ts';
import { staffProceduresMessages } from './staff-messages.ts';
import { registerStaffProcedureRoutes, staffProceduresMenu } from './staff-routes.tsx';

export const proceduresService = defineService({
  id: 'procedures',
  titleKey: 'procedures.title',
  messages: { ja: { ...proceduresMessages.ja, ...staffProceduresMessages.ja }, en: { ...proceduresMessages.en, ...staffProceduresMessages.en } },
  residentEntry: { href: '/procedures', titleKey: 'procedures.title', descriptionKey: 'procedures.entry.description', category: '手続き' },
  staffMenu: [
    { href: '/staff/procedure-definitions', titleKey: 'procedures.definitions.title', descriptionKey: 'procedures.definitions.description', allowed: canViewDefinitions },
    staffProceduresMenu,
  ],
  myPage: proceduresMyPage,
  jobs: (platform) => ({
    [NOTICE_QUEUE]: async (payload) => {
      await sendApplicationNotice(platform.db.kysely, platform.notifier, platform.config.publicUrl, String(payload.applicationId), payload.kind as NoticeKind, String(payload.at ?? ''));
    },
  }),
  seedDemo: async (platform) => {
    await seedDemoApplications(platform);
  },
  routes: async (app, platform) => {
    // Every start: the shipped catalogue becomes new versions where it changed (never reverting staff edits).
    const loaded = await loadCatalogueIntoDb(platform.db.kysely, loadCatalogue(), platform.log);
    if (loaded.added.length) platform.log.info({ versions: loaded.added }, 'procedure definitions loaded from the catalogue');
    await registerCatalogueRoutes(app, platform);
    await registerFormRoutes(app, platform);
    await registerApplicationRoutes(app, platform);
    await registerProceduresApi(app, platform);
    await registerDefinitionRoutes(app, platform);
    await registerStaffProcedureRoutes(app, platform);
  },
});
