/** What members do for themselves: say whether they come, and keep a private note. */
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit, type AuditAction } from '../../core/audit/audit.ts';
import type { Tx } from '../../core/db/index.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetingAttendance, meetingNotes, type Meeting } from './meetings.schema.ts';
import { findMeeting } from './meetings.lifecycle.ts';
import { DomainError, notFound } from '../../core/errors.ts';

function ownMembership(actor: Actor | null, action: 'meetings.attend'): asserts actor is Actor & { membershipId: string } {
  assertCan(actor, action);
  // Attendance and notes belong to a membership; a platform admin without one has none.
  if (!actor.membershipId) throw new ForbiddenError(action);
}

/** A change to the actor's own row of a meeting of this council (attendance, note), with its audit entry; `change` names the entry. */
async function ownChange(
  deps: Deps,
  args: { actor: Actor | null; council: Council; meetingId: string },
  change: (tx: Tx, m: Meeting, membershipId: string) => Promise<{ action: AuditAction; data?: Record<string, unknown> }>,
): Promise<void> {
  const { actor, council } = args;
  ownMembership(actor, 'meetings.attend');
  await deps.db.transaction(async (tx) => {
    const m = (await findMeeting(tx, council, args.meetingId)) ?? notFound('meeting');
    const { action, data } = await change(tx, m, actor.membershipId);
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action, entity: 'meeting', entityId: m.id, data });
  });
}

export async function setAttendance(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; answer: 'yes' | 'no' | 'maybe' }) {
  const { answer } = args;
  await ownChange(deps, args, async (tx, m, membershipId) => {
    if (m.status !== 'planned') throw new DomainError('notPlanned', 'meetings.error.state');
    await tx
      .insert(meetingAttendance)
      .values({ councilId: m.councilId, meetingId: m.id, membershipId, answer })
      .onConflictDoUpdate({ target: [meetingAttendance.meetingId, meetingAttendance.membershipId], set: { answer, updatedAt: new Date() } });
    return { action: 'meeting.attendanceGiven', data: { answer } };
  });
}

/** Saves the actor's private note; an empty note is removed. The audit entry never holds the text: only the author may read it. */
export async function saveNote(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; body: string }) {
  const { body } = args;
  await ownChange(deps, args, async (tx, m, membershipId) => {
    if (body === '') {
      await tx.delete(meetingNotes).where(and(eq(meetingNotes.meetingId, m.id), eq(meetingNotes.membershipId, membershipId)));
      return { action: 'meeting.noteRemoved' };
    }
    await tx
      .insert(meetingNotes)
      .values({ councilId: m.councilId, meetingId: m.id, membershipId, body })
      .onConflictDoUpdate({ target: [meetingNotes.meetingId, meetingNotes.membershipId], set: { body, updatedAt: new Date() } });
    return { action: 'meeting.noteSaved' };
  });
}
