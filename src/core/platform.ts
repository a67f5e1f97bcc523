import type { ComponentChildren } from 'preact';
import type { ModuleManifest, SearchProvider, NavItem, Job, DashboardPart, OpenApiPart, RoutePlugin, SlotArgs } from './module.ts';
import type { StateChangeListener } from './state-change.ts';
import { registerMessages } from './i18n/index.ts';
import { registerPolicy } from './policy.ts';
import { batchedReads } from './read-together.ts';

/**
 * The installed modules, in the order of `src/modules.ts`. Core reads the modules only
 * through this list, so it never imports one.
 */
let installed: readonly ModuleManifest[] | null = null;

/** Installs the modules once per process: their messages and policy rules join core's. */
export function installModules(list: readonly ModuleManifest[]): void {
  if (installed) {
    if (installed !== list) throw new Error('a different module list is already installed');
    return;
  }
  const names = new Set<string>();
  for (const m of list) {
    if (names.has(m.name)) throw new Error(`module ${m.name} listed twice`);
    names.add(m.name);
    for (const messages of m.messages ?? []) registerMessages(messages);
    if (m.policy) registerPolicy(m.policy, { councilOnly: m.councilOnly });
  }
  installed = list;
}

export function modules(): readonly ModuleManifest[] {
  if (!installed) throw new Error('modules are not installed: import src/modules.ts first');
  return installed;
}

const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;

export const routePlugins = (): RoutePlugin[] => modules().flatMap((m) => m.routes ?? []);
export const apiRoutePlugins = (): RoutePlugin[] => modules().flatMap((m) => m.api?.routes ?? []);
export const apiParts = (): OpenApiPart[] => modules().flatMap((m) => (m.api ? [m.api.openapi] : []));
export const moduleJobs = (): Job[] => modules().flatMap((m) => m.jobs ?? []);
export const navItems = (where: 'public' | 'workspace'): NavItem[] =>
  modules()
    .flatMap((m) => m.nav?.[where] ?? [])
    .sort(byOrder);
export const searchProviders = (): SearchProvider[] =>
  modules()
    .flatMap((m) => (m.search ? [m.search] : []))
    .sort(byOrder);
/** Listeners to committed steps of a workflow (core/state-change.ts). */
export const stateChangeListeners = (): StateChangeListener[] => modules().flatMap((m) => m.onStateChange ?? []);
export const dashboardParts = (): DashboardPart[] =>
  modules()
    .flatMap((m) => m.dashboard ?? [])
    .sort(byOrder);

/**
 * What the installed modules show in a named place of a page, in the order of the module list;
 * modules with nothing to show for this record are left out. The owning page awaits this before
 * it renders, so a slot may read the database (through its own module's functions).
 */
export async function renderSlot(name: string, args: SlotArgs): Promise<ComponentChildren[]> {
  // The slots' reads run together (one statement), with the page's when it passes its own `read`.
  const withRead = { ...args, read: args.read ?? batchedReads(args.deps.db) };
  const filled = await Promise.all(modules().map((m) => m.slots?.[name]?.(withRead) ?? null));
  return filled.filter((part) => part !== null && part !== undefined);
}
