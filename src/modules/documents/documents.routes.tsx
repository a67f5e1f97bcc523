import type { FastifyInstance } from 'fastify';

/** Pages of the documents module. */
export async function documentsRoutes(_app: FastifyInstance) {}
