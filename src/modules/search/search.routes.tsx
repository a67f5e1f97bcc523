import type { FastifyInstance } from 'fastify';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { councilOf } from '../../core/tenancy.ts';
import { checkQuery, searchWorkspace } from './search.service.ts';
import { SearchPage } from './views/search.tsx';

export async function searchRoutes(app: FastifyInstance) {
  const { deps } = app;
  app.get('/:council/werkruimte/zoeken', { preHandler: requireRight('workspace.view') }, async (req, reply) => {
    const { q, error } = checkQuery((req.query as Record<string, unknown>).q);
    const ctx = await req.pageCtx();
    const council = councilOf(req);
    const actor = actorOf(req);
    const groups = q && !error ? await searchWorkspace(deps, { ctx, council, actor, query: q }) : null;
    return reply.page(<SearchPage ctx={ctx} council={council} actor={actor} q={q} error={error} groups={groups} />, error ? 400 : 200);
  });
}
