import type { FastifyInstance } from 'fastify';
import crypto from 'node:crypto';
import type { PageCache } from './page-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Public page without forms: may be served from the rendered-page cache to anonymous readers. */
    publicCache?: boolean;
    /** A POST that stores nothing (a step of a multi-page form): it leaves the cache as it is. */
    changesNothing?: boolean;
  }
  interface FastifyRequest {
    cacheKey: string | null;
    cacheGeneration: number;
  }
}

/** Serves cached public pages; any successful change (POST etc.) clears the cache. */
export function registerPublicCache(app: FastifyInstance, cache: PageCache, sessionCookie: string): void {
  app.decorateRequest('cacheKey', null);
  app.decorateRequest('cacheGeneration', 0);
  // onRequest (after language and session are known): a hit costs no database query at all.
  app.addHook('onRequest', async (req, reply) => {
    if (req.method !== 'GET' || !req.routeOptions.config?.publicCache || req.auth || req.cookies[sessionCookie]) return;
    const key = `${req.locale}:${req.url}`;
    const hit = cache.get(key);
    if (hit) {
      if (req.headers['if-none-match'] === hit.etag) return reply.code(304).header('etag', hit.etag).send();
      return reply.header('etag', hit.etag).header('x-cache', 'hit').type('text/html; charset=utf-8').send(hit.body);
    }
    req.cacheKey = key;
    req.cacheGeneration = cache.currentGeneration();
  });
  // The last changes reach the other instances before the database closes.
  app.addHook('onClose', () => cache.told());
  app.addHook('onSend', async (req, reply, payload) => {
    // Cleared here before the answer leaves, so the redirect after a change never sees a stale
    // page; the other instances are told in the background (page-cache.ts). A request changes
    // content, not an organisation's own row: the councils service says so itself ('all').
    if (req.method !== 'GET' && req.method !== 'HEAD' && reply.statusCode < 400 && !req.routeOptions.config?.changesNothing) void cache.invalidate('content');
    if (req.cacheKey && reply.statusCode === 200 && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      const etag = `"${crypto.createHash('sha1').update(payload).digest('base64url')}"`;
      cache.set(req.cacheKey, payload, req.cacheGeneration, etag);
      reply.header('etag', etag);
    }
    return payload;
  });
}
