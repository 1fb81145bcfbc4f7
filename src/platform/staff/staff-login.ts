/**
 * The staff login rules: password, then a TOTP code. Five failures in a row
 * (of either) lock the account for 15 minutes. Every outcome is audited.
 */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import type { PlatformTables } from '../db/platform-tables.ts';
import { DUMMY_HASH, verifyPassword } from './password.ts';
import { verifyTotp } from './totp.ts';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 15;

export type PasswordOutcome =
  | { result: 'ok'; staffId: string; mfa: 'verify' | 'enrol' }
  | { result: 'locked'; until: Date }
  | { result: 'failed' };

async function registerFailure(db: Kysely<PlatformTables>, staffId: string, requestId: string, stage: string): Promise<void> {
  const row = await db
    .updateTable('staff')
    .set({
      failed_logins: sql`failed_logins + 1`,
      locked_until: sql`CASE WHEN failed_logins + 1 >= ${MAX_FAILURES} THEN now() + make_interval(mins => ${LOCK_MINUTES}) ELSE locked_until END`,
    })
    .where('id', '=', staffId)
    .returning(['failed_logins', 'locked_until'])
    .executeTakeFirstOrThrow();
  await recordAudit(db, { actor: { type: 'staff', id: staffId }, action: 'staff.login.failed', targetType: 'staff', targetId: staffId, details: { stage, failures: row.failed_logins }, requestId });
  if (row.failed_logins === MAX_FAILURES) {
    await recordAudit(db, { actor: { type: 'system', id: null }, action: 'staff.locked', targetType: 'staff', targetId: staffId, reason: `${MAX_FAILURES} failed logins`, requestId });
  }
}

function lockedUntil(row: { locked_until: Date | null }): Date | null {
  return row.locked_until && row.locked_until.getTime() > Date.now() ? row.locked_until : null;
}

export async function checkPassword(db: Kysely<PlatformTables>, loginId: string, password: string, requestId: string): Promise<PasswordOutcome> {
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'totp_enabled', 'locked_until', 'active'])
    .where('login_id', '=', loginId.toLowerCase())
    .executeTakeFirst();
  if (!staff || !staff.active) {
    await verifyPassword(password, DUMMY_HASH); // same time as a real check: no account probing by timing
    return { result: 'failed' };
  }
  const locked = lockedUntil(staff);
  if (locked) return { result: 'locked', until: locked };
  if (!(await verifyPassword(password, staff.password_hash))) {
    await registerFailure(db, staff.id, requestId, 'password');
    const after = await db.selectFrom('staff').select('locked_until').where('id', '=', staff.id).executeTakeFirstOrThrow();
    const nowLocked = lockedUntil(after);
    return nowLocked ? { result: 'locked', until: nowLocked } : { result: 'failed' };
  }
  return { result: 'ok', staffId: staff.id, mfa: staff.totp_enabled ? 'verify' : 'enrol' };
}

export type CodeOutcome = { result: 'ok' } | { result: 'locked'; until: Date } | { result: 'failed' };

/** Checks a TOTP code against the stored secret (or, while enrolling, the pending one). */
export async function checkCode(
  db: Kysely<PlatformTables>,
  staffId: string,
  code: string,
  requestId: string,
  pendingSecret: string | null = null,
): Promise<CodeOutcome> {
  const staff = await db
    .selectFrom('staff')
    .select(['totp_secret', 'last_totp_step', 'locked_until', 'active'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  if (!staff || !staff.active) return { result: 'failed' };
  const locked = lockedUntil(staff);
  if (locked) return { result: 'locked', until: locked };
  const secret = pendingSecret ?? staff.totp_secret;
  const step = secret ? verifyTotp(secret, code, Number(staff.last_totp_step)) : null;
  if (step === null) {
    await registerFailure(db, staffId, requestId, 'totp');
    const after = await db.selectFrom('staff').select('locked_until').where('id', '=', staffId).executeTakeFirstOrThrow();
    const nowLocked = lockedUntil(after);
    return nowLocked ? { result: 'locked', until: nowLocked } : { result: 'failed' };
  }
  await db
    .updateTable('staff')
    .set({
      failed_logins: 0,
      locked_until: null,
      last_totp_step: step,
      ...(pendingSecret ? { totp_secret: pendingSecret, totp_enabled: true } : {}),
      updated_at: new Date(),
    })
    .where('id', '=', staffId)
    .execute();
  await recordAudit(db, {
    actor: { type: 'staff', id: staffId },
    action: pendingSecret ? 'staff.mfa.enrolled' : 'staff.login',
    targetType: 'staff',
    targetId: staffId,
    requestId,
  });
  return { result: 'ok' };
}
