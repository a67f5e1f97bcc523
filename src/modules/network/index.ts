import type { ModuleManifest } from '../../core/module.ts';
import type { Declares } from '../../core/module-types.ts';
import { board, councilMembers } from '../../core/policy.ts';
import networkMessages from './network.messages.json' with { type: 'json' };
import { networkRoutes } from './network.routes.tsx';
import { networkConsultationRoutes } from './network.consultations.routes.tsx';
import { networkPublicRoutes } from './network.public.routes.tsx';
import { networkApiRoutes, networkOpenApi } from './network.api.ts';
import { networkSlots } from './network.slots.tsx';
import { sendConsentReminders } from './network.jobs.ts';
import { sendFeedback } from './network.feedback.ts';
import { runExperienceRetention } from './network.experiences.ts';
import { placeWaitingReports } from './network.delegations.ts';
import { networkDelegationRoutes } from './network.delegations.routes.tsx';

const policy = {
  // Members see organisations, consultations and experiences (without personal details).
  'network.view': councilMembers,
  'network.record': councilMembers,
  'network.manage': board,
  // Details of private persons and contributors, and erasing them.
  'network.contacts': board,
  'network.accessLog': ['chair'],
} as const;

/** This module's message keys, policy actions and audit names: src/modules.ts hands them to core (core/module-types.ts). */
export type NetworkTypes = Declares<typeof networkMessages, typeof policy, (typeof auditNames)[number]>;
/** What the audit log records of the network (core/audit/audit.ts). */
const auditNames = [
  'networkSettings.changed',
  'networkType.added',
  'networkOrganisation.added',
  'networkOrganisation.changed',
  'networkContact.added',
  'networkContact.erased',
  'networkConsent.recorded',
  'networkConsent.withdrawn',
  'consultation.added',
  'consultation.invited',
  'consultation.outcomeRecorded',
  'experience.recorded',
  'experience.erased',
  'experience.linked',
  'delegation.added',
  'delegationReport.recorded',
  'delegationReport.placed',
  'consultation.changed',
  'networkEvent.invited',
] as const;

const HOUR = 60 * 60 * 1000;

/** The council's network: organisations and contacts with consent, consultations, experiences, delegations. */
export const networkModule: ModuleManifest = {
  name: 'network',
  sealed: [
    ...['name_sealed', 'email_sealed', 'phone_sealed'].map((column) => ({ table: 'network_contacts', column, purpose: 'network-contact' })),
    ...['name_sealed', 'email_sealed'].map((column) => ({ table: 'experience_contacts', column, purpose: 'experience-contact' })),
  ],
  routes: [networkRoutes, networkConsultationRoutes, networkDelegationRoutes, networkPublicRoutes],
  api: { routes: [networkApiRoutes], openapi: networkOpenApi },
  messages: [networkMessages],
  policy,
  // Residents' and private persons' details: for the organisation's own board only, never a platform admin.
  councilOnly: ['network.contacts', 'network.accessLog'],
  jobs: [
    // Each reminder is recorded on the consent, so it goes out once.
    { name: 'network-consent-reminders', everyMs: HOUR, firstAfterMs: 50_000, run: sendConsentReminders },
    // Contributors hear back when the college's answer is committed (onStateChange below); this
    // daily catch-up only finds a mail an instance stopped before queueing. Recorded per experience.
    { name: 'network-feedback-catch-up', everyMs: 24 * HOUR, firstAfterMs: 55_000, run: (deps) => sendFeedback(deps) },
    { name: 'network-experience-retention', everyMs: HOUR, firstAfterMs: 95_000, run: runExperienceRetention },
    // Reports back that waited for a meeting go on the next one within the hour after it is planned
    // (planning a meeting is no workflow step others can listen to).
    { name: 'network-report-backs', everyMs: HOUR, firstAfterMs: 100_000, run: (deps) => placeWaitingReports(deps) },
  ],
  // The college answered an advice: the contributors of its experiences hear back at once.
  onStateChange: [
    { entity: 'advice', to: ['answered'], run: (deps, e) => sendFeedback(deps, { councilId: e.councilId, adviceId: e.entityId }) },
    // The board works on a planned meeting (its agenda, the invitation): waiting reports back join it first.
    { entity: 'meeting', to: ['planned'], run: (deps, e) => placeWaitingReports(deps, { councilId: e.councilId }) },
  ],
  sectionPaths: { 'ervaring-delen': 'network' },
  nav: {
    public: [{ path: 'netwerk', label: 'network.nav.public', order: 70, section: 'network', more: true }],
    workspace: [{ path: 'netwerk', label: 'network.nav.workspace', order: 45, action: 'network.view', section: 'network', more: true }],
  },
  // The experiences an advice was based on, on the advice's page.
  slots: networkSlots,
};

// Public surface: read functions other modules may call (the cooperation module shares experiences and consultations).
/** The council's experiences without personal details, newest first; narrowed by advice or consultation. */
export { listExperiences, experiencesOfConsultation, type ExperienceView } from './network.experiences.ts';
/** The council's consultations with counts of organisations and experiences; `publicOnly` for the public ones. */
export { listConsultations, type ConsultationRow } from './network.consultations.ts';
/** Invites network contacts with consent to another module's event (a joint meeting), and who may be invited (for a picker). */
export { inviteContactsToEvent, eventInvitables, type InvitedEvent } from './network.invitations.ts';
/** The organisations that agreed to be listed publicly (no contact persons). */
export { publicNetwork, type PublicOrganisation } from './network.queries.ts';
/** A year's consultations (invited, came, experiences) and delegations, for the annual report. */
export { networkOfYear, type NetworkYear, type YearConsultation, type YearDelegation } from './network.year.ts';
