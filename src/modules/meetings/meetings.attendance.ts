/** What members do for themselves: say whether they come, and keep a private note. */
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetingAttendance, meetingNotes } from './meetings.schema.ts';
import { findMeeting } from './meetings.lifecycle.ts';
import { DomainError, notFound } from '../../core/errors.ts';

function ownMembership(actor: Actor | null, action: 'meetings.attend'): asserts actor is Actor & { membershipId: string } {
  assertCan(actor, action);
  // Attendance and notes belong to a membership; a platform admin without one has none.
  if (!actor.membershipId) throw new ForbiddenError(action);
}

export async function setAttendance(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; answer: 'yes' | 'no' | 'maybe' }) {
  const { actor, council } = args;
  ownMembership(actor, 'meetings.attend');
  await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId)) ?? notFound('meeting');
    if (m.status !== 'planned') throw new DomainError('notPlanned', 'meetings.error.state');
    await tx
      .insert(meetingAttendance)
      .values({ councilId: council.id, meetingId: m.id, membershipId: actor.membershipId, answer: args.answer })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.membershipId], set: { answer: args.answer, updatedAt: new Date() } });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'meeting.attendanceGiven',
      entity: 'meeting',
      entityId: m.id,
      data: { answer: args.answer },
    });
  });
}

/** Saves the actor's private note; an empty note is removed. The audit entry never holds the text: only the author may read it. */
export async function saveNote(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; body: string }) {
  const { actor, council } = args;
  ownMembership(actor, 'meetings.attend');
  await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId)) ?? notFound('meeting');
    const key = and(eq(meetingNotes.meetingId, m.id), eq(meetingNotes.membershipId, actor.membershipId));
    if (args.body === '') await tx.delete(meetingNotes).where(key);
    else
      await tx
        .insert(meetingNotes)
        .values({ councilId: council.id, meetingId: m.id, membershipId: actor.membershipId, body: args.body })
        .onConflictDoUpdate({ target: [meetingNotes.meetingId, meetingNotes.membershipId], set: { body: args.body, updatedAt: new Date() } });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: args.body === '' ? 'meeting.noteRemoved' : 'meeting.noteSaved',
      entity: 'meeting',
      entityId: m.id,
    });
  });
}
