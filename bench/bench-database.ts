/**
 * The database a benchmark runs on: in-memory PGlite, or a throw-away database created
 * on a PostgreSQL server (and dropped afterwards), so a real database is never touched.
 */
import crypto from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../src/platform/db/database.ts';
import { migrate } from '../src/platform/db/migrate.ts';

export interface BenchDatabase {
  db: Database;
  label: string;
  dispose(): Promise<void>;
}

export async function pgliteBenchDatabase(): Promise<BenchDatabase> {
  const db = await openDatabase({ databaseUrl: null, dataDir: null });
  await migrate(db);
  return { db, label: 'PGlite (in-memory)', dispose: () => db.close() };
}

export async function postgresBenchDatabase(serverUrl: string): Promise<BenchDatabase> {
  const name = `oshu_bench_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const drop = async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
  };
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let db: Database;
  try {
    db = await openDatabase({ databaseUrl: url.href, dataDir: null });
    await migrate(db);
  } catch (error) {
    await drop();
    throw error;
  }
  const version = (await db.withConnection((c) => c.query<{ server_version: string }>('SHOW server_version')))[0]?.server_version ?? '?';
  return {
    db,
    label: `PostgreSQL ${version} at ${url.hostname}:${url.port || 5432}, temporary database ${name}`,
    dispose: async () => {
      try {
        await db.close();
      } finally {
        await drop();
      }
    },
  };
}
