/** The resident registry (A1): the master other services read, kept by the Citizens Division. */
import { defineService } from '../../platform/catalogue/city-service.ts';
import { registryMessages } from './messages.ts';
import { registryMyPage } from './my-page.tsx';
import { canSearchRegistry } from './policy.ts';
import { registerRegistryRoutes } from './registry-routes.tsx';
import { demoIdentities, seedRegistry } from './registry-seed.ts';
import { matchResident } from './registry-service.ts';

export const registryService = defineService({
  id: 'registry',
  titleKey: 'registry.title',
  messages: registryMessages,
  residentEntry: { href: '/mypage', titleKey: 'registry.entry.title', descriptionKey: 'registry.entry.description', category: 'くらし' },
  staffMenu: [{ href: '/staff/registry', titleKey: 'registry.title', descriptionKey: 'registry.menu.description', allowed: canSearchRegistry }],
  myPage: registryMyPage,
  matchResident,
  demoIdentities: () => demoIdentities(),
  seedDemo: async (platform) => {
    await seedRegistry(platform.db.kysely);
  },
  routes: registerRegistryRoutes,
});
