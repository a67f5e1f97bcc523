/**
 * Minutes of a meeting: the texts, decisions and action points, approval in a later meeting and
 * publication. Every minutes action is a step of meetings.workflow.ts run by core's
 * `runStateChange`, with its audit entry.
 */
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { saveRow } from '../../core/db/queries.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, type Actor } from '../../core/policy.ts';
import { DomainError, notFound } from '../../core/errors.ts';
import { runStateChange } from '../../core/state-change.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid } from '../../core/http/forms.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { actionPoints, minuteDecisions, minutes, type Meeting, type Minutes } from './meetings.schema.ts';
import { minutesAuditActions, minutesTransition, minutesTransitions, type MinutesAction } from './meetings.workflow.ts';
import { findMeeting } from './meetings.lifecycle.ts';
import { findAgendaItem } from './meetings.agenda.ts';
import type { ActionPointInput } from './meetings.forms.ts';
import { queueNotices } from '../../core/notices/notices.ts';

export async function minutesOf(db: DbOrTx, council: Council, meetingId: string, read: Read = readAlone) {
  // The decisions and action points by the meeting's minutes (a subquery), so all three are read at once.
  const ofMeeting = db
    .select({ id: minutes.id })
    .from(minutes)
    .where(and(eq(minutes.councilId, council.id), eq(minutes.meetingId, meetingId)));
  const [[m], decisions, points] = await Promise.all([
    read(
      db
        .select()
        .from(minutes)
        .where(and(eq(minutes.councilId, council.id), eq(minutes.meetingId, meetingId)))
        .limit(1),
    ),
    read(db.select().from(minuteDecisions).where(inArray(minuteDecisions.minutesId, ofMeeting)).orderBy(asc(minuteDecisions.createdAt))),
    read(
      db
        .select({ point: actionPoints, ownerName: users.name })
        .from(actionPoints)
        .leftJoin(memberships, eq(memberships.id, actionPoints.ownerMembershipId))
        .leftJoin(users, eq(users.id, memberships.userId))
        .where(inArray(actionPoints.minutesId, ofMeeting))
        .orderBy(asc(actionPoints.createdAt)),
    ),
  ]);
  if (!m) return null;
  return { minutes: m, decisions, actionPoints: points.map((p) => ({ ...p.point, ownerName: p.ownerName })) };
}

// ------------------------------------------------------------------ minutes

/** One minutes step (the minutes are created on first use) on the locked meeting and minutes. */
async function minutesChange<T>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; meetingId: string; action: MinutesAction },
  change: (tx: Tx, mins: Minutes, meeting: Meeting) => Promise<{ set?: Partial<typeof minutes.$inferInsert>; result?: T }>,
): Promise<T | undefined> {
  const { council, action } = args;
  const { result } = await runStateChange(deps, {
    actor: args.actor,
    may: minutesTransitions[action].may,
    entity: 'minutes',
    load: async (tx) => {
      const meeting = await findMeeting(tx, council, args.meetingId, { lock: true });
      if (!meeting) return null;
      if (meeting.status === 'cancelled') throw new DomainError('cancelled', 'meetings.error.state');
      await tx.insert(minutes).values({ councilId: council.id, meetingId: meeting.id }).onConflictDoNothing();
      const [mins] = await tx.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).for('update');
      return { mins: mins!, meeting };
    },
    state: (r) => r.mins.status,
    check: (state) => minutesTransition(state, action),
    refused: () => 'meetings.error.minutesState',
    apply: (tx, r) => change(tx, r.mins, r.meeting),
    save: async (tx, r, to, { set }) => {
      await saveRow(tx, minutes, r.mins, { ...set, status: to });
      return r;
    },
    audit: { councilId: council.id, action: minutesAuditActions[action], entityId: (r) => r.mins.id },
  });
  return result;
}

export async function saveMinutesText(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; publicText: string; closedText: string }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async () => ({ set: { publicText: args.publicText, closedText: args.closedText } }));
}

export async function addDecision(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; text: string; agendaItemId: string | null; isPublic: boolean }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async (tx, mins, meeting) => {
    if (args.agendaItemId && !(await findAgendaItem(tx, args.council, meeting.id, args.agendaItemId))) throw new DomainError('unknownItem', 'meetings.error.unknownLink', 'agendaItemId');
    await tx.insert(minuteDecisions).values({ councilId: args.council.id, minutesId: mins.id, agendaItemId: args.agendaItemId, text: args.text, isPublic: args.isPublic });
    return {};
  });
}

