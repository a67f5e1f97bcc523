/**
 * The life of one meeting: planning it, moving, cancelling, inviting, marking it held. Every change
 * of state is a step of meetings.workflow.ts run by core's `runStateChange` (policy, lock, table,
 * ONE transaction with its audit entry, mail after the commit). The council comes from the request. The other meetings files build on the helpers here.
 */
import { DomainError } from '../../core/errors.ts';
import { runStateChange, type Applied } from '../../core/state-change.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { saveRow } from '../../core/db/queries.ts';
import { findInCouncil } from '../../core/db/find.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { localToUtc } from '../../core/dates/amsterdam.ts';
import { meetings, type Meeting } from './meetings.schema.ts';
import { mayRestoreMeeting, meetingAuditActions, meetingTransition, meetingTransitions, type MeetingAction, type MeetingStatus } from './meetings.workflow.ts';
import { queueMeetingMails } from './meetings.calendar.ts';
import type { MeetingInput } from './meetings.forms.ts';

/**
 * Invitations and change mails with the iCalendar attachment (meetings.calendar.ts), to members
 * and guests. Called inside the transaction of the change, after it, so SEQUENCE is already raised
 * and the mail goes out only if the change is committed.
 */
async function notifyAttendees(tx: Tx, deps: Deps, meetingId: string, method: 'REQUEST' | 'CANCEL', kind: 'invitation' | 'update' = 'invitation'): Promise<void> {
  await queueMeetingMails(tx, deps, meetingId, method, { kind });
}

export function findMeeting(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Meeting | null> {
  return findInCouncil(db, meetings, council.id, id, opts);
}

function checkTimes(input: MeetingInput) {
  const startsAt = localToUtc(input.date, input.startTime);
  const endsAt = localToUtc(input.date, input.endTime);
  if (endsAt.getTime() <= startsAt.getTime()) throw new DomainError('endBeforeStart', 'meetings.error.endBeforeStart', 'endTime');
  return { startsAt, endsAt };
}

export async function addMeeting(deps: Deps, args: { actor: Actor | null; council: Council; input: MeetingInput }): Promise<Meeting> {
  const { actor, council, input } = args;
  assertCan(actor, 'meetings.manage');
  const { startsAt, endsAt } = checkTimes(input);
  return deps.db.transaction(async (tx) => {
    const id = crypto.randomUUID();
    const [m] = await tx
      .insert(meetings)
      .values({
        id,
        councilId: council.id,
        uid: `${id}@raadwerk`,
        title: input.title,
        startsAt,
        endsAt,
        location: input.location,
        mode: input.mode,
        onlineUrl: input.onlineUrl,
      })
      .returning();
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'meeting.added', entity: 'meeting', entityId: id, to: 'planned' });
    return m!;
  });
}

type MeetingSet = Partial<typeof meetings.$inferInsert>;

/** One step of meetings.workflow.ts on a locked meeting (core/state-change.ts); `after` sees the saved meeting. */
export async function runMeetingAction<T>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; meetingId: string; action: MeetingAction },
  change: (tx: Tx, m: Meeting) => Promise<Applied<Meeting, MeetingStatus, MeetingSet, T>>,
): Promise<{ meeting: Meeting; result?: T }> {
  const { council, action } = args;
  const { row, result } = await runStateChange(deps, {
    actor: args.actor,
    may: meetingTransitions[action].may,
    entity: 'meeting',
    load: (tx) => findMeeting(tx, council, args.meetingId, { lock: true }),
    state: (m) => m.status,
    check: (state) => meetingTransition(state, action),
    refused: () => 'meetings.error.state',
    apply: (tx, m) => change(tx, m),
    // Nothing to write when the step changes neither the state nor a column (the audit entry stays).
    save: async (tx, m, to, { set }) => (set || to !== m.status ? saveRow(tx, meetings, m, { ...set, status: to }) : m),
    audit: { councilId: council.id, action: meetingAuditActions[action], entityId: (m) => m.id },
  });
  return { meeting: row, result };
}

/**
 * Moves or edits a planned meeting. A change attendees should hear about (time, place, mode, link)
 * raises the iCalendar SEQUENCE; once invited, they get the new version by mail.
 */
export async function changeMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: MeetingInput }): Promise<Meeting> {
  const { input } = args;
  const { startsAt, endsAt } = checkTimes(input);
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'move' }, async (_tx, m) => {
    const changed: string[] = (['title', 'location', 'mode', 'onlineUrl'] as const).filter((k) => m[k] !== input[k]);
    if (m.startsAt.getTime() !== startsAt.getTime()) changed.push('startsAt');
    if (m.endsAt.getTime() !== endsAt.getTime()) changed.push('endsAt');
    if (changed.length === 0) return {};
    return {
      set: { title: input.title, startsAt, endsAt, location: input.location, mode: input.mode, onlineUrl: input.onlineUrl, sequence: m.sequence + 1 },
      data: { changed },
      after: async (tx, updated) => {
        if (updated.invitedAt) await notifyAttendees(tx, deps, updated.id, 'REQUEST', 'update');
      },
    };
  });
  return meeting;
}

export async function cancelMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'cancel' }, async (_tx, m) => ({
    set: { sequence: m.sequence + 1, cancelledAt: new Date() },
    after: async (tx, updated) => {
      if (updated.invitedAt) await notifyAttendees(tx, deps, updated.id, 'CANCEL');
    },
  }));
  return meeting;
}

/** Undoes a cancellation (within RESTORE_DAYS, before the meeting); those who got the cancellation get the invitation again. */
export async function restoreMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; now?: Date }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'restore' }, async (_tx, m) => {
    if (!mayRestoreMeeting(m, args.now ?? new Date())) throw new DomainError('restoreExpired', 'meetings.restore.expired');
    return {
      set: { sequence: m.sequence + 1, cancelledAt: null },
      after: async (tx, updated) => {
        if (updated.invitedAt) await notifyAttendees(tx, deps, updated.id, 'REQUEST', 'update');
      },
    };
  });
  return meeting;
}

/** Sends the invitation (with the agenda so far); sending again sends it again, same UID and SEQUENCE. */
export async function inviteMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'invite' }, async () => ({
    set: { invitedAt: new Date() },
    after: async (tx, updated) => notifyAttendees(tx, deps, updated.id, 'REQUEST'),
  }));
  return meeting;
}

export async function markHeld(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; now?: Date }): Promise<Meeting> {
  const { meeting } = await runMeetingAction(deps, { ...args, action: 'markHeld' }, async (_tx, m) => {
    if (m.startsAt.getTime() > (args.now ?? new Date()).getTime()) throw new DomainError('notYetHeld', 'meetings.error.notYetHeld');
    return {};
  });
  return meeting;
}
