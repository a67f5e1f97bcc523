/**
 * Reading meetings: the workspace list and detail page (with what the actor may do), and the
 * public list and page (without closed items or online links).
 */
import { and, asc, eq, gt, gte, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../core/db/index.ts';
import { batchedReads, type Read } from '../../core/read-together.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { utcToLocal } from '../../core/dates/amsterdam.ts';
import { agendaItems, meetingAttendance, meetingNotes, meetings, minuteDecisions, minutes, type AgendaItem, type Meeting } from './meetings.schema.ts';
import { availableMeetingActions, availableMinutesActions, mayRestoreMeeting } from './meetings.workflow.ts';
import { findMeeting } from './meetings.lifecycle.ts';
import { notFound } from '../../core/errors.ts';
import { isUuid } from '../../core/http/forms.ts';
import { councilRoles } from '../../core/roles.ts';
import { agendaOf, type AgendaItemView } from './meetings.agenda.ts';
import { mayMarkDone, minutesOf } from './meetings.minutes.ts';
import { dossiersOf } from './meetings.dossiers.ts';
import { ownOrJoint } from './meetings.joint.ts';

/** Every meeting of the council (workspace); coming ones first in date order, then past ones, newest first; and whether the actor may add one. */
export async function listMeetings(deps: Deps, args: { actor: Actor | null; council: Council; now?: Date }) {
  assertCan(args.actor, 'meetings.view');
  const rows = await deps.db.select().from(meetings).where(ownOrJoint(args.council.id)).orderBy(asc(meetings.startsAt));
  return { ...splitByTime(rows, args.now), may: { add: can(args.actor, 'meetings.manage') } };
}

function splitByTime(rows: Meeting[], now = new Date()) {
  return {
    coming: rows.filter((m) => m.endsAt.getTime() >= now.getTime()),
    past: rows.filter((m) => m.endsAt.getTime() < now.getTime()).reverse(),
  };
}

type MemberOption = { membershipId: string; name: string };

async function councilMembers(db: DbOrTx, council: Council, read: Read): Promise<MemberOption[]> {
  return read(
    db
      .select({ membershipId: memberships.id, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, [...councilRoles])))
      .orderBy(asc(users.name)),
  );
}

export type MeetingDetail = {
  meeting: Meeting;
  local: { date: string; start: string; end: string };
  agenda: AgendaItemView[];
  minutes: Awaited<ReturnType<typeof minutesOf>>;
  attendance: { mine: 'yes' | 'no' | 'maybe' | null; yes: number; no: number; maybe: number; list: { name: string; answer: string }[] };
  myNote: string | null;
  /** What the actor may do with this meeting now: its rights and the meeting's state together. */
  may: MeetingMay;
  /** For the board's forms. */
  members: MemberOption[];
  otherMeetings: { id: string; title: string; startsAt: Date }[];
  /** Document folders linked to this meeting (documents module). */
  dossiers: { id: string; name: string }[];
};

/** What the actor may do with a meeting; the views show a part or a button only when it says so. */
type MeetingMay = {
  /** The board's view: the attendance list, and the management part. */
  manage: boolean;
  /** Change the date, time or place. */
  edit: boolean;
  invite: boolean;
  /** Only once the meeting has begun. */
  markHeld: boolean;
  cancel: boolean;
  /** Undo a cancellation (within the period, before the meeting). */
  restore: boolean;
  /** Add, change, order and remove agenda items. */
  editAgenda: boolean;
  /** Say whether they come (while the meeting is planned). */
  attend: boolean;
  /** Keep a private note. */
  note: boolean;
  /** See the minutes part (not of a cancelled meeting; members once there are minutes). */
  seeMinutes: boolean;
  /** Write the minutes text, decisions and action points. */
  draftMinutes: boolean;
  approveMinutes: boolean;
  publishMinutes: boolean;
  /** The action points this actor may mark as done. */
  markDone: string[];
};

function mayOf(actor: Actor, meeting: Meeting, mins: Awaited<ReturnType<typeof minutesOf>>, now: Date): MeetingMay {
  const actions = availableMeetingActions(meeting.status, actor);
  const minutesActions = availableMinutesActions(mins?.minutes.status ?? 'draft', actor);
  const manage = can(actor, 'meetings.manage');
  const member = can(actor, 'meetings.attend') && Boolean(actor.membershipId);
  const live = meeting.status !== 'cancelled';
  return {
    manage,
    edit: actions.includes('move'),
    invite: actions.includes('invite'),
    markHeld: actions.includes('markHeld') && meeting.startsAt.getTime() <= now.getTime(),
    cancel: actions.includes('cancel'),
    restore: actions.includes('restore') && mayRestoreMeeting(meeting, now),
    editAgenda: actions.includes('editAgenda'),
    attend: member && meeting.status === 'planned',
    note: member,
    seeMinutes: live && (Boolean(mins) || manage),
    draftMinutes: live && minutesActions.includes('draft'),
    approveMinutes: Boolean(mins) && minutesActions.includes('approve'),
    publishMinutes: minutesActions.includes('publish'),
    markDone: (mins?.actionPoints ?? []).filter((p) => !p.doneAt && mayMarkDone(actor, p)).map((p) => p.id),
  };
}

export function localTimes(m: Pick<Meeting, 'startsAt' | 'endsAt'>) {
  const s = utcToLocal(m.startsAt);
  return { date: s.date, start: s.time, end: utcToLocal(m.endsAt).time };
}

