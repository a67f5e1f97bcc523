import { pgTable, uuid, text, integer, boolean, timestamp, date, index, uniqueIndex, primaryKey } from 'drizzle-orm/pg-core';
import { councils } from '../../core/organisations.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { advices } from '../advice/advice.schema.ts';
import { meetingStatuses, minutesStatuses } from './meetings.workflow.ts';

export const meetingModes = ['in_person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof meetingModes)[number];
export const guestKinds = ['official', 'expert', 'organisation'] as const;
export const attendanceAnswers = ['yes', 'no', 'maybe'] as const;
export const reminderKinds = ['before', 'overdue'] as const;

/**
 * The council's meeting rhythm as a rule: the nth weekday of every month (nth -1 = the last),
 * with local times in Europe/Amsterdam. One rhythm per council.
 */
export const meetingRhythms = pgTable(
  'meeting_rhythms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    /** 1..4, or -1 for the last one of the month. */
    nth: integer('nth').notNull(),
    /** ISO weekday: 1 = Monday .. 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    /** Local wall-clock times 'HH:MM' in Europe/Amsterdam. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    location: text('location').notNull().default(''),
    mode: text('mode', { enum: meetingModes }).notNull().default('in_person'),
    onlineUrl: text('online_url').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('meeting_rhythms_council_unique').on(t.councilId)],
);

export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    rhythmId: uuid('rhythm_id').references(() => meetingRhythms.id, { onDelete: 'set null' }),
    /** The rule date this meeting was generated for; keeps generation idempotent after a move. */
    generatedFor: date('generated_for'),
    /** Stable iCalendar UID (RFC 5545), never changes. */
    uid: text('uid').notNull(),
    /** Raised on every change attendees should hear about (time, place, mode, cancellation). */
    sequence: integer('sequence').notNull().default(0),
    title: text('title').notNull(),
    /** UTC instants, computed from the local date and time in Europe/Amsterdam. */
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull().default(''),
    mode: text('mode', { enum: meetingModes }).notNull().default('in_person'),
    onlineUrl: text('online_url').notNull().default(''),
    status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
    /** Null until the secretary sends the invitation; later changes then go out as mail. */
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_uid_unique').on(t.uid),
    uniqueIndex('meetings_rhythm_date_unique').on(t.councilId, t.generatedFor),
    index('meetings_council_starts_idx').on(t.councilId, t.startsAt),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    explanation: text('explanation').notNull().default(''),
    /** Optional local start time 'HH:MM'. */
    startTime: text('start_time'),
    presenter: text('presenter').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** Documents on an agenda item. No foreign key: the documents module may store them elsewhere. */
export const agendaItemDocuments = pgTable(
  'agenda_item_documents',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.documentId] })],
);

export const agendaItemAdvices = pgTable(
  'agenda_item_advices',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    adviceId: uuid('advice_id').notNull().references(() => advices.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.adviceId] })],
);

export const agendaItemSignals = pgTable(
  'agenda_item_signals',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    signalId: uuid('signal_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.agendaItemId, t.signalId] })],
);

/** Officials, experts and representatives invited for one agenda item. */
export const agendaGuests = pgTable(
  'agenda_guests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').notNull().references(() => agendaItems.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    kind: text('kind', { enum: guestKinds }).notNull(),
    organisation: text('organisation').notNull().default(''),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agenda_guests_item_idx').on(t.agendaItemId)],
);

export const meetingAttendance = pgTable(
  'meeting_attendance',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    answer: text('answer', { enum: attendanceAnswers }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.membershipId] })],
);

/** A member's private notes on a meeting: only the author ever sees them. */
export const meetingNotes = pgTable(
  'meeting_notes',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    membershipId: uuid('membership_id').notNull().references(() => memberships.id, { onDelete: 'cascade' }),
    body: text('body').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.membershipId] })],
);

export const minutes = pgTable(
  'minutes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    meetingId: uuid('meeting_id').notNull().references(() => meetings.id, { onDelete: 'cascade' }),
    status: text('status', { enum: minutesStatuses }).notNull().default('draft'),
    /** Text of the public part; the only text that is ever published. */
    publicText: text('public_text').notNull().default(''),
    /** Text of the closed part; members only, never published. */
    closedText: text('closed_text').notNull().default(''),
    approvedInMeetingId: uuid('approved_in_meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('minutes_meeting_unique').on(t.meetingId)],
);

export const minuteDecisions = pgTable(
  'minute_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    minutesId: uuid('minutes_id').notNull().references(() => minutes.id, { onDelete: 'cascade' }),
    agendaItemId: uuid('agenda_item_id').references(() => agendaItems.id, { onDelete: 'set null' }),
    text: text('text').notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('minute_decisions_minutes_idx').on(t.minutesId)],
);

export const actionPoints = pgTable(
  'action_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    minutesId: uuid('minutes_id').notNull().references(() => minutes.id, { onDelete: 'cascade' }),
    text: text('text').notNull(),
    ownerMembershipId: uuid('owner_membership_id').references(() => memberships.id, { onDelete: 'set null' }),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('action_points_owner_idx').on(t.councilId, t.ownerMembershipId)],
);

/** Each reminder about an action point is recorded, so the job sends it only once. */
export const actionPointReminders = pgTable(
  'action_point_reminders',
  {
    councilId: uuid('council_id').notNull().references(() => councils.id, { onDelete: 'cascade' }),
    actionPointId: uuid('action_point_id').notNull().references(() => actionPoints.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: reminderKinds }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionPointId, t.kind] })],
);

export type MeetingRhythm = typeof meetingRhythms.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type AgendaGuest = typeof agendaGuests.$inferSelect;
export type Minutes = typeof minutes.$inferSelect;
export type ActionPoint = typeof actionPoints.$inferSelect;
