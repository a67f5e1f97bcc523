import type { FastifyInstance } from 'fastify';

/** Pages of the signals module. */
export async function signalsRoutes(_app: FastifyInstance) {}
