/** What the modules' API answers share: absolute links, and the shape of a public list. */
import type { FastifyRequest } from 'fastify';
import { API_PREFIX } from './version.ts';

export type Href = { href: string };

/** Absolute links on this installation: `api` to a path under /api/v1, `site` to a page. */
export function linksFor(req: FastifyRequest): { api: (path: string) => Href; site: (path: string) => Href } {
  const base = req.server.deps.config.baseUrl.replace(/\/$/, '');
  return { api: (path) => ({ href: `${base}${API_PREFIX}${path}` }), site: (path) => ({ href: `${base}${path}` }) };
}

/** A resource's `_links`: itself in the API (`api`, a path after /api/v1) and its page on the site. */
export function selfLinks(req: FastifyRequest, api: string, site: string) {
  const l = linksFor(req);
  return { self: l.api(api), html: l.site(site) };
}

/** A public list as every module answers it: the number, the items, and links to itself and its page. */
export function listAnswer<T>(req: FastifyRequest, items: T[], paths: { api: string; site: string }) {
  return { total: items.length, items, _links: selfLinks(req, paths.api, paths.site) };
}
