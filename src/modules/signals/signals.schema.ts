import { sql } from 'drizzle-orm';
import { pgTable, type AnyPgColumn, uuid, text, integer, boolean, jsonb, index, uniqueIndex, primaryKey, date } from 'drizzle-orm/pg-core';
import { accessLogTable, at, cascadeRef, councilRef, councilTable, namesTable, sealedDetailsTable, setNullRef, settingsTable, timestamps, timestamptz, updatedAt } from '../../core/db/columns.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { advices, policyFields } from '../advice/advice.schema.ts';
import { signalStates, messageStatuses } from './signals.workflow.ts';

export const signalAreas = ['wmo_home_support', 'household_help', 'aids_adaptations', 'transport', 'informal_care', 'youth_care', 'work_income', 'debts', 'other'] as const;
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

export const signalThemes = namesTable('signal_themes');

export const signals = councilTable(
  'signals',
  {
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
    recordedByUserId: setNullRef('recorded_by_user_id', () => users.id),
    status: text('status', { enum: signalStates }).notNull().default('new'),
    themeId: setNullRef('theme_id', () => signalThemes.id),
    policyField: text('policy_field', { enum: policyFields }),
    duplicateOfId: setNullRef('duplicate_of_id', (): AnyPgColumn => signals.id),
    outcome: text('outcome', { enum: signalOutcomes }),
    outcomeNote: text('outcome_note').notNull().default(''),
    adviceId: setNullRef('advice_id', () => advices.id),
    hasContact: boolean('has_contact').notNull().default(false),
    consentAt: timestamptz('consent_at'),
    ...timestamps(),
    closedAt: timestamptz('closed_at'),
    anonymisedAt: timestamptz('anonymised_at'),
    /** Erased on the resident's request (then anonymisedAt is set too). */
    erasedAt: timestamptz('erased_at'),
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
    councilId: councilRef(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.year] })],
);

/** Contact details, apart from the signal and sealed (AES-256-GCM, purpose 'signal-contact'). */
export const signalContacts = sealedDetailsTable('signal_contacts', 'signalId', () => signals.id, 'name', 'email', 'phone');

export const signalAccessKinds = ['view_contact', 'export', 'erase'] as const;
export type SignalAccessKind = (typeof signalAccessKinds)[number];

/** Who saw or handled a resident's personal data; the chair reads it. */
export const signalAccessLog = accessLogTable(
  'signal_access_log',
  {
    signalId: setNullRef('signal_id', () => signals.id),
    /** Kept as text so the log survives if the signal row ever goes. */
    reference: text('reference').notNull(),
  },
  signalAccessKinds,
);

/** Status history of a signal, for the detail page and the access-request export. */
export const signalEvents = councilTable(
  'signal_events',
  {
    signalId: cascadeRef('signal_id', () => signals.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    actorUserId: setNullRef('actor_user_id', () => users.id),
    /** Ids and field names only, never personal data. */
    data: jsonb('data').$type<Record<string, unknown>>(),
    at: at(),
  },
  (t) => [index('signal_events_signal_idx').on(t.signalId, t.at)],
);

/** Messages sent to the resident about their signal (the text lives in the outbox). */
export const signalMessages = councilTable(
  'signal_messages',
  {
    signalId: cascadeRef('signal_id', () => signals.id),
    status: text('status', { enum: messageStatuses }).notNull(),
    subject: text('subject').notNull(),
    at: at(),
  },
  (t) => [index('signal_messages_signal_idx').on(t.signalId)],
);

/** Per council: threshold for "a larger group may be affected" and retention periods. */
export const signalSettings = settingsTable('signal_settings', {
  thresholdCount: integer('threshold_count').notNull().default(5),
  thresholdSources: integer('threshold_sources').notNull().default(3),
  thresholdMonths: integer('threshold_months').notNull().default(3),
  contactRetentionMonths: integer('contact_retention_months').notNull().default(3),
  textRetentionMonths: integer('text_retention_months').notNull().default(24),
});

/** The council's own wording per status; the built-in text applies when there is no row. */
export const signalMessageTemplates = councilTable(
  'signal_message_templates',
  {
    status: text('status', { enum: messageStatuses }).notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('signal_message_templates_unique').on(t.councilId, t.status)],
);

/**
 * The themes view's counts: signals per theme, source and day (in Amsterdam), without duplicates
 * and signals without a theme. Kept by statement triggers on `signals` (migration
 * h7-theme-counts), so it stays right whatever writes signals (the app, retention, a script), and
 * the view reads a few thousand rows instead of every signal. No foreign keys: the triggers alone
 * keep it, also while a council or theme is being removed.
 */
export const signalThemeDays = pgTable(
  'signal_theme_days',
  {
    councilId: uuid('council_id').notNull(),
    themeId: uuid('theme_id').notNull(),
    source: text('source', { enum: signalSources }).notNull(),
    day: date('day').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.themeId, t.day, t.source] })],
);

/**
 * The same counts per month (the first day of the month in Amsterdam), kept by the same triggers
 * (migration 14-theme-months): the view's twelve months and the threshold window's whole months
 * read themes x sources x months rows, however many days or signals lie behind them.
 */
export const signalThemeMonths = pgTable(
  'signal_theme_months',
  {
    councilId: uuid('council_id').notNull(),
    themeId: uuid('theme_id').notNull(),
    source: text('source', { enum: signalSources }).notNull(),
    month: date('month').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.councilId, t.themeId, t.month, t.source] })],
);

export type Signal = typeof signals.$inferSelect;
export type SignalTheme = typeof signalThemes.$inferSelect;
export type SignalSettings = typeof signalSettings.$inferSelect;
