import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board } from '../../core/policy.ts';
import councilsMessages from './councils.messages.json' with { type: 'json' };
import { councilsRoutes } from './councils.routes.tsx';
import { councilsSecondFactorRoutes } from './councils.second-factor.routes.tsx';
import { councilsHeldRoutes } from './councils.held.routes.tsx';

const policy = {
  'settings.manage': board,
  // Contact messages held beyond the hourly budget (issue 17): a resident's words, for the organisation's own board only.
  'contact.review': board,
  'users.resetSecondFactor': 'platform',
} as const;

/** What the audit log records of organisations (core/audit/audit.ts). */
type Audit = Named<{ council: 'created' | 'settingsChanged' | 'logoSet' | 'logoRemoved' | 'contactReceived'; user: 'secondFactorReset' }>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type CouncilsTypes = Declares<typeof councilsMessages, typeof policy, Audit>;

/** Organisations: the platform home, each organisation's public site and settings, platform administration. */
export const councilsModule: ModuleManifest = {
  name: 'councils',
  routes: [councilsRoutes, councilsSecondFactorRoutes, councilsHeldRoutes],
  messages: [councilsMessages],
  policy,
  councilOnly: ['contact.review'],
  nav: {
    public: [
      { path: '', label: 'nav.home', order: 0 },
      { path: 'over-ons', label: 'councils.nav.about', order: 10 },
      { path: 'contact', label: 'councils.nav.contact', order: 90 },
    ],
    workspace: [
      { path: '', label: 'councils.ws.nav.dashboard', order: 0 },
      { path: 'instellingen', label: 'councils.ws.nav.settings', order: 110, action: 'settings.manage', more: true },
    ],
  },
};

export { listCouncils } from './councils.service.ts';
