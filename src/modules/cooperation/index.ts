import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import cooperationMessages from './cooperation.messages.json' with { type: 'json' };
import { cooperationRoutes } from './cooperation.routes.tsx';
import { cooperationApiRoutes, cooperationOpenApi } from './cooperation.api.ts';
import { cooperationPartnerships } from './cooperation.partnerships.ts';
import { runAgreementDates } from './cooperation.dates.ts';
import { cooperationSlots } from './cooperation.slots.tsx';
import type { agreementAuditActions, AgreementAction } from './cooperation.workflow.ts';

const policy = {
  'cooperation.view': councilMembers,
  'cooperation.manage': board,
  // Each party's chair accepts an agreement for their own organisation.
  'cooperation.accept': ['chair'],
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof cooperationMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}
/** What the audit log records of agreements and shared dossiers (core/audit/audit.ts). */
declare module '../../core/audit/audit.ts' {
  interface AuditActions
    extends Record<
      | (typeof agreementAuditActions)[AgreementAction]
      | 'agreement.drafted'
      | 'agreement.contributionChanged'
      | 'agreement.signedUploaded'
      | 'agreement.activated'
      | 'agreement.upForRenewal'
      | 'agreement.reminderSent'
      | 'agreement.adviceStarted'
      | 'dossier.shared'
      | 'dossier.unshared'
      | 'dossier.readByPartner'
      | 'consultation.shared'
      | 'consultation.readByPartner',
      true
    > {}
}

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
  // Start dates, renewal, end and the 60- and 14-day reminders; works from the recorded dates.
  jobs: [{ name: 'cooperation-dates', everyMs: 6 * HOUR, firstAfterMs: 60_000, run: runAgreementDates }],
  nav: {
    public: [{ path: 'samenwerking', label: 'cooperation.public.nav', order: 75, section: 'cooperation' }],
    workspace: [{ path: 'samenwerking', label: 'cooperation.nav', order: 55, action: 'cooperation.view', section: 'cooperation' }],
  },
};
