import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import { membersMessages } from './members.messages.ts';
import { membersRoutes } from './members.routes.tsx';
import * as members from './members.service.ts';

const policy = {
  'members.view': councilMembers,
  'members.manage': board,
  'workingGroups.manage': board,
  'vacancies.manage': board,
  'applications.read': board,
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof membersMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}

const HOUR = 60 * 60 * 1000;

/** Members, working groups and vacancies. */
export const membersModule: ModuleManifest = {
  name: 'members',
  routes: [membersRoutes],
  messages: [membersMessages],
  policy,
  // Retention promised in the privacy statement: applications go 4 weeks after a vacancy closes.
  jobs: [{ name: 'application-retention', everyMs: HOUR, firstAfterMs: 60_000, run: (deps) => members.purgeExpiredApplications(deps.db) }],
  nav: {
    public: [
      { path: 'leden', label: 'councils.nav.members', order: 50 },
      { path: 'werkgroepen', label: 'councils.nav.workingGroups', order: 60 },
      { path: 'vacatures', label: 'councils.nav.vacancies', order: 70 },
    ],
    workspace: [
      { path: 'leden', label: 'councils.ws.nav.members', order: 50, action: 'members.view' },
      { path: 'werkgroepen', label: 'councils.ws.nav.workingGroups', order: 60, action: 'workingGroups.manage' },
      { path: 'vacatures', label: 'councils.ws.nav.vacancies', order: 70, action: 'vacancies.manage' },
    ],
  },
  dashboard: [{ order: 0, figures: members.dashboardFigureRows }],
};

// Public surface: read functions other modules may use.
export { dashboardFigures } from './members.service.ts';
