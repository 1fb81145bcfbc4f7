import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestDatabase } from '../testing/test-database.ts';
import { findMigrations, migrate, pendingMigrations } from './migrate.ts';

test('migrations are found in the platform and the services, in one order', () => {
  const migrations = findMigrations();
  assert.ok(migrations.some((m) => m.file.startsWith('platform/db/migrations/0001')));
  assert.ok(migrations.some((m) => m.file.startsWith('services/registry/migrations/')));
  assert.deepEqual(migrations.map((m) => m.version), [...migrations.map((m) => m.version)].sort((a, b) => a - b));
});

test('applying twice does nothing; an edited migration is caught', async () => {
  const db = await createTestDatabase();
  try {
    assert.deepEqual(await migrate(db), []);
    assert.equal(await pendingMigrations(db), 0);
    const edited = findMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'x' } : m));
    await assert.rejects(migrate(db, edited), /was changed after it was applied/);
  } finally {
    await db.close();
  }
});
