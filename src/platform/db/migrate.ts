/**
 * Versioned SQL migrations, applied on start. The platform and each service
 * keep their own `migrations/NNNN-name.sql`; all are applied in one global
 * order by their number, each in its own transaction, recorded with a
 * checksum so an edited migration is caught. A session-level advisory lock
 * lets several app instances start at once against one PostgreSQL.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.ts';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LOCK_KEY = 32158; // Oshu's local government code with check digit

export interface Migration {
  version: number;
  name: string;
  file: string;
  sql: string;
  checksum: string;
}

export function findMigrations(srcDir: string = SRC): Migration[] {
  const dirs = [path.join(srcDir, 'platform/db/migrations')];
  for (const group of ['platform', 'services']) {
    const base = path.join(srcDir, group);
    for (const entry of fs.readdirSync(base, { withFileTypes: true })) {
      const dir = path.join(base, entry.name, 'migrations');
      if (entry.isDirectory() && entry.name !== 'db' && fs.existsSync(dir)) dirs.push(dir);
    }
  }
  const migrations: Migration[] = [];
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
      const match = /^(\d{4})-([a-z0-9-]+)\.sql$/.exec(file);
      if (!match) throw new Error(`Migration file name must look like 0001-name.sql: ${path.join(dir, file)}`);
      const sql = fs.readFileSync(path.join(dir, file), 'utf8');
      migrations.push({
        version: Number(match[1]),
        name: match[2]!,
        file: path.relative(srcDir, path.join(dir, file)),
        sql,
        checksum: crypto.createHash('sha256').update(sql).digest('hex'),
      });
    }
  }
  migrations.sort((a, b) => a.version - b.version);
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`Two migrations share version ${migrations[i]!.version}: ${migrations[i - 1]!.file} and ${migrations[i]!.file}`);
    }
  }
  return migrations;
}

export async function migrate(db: Database, migrations: Migration[] = findMigrations()): Promise<string[]> {
  return db.withConnection(async (conn) => {
    await conn.exec(`SELECT pg_advisory_lock(${LOCK_KEY})`);
    try {
      await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now())`);
      const applied = new Map(
        (await conn.query<{ version: number; checksum: string }>('SELECT version, checksum FROM schema_migrations')).map(
          (row) => [row.version, row.checksum],
        ),
      );
      const done: string[] = [];
      for (const migration of migrations) {
        const checksum = applied.get(migration.version);
        if (checksum !== undefined) {
          if (checksum !== migration.checksum) {
            throw new Error(`Migration ${migration.file} was changed after it was applied; add a new migration instead`);
          }
          continue;
        }
        await conn.exec('BEGIN');
        try {
          await conn.exec(migration.sql);
          await conn.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            migration.checksum,
          ]);
          await conn.exec('COMMIT');
        } catch (error) {
          await conn.exec('ROLLBACK');
          throw new Error(`Migration ${migration.file} failed: ${(error as Error).message}`);
        }
        done.push(migration.file);
      }
      return done;
    } finally {
      await conn.exec(`SELECT pg_advisory_unlock(${LOCK_KEY})`);
    }
  });
}

export async function pendingMigrations(db: Database, migrations: Migration[] = findMigrations()): Promise<number> {
  const rows = await db.withConnection((conn) =>
    conn.query<{ version: number }>(
      `SELECT version FROM schema_migrations`,
    ),
  ).catch(() => []);
  const applied = new Set(rows.map((r) => r.version));
  return migrations.filter((m) => !applied.has(m.version)).length;
}
