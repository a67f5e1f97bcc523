import type { FastifyReply, FastifyRequest } from 'fastify';
import { can, ForbiddenError, NotFoundError, type Action, type Actor } from '../policy.ts';

/** Where to send someone who must log in first, keeping where they wanted to go. */
export function loginRedirect(req: FastifyRequest, reply: FastifyReply) {
  return reply.redirect(`/inloggen?terug=${encodeURIComponent(req.url)}`, 303);
}

/**
 * preHandler for pages that need a logged-in user with a right. No login: to the login page.
 * A council the user has no role in: 404 (we never tell that it exists). A role without the
 * right: 403.
 */
export function requireRight(action: Action) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    if (!req.auth) return loginRedirect(req, reply);
    if (req.auth.session.mfaPending) return reply.redirect('/inloggen/code', 303);
    const actor = req.actor;
    if (!actor) return loginRedirect(req, reply);
    if (req.council && !actor.isPlatformAdmin && actor.role === null) throw new NotFoundError('council');
    if (!can(actor, action)) throw new ForbiddenError(action);
  };
}

/** preHandler: any logged-in user whose second step is done. */
async function _requireLogin(req: FastifyRequest, reply: FastifyReply) {
  if (!req.auth) return loginRedirect(req, reply);
  if (req.auth.session.mfaPending) return reply.redirect('/inloggen/code', 303);
}

/** The actor of a request that passed a guard. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new ForbiddenError('no actor');
  return req.actor;
}
