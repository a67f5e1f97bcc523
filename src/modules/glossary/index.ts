import type { ModuleManifest } from '../../core/module.ts';
import type { Declares } from '../../core/module-types.ts';
import glossaryMessages from './glossary.messages.json' with { type: 'json' };
import { glossaryRoutes } from './glossary.routes.tsx';

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type GlossaryTypes = Declares<typeof glossaryMessages>;

/** "Wat betekent dit?": the words residents and new members meet, explained once for the whole platform. */
export const glossaryModule: ModuleManifest = {
  name: 'glossary',
  routes: [glossaryRoutes],
  messages: [glossaryMessages],
};
