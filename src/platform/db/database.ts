/**
 * The one place that talks to a database driver. Everything else uses the
 * Kysely instance (`db.kysely`) or `db.exec` for multi-statement SQL.
 * PGlite (embedded, default) and node-postgres (DATABASE_URL) are configured
 * to return the same JS types: int8 → number, date → 'YYYY-MM-DD' string.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgliteAsPool } from './pglite-pool.ts';
import type { PlatformTables } from './platform-tables.ts';

const INT8 = 20;
const DATE = 1082;

/** A single connection held for a while: for migrations and scripts. */
export interface Connection {
  /** Runs SQL that may hold several statements. */
  exec(sql: string): Promise<void>;
  query<R>(sql: string, params?: unknown[]): Promise<R[]>;
}

export interface Database {
  kysely: Kysely<PlatformTables>;
  kind: 'pglite' | 'postgres';
  withConnection<T>(fn: (connection: Connection) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openDatabase(options: { databaseUrl: string | null; dataDir: string | null }): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string | null): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    dir = path.join(dataDir, 'pglite');
    fs.mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create({
    ...(dir ? { dataDir: dir } : {}),
    extensions: { btree_gist, pg_trgm },
    parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v },
  });
  const pool = pgliteAsPool(pglite);
  const kysely = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  const connection: Connection = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <R,>(sql: string, params: unknown[] = []) => (await pglite.query<R>(sql, params)).rows,
  };
  return {
    kysely,
    kind: 'pglite',
    withConnection: (fn) => pool.hold(() => fn(connection)),
    close: () => kysely.destroy(),
  };
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return (v: string) => Number(v);
        if (oid === DATE) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle connection dropped by the server (restart, failover) must not crash
  // the process: the pool discards it and opens a new one on the next query.
  pool.on('error', (error) => process.emitWarning(`PostgreSQL idle connection lost: ${error.message}`));
  // Fail fast with a clear message when the server is unreachable.
  const client = await pool.connect();
  client.release();
  const kysely = new Kysely<PlatformTables>({ dialect: new PostgresDialect({ pool }) });
  return {
    kysely,
    kind: 'postgres',
    withConnection: async (fn) => {
      const held = await pool.connect();
      try {
        return await fn({
          exec: async (sql) => {
            await held.query(sql);
          },
          query: async <R,>(sql: string, params: unknown[] = []) => (await held.query(sql, params)).rows as R[],
        });
      } finally {
        held.release();
      }
    },
    close: () => kysely.destroy(),
  };
}
