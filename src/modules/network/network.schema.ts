import { boolean, date, index, integer, text, uniqueIndex, jsonb } from 'drizzle-orm/pg-core';
import {
  accessLogTable,
  at,
  calendarEvent,
  cascadeRef,
  councilTable,
  createdAt,
  linkTable,
  madeBy,
  namesTable,
  sealedDetails,
  sealedDetailsTable,
  setNullRef,
  settingsTable,
  timestamps,
  timestamptz,
} from '../../core/db/columns.ts';
import { councils, memberships } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { advices, policyFields } from '../advice/advice.schema.ts';
import { agendaItems } from '../meetings/meetings.schema.ts';

/** The kinds of organisation a council keeps contact with (DOMAIN.md, "The network"); a council adds its own (networkTypes). */
export const organisationTypes = [
  'client_council',
  'elderly_union',
  'womens_organisation',
  'informal_care',
  'welfare',
  'volunteers',
  'youth_work',
  'youth_sports',
  'church',
  'village_interest',
  'employer',
  'social_platform',
  'regional_body',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** What a contact person may be approached for; consent is given per purpose. */
export const consentPurposes = ['invitations', 'consultations', 'newsletter'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];
export const consentSources = ['form', 'email', 'in_person'] as const;
export type ConsentSource = (typeof consentSources)[number];

export const consultationKinds = ['expert_meeting', 'consultation_evening', 'conversations', 'written'] as const;
export type ConsultationKind = (typeof consultationKinds)[number];

export const experienceSources = ['consultation', 'form', 'recorded'] as const;
export type ExperienceSource = (typeof experienceSources)[number];

/** Types a council added to the built-in list. */
export const networkTypes = namesTable('network_types');

/** An organisation in the council's network. */
export const networkOrganisations = councilTable(
  'network_organisations',
  {
    name: text('name').notNull(),
    /** The name folded (lower case, single spaces): one organisation per name per council. */
    nameKey: text('name_key').notNull(),
    type: text('type', { enum: organisationTypes }).notNull(),
    customTypeId: setNullRef('custom_type_id', () => networkTypes.id),
    address: text('address').notNull().default(''),
    website: text('website').notNull().default(''),
    policyFields: jsonb('policy_fields').$type<(typeof policyFields)[number][]>().notNull().default([]),
    targetGroups: text('target_groups').notNull().default(''),
    /** The organisation agreed to be listed on the public network page. */
    listed: boolean('listed').notNull().default(false),
    ...timestamps(),
  },
  (t) => [uniqueIndex('network_organisations_council_name_unique').on(t.councilId, t.nameKey), index('network_organisations_council_type_idx').on(t.councilId, t.type)],
);

/**
 * A contact person of an organisation. Name, e-mail and phone are sealed (AES-256-GCM, purpose
 * 'network-contact'); erasure empties them and keeps the row, so counts stay right.
 */
export const networkContacts = councilTable(
  'network_contacts',
  {
    organisationId: cascadeRef('organisation_id', () => networkOrganisations.id),
    role: text('role').notNull().default(''),
    /** A private person (not speaking as the organisation's staff): only chair and secretary see the details. */
    privatePerson: boolean('private_person').notNull().default(false),
    ...sealedDetails('name', 'email', 'phone'),
  },
  (t) => [index('network_contacts_org_idx').on(t.organisationId)],
);

/** Consent of one contact for one purpose; a new record replaces nothing, the valid ones count. */
export const networkConsents = councilTable(
  'network_consents',
  {
    contactId: cascadeRef('contact_id', () => networkContacts.id),
    purpose: text('purpose', { enum: consentPurposes }).notNull(),
    givenOn: date('given_on').notNull(),
    expiresOn: date('expires_on').notNull(),
    source: text('source', { enum: consentSources }).notNull(),
    /** The version of the consent text the person agreed to. */
    textVersion: text('text_version').notNull(),
    recordedByUserId: setNullRef('recorded_by_user_id', () => users.id),
    recordedAt: at(),
    withdrawnAt: timestamptz('withdrawn_at'),
    /** Reminders to the secretary before expiry, each sent once. */
    reminded30At: timestamptz('reminded_30_at'),
    reminded7At: timestamptz('reminded_7_at'),
  },
  (t) => [index('network_consents_contact_idx').on(t.contactId, t.purpose), index('network_consents_council_expiry_idx').on(t.councilId, t.expiresOn)],
);

/** Per council: how long a consent holds by default. */
export const networkSettings = settingsTable('network_settings', {
  consentMonths: integer('consent_months').notNull().default(24),
  /** Months the contact details of an experience are kept when nobody needs them for feedback. */
  experienceContactMonths: integer('experience_contact_months').notNull().default(24),
});

/** An expert meeting, consultation evening, round of conversations or written consultation. */
export const consultations = councilTable(
  'consultations',
  {
    kind: text('kind', { enum: consultationKinds }).notNull(),
    topic: text('topic').notNull(),
    heldOn: date('held_on').notNull(),
    /** 'HH:MM' local times; empty for a written consultation. */
    startTime: text('start_time').notNull().default(''),
    endTime: text('end_time').notNull().default(''),
    location: text('location').notNull().default(''),
    /** When it happens during a council meeting: the agenda item. */
    agendaItemId: setNullRef('agenda_item_id', () => agendaItems.id),
    /** Shown on the public site and open for experiences through the public form until `closesOn`. */
    isPublic: boolean('is_public').notNull().default(false),
    closesOn: date('closes_on'),
    headCount: integer('head_count'),
    report: text('report').notNull().default(''),
    ...calendarEvent(),
    ...timestamps(),
  },
  (t) => [index('consultations_council_date_idx').on(t.councilId, t.heldOn)],
);

/** Organisations invited to a consultation, and whether they came. */
export const consultationOrganisations = linkTable(
  'consultation_organisations',
  { consultationId: cascadeRef('consultation_id', () => consultations.id) },
  { organisationId: cascadeRef('organisation_id', () => networkOrganisations.id) },
  { attended: boolean('attended').notNull().default(false) },
);

/** Contacts an invitation went to (only contacts with valid consent for invitations). */
export const consultationInvites = linkTable(
  'consultation_invites',
  { consultationId: cascadeRef('consultation_id', () => consultations.id) },
  { contactId: cascadeRef('contact_id', () => networkContacts.id) },
  { invitedAt: at() },
);

/**
 * Contacts invited to an event of another module (a joint meeting of cooperation), by its
 * iCalendar UID: the same contact is never invited to the same event twice.
 */
export const eventInvites = councilTable(
  'event_invites',
  {
    eventUid: text('event_uid').notNull(),
    contactId: cascadeRef('contact_id', () => networkContacts.id),
    invitedAt: at(),
  },
  (t) => [uniqueIndex('event_invites_council_event_contact_unique').on(t.councilId, t.eventUid, t.contactId)],
);

/**
 * A collected experience: what happened, in the words of a resident or organisation. Special-category
 * data: the text is minimal and stays here, the contact details are sealed apart (experience_contacts).
 */
export const experiences = councilTable(
  'experiences',
  {
    text: text('text').notNull(),
    policyField: text('policy_field', { enum: policyFields }),
    targetGroup: text('target_group').notNull().default(''),
    area: text('area').notNull().default(''),
    source: text('source', { enum: experienceSources }).notNull(),
    consultationId: setNullRef('consultation_id', () => consultations.id),
    adviceId: setNullRef('advice_id', () => advices.id),
    /** The contributor left an e-mail address and wants to hear what the municipality did. */
    wantsFeedback: boolean('wants_feedback').notNull().default(false),
    feedbackSentAt: timestamptz('feedback_sent_at'),
    ...madeBy('recordedByUserId'),
    /** Text removed at the end of its retention (or on request). */
    erasedAt: timestamptz('erased_at'),
  },
  (t) => [index('experiences_council_idx').on(t.councilId, t.createdAt), index('experiences_advice_idx').on(t.adviceId), index('experiences_consultation_idx').on(t.consultationId)],
);

/** Contact details of an experience, sealed (purpose 'experience-contact'). */
export const experienceContacts = sealedDetailsTable('experience_contacts', 'experienceId', () => experiences.id, 'name', 'email');

export const networkAccessKinds = ['view_contact', 'view_experience_contact', 'erase'] as const;
export type NetworkAccessKind = (typeof networkAccessKinds)[number];

/** Every read of a private person's or a contributor's details; the chair reads it. */
export const networkAccessLog = accessLogTable(
  'network_access_log',
  { contactId: setNullRef('contact_id', () => networkContacts.id), experienceId: setNullRef('experience_id', () => experiences.id) },
  networkAccessKinds,
);

/** What a delegate is in the regional body; the public about page shows it. */
export const delegationRoles = ['delegate', 'deputy', 'observer'] as const;
export type DelegationRole = (typeof delegationRoles)[number];

/** A member sent as delegate to a regional body: a body on the platform, or an outside name. */
export const delegations = councilTable(
  'delegations',
  {
    membershipId: cascadeRef('membership_id', () => memberships.id),
    bodyCouncilId: setNullRef('body_council_id', () => councils.id),
    bodyName: text('body_name').notNull().default(''),
    role: text('role', { enum: delegationRoles }).notNull().default('delegate'),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on'),
    createdAt: createdAt(),
  },
  (t) => [index('delegations_council_idx').on(t.councilId)],
);

/**
 * A delegate's report back from the regional body: an item of the council's next meeting. It
 * waits ("nog niet geagendeerd") while no meeting is planned; `placedAt` says it went on an agenda
 * once, so an item the board took off again is not put back on its own.
 */
export const delegationReports = councilTable(
  'delegation_reports',
  {
    delegationId: cascadeRef('delegation_id', () => delegations.id),
    text: text('text').notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    agendaItemId: setNullRef('agenda_item_id', () => agendaItems.id),
    placedAt: timestamptz('placed_at'),
    ...madeBy('recordedByUserId'),
  },
  (t) => [index('delegation_reports_delegation_idx').on(t.delegationId), index('delegation_reports_waiting_idx').on(t.councilId, t.placedAt)],
);

export type NetworkOrganisation = typeof networkOrganisations.$inferSelect;
export type NetworkContact = typeof networkContacts.$inferSelect;
export type NetworkConsent = typeof networkConsents.$inferSelect;
export type Consultation = typeof consultations.$inferSelect;
export type Experience = typeof experiences.$inferSelect;
export type Delegation = typeof delegations.$inferSelect;
export type DelegationReport = typeof delegationReports.$inferSelect;
