/** Live change feed for operators (placeholder until written). */
import type { FastifyInstance } from 'fastify';
import type { TransitContext } from './transit-context.ts';

export async function registerLiveRoutes(_app: FastifyInstance, _ctx: TransitContext): Promise<void> {}
