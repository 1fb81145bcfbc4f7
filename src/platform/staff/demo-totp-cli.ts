/** `npm run demo:totp -- LOGIN_ID`: the current code of a demo staff account (demo data only). */
import { DEMO_STAFF, demoTotpSecret } from './demo-staff.ts';
import { currentStep, totpAt } from './totp.ts';

const loginId = process.argv[2];
if (!loginId || !DEMO_STAFF.some((s) => s.loginId === loginId)) {
  console.error(`usage: npm run demo:totp -- LOGIN_ID   (one of: ${DEMO_STAFF.map((s) => s.loginId).join(', ')})`);
  process.exit(2);
}
const step = currentStep();
const secondsLeft = 30 - Math.floor(Date.now() / 1000) % 30;
console.log(`${totpAt(demoTotpSecret(loginId), step)}  (valid for ${secondsLeft}s)`);
