/**
 * The input layer's checks that hold for every route, in one place (docs/decisions/0025):
 * - ids in the path (`:id`, `:...Id`) are real UUIDs, or the answer is 404 before anything runs;
 * - no NUL character in a query string, a form or a JSON body (PostgreSQL refuses NUL in text,
 *   so it used to end in a 500): 400 with a clear message, and nothing is changed;
 * - every redirect stays on this site (`safeReturnPath` for paths a user gave).
 */
import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '../policy.ts';
import { isLocalPath, isUuid, refuseNulBytes } from './values.ts';

/** A path parameter that names a record by its id: `id`, `itemId`, `documentId`, ... */
const isIdParam = (name: string) => name === 'id' || /^[a-z]+Id$/.test(name);

/**
 * Path and query: on every request, before the council or the route look at them. An id that is
 * no UUID names nothing: 404. A query string with a NUL character: 400. (The other path
 * parameters have their own strict patterns: the council's slug, a token's 43 characters.)
 */
function checkPathAndQuery(params: unknown, query: unknown): void {
  if (params && typeof params === 'object') {
    for (const [name, value] of Object.entries(params as Record<string, unknown>)) {
      if (isIdParam(name) && !isUuid(value)) throw new NotFoundError(name);
    }
  }
  refuseNulBytes(query);
}

/**
 * Registers the checks. Call first among the hooks (before the session, tenancy and section
 * hooks): the path and query hook runs at onRequest, the body hook at preValidation (the body is
 * parsed by then; multipart bodies are read by `readUploads`, which refuses NUL itself).
 */
export function registerInputChecks(app: FastifyInstance, opts: { baseUrl: string }): void {
  app.addHook('onRequest', async (req) => checkPathAndQuery(req.params, req.query));
  app.addHook('preValidation', async (req) => {
    if (!String(req.headers['content-type'] ?? '').startsWith('multipart/')) refuseNulBytes(req.body);
  });
  // The net under every redirect: a Location off this site (a path a user gave that slipped
  // past `safeReturnPath`) becomes the home page. Our own absolute address is fine (API 201s).
  const own = `${opts.baseUrl.replace(/\/$/, '')}/`;
  app.addHook('onSend', async (req, reply) => {
    const location = reply.getHeader('location');
    if (location === undefined) return;
    const value = String(location);
    if (isLocalPath(value) || value.startsWith(own)) return;
    req.log.warn({ statusCode: reply.statusCode }, 'redirect off this site replaced by /');
    reply.header('location', '/');
  });
}
