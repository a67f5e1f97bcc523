/**
 * What waits on this person in the advice cycle, for the "for you" start page (issue 9, part 2):
 * a member's open votes and their working groups' advices, the board's unassigned requests and
 * overdue answers, an official's own requests and the answers the municipality owes.
 */
import { and, asc, desc, eq, gt, inArray, isNull, lt, ne, notInArray, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../core/db/index.ts';
import { readAlone, type Read } from '../../core/read-together.ts';
import { can, type Actor } from '../../core/policy.ts';
import { todayInAmsterdam } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { groupsOfMember } from '../members/index.ts';
import { adviceVotes, advices } from './advice.schema.ts';
import { isCouncilMember } from './advice.workflow.ts';

export type WaitingAdvice = { id: string; reference: string; subject: string; due: Date | string | null };
export type AdviceForYou = { votes: WaitingAdvice[]; groupWork: WaitingAdvice[]; unassigned: WaitingAdvice[]; overdue: WaitingAdvice[]; requests: WaitingAdvice[]; shared: WaitingAdvice[] };

const LIMIT = 10;
const cols = { id: advices.id, reference: advices.reference, subject: advices.subject };
const none = async (): Promise<WaitingAdvice[]> => [];

export async function adviceForYou(db: DbOrTx, council: Council, actor: Actor, now = new Date(), read: Read = readAlone): Promise<AdviceForYou> {
  const inCouncil = eq(advices.councilId, council.id);
  const member = isCouncilMember(actor) && actor.membershipId ? actor.membershipId : null;
  const today = todayInAmsterdam(now);
  /** This council's advices that hold `where`, by `due` (soonest first unless `order` says otherwise). */
  const waiting = (due: AnyPgColumn, where: SQL | undefined, order = asc(due), limit = LIMIT): Promise<WaitingAdvice[]> =>
    read(
      db
        .select({ ...cols, due })
        .from(advices)
        .where(and(inCouncil, where))
        .orderBy(order)
        .limit(limit),
    ) as Promise<WaitingAdvice[]>;

  // Open rounds in which this member has not voted yet, the one closing first on top.
  const votes = member
    ? () =>
        read(
          db
            .select({ ...cols, due: advices.approvalClosesAt })
            .from(advices)
            .leftJoin(adviceVotes, and(eq(adviceVotes.adviceId, advices.id), eq(adviceVotes.round, advices.approvalRound), eq(adviceVotes.membershipId, member)))
            .where(and(inCouncil, eq(advices.status, 'in_approval'), gt(advices.approvalClosesAt, now), isNull(adviceVotes.id)))
            .orderBy(asc(advices.approvalClosesAt))
            .limit(LIMIT),
        )
    : none;
  const groupWork = member
    ? async () => {
        const groups = await groupsOfMember(db, member, read);
        if (groups.length === 0) return [];
        return waiting(advices.neededBy, and(inArray(advices.status, ['requested', 'drafting', 'concept']), inArray(advices.workingGroupId, groups)));
      }
    : none;
  const board = can(actor, 'advice.manage');
  const unassigned = board ? () => waiting(advices.neededBy, and(eq(advices.status, 'requested'), isNull(advices.workingGroupId))) : none;
  // The municipality's answers past their date: the board reminds, the official answers.
  const overdue = board || actor.role === 'official' ? () => waiting(advices.answerDueOn, and(eq(advices.status, 'sent'), lt(advices.answerDueOn, today))) : none;
  // An official's own requests that are still open, and sent advices whose answer is not yet due.
  const requests =
    actor.role === 'official'
      ? () => waiting(advices.neededBy, and(eq(advices.createdBy, actor.userId), notInArray(advices.status, ['answered', 'withdrawn']), ne(advices.kind, 'unsolicited')))
      : none;
  // A partner council's contact sees what the council has shared: the advices it sent, newest first.
  const shared = actor.role === 'partner' ? () => waiting(advices.sentAt, inArray(advices.status, ['sent', 'answered']), desc(advices.sentAt), 5) : none;
  const [v, g, u, o, r, sh] = await Promise.all([votes(), groupWork(), unassigned(), overdue(), requests(), shared()]);
  return { votes: v, groupWork: g, unassigned: u, overdue: o, requests: r, shared: sh };
}
