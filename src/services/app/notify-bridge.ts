/**
 * What the city app needs from Notify besides `notifier.send`: the LINE webhook signature
 * check, the channel secret it is checked with, and the web-push (VAPID) public key that
 * browsers subscribe with. All come from src/platform/notify; this file is the one place
 * the service reaches into it.
 */
import type { Platform } from '../../platform/platform.ts';
export { lineSignature as signLineBody, verifyLineSignature } from '../../platform/notify/signatures.ts';

/** LINE_CHANNEL_SECRET, or the secret Notify derives for its local LINE simulator when unset. */
export function lineChannelSecret(platform: Platform): string {
  return platform.notify.secrets.lineChannelSecret;
}

/** The VAPID public key (base64url) the push provider signs with: VAPID_PUBLIC_KEY or the pair kept in DATA_DIR. */
export function vapidPublicKey(platform: Platform): string {
  return platform.notify.vapidPublicKey;
}
