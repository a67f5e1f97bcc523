import { sql } from 'drizzle-orm';
import { pgTable, type AnyPgColumn, uuid, text, integer, boolean, timestamp, jsonb, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { councils } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { advices, policyFields } from '../advice/advice.schema.ts';
import { signalStates, messageStatuses } from './signals.workflow.ts';

export const signalAreas = [
  'wmo_home_support',
  'household_help',
  'aids_adaptations',
  'transport',
  'informal_care',
  'youth_care',
  'work_income',
  'debts',
  'other',
] as const;
export type SignalArea = (typeof signalAreas)[number];
export const signalSinces = ['week', 'month', 'half_year', 'longer', 'unknown'] as const;
export type SignalSince = (typeof signalSinces)[number];
export const signalSources = ['web_form', 'phone', 'office_hours', 'email', 'partner_organisation', 'member', 'api'] as const;
export type SignalSource = (typeof signalSources)[number];
/** Sources a member or secretary can record on someone's behalf (the others have their own door). */
export const recordedSources = ['phone', 'office_hours', 'email', 'partner_organisation', 'member'] as const;
export const signalOutcomes = ['information_given', 'referred_client_support', 'included_in_advice', 'no_action'] as const;
export type SignalOutcome = (typeof signalOutcomes)[number];
export { policyFields as signalPolicyFields };

export const signalThemes = pgTable(
  'signal_themes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('signal_themes_council_name_unique').on(t.councilId, t.name)],
);

export const signals = pgTable(
  'signals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    /** "S-2026-0001", unique per council; what the resident quotes. */
    reference: text('reference').notNull(),
    /** Emptied when anonymised or erased (anonymisedAt says which). */
    description: text('description').notNull(),
    area: text('area', { enum: signalAreas }).notNull(),
    since: text('since', { enum: signalSinces }).notNull(),
    peopleCount: integer('people_count'),
    source: text('source', { enum: signalSources }).notNull(),
    /** Which organisation, or the label of the API token; never a resident's name. */
    sourceDetail: text('source_detail'),
    recordedByUserId: uuid('recorded_by_user_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: signalStates }).notNull().default('new'),
    themeId: uuid('theme_id').references(() => signalThemes.id, { onDelete: 'set null' }),
    policyField: text('policy_field', { enum: policyFields }),
    duplicateOfId: uuid('duplicate_of_id').references((): AnyPgColumn => signals.id, { onDelete: 'set null' }),
    outcome: text('outcome', { enum: signalOutcomes }),
    outcomeNote: text('outcome_note').notNull().default(''),
    adviceId: uuid('advice_id').references(() => advices.id, { onDelete: 'set null' }),
    hasContact: boolean('has_contact').notNull().default(false),
    consentAt: timestamp('consent_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    /** Erased on the resident's request (then anonymisedAt is set too). */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('signals_council_reference_unique').on(t.councilId, t.reference),
    index('signals_council_status_idx').on(t.councilId, t.status, t.createdAt),
    // The theme view counts per theme and month: this index keeps it fast at 100,000 signals.
    index('signals_council_theme_created_idx').on(t.councilId, t.themeId, t.createdAt),
    index('signals_advice_idx').on(t.adviceId),
    // Similar signals: Dutch full-text (signals.service.ts uses the same expression).
    index('signals_search_idx').using('gin', sql`to_tsvector('dutch', ${t.description})`),
  ],
);

/** Reference counter per council and year: an atomic upsert hands out the next number. */
export const signalCounters = pgTable(
  'signal_counters',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.year] })],
);

/** Contact details, apart from the signal and sealed (AES-256-GCM, purpose 'signal-contact'). */
export const signalContacts = pgTable('signal_contacts', {
  signalId: uuid('signal_id').primaryKey().references(() => signals.id, { onDelete: 'cascade' }),
  councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
  nameSealed: text('name_sealed'),
  emailSealed: text('email_sealed'),
  phoneSealed: text('phone_sealed'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  /** Sealed values are removed; the row stays as the record that they were. */
  erasedAt: timestamp('erased_at', { withTimezone: true }),
});

export const signalAccessKinds = ['view_contact', 'export', 'erase'] as const;
export type SignalAccessKind = (typeof signalAccessKinds)[number];

/** Who saw or handled a resident's personal data; the chair reads it. */
export const signalAccessLog = pgTable(
  'signal_access_log',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id').references(() => signals.id, { onDelete: 'set null' }),
    /** Kept as text so the log survives if the signal row ever goes. */
    reference: text('reference').notNull(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: signalAccessKinds }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signal_access_log_council_idx').on(t.councilId, t.at)],
);

/** Status history of a signal, for the detail page and the access-request export. */
export const signalEvents = pgTable(
  'signal_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id').notNull().references(() => signals.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Ids and field names only, never personal data. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signal_events_signal_idx').on(t.signalId, t.at)],
);

/** Messages sent to the resident about their signal (the text lives in the outbox). */
export const signalMessages = pgTable(
  'signal_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id').notNull().references(() => signals.id, { onDelete: 'cascade' }),
    status: text('status', { enum: messageStatuses }).notNull(),
    subject: text('subject').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('signal_messages_signal_idx').on(t.signalId)],
);

/** Per council: threshold for "a larger group may be affected" and retention periods. */
export const signalSettings = pgTable('signal_settings', {
  councilId: uuid('council_id').primaryKey().references(() => councils.id, { onDelete: 'cascade' }),
  thresholdCount: integer('threshold_count').notNull().default(5),
  thresholdSources: integer('threshold_sources').notNull().default(3),
  thresholdMonths: integer('threshold_months').notNull().default(3),
  contactRetentionMonths: integer('contact_retention_months').notNull().default(3),
  textRetentionMonths: integer('text_retention_months').notNull().default(24),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The council's own wording per status; the built-in text applies when there is no row. */
export const signalMessageTemplates = pgTable(
  'signal_message_templates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    status: text('status', { enum: messageStatuses }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('signal_message_templates_unique').on(t.councilId, t.status)],
);

export type Signal = typeof signals.$inferSelect;
export type SignalTheme = typeof signalThemes.$inferSelect;
export type SignalSettings = typeof signalSettings.$inferSelect;
