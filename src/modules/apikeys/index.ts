import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import apikeysMessages from './apikeys.messages.json' with { type: 'json' };
import { apikeysRoutes } from './apikeys.routes.tsx';
import { keyStore } from './apikeys.service.ts';

const policy = {
  // Partner councils hold a key to submit signals (the API refuses them everything else).
  'apiTokens.manage': ['chair', 'secretary', 'official', 'partner'],
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof apikeysMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}
declare module '../../core/audit/audit.ts' {
  interface AuditActions extends Record<'apiToken.created' | 'apiToken.revoked', true> {}
}

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
  nav: { workspace: [{ path: 'api-sleutels', label: 'apikeys.nav', order: 90, action: 'apiTokens.manage' }] },
};
