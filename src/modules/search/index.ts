import type { ModuleManifest } from '../../core/module.ts';
import type { Declares } from '../../core/module-types.ts';
import searchMessages from './search.messages.json' with { type: 'json' };
import { searchRoutes } from './search.routes.tsx';

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type SearchTypes = Declares<typeof searchMessages>;

/** One search box over the workspace; each module adds its records through its manifest's `search`. */
export const searchModule: ModuleManifest = {
  name: 'search',
  routes: [searchRoutes],
  messages: [searchMessages],
  nav: { workspace: [{ path: 'zoeken', label: 'search.nav', order: 5, action: 'workspace.view' }] },
};
