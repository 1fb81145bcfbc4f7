/** Liveness (/healthz: the process answers) and readiness (/readyz: the database answers and is migrated). */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { pendingMigrations } from '../db/migrate.ts';
import type { Platform } from '../platform.ts';

export async function registerHealth(app: FastifyInstance, platform: Platform): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`SELECT 1`.execute(platform.db.kysely);
      const pending = await pendingMigrations(platform.db);
      if (pending > 0) return reply.status(503).send({ status: 'migrating', pending });
      return { status: 'ready', database: platform.db.kind };
    } catch {
      return reply.status(503).send({ status: 'database-unavailable' });
    }
  });
}
