/**
 * Makes one embedded PGlite instance look like a node-postgres pool to Kysely.
 * PGlite has a single connection, so the pool hands it out to one holder at a
 * time (a transaction keeps it until release). Code that opens a second
 * connection while holding one would wait forever; the wait times out with a
 * clear error instead.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';

const ACQUIRE_TIMEOUT_MS = 60_000;

export interface PglitePool extends PostgresPool {
  /** Holds the single connection for `fn` (for multi-statement scripts). */
  hold<T>(fn: () => Promise<T>): Promise<T>;
}

export function pgliteAsPool(pglite: PGlite): PglitePool {
  let holder: Promise<void> = Promise.resolve();

  async function acquire(): Promise<() => void> {
    let release!: () => void;
    const previous = holder;
    holder = new Promise<void>((resolve) => (release = resolve));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      previous,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('PGlite connection wait timed out: is a query running outside its transaction?')),
          ACQUIRE_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));
    return release;
  }

  return {
    async hold(fn) {
      const release = await acquire();
      try {
        return await fn();
      } finally {
        release();
      }
    },
    async connect(): Promise<PostgresPoolClient> {
      const release = await acquire();
      return {
        async query<R>(sql: string, parameters: readonly unknown[]): Promise<PostgresQueryResult<R>> {
          const result = await pglite.query<R>(sql, parameters as unknown[]);
          const command = (sql.trimStart().split(/\s+/, 1)[0] ?? 'SELECT').toUpperCase();
          const isWrite = ['INSERT', 'UPDATE', 'DELETE', 'MERGE'].includes(command);
          return {
            command: command as PostgresQueryResult<R>['command'],
            rowCount: isWrite ? (result.affectedRows ?? 0) : result.rows.length,
            rows: result.rows,
          };
        },
        release,
      } as PostgresPoolClient;
    },
    async end() {
      await pglite.close();
    },
  };
}
