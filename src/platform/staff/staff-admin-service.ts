/** Managing staff accounts (admin function): create, change roles, reset MFA, unlock, (de)activate. */
import type { Kysely } from 'kysely';
import { recordAudit } from '../audit/audit-log.ts';
import { requireAccess } from '../access/require-access.ts';
import type { StaffActor } from '../access/actor.ts';
import type { PlatformTables, StaffRole } from '../db/platform-tables.ts';
import type { FieldError } from '../http/errors.ts';
import { insertStaff, replaceRoles } from './staff-accounts.ts';
import { passwordProblem } from './password.ts';
import { canAdministerStaff } from './staff-policy.ts';
import { isUuid } from '../http/ids.ts';

const ROLES: StaffRole[] = ['clerk', 'manager', 'admin'];

export function parseRoleValues(values: string[], departments: string[]): { department: string; role: StaffRole }[] {
  return values.flatMap((v) => {
    const [department = '', role = ''] = v.split(':');
    return departments.includes(department) && (ROLES as string[]).includes(role) ? [{ department, role: role as StaffRole }] : [];
  });
}

export async function listStaff(db: Kysely<PlatformTables>, actor: StaffActor, page: number, pageSize = 50) {
  requireAccess(canAdministerStaff(actor), 'forbidden');
  const [rows, total] = await Promise.all([
    db
      .selectFrom('staff')
      .select(['id', 'login_id', 'display_name', 'active', 'totp_enabled', 'locked_until'])
      .orderBy('login_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db.selectFrom('staff').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const roles = rows.length
    ? await db.selectFrom('staff_roles').selectAll().where('staff_id', 'in', rows.map((r) => r.id)).execute()
    : [];
  return {
    rows: rows.map((r) => ({ ...r, roles: roles.filter((x) => x.staff_id === r.id) })),
    pageCount: Math.max(1, Math.ceil(Number(total.n) / pageSize)),
  };
}

export async function getStaff(db: Kysely<PlatformTables>, actor: StaffActor, staffId: string) {
  requireAccess(canAdministerStaff(actor), 'forbidden');
  requireAccess(isUuid(staffId));
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'login_id', 'display_name', 'email', 'active', 'totp_enabled', 'locked_until', 'failed_logins'])
    .where('id', '=', staffId)
    .executeTakeFirst();
  requireAccess(Boolean(staff));
  const roles = await db.selectFrom('staff_roles').select(['department_code', 'role']).where('staff_id', '=', staffId).execute();
  return { ...staff!, roles };
}

export interface StaffInput {
  loginId: string;
  displayName: string;
  email: string;
  password: string;
  roles: { department: string; role: StaffRole }[];
}

export function validateStaffInput(input: StaffInput, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (creating && !/^[a-z0-9][a-z0-9.-]{2,39}$/.test(input.loginId)) errors.push({ field: 'loginId', messageKey: 'staff.admin.loginId.invalid' });
  if (!input.displayName) errors.push({ field: 'displayName', messageKey: 'staff.admin.displayName.required' });
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email)) errors.push({ field: 'email', messageKey: 'staff.admin.email.invalid' });
  if (creating) {
    const problem = passwordProblem(input.password);
    if (problem) errors.push({ field: 'password', messageKey: problem });
  }
  return errors;
}

export async function createStaff(db: Kysely<PlatformTables>, actor: StaffActor, input: StaffInput, requestId: string): Promise<{ id: string } | { errors: FieldError[] }> {
  requireAccess(canAdministerStaff(actor), 'forbidden');
  const errors = validateStaffInput(input, true);
  if (errors.length) return { errors };
  const taken = await db.selectFrom('staff').select('id').where('login_id', '=', input.loginId).executeTakeFirst();
  if (taken) return { errors: [{ field: 'loginId', messageKey: 'staff.admin.loginId.taken' }] };
  return db.transaction().execute(async (trx) => {
    const id = await insertStaff(trx, { loginId: input.loginId, displayName: input.displayName, email: input.email || null, password: input.password, roles: input.roles });
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'staff.created', targetType: 'staff', targetId: id, details: { loginId: input.loginId, roles: input.roles }, requestId });
    return { id };
  });
}

export async function updateStaff(
  db: Kysely<PlatformTables>,
  actor: StaffActor,
  staffId: string,
  input: { displayName: string; email: string; active: boolean; roles: { department: string; role: StaffRole }[]; reason: string },
  requestId: string,
): Promise<{ errors: FieldError[] }> {
  const before = await getStaff(db, actor, staffId);
  const errors = validateStaffInput({ ...input, loginId: before.login_id, password: '' }, false);
  // An administrator cannot grant themselves more (or lock themselves out): that takes a second administrator.
  const key = (r: { department: string; role: string }) => `${r.department}:${r.role}`;
  const rolesBefore = before.roles.map((r) => key({ department: r.department_code, role: r.role })).sort().join(',');
  const rolesAfter = input.roles.map(key).sort().join(',');
  if (staffId === actor.id && (rolesBefore !== rolesAfter || !input.active)) errors.push({ field: 'roles', messageKey: 'staff.admin.selfChange' });
  if (errors.length) return { errors };
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ display_name: input.displayName, email: input.email || null, active: input.active, updated_at: new Date() }).where('id', '=', staffId).execute();
    await replaceRoles(trx, staffId, input.roles);
    if (!input.active) await trx.deleteFrom('sessions').where('kind', '=', 'staff').where('subject_id', '=', staffId).execute();
    await recordAudit(trx, {
      actor: { type: 'staff', id: actor.id },
      action: 'staff.updated',
      targetType: 'staff',
      targetId: staffId,
      reason: input.reason || null,
      details: { before: { roles: before.roles, active: before.active }, after: { roles: input.roles, active: input.active } },
      requestId,
    });
  });
  return { errors: [] };
}

export async function resetStaffMfa(db: Kysely<PlatformTables>, actor: StaffActor, staffId: string, reason: string, requestId: string): Promise<void> {
  await getStaff(db, actor, staffId);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ totp_secret: null, totp_enabled: false, last_totp_step: 0, updated_at: new Date() }).where('id', '=', staffId).execute();
    // Sessions opened with the old factor end now.
    await trx.deleteFrom('sessions').where('kind', '=', 'staff').where('subject_id', '=', staffId).execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'staff.mfa.reset', targetType: 'staff', targetId: staffId, reason, requestId });
  });
}

export async function unlockStaff(db: Kysely<PlatformTables>, actor: StaffActor, staffId: string, reason: string, requestId: string): Promise<void> {
  await getStaff(db, actor, staffId);
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('staff').set({ failed_logins: 0, locked_until: null, updated_at: new Date() }).where('id', '=', staffId).execute();
    await recordAudit(trx, { actor: { type: 'staff', id: actor.id }, action: 'staff.unlocked', targetType: 'staff', targetId: staffId, reason, requestId });
  });
}
