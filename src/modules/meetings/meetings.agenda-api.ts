/**
 * Agenda items another module puts on the council's meetings as the consequence of its own step
 * (issue 10: a delegate's report-back becomes an item of the next meeting). Public surface:
 * index.ts exports these; the other module never reads the meetings tables itself.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { audit } from '../../core/audit/audit.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetings } from './meetings.schema.ts';
import { addAgendaItem, appendItem } from './meetings.agenda.ts';
import { findMeeting } from './meetings.lifecycle.ts';
import { meetingAuditActions, meetingTransition } from './meetings.workflow.ts';
import type { AgendaItemRef } from './meetings.refs.ts';

/** What the other module puts on the agenda: a title, an explanation, who presents it, and whether it is discussed in public. */
export type ItemToPlace = { title: string; explanation: string; presenter: string; isPublic: boolean };

/** Meetings not yet held: planned and still to begin, soonest first. */
export function comingMeetings(db: DbOrTx, councilId: string, opts: { now?: Date; limit?: number } = {}) {
  return db
    .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
    .from(meetings)
    .where(and(eq(meetings.councilId, councilId), eq(meetings.status, 'planned'), gt(meetings.startsAt, opts.now ?? new Date())))
    .orderBy(asc(meetings.startsAt))
    .limit(opts.limit ?? 12);
}

const refOf = (item: { id: string; title: string }, m: { id: string; title: string; startsAt: Date }): AgendaItemRef => ({
  id: item.id,
  title: item.title,
  meetingId: m.id,
  meetingTitle: m.title,
  startsAt: m.startsAt,
});

/**
 * By hand: the board puts the item on a meeting it chooses, through meetings' own use case (its
 * policy, the workflow's `editAgenda`, the audit entry).
 */
export async function addItemToMeeting(deps: Deps, args: { actor: Actor | null; council: Council; meetingId: string; item: ItemToPlace }): Promise<AgendaItemRef> {
  const { item } = args;
  const added = await addAgendaItem(deps, {
    actor: args.actor,
    council: args.council,
    meetingId: args.meetingId,
    input: { title: item.title, explanation: item.explanation, startTime: '', presenter: item.presenter, access: item.isPublic ? 'public' : 'closed', adviceIds: [], documentIds: [], signalIds: [] },
  });
  const m = (await findMeeting(deps.db, args.council, args.meetingId))!;
  return refOf(added, m);
}

/**
 * On its own: the item goes to the end of the agenda of the next meeting not yet held, or nowhere
 * (null) when none is planned. The calling module has decided that its own step may happen (its
 * policy), so no meetings right is asked; the agenda changes only as meetings' workflow allows
 * (`editAgenda` on a planned meeting), with the meeting locked, and meetings' audit entry names
 * the user whose step caused it (null for a job). `record` writes the link in the same transaction;
 * when it throws, nothing is added.
 */
export async function placeOnNextMeeting(
  deps: Deps,
  args: { council: Council; userId: string | null; item: ItemToPlace; now?: Date; record?: (tx: DbOrTx, placed: AgendaItemRef) => Promise<void> },
): Promise<AgendaItemRef | null> {
  const { council, item } = args;
  return deps.db.transaction(async (tx) => {
    const [next] = await comingMeetings(tx, council.id, { now: args.now, limit: 1 });
    const m = next ? await findMeeting(tx, council, next.id, { lock: true }) : null;
    if (!m || !meetingTransition(m.status, 'editAgenda').ok) return null;
    const row = await appendItem(tx, m, { title: item.title, explanation: item.explanation, presenter: item.presenter, isPublic: item.isPublic });
    await audit(tx, {
      councilId: council.id,
      actorUserId: args.userId,
      action: meetingAuditActions.editAgenda,
      entity: 'meeting',
      entityId: m.id,
      from: m.status,
      to: m.status,
      data: { added: row.id },
    });
    const placed = refOf(row, m);
    await args.record?.(tx, placed);
    return placed;
  });
}
