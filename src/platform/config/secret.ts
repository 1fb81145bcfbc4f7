/**
 * The secret that signs cookies and keys the embedded identity provider.
 * Production sets SESSION_SECRET (the same on every instance); the embedded
 * default keeps one in DATA_DIR so logins survive a restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function resolveSecret(configured: string | null, dataDir: string | null): string {
  if (configured) return configured;
  if (!dataDir) return crypto.randomBytes(32).toString('hex');
  const file = path.join(dataDir, 'secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