export async function addActionPoint(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; input: ActionPointInput }) {
  await minutesChange(deps, { ...args, action: 'draft' }, async (tx, mins) => {
    const [owner] = await tx
      .select({ id: memberships.id, userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.id, args.input.ownerMembershipId), eq(memberships.councilId, args.council.id), eq(memberships.active, true)));
    if (!owner) throw new DomainError('unknownOwner', 'meetings.error.unknownOwner', 'ownerMembershipId');
    await tx.insert(actionPoints).values({ councilId: args.council.id, minutesId: mins.id, text: args.input.action, ownerMembershipId: owner.id, dueOn: args.input.dueOn });
    // The owner hears of it in their own language (issue 9: nobody was told).
    await queueNotices(tx, [
      {
        userId: owner.userId,
        councilId: args.council.id,
        kind: 'meeting.actionPointAssigned',
        text: 'meetings.notice.actionPoint',
        params: { action: args.input.action.slice(0, 200) },
        path: `/${args.council.slug}/werkruimte/vergaderingen/${args.meetingId}`,
      },
    ]);
    return {};
  });
}

/** Approval happens in a later meeting of the same council; that meeting is recorded. */
export async function approveMinutes(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; approvedInMeetingId: string }) {
  await minutesChange(deps, { ...args, action: 'approve' }, async (tx, _mins, meeting) => {
    const later = await findMeeting(tx, args.council, args.approvedInMeetingId);
    if (!later || later.status === 'cancelled' || later.startsAt.getTime() <= meeting.startsAt.getTime()) {
      throw new DomainError('approvedIn', 'meetings.error.approvedIn', 'approvedInMeetingId');
    }
    return { set: { approvedInMeetingId: later.id, approvedAt: new Date() } };
  });
}

export async function publishMinutes(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string }) {
  await minutesChange(deps, { ...args, action: 'publish' }, async () => ({ set: { publishedAt: new Date() } }));
}

/** Who may mark an action point done: its owner, and the board. */
export function mayMarkDone(actor: Actor, point: { ownerMembershipId: string | null }): boolean {
  return (point.ownerMembershipId !== null && point.ownerMembershipId === actor.membershipId) || can(actor, 'meetings.manage');
}

/** The owner marks an action point done (the board may too); done twice changes nothing. */
export async function markActionPointDone(deps: Deps, args: { actor: Actor | null; council: Council; actionPointId: string }) {
  const { actor, council } = args;
  assertCan(actor, 'meetings.attend');
  if (!isUuid(args.actionPointId)) notFound('actionPoint');
  await deps.db.transaction(async (tx) => {
    const [p] = await tx
      .select()
      .from(actionPoints)
      .where(and(eq(actionPoints.id, args.actionPointId), eq(actionPoints.councilId, council.id)))
      .for('update');
    if (!p) notFound('actionPoint');
    if (!mayMarkDone(actor, p)) throw new ForbiddenError('actionPoint.done');
    if (p.doneAt) throw new DomainError('alreadyDone', 'meetings.error.alreadyDone');
    await tx.update(actionPoints).set({ doneAt: new Date(), doneBy: actor.userId }).where(eq(actionPoints.id, p.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'actionPoint.done', entity: 'action_point', entityId: p.id });
  });
}

/** Open action points of one member, for their dashboard. */
export async function openActionPointsOf(db: DbOrTx, council: Council, membershipId: string | null, read: Read = readAlone) {
  if (!membershipId) return [];
  return read(
    db
      .select({ id: actionPoints.id, text: actionPoints.text, dueOn: actionPoints.dueOn, meetingId: minutes.meetingId })
      .from(actionPoints)
      .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
      .where(and(eq(actionPoints.councilId, council.id), eq(actionPoints.ownerMembershipId, membershipId), isNull(actionPoints.doneAt)))
      .orderBy(asc(actionPoints.dueOn)),
  );
}

/** The meeting an action point belongs to (to redirect back to it). */
export async function meetingOfActionPoint(db: DbOrTx, council: Council, actionPointId: string): Promise<string | null> {
  if (!isUuid(actionPointId)) return null;
  const [r] = await db
    .select({ meetingId: minutes.meetingId })
    .from(actionPoints)
    .innerJoin(minutes, eq(minutes.id, actionPoints.minutesId))
    .where(and(eq(actionPoints.id, actionPointId), eq(actionPoints.councilId, council.id)));
  return r?.meetingId ?? null;
}
