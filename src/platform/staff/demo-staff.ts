/**
 * Demo staff accounts for a fresh demo database. Their passwords and TOTP
 * secrets are public (README), so they exist only when DEMO_DATA is on;
 * `npm run demo:totp -- LOGIN_ID` prints the current code for one of them.
 */
import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { PlatformTables, StaffRole } from '../db/platform-tables.ts';
import { insertStaff } from './staff-accounts.ts';
import { base32Encode } from './totp.ts';

export const DEMO_STAFF_PASSWORD = 'oshu-demo-2026';

export const DEMO_STAFF: { loginId: string; displayName: string; roles: { department: string; role: StaffRole }[] }[] = [
  { loginId: 'admin', displayName: '管理 太郎（DX推進室）', roles: [{ department: 'dx', role: 'admin' }] },
  { loginId: 'shimin.tanto', displayName: '市民 花子（市民課 担当）', roles: [{ department: 'citizens', role: 'clerk' }] },
  { loginId: 'shimin.kacho', displayName: '戸籍 一郎（市民課 課長）', roles: [{ department: 'citizens', role: 'manager' }] },
  { loginId: 'zeimu.tanto', displayName: '税務 次郎（税務課 担当）', roles: [{ department: 'tax', role: 'clerk' }] },
  { loginId: 'zeimu.kacho', displayName: '収納 幸子（税務課 課長）', roles: [{ department: 'tax', role: 'manager' }] },
  { loginId: 'kotsu.tanto', displayName: '交通 三郎（都市計画課 デマンド交通 担当）', roles: [{ department: 'transport', role: 'clerk' }] },
  { loginId: 'kotsu.kacho', displayName: '運行 直子（都市計画課 課長）', roles: [{ department: 'transport', role: 'manager' }] },
  // Drivers hold no department role: the on-demand bus links their account to a vehicle's shift.
  { loginId: 'driver.sasaki', displayName: '佐々木 運転士（前沢デマンド交通）', roles: [] },
  { loginId: 'driver.oikawa', displayName: '及川 運転士（前沢デマンド交通）', roles: [] },
];

export function demoTotpSecret(loginId: string): string {
  return base32Encode(crypto.createHash('sha1').update(`oshu-dx demo totp ${loginId}`).digest());
}

export async function seedDemoStaff(db: Kysely<PlatformTables>): Promise<boolean> {
  const any = await db.selectFrom('staff').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  for (const s of DEMO_STAFF) {
    await insertStaff(db, { ...s, email: `${s.loginId}@city.oshu.example`, password: DEMO_STAFF_PASSWORD, totpSecret: demoTotpSecret(s.loginId) });
  }
  return true;
}
