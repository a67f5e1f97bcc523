import type { FastifyInstance } from 'fastify';
import { DomainError } from '../errors.ts';
import { apiRoutePlugins } from '../platform.ts';
import { openApiDocument, publicReadRoutes } from './openapi.ts';
import { API_PREFIX, API_VERSION } from './version.ts';
import { domainProblem } from './problem.ts';

/** Generous for systems, a brake for scrapers and floods (per address). */
export const readLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };
export const writeLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

/**
 * The JSON API: every module's API routes, the OpenAPI document, and what every answer under
 * /api/ carries. Call after registerTenancy and registerErrorHandling (docs/decisions/0014).
 */
export async function registerApi(app: FastifyInstance): Promise<void> {
  const doc = openApiDocument(app.deps.config);
  const body = JSON.stringify(doc);
  const publicReads = publicReadRoutes(doc);

  // Every answer, errors and 404s included: the version (NL GOV ADR /core/version-header), and
  // for reads without a key, CORS so that any web page may use the open data.
  app.addHook('onSend', async (req, reply) => {
    if (!req.url.startsWith('/api/')) return;
    reply.header('api-version', API_VERSION);
    if ((req.method === 'GET' || req.method === 'HEAD') && publicReads.has(req.routeOptions.url ?? '')) {
      reply.header('access-control-allow-origin', '*');
      reply.header('access-control-expose-headers', 'API-Version');
    }
  });

  await app.register(async (api) => {
    // A domain rule a use case refused: 409 or 422 with the service's code. Anything else goes
    // to the app's error handler, which answers /api/ with problem+json too.
    api.setErrorHandler(async (err, req, reply) => {
      if (err instanceof DomainError) return domainProblem(reply, req, err);
      throw err;
    });

    api.get(`${API_PREFIX}/openapi.json`, { config: readLimit }, async (_req, reply) => reply.header('cache-control', 'public, max-age=300').type('application/json; charset=utf-8').send(body));
    for (const plugin of apiRoutePlugins()) await api.register(plugin);
  });
}
