/**
 * VAPID keys identify the city to push services. Production sets VAPID_PUBLIC_KEY and
 * VAPID_PRIVATE_KEY (the same on every instance: subscriptions are tied to the public
 * key); otherwise a pair is generated once into DATA_DIR so subscriptions survive a restart.
 */
import fs from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';
import type { NotifyConfig } from '../config/config.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export function resolveVapidKeys(config: NotifyConfig, dataDir: string | null): VapidKeys {
  if (config.vapidPublicKey && config.vapidPrivateKey) {
    return { publicKey: config.vapidPublicKey, privateKey: config.vapidPrivateKey, subject: config.vapidSubject };
  }
  if (!dataDir) return { ...webpush.generateVAPIDKeys(), subject: config.vapidSubject };
  const file = path.join(dataDir, 'vapid.json');
  if (fs.existsSync(file)) {
    const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...stored, subject: config.vapidSubject };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  return { ...keys, subject: config.vapidSubject };
}
