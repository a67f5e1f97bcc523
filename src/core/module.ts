import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Deps } from './deps.ts';
import type { Messages, MessageKey } from './i18n/index.ts';
import type { Action, Actor, PolicyRules } from './policy.ts';
import type { PageCtx } from '../ui/context.ts';
import type { Tenant } from './tenancy.ts';

/** Routes of a module, registered as a Fastify plugin. */
export type RoutePlugin = (app: FastifyInstance) => Promise<void>;

/**
 * A periodic job. Every job must be safe to run on several instances at once and after a
 * missed run (it works from what is recorded in the database, not from the clock alone).
 */
export type Job = {
  name: string;
  everyMs: number;
  /** Also run once this long after start, so a restart does not skip a day. */
  firstAfterMs?: number;
  run: (deps: Deps) => Promise<unknown>;
};

/** The parts of an OpenAPI 3 document a module adds: its paths, schemas and tags. */
export type OpenApiPart = {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  tags?: { name: string; description: string }[];
};

/**
 * A menu item. `path` is relative to the organisation (`/{slug}/` + path) or to its workspace
 * (`/{slug}/werkruimte/` + path); `order` places it among the items of every module.
 */
export type NavItem = {
  path: string;
  label: MessageKey;
  order: number;
  /** Shown only to those who may do this. */
  action?: Action;
  /** Shown only for organisations that have this section (see the organisation kinds). */
  section?: string;
};

/** What a dashboard panel gets to decide what to show. */
export type DashboardArgs = { deps: Deps; ctx: PageCtx; council: Tenant; actor: Actor };
/** A figure on the dashboard ("Nieuwe signalen: 3"), linked to where the work is. */
export type DashboardFigure = { label: string; n: number; href: string; linked: boolean };
export type DashboardPart = {
  order: number;
  figures?: (args: DashboardArgs) => Promise<DashboardFigure[]>;
  panel?: (args: DashboardArgs) => Promise<ComponentChildren | null>;
};

/**
 * A module's manifest: everything it adds to the platform. `src/modules.ts` lists the
 * manifests; the app, the worker, the message catalogue, the policy table, the OpenAPI
 * document and the menus are assembled by walking that list.
 */
export type ModuleManifest = {
  name: string;
  /** HTML pages. */
  routes?: RoutePlugin[];
  /** JSON API routes under /api/v1 and their part of the OpenAPI document. */
  api?: { routes: RoutePlugin[]; openapi: OpenApiPart };
  jobs?: Job[];
  messages?: Messages[];
  /** Drizzle tables (drizzle-kit reads the same `*.schema.ts` files). */
  schema?: Record<string, unknown>;
  policy?: PolicyRules;
  /** Actions a platform admin gets only through a role in the organisation (residents' personal data). */
  councilOnly?: readonly Action[];
  nav?: { public?: NavItem[]; workspace?: NavItem[] };
  dashboard?: DashboardPart[];
};
