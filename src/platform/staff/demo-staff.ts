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
  { loginId: 'kosodate.tanto', displayName: '子育 恵（こども家庭課 担当）', roles: [{ department: 'childcare', role: 'clerk' }] },
  { loginId: 'fukushi.tanto', displayName: '福祉 健（長寿社会課 担当）', roles: [{ department: 'welfare', role: 'clerk' }] },
  { loginId: 'kankyo.tanto', displayName: '環境 美咲（生活環境課 担当）', roles: [{ department: 'environment', role: 'clerk' }] },
  { loginId: 'doboku.tanto', displayName: '道路 修（土木課 担当）', roles: [{ department: 'roads', role: 'clerk' }] },
  { loginId: 'suido.tanto', displayName: '水道 清（上下水道部 担当）', roles: [{ department: 'water', role: 'clerk' }] },
  { loginId: 'gakko.tanto', displayName: '学校 優（学校教育課 担当）', roles: [{ department: 'education', role: 'clerk' }] },
  { loginId: 'kokuho.tanto', displayName: '国保 守（国保年金課 担当）', roles: [{ department: 'insurance', role: 'clerk' }] },
  { loginId: 'shoko.tanto', displayName: '商工 誠（商業観光課 担当）', roles: [{ department: 'commerce', role: 'clerk' }] },
  { loginId: 'shogai.tanto', displayName: '施設 翔（生涯学習スポーツ課 担当）', roles: [{ department: 'lifelong', role: 'clerk' }] },
  { loginId: 'shogai.kacho', displayName: '体育 和子（生涯学習スポーツ課 課長）', roles: [{ department: 'lifelong', role: 'manager' }] },
  { loginId: 'kaikei.tanto', displayName: '会計 正（会計課 担当）', roles: [{ department: 'accounting', role: 'clerk' }] },
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
