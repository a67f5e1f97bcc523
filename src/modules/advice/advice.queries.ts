/**
 * Reading advices: the workspace list, one advice with everything its page shows, the letter's
 * data, and the reads other modules use through index.ts (`findAdvice`, `listUnsolicitedAdvices`).
 * The council comes from the request (tenancy), never from input.
 */
import { and, asc, count, desc, eq, inArray, lt } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import { batchedReads, readAlone, type Read } from '../../core/read-together.ts';
import { findInCouncil } from '../../core/db/find.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { activeMembers, boardOf, groupMemberUsers, groupMembership, workingGroupsOf } from '../members/index.ts';
import { adviceDocuments, adviceDrafts, adviceRecommendations, adviceVotes, advices, type Advice, type Recommendation } from './advice.schema.ts';
import { adviceStates, availableActions, effectiveRole, mayVote, restoreUntil, tally, type AdviceState, type Tally, type Vote, type Withdrawal } from './advice.workflow.ts';
import { auditNamesOf, currentAuditAction } from './advice.audit.ts';
import { adviceVisibleTo, mayOpenAdvice, seesCouncilWork } from './advice.visibility.ts';
import { adviceMay, type AdviceMay } from './advice.may.ts';
import { letterLogo } from './advice.letter.ts';

export type { Advice, Recommendation };

export function findAdvice(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Advice | null> {
  return findInCouncil(db, advices, council.id, id, opts);
}

/** Unsolicited advices of a council, newest first: what signals may be linked to. */
export async function listUnsolicitedAdvices(db: DbOrTx, council: Council, limit = 200) {
  return db
    .select({ id: advices.id, reference: advices.reference, subject: advices.subject })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), eq(advices.kind, 'unsolicited')))
    .orderBy(desc(advices.createdAt))
    .limit(limit);
}

/** Sent, not every recommendation answered, and past the due date. */
export function isOverdue(a: Pick<Advice, 'status' | 'answerDueOn'>, today: IsoDate = todayInAmsterdam()): boolean {
  return a.status === 'sent' && a.answerDueOn !== null && a.answerDueOn < today;
}

/** What the workspace list shows of an advice (its view reads no other column). */
export type AdviceListRow = Pick<Advice, 'id' | 'reference' | 'subject' | 'kind' | 'status' | 'answerDueOn' | 'neededBy'> & { overdue: boolean };

export async function listAdvices(deps: Deps, args: { actor: Actor | null; council: Council; status?: string | null }): Promise<AdviceListRow[]> {
  assertCan(args.actor, 'advice.view');
  const today = todayInAmsterdam();
  // Only what the actor may see (advice.visibility.ts); the rule includes the council.
  const where = [adviceVisibleTo(args.actor, args.council)!];
  if (args.status === 'overdue') where.push(eq(advices.status, 'sent'), lt(advices.answerDueOn, today));
  else if (args.status) where.push(eq(advices.status, args.status as AdviceState));
  // Only the columns the list shows: up to 500 rows, each with long texts otherwise (issue 14).
  const rows = await deps.db
    .select({
      id: advices.id,
      reference: advices.reference,
      subject: advices.subject,
      kind: advices.kind,
      status: advices.status,
      answerDueOn: advices.answerDueOn,
      neededBy: advices.neededBy,
    })
    .from(advices)
    .where(and(...where))
    .orderBy(desc(advices.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today) }));
}

type TimelineEntry = { at: Date; action: string; from: string | null; to: string | null; who: string | null };
export type DocumentRow = typeof adviceDocuments.$inferSelect;
export type VoteRow = { membershipId: string; name: string; vote: Vote; remark: string; createdAt: Date };

export type AdviceDetail = {
  /** For an official's own request before sending: the request part only (advice.visibility.ts). */
  advice: Advice;
  overdue: boolean;
  recommendations: Recommendation[];
  documents: DocumentRow[];
  timeline: TimelineEntry[];
  workingGroup: { id: string; name: string } | null;
  workingGroups: { id: string; name: string }[];
  draftVersions: number;
  /** The last withdrawal of a withdrawn advice, and until when the board can undo it. */
  withdrawal: (Withdrawal & { until: Date; expired: boolean }) | null;
  approval: {
    round: number;
    closesAt: Date | null;
    open: 'ok' | 'notOpen' | 'closed';
    myVote: { vote: Vote; remark: string } | null;
    /** Only for the chair (and admins): the tally and every vote with its remark. */
    tally: Tally | null;
    votes: VoteRow[] | null;
  };
  /** What the actor may do with it now. */
  may: AdviceMay;
};

/**
 * One advice with everything its page shows, and what the actor may do with it. An advice the
 * actor may not see answers 404; of an official's own request before sending, only the request
 * part is read (advice.visibility.ts).
 */
/** The advice the actor asked for, if they may open it (advice.visibility.ts); otherwise 404. */
export async function openAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<Advice> {
  assertCan(args.actor, 'advice.view');
  const found = await findAdvice(deps.db, args.council, args.id);
  if (!found || !mayOpenAdvice(args.actor, found)) notFound('advice');
  return found;
}

