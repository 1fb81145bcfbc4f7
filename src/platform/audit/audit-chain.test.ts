import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase, type Database } from '../db/database.ts';
import { migrate } from '../db/migrate.ts';
import { createTestDatabase } from '../testing/test-database.ts';
import { recordAudit } from './audit-log.ts';
import { verifyAuditChain } from './verify.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let db: Database & { url: string | null };
let dataDir: string | null = null;

before(async () => {
  if (process.env.DATABASE_URL) {
    db = await createTestDatabase();
  } else {
    // A file-backed embedded database, so the CLI can open it after we close it.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oshu-audit-'));
    db = Object.assign(await openDatabase({ databaseUrl: null, dataDir }), { url: null });
    await migrate(db);
  }
  for (let i = 0; i < 30; i++) {
    await recordAudit(db.kysely, { actor: { type: 'staff', id: `s${i % 3}` }, action: 'test.event', targetType: 'resident', targetId: `r${i}`, reason: i % 2 ? '窓口での照会' : null, details: { i, nested: { z: 1, a: [1, 2] } } });
  }
});
after(async () => {
  await db.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

function runVerifyCli() {
  const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
  if (db.url) env.DATABASE_URL = db.url;
  else {
    env.DATABASE_URL = '';
    env.DATA_DIR = dataDir!;
  }
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/platform/audit/verify-cli.ts'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
}

test('entries appended concurrently still form one unbroken chain', async () => {
  await Promise.all(Array.from({ length: 10 }, (_, i) => recordAudit(db.kysely, { actor: { type: 'system', id: null }, action: 'test.concurrent', details: { i } })));
  const result = await verifyAuditChain(db.kysely);
  assert.deepEqual(result.ok && result.entries, 40);
});

test('the database refuses updates and deletes of audit rows', async () => {
  await assert.rejects(sql`UPDATE audit_log SET action = 'x' WHERE seq = 1`.execute(db.kysely), /append-only/);
  await assert.rejects(sql`DELETE FROM audit_log WHERE seq = 1`.execute(db.kysely), /append-only/);
});

test('a tampered row is caught at its place, by the library and by npm run audit:verify', async () => {
  if (!db.url) await db.close(); // the embedded database allows one process at a time
  let cli = runVerifyCli();
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /audit log OK: 40 entries/);
  if (!db.url) {
    db = Object.assign(await openDatabase({ databaseUrl: null, dataDir }), { url: null });
  }
  // Someone with superuser rights edits history behind the trigger's back.
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db.kysely);
  await sql`UPDATE audit_log SET reason = '改ざん' WHERE seq = 17`.execute(db.kysely);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db.kysely);
  const result = await verifyAuditChain(db.kysely);
  assert.deepEqual(result, { ok: false, entries: 16, brokenAt: 17, problem: 'content-changed' });
  if (!db.url) await db.close();
  cli = runVerifyCli();
  assert.equal(cli.status, 1);
  assert.match(cli.stderr, /audit log BROKEN at entry 17 \(content-changed\)/);
  if (!db.url) db = Object.assign(await openDatabase({ databaseUrl: null, dataDir }), { url: null });
});

test('a deleted row breaks the chain at the next entry', async () => {
  await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(db.kysely);
  await sql`UPDATE audit_log SET reason = NULL WHERE seq = 17`.execute(db.kysely); // undo the previous test's edit
  await sql`DELETE FROM audit_log WHERE seq = 25`.execute(db.kysely);
  await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(db.kysely);
  const result = await verifyAuditChain(db.kysely);
  assert.deepEqual(result, { ok: false, entries: 24, brokenAt: 25, problem: 'sequence-gap' });
});
