import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import glossaryMessages from './glossary.messages.json' with { type: 'json' };
import { glossaryRoutes } from './glossary.routes.tsx';

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof glossaryMessages, Message> {}
}

/** "Wat betekent dit?": the words residents and new members meet, explained once for the whole platform. */
export const glossaryModule: ModuleManifest = {
  name: 'glossary',
  routes: [glossaryRoutes],
  messages: [glossaryMessages],
};
