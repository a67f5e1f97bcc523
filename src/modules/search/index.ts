import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import searchMessages from './search.messages.json' with { type: 'json' };
import { searchRoutes } from './search.routes.tsx';

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof searchMessages, Message> {}
}

/** One search box over the workspace; each module adds its records through its manifest's `search`. */
export const searchModule: ModuleManifest = {
  name: 'search',
  routes: [searchRoutes],
  messages: [searchMessages],
  nav: { workspace: [{ path: 'zoeken', label: 'search.nav', order: 5, action: 'workspace.view' }] },
};
