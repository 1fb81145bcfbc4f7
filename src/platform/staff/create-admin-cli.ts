/**
 * `npm run staff:create-admin -- LOGIN_ID "NAME"`: the first administrator of
 * a production database (no demo data). Prints a one-time password; the
 * person sets up TOTP at first login.
 */
import crypto from 'node:crypto';
import { loadConfig } from '../config/config.ts';
import { openDatabase } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { insertStaff } from './staff-accounts.ts';

const [loginId, name] = process.argv.slice(2);
if (!loginId || !name || !/^[a-z0-9][a-z0-9.-]{2,39}$/.test(loginId)) {
  console.error('usage: npm run staff:create-admin -- LOGIN_ID "NAME"   (LOGIN_ID: 3–40 of a-z 0-9 . -)');
  process.exit(2);
}
const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db);
  const password = crypto.randomBytes(12).toString('base64url');
  const id = await insertStaff(db.kysely, { loginId, displayName: name, email: null, password, roles: [{ department: 'dx', role: 'admin' }] });
  await recordAudit(db.kysely, { actor: { type: 'system', id: null }, action: 'staff.created', targetType: 'staff', targetId: id, reason: 'create-admin CLI', details: { loginId } });
  console.log(`created ${loginId}; one-time password: ${password}`);
} finally {
  await db.close();
}
