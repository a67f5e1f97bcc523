import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import membersMessages from './members.messages.json' with { type: 'json' };
import { membersRoutes } from './members.routes.tsx';
import { dashboardFigureRows } from './members.memberships.ts';
import { purgeExpiredApplications } from './members.vacancies.ts';

const policy = {
  'members.view': councilMembers,
  'members.manage': board,
  // The list of groups; a group's own page also for its lead (members.groups.ts, mayOpenGroup).
  'workingGroups.view': councilMembers,
  'workingGroups.manage': board,
  'vacancies.manage': board,
  'applications.read': board,
} as const;

/** What the audit log records of members, working groups and vacancies (core/audit/audit.ts). */
type Audit = Named<{
  member: 'invited' | 'updated' | 'deactivated' | 'reactivated';
  workingGroup: 'created' | 'updated' | 'memberAdded' | 'memberRemoved' | 'leadSet';
  vacancy: 'created' | 'updated' | 'published' | 'closed' | 'applicationsRead' | 'applicationsRemoved';
  vacancyApplication: 'received';
}>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type MembersTypes = Declares<typeof membersMessages, typeof policy, Audit>;

const HOUR = 60 * 60 * 1000;

/** Members, working groups and vacancies. */
export const membersModule: ModuleManifest = {
  name: 'members',
  sealed: ['name', 'email', 'phone', 'motivation'].map((column) => ({ table: 'vacancy_applications', column, purpose: 'applications' })),
  routes: [membersRoutes],
  messages: [membersMessages],
  policy,
  // Retention promised in the privacy statement: applications go 4 weeks after a vacancy closes.
  jobs: [{ name: 'application-retention', everyMs: HOUR, firstAfterMs: 60_000, run: (deps) => purgeExpiredApplications(deps.db) }],
  nav: {
    public: [
      { path: 'leden', label: 'councils.nav.members', order: 50, section: 'members' },
      { path: 'werkgroepen', label: 'councils.nav.workingGroups', order: 60, section: 'workingGroups', more: true },
      { path: 'vacatures', label: 'councils.nav.vacancies', order: 70, section: 'vacancies', more: true },
    ],
    workspace: [
      { path: 'leden', label: 'councils.ws.nav.members', order: 50, action: 'members.view', section: 'members' },
      { path: 'werkgroepen', label: 'councils.ws.nav.workingGroups', order: 60, action: 'workingGroups.view', section: 'workingGroups', more: true },
      { path: 'vacatures', label: 'councils.ws.nav.vacancies', order: 70, action: 'vacancies.manage', section: 'vacancies', more: true },
    ],
  },
  dashboard: [{ order: 0, figures: dashboardFigureRows }],
};

// Public surface: read functions other modules may use.
// The members' figures of the workspace dashboard (active members, groups, vacancies, applications).
export { dashboardFigures } from './members.memberships.ts';
// Active members of a council with given roles (default: chair, secretary, member), with name and e-mail.
export { activeMembers, type ActiveMember } from './members.memberships.ts';
// Names of the active chair and secretary, e.g. to sign a letter.
export { boardOf, type BoardNames } from './members.memberships.ts';
// The council's working groups (id, name), one group by id, and whether a membership is in a group.
export { findWorkingGroup, groupMembership, groupsOfMember, workingGroupsOf } from './members.groups.ts';
// The active members of one working group (user and membership ids), to notify them.
export { groupMemberUsers } from './members.groups.ts';
// Members and changes in the council in one year (the annual report).
export { membersOfYear, type MembersOfYear } from './members.year.ts';
