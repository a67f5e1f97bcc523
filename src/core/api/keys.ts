/**
 * Who is calling the JSON API: the Bearer key, resolved the same way as a page's visitor. The
 * organisation comes from the tenancy hook (the `{raad}` in the path), the actor from
 * `req.actorFor` (the key's user in the role they hold there now). Core keeps no keys: the
 * module that does (apikeys) fills the `ApiKeyStore` port through its manifest.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { NotFoundError, type Actor } from '../policy.ts';
import type { ApiKeyStore } from '../module.ts';
import { modules } from '../platform.ts';
import { councilOf } from '../tenancy.ts';
import { sendProblem } from './problem.ts';

/** A caller with a valid key: the actor is null for an organisation's key. */
export type ApiCaller = { keyId: string; name: string; actor: Actor | null };

/** The bearer token from an Authorization header, or null. */
function bearerOf(header: unknown): string | null {
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+([A-Za-z0-9_\-.~+/]+=*)\s*$/i.exec(header);
  return m && m[1].length <= 200 ? m[1] : null;
}

function keyStore(): ApiKeyStore | null {
  const stores = modules().flatMap((m) => (m.apiKeys ? [m.apiKeys] : []));
  if (stores.length > 1) throw new Error('more than one module keeps API keys');
  return stores[0] ?? null;
}

/**
 * The caller of a key-protected operation. No, unknown or revoked key, or one that may no longer
 * act: 401 is sent and null returned. A key of another organisation: 404, as if this
 * organisation's resource did not exist for it.
 */
export async function apiCaller(req: FastifyRequest, reply: FastifyReply): Promise<ApiCaller | null> {
  const council = councilOf(req);
  const store = keyStore();
  const token = bearerOf(req.headers.authorization);
  const db = req.server.deps.db;
  const key = store && token ? await store.find(db, token) : null;
  if (key && key.councilId !== council.id) throw new NotFoundError('council');
  if (key && store) {
    const actor = await req.actorFor(key.userId, false);
    if (actor.membershipId && (await store.accept(db, key, actor))) return { keyId: key.id, name: key.name, actor: key.actsAsUser ? actor : null };
  }
  reply.header('www-authenticate', 'Bearer realm="raadwerk"');
  await sendProblem(reply, { status: 401, code: 'UNAUTHORIZED', title: req.t('api.unauthorized.title'), detail: req.t('api.unauthorized.body') });
  return null;
}
