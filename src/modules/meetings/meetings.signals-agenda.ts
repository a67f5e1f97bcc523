/**
 * Putting signals on a meeting's agenda from the signal list (issue 9, part 12): the board picks
 * signals to discuss and a coming meeting; they become one agenda item that names them.
 */
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { meetings, type AgendaItem } from './meetings.schema.ts';
import { signalChoices } from './meetings.links.ts';
import { addAgendaItem } from './meetings.agenda.ts';

/** The signals waiting to be discussed and the coming meetings they can go to. */
export async function signalsOnAgendaChoices(deps: Deps, args: { actor: Actor | null; council: Council; now?: Date }) {
  assertCan(args.actor, 'meetings.manage');
  const [signals, coming] = await Promise.all([
    signalChoices(deps, args.council),
    deps.db
      .select({ id: meetings.id, title: meetings.title, startsAt: meetings.startsAt })
      .from(meetings)
      .where(and(eq(meetings.councilId, args.council.id), eq(meetings.status, 'planned'), gt(meetings.startsAt, args.now ?? new Date())))
      .orderBy(asc(meetings.startsAt))
      .limit(12),
  ]);
  return { signals, meetings: coming };
}

/** One public agenda item with the chosen signals (only signals still to discuss are accepted). */
export function putSignalsOnAgenda(deps: Deps, args: { actor: Actor | null; council: Council; input: { meetingId: string; title: string; signalIds: string[] } }): Promise<AgendaItem> {
  const { meetingId, title, signalIds } = args.input;
  return addAgendaItem(deps, {
    actor: args.actor,
    council: args.council,
    meetingId,
    input: { title, explanation: '', startTime: '', presenter: '', access: 'public', adviceIds: [], documentIds: [], signalIds },
  });
}