export async function getMeeting(deps: Deps, args: { actor: Actor | null; council: Council; id: string; now?: Date }): Promise<MeetingDetail> {
  const { actor, council } = args;
  assertCan(actor, 'meetings.view');
  if (!isUuid(args.id)) notFound('meeting');
  // As the database writes it (the id goes into the reads below instead of the meeting's own).
  const id = args.id.toLowerCase();
  const db = deps.db;
  // The meeting and everything its page shows in one statement (core/read-together.ts, issue 14):
  // the reads go by the id asked for; when that is no meeting of this council, 404 and they are dropped.
  // Planned once for any meeting: each part reads the meeting's few rows by key (read-together.ts).
  const read = batchedReads(db, { generic: true });
  const manage = can(actor, 'meetings.manage');
  const thisMeeting = alias(meetings, 'this_meeting');
  const [[found], agenda, mins, answers, note, members, others, dossiers] = await Promise.all([
    read(
      db
        .select()
        .from(meetings)
        .where(and(eq(meetings.id, id), eq(meetings.councilId, council.id)))
        .limit(1),
    ),
    agendaOf(deps, council, id, actor, read),
    minutesOf(db, council, id, read),
    read(
      db
        .select({ membershipId: meetingAttendance.membershipId, answer: meetingAttendance.answer, name: users.name })
        .from(meetingAttendance)
        .innerJoin(memberships, eq(memberships.id, meetingAttendance.membershipId))
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(meetingAttendance.councilId, council.id), eq(meetingAttendance.meetingId, id)))
        .orderBy(asc(users.name)),
    ),
    // Private notes: only ever the actor's own.
    actor.membershipId
      ? read(
          db
            .select({ body: meetingNotes.body })
            .from(meetingNotes)
            .where(and(eq(meetingNotes.meetingId, id), eq(meetingNotes.membershipId, actor.membershipId)))
            .limit(1),
        )
      : Promise.resolve([]),
    manage ? councilMembers(db, council, read) : Promise.resolve([]),
    manage
      ? read(
          db
            .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
            .from(meetings)
            .where(
              and(
                eq(meetings.councilId, council.id),
                ne(meetings.id, id),
                gt(meetings.startsAt, db.select({ startsAt: thisMeeting.startsAt }).from(thisMeeting).where(eq(thisMeeting.id, id))),
                ne(meetings.status, 'cancelled'),
              ),
            )
            .orderBy(asc(meetings.startsAt))
            .limit(12),
        )
      : Promise.resolve([]),
    dossiersOf(deps, { council, actor, meetingId: id }, read),
  ]);
  const meeting = found ?? notFound('meeting');
  const count = (a: string) => answers.filter((x) => x.answer === a).length;
  return {
    meeting,
    local: localTimes(meeting),
    agenda,
    minutes: mins,
    attendance: {
      mine: answers.find((a) => a.membershipId === actor.membershipId)?.answer ?? null,
      yes: count('yes'),
      no: count('no'),
      maybe: count('maybe'),
      list: answers.map((a) => ({ name: a.name, answer: a.answer })),
    },
    myNote: note[0]?.body ?? null,
    may: mayOf(actor, meeting, mins, args.now ?? new Date()),
    members,
    otherMeetings: others,
    dossiers,
  };
}

// ------------------------------------------------------------------ the public site

/** Public list: every meeting (cancelled ones marked), without online links. */
export async function listPublicMeetings(db: DbOrTx, council: Council, now = new Date()) {
  return splitByTime(await db.select().from(meetings).where(eq(meetings.councilId, council.id)).orderBy(asc(meetings.startsAt)), now);
}

/** The next planned meeting that has not ended yet, for the home page. */
export async function nextPublicMeeting(db: DbOrTx, council: Council, now = new Date()): Promise<Meeting | null> {
  const [m] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.councilId, council.id), eq(meetings.status, 'planned'), gte(meetings.endsAt, now)))
    .orderBy(asc(meetings.startsAt))
    .limit(1);
  return m ?? null;
}

/** A closed item shows only that there is a closed part: never its title, explanation, presenter or guests. */
type PublicAgendaEntry = { kind: 'public'; item: AgendaItem } | { kind: 'closed' };

export async function getPublicMeeting(db: DbOrTx, council: Council, id: string) {
  const meeting = (await findMeeting(db, council, id)) ?? notFound('meeting');
  const items = await db
    .select()
    .from(agendaItems)
    .where(and(eq(agendaItems.councilId, council.id), eq(agendaItems.meetingId, meeting.id)))
    .orderBy(asc(agendaItems.position));
  const agenda: PublicAgendaEntry[] = [];
  for (const item of items) {
    if (item.isPublic) agenda.push({ kind: 'public', item });
    // Consecutive closed items collapse into one line, so not even their number leaks.
    else if (agenda.at(-1)?.kind !== 'closed') agenda.push({ kind: 'closed' });
  }
  const [m] = await db
    .select()
    .from(minutes)
    .where(and(eq(minutes.councilId, council.id), eq(minutes.meetingId, meeting.id), eq(minutes.status, 'published')))
    .limit(1);
  const decisions = m
    ? await db
        .select({ text: minuteDecisions.text })
        .from(minuteDecisions)
        .where(and(eq(minuteDecisions.minutesId, m.id), eq(minuteDecisions.isPublic, true)))
        .orderBy(asc(minuteDecisions.createdAt))
    : [];
  return {
    meeting,
    local: localTimes(meeting),
    agenda,
    minutes: m ? { publicText: m.publicText, publishedAt: m.publishedAt, decisions: decisions.map((d) => d.text) } : null,
  };
}
