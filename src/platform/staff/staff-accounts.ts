/** Staff accounts and their roles: loading the actor, creating and changing accounts. */
import type { Kysely } from 'kysely';
import type { StaffActor } from '../access/actor.ts';
import type { PlatformTables, StaffRole } from '../db/platform-tables.ts';
import { hashPassword } from './password.ts';

export async function loadStaffActor(db: Kysely<PlatformTables>, staffId: string): Promise<StaffActor | null> {
  const staff = await db.selectFrom('staff').select(['id', 'login_id', 'display_name', 'active']).where('id', '=', staffId).executeTakeFirst();
  if (!staff || !staff.active) return null;
  const roles = await db.selectFrom('staff_roles').select(['department_code', 'role']).where('staff_id', '=', staffId).execute();
  return {
    kind: 'staff',
    id: staff.id,
    loginId: staff.login_id,
    displayName: staff.display_name,
    roles: roles.map((r) => ({ department: r.department_code, role: r.role })),
  };
}

export interface NewStaff {
  loginId: string;
  displayName: string;
  email: string | null;
  password: string;
  roles: { department: string; role: StaffRole }[];
  totpSecret?: string | null;
}

export async function insertStaff(db: Kysely<PlatformTables>, input: NewStaff): Promise<string> {
  const row = await db
    .insertInto('staff')
    .values({
      login_id: input.loginId,
      display_name: input.displayName,
      email: input.email,
      password_hash: await hashPassword(input.password),
      totp_secret: input.totpSecret ?? null,
      totp_enabled: Boolean(input.totpSecret),
      locked_until: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await replaceRoles(db, row.id, input.roles);
  return row.id;
}

export async function replaceRoles(db: Kysely<PlatformTables>, staffId: string, roles: { department: string; role: StaffRole }[]): Promise<void> {
  await db.deleteFrom('staff_roles').where('staff_id', '=', staffId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('staff_roles')
      .values(roles.map((r) => ({ staff_id: staffId, department_code: r.department, role: r.role })))
      .execute();
  }
}

export async function listDepartments(db: Kysely<PlatformTables>) {
  return db.selectFrom('departments').selectAll().orderBy('sort_order').execute();
}
