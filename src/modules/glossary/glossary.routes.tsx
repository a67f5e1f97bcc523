import type { FastifyInstance } from 'fastify';
import { GlossaryPage } from './views/glossary.tsx';

export async function glossaryRoutes(app: FastifyInstance) {
  app.get('/woordenlijst', { config: { publicCache: true } }, async (req, reply) => reply.page(<GlossaryPage ctx={await req.pageCtx()} />));
}
