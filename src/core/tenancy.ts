import type { Council } from './organisations.schema.ts';
import { SLUG_PATTERN, type Role } from './roles.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from './policy.ts';
import { NotFoundError } from './policy.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The council named by the first path segment; set for every `/:council/...` route. */
    council: Council | null;
    /** The logged-in user (second factor done) in the role they hold in `council`. */
    actor: Actor | null;
    /**
     * A user as an actor in `council`: the role they hold there now (none: no role). The one way
     * to get an actor, for a session (below) and for an API key (core/api/keys.ts).
     */
    actorFor(userId: string, isPlatformAdmin: boolean): Promise<Actor>;
  }
}

export type TenancyDeps = {
  findCouncil(slug: string): Promise<Council | null>;
  findMembership(councilId: string, userId: string): Promise<{ id: string; role: Role } | null>;
};

/** The organisation a request is about (the tenant). */
export type Tenant = Council;

/**
 * Resolves the council once per request, in one place. The council of a use case comes
 * from here (and the actor), never from the request body.
 */
export function registerTenancy(app: FastifyInstance, deps: TenancyDeps): void {
  app.decorateRequest('council', null);
  app.decorateRequest('actor', null);
  app.decorateRequest('actorFor', async function (this: FastifyRequest, userId: string, isPlatformAdmin: boolean): Promise<Actor> {
    const m = this.council ? await deps.findMembership(this.council.id, userId) : null;
    return { userId, isPlatformAdmin, role: m?.role ?? null, membershipId: m?.id ?? null };
  });
  app.addHook('preValidation', async (req) => {
    // Pages name the organisation `:council`; the JSON API's Dutch paths name it `:raad`.
    const params = req.params as Record<string, string> | undefined;
    const slug = params?.council ?? params?.raad;
    const auth = req.auth && !req.auth.session.mfaPending ? req.auth : null;
    if (slug !== undefined) {
      if (!SLUG_PATTERN.test(slug)) throw new NotFoundError('council');
      req.council = await deps.findCouncil(slug);
      if (!req.council) throw new NotFoundError('council');
    }
    if (auth) req.actor = await req.actorFor(auth.user.id, auth.user.isPlatformAdmin);
  });
}

/** The council of this request; routes under `/:council` always have one. */
export function councilOf(req: FastifyRequest): Council {
  if (!req.council) throw new NotFoundError('council');
  return req.council;
}
