import type { SealedColumn } from './keyring.ts';
import type { FastifyInstance } from 'fastify';
import type { ComponentChildren } from 'preact';
import type { Deps } from './deps.ts';
import type { Messages, MessageKey } from './i18n/index.ts';
import type { Action, Actor, PolicyRules } from './policy.ts';
import type { PageCtx } from '../ui/context.ts';
import type { Tenant } from './tenancy.ts';
import type { Section } from './organisation-kinds.ts';
import type { FieldErrors, FormValues } from './http/forms.ts';
import type { DbOrTx } from './db/index.ts';
import type { Read } from './read-together.ts';
import type { PartnershipPort } from './partnerships.ts';
import type { StateChangeListener } from './state-change.ts';

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

/**
 * The parts of an OpenAPI 3.1 document a module adds: its paths (relative to /api/v1), schemas,
 * tags and security schemes. Core adds the rest (core/api/openapi.ts): info, servers, the shared
 * schemas and headers, and the responses every operation can give.
 */
export type OpenApiPart = {
  paths: Record<string, unknown>;
  schemas?: Record<string, unknown>;
  tags?: { name: string; description: string }[];
  securitySchemes?: Record<string, unknown>;
};

/** A live key (known, not revoked), as its store knows it. */
export type ApiKey = {
  id: string;
  councilId: string;
  /** The user the key acts for (for an organisation's key: the board member who made it). */
  userId: string;
  /** What the key is known by: shown in the workspace, recorded with what it sends. */
  name: string;
  /** False for an organisation's key: it acts for nobody's account. */
  actsAsUser: boolean;
};

/**
 * The port the module that keeps the JSON API's keys fills (ModuleManifest.apiKeys); core/api/keys.ts
 * asks it. `accept` gets back what `find` returned.
 */
export type ApiKeyStore<K extends ApiKey = ApiKey> = {
  /** The live key behind a token, or null. */
  find(db: DbOrTx, token: string): Promise<K | null>;
  /** Whether the key may still act, given its user's role in its organisation now; records the use. */
  accept(db: DbOrTx, key: K, actor: Actor): Promise<boolean>;
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
  /**
   * Shown only for organisations whose kind has this section (core/organisation-kinds.ts). Every
   * page under this path belongs to the section too: it answers 404 for the other organisations.
   */
  section?: Section;
  /** Used now and then (settings, year plan, partners): listed under "Meer", so the bar keeps the daily items. */
  more?: true;
};

/**
 * What a dashboard panel gets to decide what to show. `read(select)` instead of awaiting the
 * select: core runs the reads of every part together, in one statement per round (core/read-together.ts).
 */
export type DashboardArgs = { deps: Deps; ctx: PageCtx; council: Tenant; actor: Actor; read: Read };
/** A figure on the dashboard ("Nieuwe signalen: 3"), linked to where the work is. */
export type DashboardFigure = { label: string; n: number; href: string; linked: boolean };
export type DashboardPart = {
  order: number;
  figures?: (args: DashboardArgs) => Promise<DashboardFigure[]>;
  panel?: (args: DashboardArgs) => Promise<ComponentChildren | null>;
};

/** What a slot renderer gets: the page's context and the id of the record the page shows. */
export type SlotArgs = Omit<DashboardArgs, 'actor' | 'read'> & {
  /** Null on public pages. */
  actor: Actor | null;
  /** The page's own batched reads, so that its slots' reads join them; renderSlot makes one otherwise. */
  read?: Read;
  id: string;
  /** A form of the page that came back with errors: a slot that drew that form shows them at its fields. */
  form?: { errors?: FieldErrors; values?: FormValues };
};
/**
 * Fills a named place on another module's page (docs/decisions/0013-extension-slots.md), for
 * example 'advice.detail.related'; null when it has nothing to show for this record or actor.
 */
export type SlotRenderer = (args: SlotArgs & { read: Read }) => Promise<ComponentChildren | null>;

/** One hit of the workspace search: a record, and for documents the pages the words are on. */
export type SearchHit = {
  title: string;
  href: string;
  /** A short passage with the words, as plain text (never HTML). */
  snippet?: string;
  date?: Date | string | null;
  /** Documents: each page with a hit, linked so the PDF opens at that page. */
  pages?: { page: number; href: string; snippet: string }[];
};
/** What a module offers to the workspace search; it returns only what this actor may see. */
export type SearchProvider = {
  /** Heading of this module's group of results. */
  label: MessageKey;
  order: number;
  /** Searched only for those who may do this. */
  action?: Action;
  search: (args: Omit<DashboardArgs, 'read'> & { query: string; limit: number }) => Promise<SearchHit[]>;
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
  /** The keys of the JSON API (one module keeps them). */
  apiKeys?: ApiKeyStore;
  /** Whether an agreement between organisations covers a share across the tenant wall (one module keeps them; core/partnerships.ts). */
  partnerships?: PartnershipPort;
  jobs?: Job[];
  messages?: Messages[];
  /** Drizzle tables (drizzle-kit reads the same `*.schema.ts` files). */
  schema?: Record<string, unknown>;
  policy?: PolicyRules;
  /** Actions a platform admin gets only through a role in the organisation (residents' personal data). */
  councilOnly?: readonly Action[];
  nav?: { public?: NavItem[]; workspace?: NavItem[] };
  /**
   * Pages of a section outside its menu items' paths, relative to the organisation like
   * `NavItem.path` (workspace pages start with `werkruimte/`): `{ 'agenda.ics': 'meetings' }`.
   */
  sectionPaths?: Record<string, Section>;
  dashboard?: DashboardPart[];
  /** What this module adds to the one search box of the workspace. */
  search?: SearchProvider;
  /** What this module shows on other modules' pages, by slot name ('advice.detail.related'). */
  slots?: Record<string, SlotRenderer>;
  /** Columns of sealed values (core/crypto.ts), so `npm run reseal` seals them again after a key rotation. */
  sealed?: SealedColumn[];
  /** What this module does once another module's step is committed (core/state-change.ts): `{ entity: 'advice', to: ['answered'], run }`. */
  onStateChange?: StateChangeListener[];
};
