import type { FastifyInstance } from 'fastify';

/** Pages of the meetings module. */
export async function meetingsRoutes(_app: FastifyInstance) {}
