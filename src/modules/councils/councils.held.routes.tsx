import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, requireRight } from '../../core/auth/guards.ts';
import { noticeOf } from '../../core/http/forms.ts';
import { councilOf } from '../../core/tenancy.ts';
import { notFound } from '../../core/errors.ts';
import { decideHeldPost, heldPostsPath, listHeldPosts } from '../../core/public-budget.ts';
import { HeldPostsPage } from './views/held.tsx';

const notices = { doorgestuurd: 'publicBudget.released', verwijderd: 'publicBudget.discarded' } as const;

/** The contact messages that wait beyond the hourly budget: the board sends them on or removes them. */
export async function councilsHeldRoutes(app: FastifyInstance) {
  const deps = app.deps;
  const guard = { preHandler: requireRight('contact.review') };
  const path = '/:council/werkruimte/wachtende-berichten';
  app.get(path, guard, async (req, reply) => {
    const council = councilOf(req);
    const notice = noticeOf(req, notices);
    reply.header('cache-control', 'no-store');
    const posts = await listHeldPosts(deps, council.id);
    return reply.page(<HeldPostsPage ctx={await req.pageCtx()} council={council} actor={actorOf(req)} posts={posts} notice={notice && req.t(notice)} />);
  });
  const decide = (release: boolean) => async (req: FastifyRequest) => {
    const council = councilOf(req);
    const done = await decideHeldPost(deps, { councilId: council.id, actorUserId: actorOf(req).userId, id: (req.params as { id: string }).id, release });
    if (!done) notFound('heldPost');
    return `${heldPostsPath(council.slug)}?melding=${release ? 'doorgestuurd' : 'verwijderd'}`;
  };
  app.post(`${path}/:id/doorsturen`, guard, async (req, reply) => reply.redirect(await decide(true)(req), 303));
  app.post(`${path}/:id/verwijderen`, guard, async (req, reply) => reply.redirect(await decide(false)(req), 303));
}
