/**
 * Who sees which advice: the one place this rule lives (issue 9). The council's own people (and
 * platform admins) see every advice of their council, drafts and votes included. A municipal
 * official sees an advice only once it is sent, for the council's independence, and the
 * requests they filed themselves; of such a request, before it is sent, only the request part
 * (subject, question, the documents of the request, the status).
 *
 * The list, the detail page, documents, letters, the API and the workspace search all ask here:
 * `adviceVisibleTo` as a query condition, `mayOpenAdvice` and `seesCouncilWork` for one advice.
 */
import { and, eq, inArray, or } from 'drizzle-orm';
import { isCouncilRole } from '../../core/roles.ts';
import type { Actor } from '../../core/policy.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { advices, type Advice } from './advice.schema.ts';
import type { AdviceState } from './advice.workflow.ts';

/** From these states on an advice is the municipality's to read as well. */
export const sentStates = ['sent', 'answered'] as const satisfies readonly AdviceState[];

/** The council's own people and platform admins: they see every advice and all of its work. */
export function seesAllAdvice(actor: Actor | null): boolean {
  return actor !== null && (actor.isPlatformAdmin || isCouncilRole(actor.role));
}

const isSent = (status: AdviceState) => (sentStates as readonly AdviceState[]).includes(status);

/** Query condition: the advices of this council the actor may find (list, search). */
export function adviceVisibleTo(actor: Actor, council: Pick<Council, 'id'>) {
  const own = eq(advices.councilId, council.id);
  if (seesAllAdvice(actor)) return own;
  return and(own, or(inArray(advices.status, [...sentStates]), eq(advices.createdBy, actor.userId)));
}

/** May the actor open this advice at all (otherwise: 404, as for an advice that does not exist). */
export function mayOpenAdvice(actor: Actor | null, advice: Pick<Advice, 'status' | 'createdBy'>): boolean {
  if (!actor) return false;
  return seesAllAdvice(actor) || isSent(advice.status) || (advice.createdBy !== null && advice.createdBy === actor.userId);
}

/**
 * Does the actor see the council's work on this advice: working group, drafts, concept text,
 * recommendations, votes, the approval round, the letter, documents other than the request's.
 */
export function seesCouncilWork(actor: Actor | null, advice: Pick<Advice, 'status'>): boolean {
  return seesAllAdvice(actor) || (actor !== null && isSent(advice.status));
}
