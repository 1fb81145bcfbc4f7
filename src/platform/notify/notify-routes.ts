/** Notify's HTTP side: provider receipts, the API, the staff pages and (when on) the local simulators. */
import type { FastifyInstance } from 'fastify';
import { addMessages } from '../i18n/i18n.ts';
import type { Platform } from '../platform.ts';
import { registerNotifyApi } from './api/messages-api.ts';
import { notifyMessages } from './notify-messages.ts';
import { registerReceiptRoutes } from './receipt-routes.ts';
import { scheduleSweep } from './sweep.ts';
import { registerInboxPage } from './simulators/inbox-page-routes.tsx';
import { registerProviderSimulators } from './simulators/provider-simulator-routes.ts';
import { registerApiKeyStaffRoutes } from './staff/api-keys-routes.tsx';
import { registerMessageStaffRoutes } from './staff/messages-routes.tsx';
import { registerOptOutStaffRoutes } from './staff/opt-outs-routes.tsx';
import { registerTemplateStaffRoutes } from './staff/templates-routes.tsx';

export async function registerNotifyRoutes(app: FastifyInstance, platform: Platform): Promise<void> {
  addMessages(notifyMessages);
  const notify = platform.notify;
  // The sweep queues its own next run; this (idempotent) first one starts the chain.
  await scheduleSweep(notify.db, platform.jobs);
  await registerReceiptRoutes(app, notify.db, { sms: notify.secrets.smsToken, line: notify.secrets.lineChannelSecret });
  await registerNotifyApi(app, platform);
  await registerMessageStaffRoutes(app, platform);
  await registerTemplateStaffRoutes(app, platform);
  await registerApiKeyStaffRoutes(app, platform);
  await registerOptOutStaffRoutes(app, platform);
  if (notify.simulator) {
    await registerProviderSimulators(app, {
      db: notify.db,
      jobs: platform.jobs,
      control: notify.simulator,
      tokens: { sms: notify.secrets.smsToken, lineAccess: notify.secrets.lineAccessToken },
      lineReceiptUrl: `${platform.config.publicUrl}/api/notify/v1/receipts/line`,
      publicUrl: platform.config.publicUrl,
    });
    await registerInboxPage(app, notify.db, notify.simulator, () => notify.smtpSinkUrl());
  }
}
