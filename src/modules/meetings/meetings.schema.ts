import { uuid, text, integer, boolean, date, index, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz, createdAt, updatedAt, cascadeRef, setNullRef, councilTable, linkTable, timestamps, calendarEvent } from '../../core/db/columns.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { advices } from '../advice/advice.schema.ts';
import { meetingStatuses, minutesStatuses } from './meetings.workflow.ts';

export const meetingModes = ['in_person', 'online', 'hybrid'] as const;
export type MeetingMode = (typeof meetingModes)[number];
export const guestKinds = ['official', 'expert', 'organisation'] as const;
export const attendanceAnswers = ['yes', 'no', 'maybe'] as const;
export const reminderKinds = ['before', 'overdue'] as const;

/** Where and how a meeting is held: a place, online (the link) or both. */
const venue = () => ({
  location: text('location').notNull().default(''),
  mode: text('mode', { enum: meetingModes }).notNull().default('in_person'),
  onlineUrl: text('online_url').notNull().default(''),
});

/**
 * The council's meeting rhythm as a rule: the nth weekday of every month (nth -1 = the last),
 * with local times in Europe/Amsterdam. One rhythm per council.
 */
export const meetingRhythms = councilTable(
  'meeting_rhythms',
  {
    title: text('title').notNull(),
    /** 1..4, or -1 for the last one of the month. */
    nth: integer('nth').notNull(),
    /** ISO weekday: 1 = Monday .. 7 = Sunday. */
    weekday: integer('weekday').notNull(),
    /** Local wall-clock times 'HH:MM' in Europe/Amsterdam. */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    ...venue(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('meeting_rhythms_council_unique').on(t.councilId)],
);

export const meetings = councilTable(
  'meetings',
  {
    rhythmId: setNullRef('rhythm_id', () => meetingRhythms.id),
    /** The rule date this meeting was generated for; keeps generation idempotent after a move. */
    generatedFor: date('generated_for'),
    ...calendarEvent(),
    title: text('title').notNull(),
    /** UTC instants, computed from the local date and time in Europe/Amsterdam. */
    startsAt: timestamptz('starts_at').notNull(),
    endsAt: timestamptz('ends_at').notNull(),
    ...venue(),
    status: text('status', { enum: meetingStatuses }).notNull().default('planned'),
    /** Null until the secretary sends the invitation; later changes then go out as mail. */
    invitedAt: timestamptz('invited_at'),
    /** When it was cancelled: the board may undo that for RESTORE_DAYS (meetings.workflow.ts). */
    cancelledAt: timestamptz('cancelled_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('meetings_uid_unique').on(t.uid), uniqueIndex('meetings_rhythm_date_unique').on(t.councilId, t.generatedFor), index('meetings_council_starts_idx').on(t.councilId, t.startsAt)],
);

export const agendaItems = councilTable(
  'agenda_items',
  {
    meetingId: cascadeRef('meeting_id', () => meetings.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    explanation: text('explanation').notNull().default(''),
    /** Optional local start time 'HH:MM'. */
    startTime: text('start_time'),
    presenter: text('presenter').notNull().default(''),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('agenda_items_meeting_idx').on(t.meetingId, t.position)],
);

/** The agenda item a link row belongs to. */
const ofAgendaItem = () => ({ agendaItemId: cascadeRef('agenda_item_id', () => agendaItems.id) });

/** Documents on an agenda item. No foreign key: the documents module may store them elsewhere. */
export const agendaItemDocuments = linkTable('agenda_item_documents', ofAgendaItem(), { documentId: uuid('document_id').notNull() });
export const agendaItemAdvices = linkTable('agenda_item_advices', ofAgendaItem(), { adviceId: cascadeRef('advice_id', () => advices.id) });
export const agendaItemSignals = linkTable('agenda_item_signals', ofAgendaItem(), { signalId: uuid('signal_id').notNull() });

/** Officials, experts and representatives invited for one agenda item. */
export const agendaGuests = councilTable(
  'agenda_guests',
  {
    agendaItemId: cascadeRef('agenda_item_id', () => agendaItems.id),
    name: text('name').notNull(),
    email: text('email').notNull(),
    kind: text('kind', { enum: guestKinds }).notNull(),
    organisation: text('organisation').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [index('agenda_guests_item_idx').on(t.agendaItemId)],
);

/** A member's row on a meeting: the meeting and the membership, together the primary key. */
const ofMeeting = () => ({ meetingId: cascadeRef('meeting_id', () => meetings.id) });
const ofMember = () => ({ membershipId: cascadeRef('membership_id', () => memberships.id) });

export const meetingAttendance = linkTable('meeting_attendance', ofMeeting(), ofMember(), {
  answer: text('answer', { enum: attendanceAnswers }).notNull(),
  updatedAt: updatedAt(),
});

/** A member's private notes on a meeting: only the author ever sees them. */
export const meetingNotes = linkTable('meeting_notes', ofMeeting(), ofMember(), { body: text('body').notNull(), updatedAt: updatedAt() });

export const minutes = councilTable(
  'minutes',
  {
    meetingId: cascadeRef('meeting_id', () => meetings.id),
    status: text('status', { enum: minutesStatuses }).notNull().default('draft'),
    /** Text of the public part; the only text that is ever published. */
    publicText: text('public_text').notNull().default(''),
    /** Text of the closed part; members only, never published. */
    closedText: text('closed_text').notNull().default(''),
    approvedInMeetingId: setNullRef('approved_in_meeting_id', () => meetings.id),
    approvedAt: timestamptz('approved_at'),
    publishedAt: timestamptz('published_at'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('minutes_meeting_unique').on(t.meetingId)],
);

export const minuteDecisions = councilTable(
  'minute_decisions',
  {
    minutesId: cascadeRef('minutes_id', () => minutes.id),
    agendaItemId: setNullRef('agenda_item_id', () => agendaItems.id),
    text: text('text').notNull(),
    isPublic: boolean('is_public').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('minute_decisions_minutes_idx').on(t.minutesId)],
);

export const actionPoints = councilTable(
  'action_points',
  {
    minutesId: cascadeRef('minutes_id', () => minutes.id),
    text: text('text').notNull(),
    ownerMembershipId: setNullRef('owner_membership_id', () => memberships.id),
    dueOn: date('due_on'),
    doneAt: timestamptz('done_at'),
    doneBy: setNullRef('done_by', () => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('action_points_owner_idx').on(t.councilId, t.ownerMembershipId)],
);

/** Each reminder about an action point is recorded, so the job sends it only once. */
export const actionPointReminders = linkTable(
  'action_point_reminders',
  { actionPointId: cascadeRef('action_point_id', () => actionPoints.id) },
  { kind: text('kind', { enum: reminderKinds }).notNull() },
  { sentAt: timestamptz('sent_at').notNull().defaultNow() },
);

export type MeetingRhythm = typeof meetingRhythms.$inferSelect;
export type Meeting = typeof meetings.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
export type AgendaGuest = typeof agendaGuests.$inferSelect;
export type Minutes = typeof minutes.$inferSelect;
export type ActionPoint = typeof actionPoints.$inferSelect;
