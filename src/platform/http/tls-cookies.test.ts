import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp } from '../testing/test-app.ts';
import { DEMO_STAFF_PASSWORD } from '../staff/demo-staff.ts';

test('behind TLS (https PUBLIC_URL) every cookie is Secure and HSTS is sent', async () => {
  const t = await createTestApp({ registry: false, env: { PUBLIC_URL: 'https://oshu.example' } });
  try {
    const home = await t.app.inject('/');
    assert.match(String(home.headers['set-cookie']), /oshu_csrf=[^;]+;.*Secure/);
    assert.match(String(home.headers['strict-transport-security']), /max-age=\d+/);
    const b = t.browser();
    await b.get('/staff/login');
    const afterPassword = await b.post('/staff/login', { loginId: 'shimin.tanto', password: DEMO_STAFF_PASSWORD, next: '' });
    assert.match(String(afterPassword.headers['set-cookie']), /oshu_staff=[^;]+;.*HttpOnly.*Secure|oshu_staff=[^;]+;.*Secure.*HttpOnly/);
  } finally {
    await t.close();
  }
});
