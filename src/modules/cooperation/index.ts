import type { ModuleManifest } from '../../core/module.ts';
import type { Declares, Named } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import cooperationMessages from './cooperation.messages.json' with { type: 'json' };
import { cooperationRoutes } from './cooperation.routes.tsx';
import { cooperationApiRoutes, cooperationOpenApi } from './cooperation.api.ts';
import { cooperationPartnerships } from './cooperation.partnerships.ts';
import { runAgreementDates } from './cooperation.dates.ts';
import { cooperationSlots } from './cooperation.slots.tsx';
import { jointShortfalls } from './cooperation.joint.ts';
import { JointMeetingsPanel } from './views/dashboard.tsx';
import type { agreementAuditActions, AgreementAction } from './cooperation.workflow.ts';

const policy = {
  'cooperation.view': councilMembers,
  'cooperation.manage': board,
  // Each party's chair accepts an agreement for their own organisation.
  'cooperation.accept': ['chair'],
} as const;

/** What the audit log records of agreements and shared dossiers (core/audit/audit.ts). */
type Audit =
  | (typeof agreementAuditActions)[AgreementAction]
  | Named<{
      agreement: 'drafted' | 'contributionChanged' | 'signedUploaded' | 'activated' | 'upForRenewal' | 'reminderSent' | 'adviceStarted';
      dossier: 'shared' | 'unshared' | 'readByPartner' | 'contributed';
      consultation: 'shared' | 'readByPartner';
    }>;
/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type CooperationTypes = Declares<typeof cooperationMessages, typeof policy, Audit>;

const HOUR = 60 * 60 * 1000;

/**
 * Cooperation between organisations: agreements with a term and renewal, shared dossiers, the
 * public page and API. It fills core's sharing port, so the documents module shares across
 * organisations only while an agreement is in force (docs/decisions/0024-cooperation.md).
 */
export const cooperationModule: ModuleManifest = {
  name: 'cooperation',
  routes: [cooperationRoutes],
  api: { routes: [cooperationApiRoutes], openapi: cooperationOpenApi },
  messages: [cooperationMessages],
  policy,
  partnerships: cooperationPartnerships,
  // What an advice drew on from a cooperation, on the advice's page.
  slots: cooperationSlots,
  dashboard: [
    {
      order: 30,
      // The rule of at least two joint meetings a year: a warning while this year's second one is not planned.
      panel: async ({ deps, ctx, council, actor, read }) => {
        const rows = await jointShortfalls(deps, { council, actor, read });
        return rows.length ? JointMeetingsPanel({ ctx, council, rows }) : null;
      },
    },
  ],
  // Start dates, renewal, end and the 60- and 14-day reminders; works from the recorded dates.
  jobs: [{ name: 'cooperation-dates', everyMs: 6 * HOUR, firstAfterMs: 60_000, run: runAgreementDates }],
  nav: {
    public: [{ path: 'samenwerking', label: 'cooperation.public.nav', order: 75, section: 'cooperation', more: true }],
    workspace: [{ path: 'samenwerking', label: 'cooperation.nav', order: 55, action: 'cooperation.view', section: 'cooperation', more: true }],
  },
};

// Public surface: the year's agreements, shared folders, joint meetings and advices, for the annual report.
export { cooperationOfYear, type CooperationYear } from './cooperation.year.ts';
