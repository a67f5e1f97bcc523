import type { Message } from '../../core/i18n/index.ts';
import type { ModuleManifest } from '../../core/module.ts';
import { board, councilMembers } from '../../core/policy.ts';
import networkMessages from './network.messages.json' with { type: 'json' };
import { networkRoutes } from './network.routes.tsx';
import { networkConsultationRoutes } from './network.consultations.routes.tsx';
import { networkPublicRoutes } from './network.public.routes.tsx';
import { networkApiRoutes, networkOpenApi } from './network.api.ts';
import { networkSlots } from './network.slots.tsx';
import { sendConsentReminders, sendFeedback } from './network.jobs.ts';
import { runExperienceRetention } from './network.experiences.ts';

const policy = {
  // Members see organisations, consultations and experiences (without personal details).
  'network.view': councilMembers,
  'network.record': councilMembers,
  'network.manage': board,
  // Details of private persons and contributors, and erasing them.
  'network.contacts': board,
  'network.accessLog': ['chair'],
} as const;

declare module '../../core/i18n/index.ts' {
  interface MessageCatalogue extends Record<keyof typeof networkMessages, Message> {}
}
declare module '../../core/policy.ts' {
  interface PolicyActions extends Record<keyof typeof policy, true> {}
}
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
] as const;
declare module '../../core/audit/audit.ts' {
  interface AuditActions extends Record<(typeof auditNames)[number], true> {}
}

const HOUR = 60 * 60 * 1000;

/** The council's network: organisations and contacts with consent, consultations, experiences, delegations. */
export const networkModule: ModuleManifest = {
  name: 'network',
  sealed: [
    ...['name_sealed', 'email_sealed', 'phone_sealed'].map((column) => ({ table: 'network_contacts', column, purpose: 'network-contact' })),
    ...['name_sealed', 'email_sealed'].map((column) => ({ table: 'experience_contacts', column, purpose: 'experience-contact' })),
  ],
  routes: [networkRoutes, networkConsultationRoutes, networkPublicRoutes],
  api: { routes: [networkApiRoutes], openapi: networkOpenApi },
  messages: [networkMessages],
  policy,
  // Residents' and private persons' details: for the organisation's own board only, never a platform admin.
  councilOnly: ['network.contacts', 'network.accessLog'],
  jobs: [
    // Each reminder is recorded on the consent, so it goes out once.
    { name: 'network-consent-reminders', everyMs: HOUR, firstAfterMs: 50_000, run: sendConsentReminders },
    // Contributors hear back once the college answered; recorded per experience.
    { name: 'network-feedback', everyMs: 15 * 60 * 1000, firstAfterMs: 55_000, run: sendFeedback },
    { name: 'network-experience-retention', everyMs: HOUR, firstAfterMs: 95_000, run: runExperienceRetention },
  ],
  sectionPaths: { 'ervaring-delen': 'network' },
  nav: {
    public: [{ path: 'netwerk', label: 'network.nav.public', order: 70, section: 'network' }],
    workspace: [{ path: 'netwerk', label: 'network.nav.workspace', order: 45, action: 'network.view', section: 'network' }],
  },
  // The experiences an advice was based on, on the advice's page.
  slots: networkSlots,
};

// Public surface: read functions other modules may call (the cooperation module shares experiences and consultations).
/** The council's experiences without personal details, newest first; narrowed by advice or consultation. */
export { listExperiences, experiencesOfConsultation, type ExperienceView } from './network.experiences.ts';
/** The council's consultations with counts of organisations and experiences; `publicOnly` for the public ones. */
export { listConsultations, type ConsultationRow } from './network.consultations.ts';
/** The organisations that agreed to be listed publicly (no contact persons). */
export { publicNetwork, type PublicOrganisation } from './network.queries.ts';
