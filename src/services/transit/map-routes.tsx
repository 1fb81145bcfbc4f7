/** Operator map (placeholder until written). */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../platform/config/config.ts';
import type { TransitContext } from './transit-context.ts';

export async function registerMapRoutes(_app: FastifyInstance, _ctx: TransitContext, _config: Config): Promise<void> {}
