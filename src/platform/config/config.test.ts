import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

test('defaults: port 3000, ./data, embedded database', () => {
  const config = loadConfig({});
  assert.equal(config.port, 3000);
  assert.equal(config.dataDir, path.resolve('./data'));
  assert.equal(config.databaseUrl, null);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.equal(config.secureCookies, false);
});

test('each wrong value names its variable and what it expects', () => {
  const cases: [Record<string, string>, string, RegExp][] = [
    [{ PORT: 'abc' }, 'PORT', /integer from 0 to 65535/],
    [{ PORT: '70000' }, 'PORT', /integer/],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL', /postgres/],
    [{ PUBLIC_URL: 'localhost' }, 'PUBLIC_URL', /http/],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL', /one of/],
    [{ DEMO_DATA: 'maybe' }, 'DEMO_DATA', /true or false/],
    [{ OIDC_ISSUER: 'https://id.example.jp' }, 'OIDC_CLIENT_SECRET', /client secret/],
    [{ SESSION_SECRET: 'short' }, 'SESSION_SECRET', /32 characters/],
    [{ NODE_ENV: 'production' }, 'OIDC_ISSUER', /NODE_ENV=production/],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example.jp', OIDC_CLIENT_SECRET: 's' }, 'METRICS_TOKEN', /NODE_ENV=production/],
    [{ NODE_ENV: 'production', OIDC_ISSUER: 'https://id.example.jp', OIDC_CLIENT_SECRET: 's', METRICS_TOKEN: 'm'.repeat(32) }, 'DEMO_DATA', /false when NODE_ENV=production/],
    [{ METRICS_TOKEN: 'short' }, 'METRICS_TOKEN', /24 characters/],
  ];
  for (const [env, variable, expected] of cases) {
    assert.throws(() => loadConfig(env), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.variable, variable);
      assert.match(error.message, expected);
      return true;
    });
  }
});

test('https public URL turns on Secure cookies', () => {
  assert.equal(loadConfig({ PUBLIC_URL: 'https://city.oshu.example' }).secureCookies, true);
});

test('the app refuses to start on a bad value with one clear line', () => {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: 'eighty', DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(result.status, 1);
  const lines = result.stderr.trim().split('\n').filter((l) => !l.includes('WARNING'));
  assert.deepEqual(lines, ['Configuration error: PORT: expected an integer from 0 to 65535, got "eighty"']);
});

test('.env.example documents every variable the app reads', async () => {
  const fs = await import('node:fs');
  const source = fs.readFileSync(path.join(root, 'src/platform/config/config.ts'), 'utf8');
  const read = new Set([...source.matchAll(/env(?:\.|, ')([A-Z_]+)/g)].map((m) => m[1]!));
  const documented = new Set([...fs.readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]!));
  assert.ok(read.size >= 15);
  assert.deepEqual([...read].filter((v) => !documented.has(v)), []);
});