/**
 * `found`: the advice from `openAdvice`, when the caller needed it first; `read`: the page's
 * batched reads (core/read-together.ts): everything after finding the advice is one statement.
 */
/**
 * The reads of an advice's detail page, batched (core/read-together.ts) and planned once for any
 * advice: each part reads the advice's few rows by key, so a generic plan is as good as a custom
 * one and saves planning on every page (decision 0031, session 11). Pass it to the page's slots too.
 */
export function adviceDetailReads(db: Deps['db']): Read {
  return batchedReads(db, { generic: true });
}

export async function getAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string; now?: Date; found?: Advice; read?: Read }): Promise<AdviceDetail> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const found = args.found ?? (await openAdvice(deps, args));
  const db = deps.db;
  const read = args.read ?? adviceDetailReads(db);
  const now = args.now ?? new Date();
  const full = seesCouncilWork(actor, found);
  const advice: Advice = full ? found : requestPart(found);
  const membershipId = actor.membershipId;
  const [recommendations, allDocuments, timeline, groups, [drafts], withdrawal, [vote], editDraft] = await Promise.all([
    full ? listRecommendations(db, council, advice.id, read) : Promise.resolve([]),
    read(
      db
        .select()
        .from(adviceDocuments)
        .where(and(eq(adviceDocuments.councilId, council.id), eq(adviceDocuments.adviceId, advice.id)))
        .orderBy(asc(adviceDocuments.createdAt)),
    ),
    full ? adviceTimeline(db, council, advice.id, read) : Promise.resolve([]),
    full ? workingGroupsOf(db, council.id, read) : Promise.resolve([]),
    full
      ? read(
          db
            .select({ n: count() })
            .from(adviceDrafts)
            .where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, advice.id))),
        )
      : Promise.resolve([{ n: 0 }]),
    advice.status === 'withdrawn' ? lastWithdrawal(db, council, advice.id, read) : Promise.resolve(null),
    membershipId && advice.approvalRound > 0
      ? read(
          db
            .select({ vote: adviceVotes.vote, remark: adviceVotes.remark })
            .from(adviceVotes)
            .where(and(eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, advice.approvalRound), eq(adviceVotes.membershipId, membershipId)))
            .limit(1),
        )
      : Promise.resolve([]),
    mayEditDraft(db, actor, advice, read),
  ]);
  const documents = full ? allDocuments : allDocuments.filter((d) => d.kind === 'request');
  const open = mayVote(advice.status, advice.approvalClosesAt, now);
  const myVote: { vote: Vote; remark: string } | null = vote ?? null;
  const overdue = isOverdue(advice);
  const may = adviceMay({
    actor,
    advice,
    recommendations,
    editDraft,
    hasDraftVersions: Number(drafts?.n ?? 0) > 0,
    votedThisRound: myVote !== null,
    voteOpen: open === 'ok',
    overdue,
    withdrawal,
    now,
  });
  // The chair (and platform admins) decide on adoption: they see the tally and every vote.
  let t: Tally | null = null;
  let votes: VoteRow[] | null = null;
  if (may.seeTally) {
    let eligible: number;
    [votes, eligible] = await Promise.all([roundVotes(db, council, advice, read), eligibleVoters(db, council, read)]);
    t = tally(
      votes.map((v) => v.vote),
      eligible,
      council.adviceApprovalRule,
    );
  }
  return {
    advice,
    overdue,
    recommendations,
    documents,
    timeline,
    workingGroup: groups.find((g) => g.id === advice.workingGroupId) ?? null,
    workingGroups: groups,
    draftVersions: Number(drafts?.n ?? 0),
    withdrawal: withdrawal ? { ...withdrawal, until: restoreUntil(withdrawal), expired: now.getTime() > restoreUntil(withdrawal).getTime() } : null,
    approval: { round: advice.approvalRound, closesAt: advice.approvalClosesAt, open, myVote, tally: t, votes },
    may,
  };
}

/** The request part of an advice: what an official sees of their own request before it is sent. */
function requestPart(a: Advice): Advice {
  return { ...a, workingGroupId: null, introduction: '', explanation: '', approvalRound: 0, approvalClosesAt: null, adoptedAt: null };
}

/** The last withdrawal of an advice from the audit log: the state it left and when (for undoing it). */
export async function lastWithdrawal(db: DbOrTx, council: Council, adviceId: string, read: Read = readAlone): Promise<Withdrawal | null> {
  const [row] = await read(
    db
      .select({ from: auditLog.fromState, at: auditLog.at })
      .from(auditLog)
      .where(and(eq(auditLog.councilId, council.id), eq(auditLog.entity, 'advice'), eq(auditLog.entityId, adviceId), inArray(auditLog.action, auditNamesOf('advice.withdrawn'))))
      .orderBy(desc(auditLog.at))
      .limit(1),
  );
  return row ? { from: (adviceStates as readonly string[]).includes(row.from ?? '') ? (row.from as AdviceState) : null, at: row.at } : null;
}

