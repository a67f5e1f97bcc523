import type { FastifyInstance } from 'fastify';

export async function membersRoutes(_app: FastifyInstance) {}
