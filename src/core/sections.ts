import type { FastifyInstance } from 'fastify';
import { hasSection, type OrganisationKind, type Section } from './organisation-kinds.ts';
import { modules, navItems } from './platform.ts';
import { NotFoundError } from './policy.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The section this page belongs to; organisations whose kind lacks it answer 404. */
    section?: Section;
  }
}

type Prefix = { segments: string[]; section: Section };

let prefixes: Prefix[] | null = null;

/**
 * Where each section lives, from the installed manifests: the path of every menu item that names
 * a section (workspace items under `werkruimte/`) and each manifest's `sectionPaths`. Longest first.
 */
function sectionPrefixes(): Prefix[] {
  if (prefixes) return prefixes;
  const found = new Map<string, Section>();
  const add = (path: string, section: Section) => {
    const known = found.get(path);
    if (known && known !== section) throw new Error(`path ${path} is given to two sections: ${known} and ${section}`);
    found.set(path, section);
  };
  for (const item of navItems('public')) if (item.section && item.path) add(item.path, item.section);
  for (const item of navItems('workspace')) if (item.section && item.path) add(`werkruimte/${item.path}`, item.section);
  for (const m of modules()) for (const [path, section] of Object.entries(m.sectionPaths ?? {})) add(path, section);
  prefixes = [...found].map(([path, section]) => ({ segments: path.split('/'), section })).sort((a, b) => b.segments.length - a.segments.length);
  return prefixes;
}

/**
 * The section of an organisation's page, from its path after `/{slug}/` (a concrete path or a
 * route pattern such as `werkruimte/signalen/:id`); null for pages every organisation has.
 */
export function sectionOfPath(path: string): Section | null {
  const segments = path.split(/[?#]/)[0]!.split('/');
  const hit = sectionPrefixes().find((p) => p.segments.every((s, i) => segments[i] === s));
  return hit?.section ?? null;
}

/** Whether the organisation has the page at `href` (`/{slug}/...`), as far as its kind decides. */
export function organisationHasPage(org: { slug: string; kind: OrganisationKind }, href: string): boolean {
  const base = `/${org.slug}/`;
  if (!href.startsWith(base)) return true;
  const section = sectionOfPath(href.slice(base.length));
  return section === null || hasSection(org.kind, section);
}

const ORGANISATION_ROUTE = '/:council/';

/**
 * Pages of a section answer 404 for organisations whose kind lacks it. Each route under
 * `/:council/` gets its section when it is registered (a route may also set `config.section`
 * itself); the check runs right after the tenancy resolved the organisation, before any handler.
 * Call after registerTenancy and before the modules' routes are registered.
 */
export function registerSectionGuard(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    if (route.config?.section || !route.url.startsWith(ORGANISATION_ROUTE)) return;
    const section = sectionOfPath(route.url.slice(ORGANISATION_ROUTE.length));
    if (section) route.config = { ...route.config, section };
  });
  app.addHook('preValidation', async (req) => {
    const section = req.routeOptions.config.section;
    if (section && req.council && !hasSection(req.council.kind, section)) throw new NotFoundError('section');
  });
}