export async function listRecommendations(db: DbOrTx, council: Council, adviceId: string, read: Read = readAlone): Promise<Recommendation[]> {
  return read(
    db
      .select()
      .from(adviceRecommendations)
      .where(and(eq(adviceRecommendations.councilId, council.id), eq(adviceRecommendations.adviceId, adviceId)))
      .orderBy(asc(adviceRecommendations.number)),
  );
}

export async function roundVotes(db: DbOrTx, council: Council, advice: Advice, read: Read = readAlone): Promise<VoteRow[]> {
  return read(
    db
      .select({ membershipId: adviceVotes.membershipId, name: users.name, vote: adviceVotes.vote, remark: adviceVotes.remark, createdAt: adviceVotes.createdAt })
      .from(adviceVotes)
      .innerJoin(memberships, eq(memberships.id, adviceVotes.membershipId))
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(adviceVotes.councilId, council.id), eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, advice.approvalRound)))
      .orderBy(asc(adviceVotes.createdAt)),
  );
}

/** Active chair, secretary and members: the people who may vote. */
export async function eligibleVoters(db: DbOrTx, council: Council, read: Read = readAlone): Promise<number> {
  return (await activeMembers(db, council.id, undefined, read)).length;
}

/** The history of an advice from the audit log: who, when, from, to. */
async function adviceTimeline(db: DbOrTx, council: Council, adviceId: string, read: Read = readAlone): Promise<TimelineEntry[]> {
  const rows = await read(
    db
      .select({ at: auditLog.at, action: auditLog.action, from: auditLog.fromState, to: auditLog.toState, who: users.name })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorUserId))
      .where(and(eq(auditLog.councilId, council.id), eq(auditLog.entity, 'advice'), eq(auditLog.entityId, adviceId)))
      .orderBy(asc(auditLog.at)),
  );
  return rows.map((r) => ({ ...r, action: currentAuditAction(r.action) }));
}

/** Who hears of a withdrawal (and of undoing it): the working group's active members and whoever asked for or started the advice. */
export type WithdrawalAudience = { group: { name: string; userIds: string[] } | null; requester: { userId: string; name: string } | null };

export async function withdrawalAudience(db: DbOrTx, council: Council, advice: Pick<Advice, 'workingGroupId' | 'createdBy'>): Promise<WithdrawalAudience> {
  const [groups, requester] = await Promise.all([
    advice.workingGroupId ? workingGroupsOf(db, council.id) : Promise.resolve([]),
    advice.createdBy
      ? db
          .select({ userId: users.id, name: users.name })
          .from(users)
          .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.councilId, council.id), eq(memberships.active, true)))
          .where(eq(users.id, advice.createdBy))
          .limit(1)
      : Promise.resolve([]),
  ]);
  const group = groups.find((g) => g.id === advice.workingGroupId);
  return {
    group: group ? { name: group.name, userIds: (await groupMemberUsers(db, council.id, group.id)).map((m) => m.userId) } : null,
    requester: requester[0] ?? null,
  };
}

/** The confirmation page of a withdrawal: the advice, who will hear of it, and whether it can be withdrawn now. */
export async function withdrawalToConfirm(deps: Deps, args: { actor: Actor | null; council: Council; id: string }) {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  const advice = await findAdvice(deps.db, council, args.id);
  if (!advice || !mayOpenAdvice(actor, advice)) notFound('advice');
  return { advice, audience: await withdrawalAudience(deps.db, council, advice), may: availableActions(advice.status, actor).includes('withdraw') };
}

/** Drafting, and the actor is on the board or a member of the advice's working group. */
export async function mayEditDraft(db: DbOrTx, actor: Actor, advice: Advice, read: Read = readAlone): Promise<boolean> {
  if (advice.status !== 'drafting') return false;
  const role = effectiveRole(actor);
  if (role === 'chair' || role === 'secretary') return true;
  if (!actor.membershipId || !advice.workingGroupId || role !== 'member') return false;
  return groupMembership(db, advice.workingGroupId, actor.membershipId, read);
}

/** Everything the letter needs. */
export async function letterData(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; followUp?: boolean }) {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = await findAdvice(deps.db, council, args.adviceId);
  // The letter is the council's work: an official reads it once the advice is sent.
  if (!advice || !seesCouncilWork(actor, advice)) notFound('advice');
  const ready: AdviceState[] = args.followUp ? ['sent'] : ['adopted', 'sent', 'answered'];
  if (!ready.includes(advice.status) || (args.followUp && !isOverdue(advice))) notFound('letter');
  const [recommendations, signatories] = await Promise.all([listRecommendations(deps.db, council, advice.id), boardOf(deps.db, council.id)]);
  return { advice, recommendations, signatories, logo: await letterLogo(deps.db, deps.files, council) };
}
