import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import apikeysMessages from './apikeys.messages.json' with { type: 'json' };
import { apikeysRoutes } from './apikeys.routes.tsx';
import { keyStore } from './apikeys.service.ts';

const policy = {
  // Partner councils hold a key to submit signals (the API refuses them everything else).
  'apiTokens.manage': ['chair', 'secretary', 'official', 'partner'],
} as const;

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type ApikeysTypes = Declares<typeof apikeysMessages, typeof policy, Named<{ apiToken: 'created' | 'revoked' }>>;

/**
 * Keys of the JSON API (docs/decisions/0014-api-layer.md): made and revoked under Werkruimte >
 * API-sleutels, checked for every key-protected operation through core's API layer.
 */
export const apikeysModule: ModuleManifest = {
  name: 'apikeys',
  routes: [apikeysRoutes],
  messages: [apikeysMessages],
  policy,
  apiKeys: keyStore,
  api: {
    routes: [],
    openapi: {
      paths: {},
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Een API-sleutel, te maken in de werkruimte onder API-sleutels.' } },
    },
  },
  nav: { workspace: [{ path: 'api-sleutels', label: 'apikeys.nav', order: 90, action: 'apiTokens.manage', more: true }] },
};
