import type { FastifyInstance } from 'fastify';
import type { TransitContext } from './transit-context.ts';

export async function registerDriverRoutes(_app: FastifyInstance, _ctx: TransitContext): Promise<void> {}
