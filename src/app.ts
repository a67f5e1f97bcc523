import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import { databaseRateLimitStore } from './core/http/rate-limit-store.ts';
import fastifyStatic from '@fastify/static';
import { sql } from 'drizzle-orm';
import type { Config } from './core/config.ts';
import { statisticsFresh, type Database } from './core/db/index.ts';
import { createDeps } from './core/deps.ts';
import type { Mailer } from './core/mail/mail.ts';
import { LOGO_MAX_BYTES, type FileStore } from './core/files/store.ts';
import { registerRequestContext } from './core/http/request-context.ts';
import { registerLanguageSwitch } from './core/http/language.ts';
import { registerCsrf } from './core/http/csrf.ts';
import { registerErrorHandling, frameworkErrors } from './core/http/errors.ts';
import { registerInputChecks } from './core/http/input.ts';
import { loggerOptions } from './core/http/logging.ts';
import { registerDraining } from './core/http/shutdown.ts';
import { registerSecurityHeaders } from './core/http/security.ts';
import { registerTenancy, rememberCouncils } from './core/tenancy.ts';
import { registerSectionGuard } from './core/sections.ts';
import { registerPublicCache } from './core/http/public-cache.ts';
import { encodedAsset, getAssets, fontDir } from './ui/assets.ts';
import { SESSION_COOKIE } from './core/auth/sessions.ts';
import { authRoutes } from './core/auth/auth.routes.tsx';
import { findMembership, findOrganisationBySlug, listWorkspacesFor } from './core/organisations.ts';
import { routePlugins } from './core/platform.ts';
import { registerApi } from './core/api/register.ts';
import './modules.ts';

export { logSafeUrl } from './core/http/logging.ts';

export type BuildOptions = {
  config: Config;
  database: Database;
  mailer?: Mailer;
  files?: FileStore;
  /** Pino logger options; tests pass false. */
  logger?: boolean | object;
};

/** Body limit for forms: large enough that a 100 kB text gets a field error, not a refusal. */
const FORM_BODY_LIMIT = 1024 * 1024;

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config, database } = opts;
  const app = Fastify({
    // No personal data in logs: no IP address, no query string or body, no tokens in paths.
    logger: opts.logger ?? loggerOptions(config.logLevel),
    trustProxy: config.trustProxy,
    bodyLimit: FORM_BODY_LIMIT,
    genReqId: () => crypto.randomUUID(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: false, maxParamLength: 2000 },
    frameworkErrors,
  });

  const deps = await createDeps({ config, database, mailer: opts.mailer, files: opts.files, log: app.log });
  const { secretKey, mailer } = deps;
  app.decorate('deps', deps);

  await app.register(cookie);
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await app.register(multipart, { limits: { fileSize: LOGO_MAX_BYTES, files: 1, fields: 20, fieldSize: 10_000 } });
  // With PostgreSQL the counts live in the database, so limits hold across instances (core/http/rate-limit-store.ts).
  await app.register(rateLimit, { global: false, ...(database.kind === 'postgres' ? { store: databaseRateLimitStore(database.db), skipOnError: true } : {}) });
  registerSecurityHeaders(app);
  registerErrorHandling(app);
  registerRequestContext(app, { db: deps.db, secretKey, listWorkspaces: (userId, isAdmin) => listWorkspacesFor(deps.db, userId, isAdmin) });
  // Before tenancy and the section guard: ids, NUL characters and redirects (core/http/input.ts).
  registerInputChecks(app, { baseUrl: config.baseUrl });
  // Requests in flight are counted, so SIGTERM can let them finish (core/http/shutdown.ts).
  registerDraining(app);
  registerTenancy(app, {
    findCouncil: rememberCouncils(deps.cache, (slug) => findOrganisationBySlug(deps.db, slug)),
    findMembership: (councilId, userId) => findMembership(deps.db, councilId, userId),
  });
  // The organisation's kind decides which sections it has; the others' pages answer 404.
  registerSectionGuard(app);
  registerCsrf(app, secretKey);
  registerPublicCache(app, deps.cache, SESSION_COOKIE);

  // Assets: bundled CSS/JS under a content hash, fonts from the fontsource package.
  const assets = getAssets();
  for (const asset of assets.values()) {
    app.get(`/assets/${asset.hashedName}`, async (req, reply) => {
      const { body, encoding } = await encodedAsset(asset, req.headers['accept-encoding']);
      if (encoding) reply.header('content-encoding', encoding);
      return reply.header('vary', 'accept-encoding').header('cache-control', 'public, max-age=31536000, immutable').type(asset.contentType).send(body);
    });
  }
  await app.register(fastifyStatic, { root: fontDir, prefix: '/assets/fonts/', decorateReply: false, maxAge: '365d', immutable: true });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    try {
      await deps.db.execute(sql`select 1`);
      // statistics: 'pending' until PGlite's first refresh after the start (main.ts); tools that measure wait for 'fresh'.
      return { status: 'ok', database: database.kind, statistics: statisticsFresh(database) ? 'fresh' : 'pending' };
    } catch {
      return reply.code(503).send({ status: 'unavailable' });
    }
  });
  app.get('/.well-known/security.txt', async (_req, reply) => {
    const expires = new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString();
    return reply
      .type('text/plain; charset=utf-8')
      .send(`Contact: ${config.securityContact}\nExpires: ${expires}\nPreferred-Languages: nl, en\nCanonical: ${config.baseUrl}/.well-known/security.txt\n`);
  });
  app.get('/robots.txt', async (_req, reply) => reply.type('text/plain').send('User-agent: *\nDisallow: /*/werkruimte\nDisallow: /beheer\n'));

  registerLanguageSwitch(app, { db: deps.db, secretKey });

  await app.register(authRoutes);
  // Every module's pages, in the order of src/modules.ts.
  for (const plugin of routePlugins()) await app.register(plugin);
  // The JSON API under /api/v1: every module's API routes and the OpenAPI document (core/api).
  await registerApi(app);

  app.addHook('onClose', async () => {
    await mailer.close();
  });
  return app;
}
