/**
 * Reading advices: the workspace list, one advice with everything its page shows, the letter's
 * data, and the reads other modules use through index.ts (`findAdvice`, `listUnsolicitedAdvices`).
 * The council comes from the request (tenancy), never from input.
 */
import { and, asc, count, desc, eq, inArray, lt } from 'drizzle-orm';
import { notFound } from '../../core/errors.ts';
import type { DbOrTx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, type Actor } from '../../core/policy.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { isUuid } from '../../core/http/forms.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import { memberships, type Council } from '../../core/organisations.schema.ts';
import { activeMembers, boardOf, groupMembership, workingGroupsOf } from '../members/index.ts';
import { adviceDocuments, adviceDrafts, adviceRecommendations, adviceVotes, advices, type Advice, type Recommendation } from './advice.schema.ts';
import { availableActions, effectiveRole, isCouncilMember, mayVote, tally, type AdviceAction, type AdviceState, type Tally, type Vote } from './advice.workflow.ts';
import { currentAuditAction } from './advice.audit.ts';

export type { Advice, Recommendation };

export async function findAdvice(db: DbOrTx, council: Council, id: string, opts: { lock?: boolean } = {}): Promise<Advice | null> {
  if (!isUuid(id)) return null;
  const q = db
    .select()
    .from(advices)
    .where(and(eq(advices.id, id), eq(advices.councilId, council.id)))
    .limit(1);
  const rows = opts.lock ? await q.for('update') : await q;
  return rows[0] ?? null;
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

export type AdviceListRow = Advice & { overdue: boolean; recommendations: number };

export async function listAdvices(deps: Deps, args: { actor: Actor | null; council: Council; status?: string | null }): Promise<AdviceListRow[]> {
  assertCan(args.actor, 'advice.view');
  const today = todayInAmsterdam();
  const where = [eq(advices.councilId, args.council.id)];
  if (args.status === 'overdue') where.push(eq(advices.status, 'sent'), lt(advices.answerDueOn, today));
  else if (args.status) where.push(eq(advices.status, args.status as AdviceState));
  const rows = await deps.db
    .select()
    .from(advices)
    .where(and(...where))
    .orderBy(desc(advices.createdAt))
    .limit(500);
  const counts = rows.length
    ? await deps.db
        .select({ adviceId: adviceRecommendations.adviceId, n: count() })
        .from(adviceRecommendations)
        .where(and(eq(adviceRecommendations.councilId, args.council.id), inArray(adviceRecommendations.adviceId, rows.map((r) => r.id))))
        .groupBy(adviceRecommendations.adviceId)
    : [];
  return rows.map((r) => ({ ...r, overdue: isOverdue(r, today), recommendations: Number(counts.find((c) => c.adviceId === r.id)?.n ?? 0) }));
}

export type TimelineEntry = { at: Date; action: string; from: string | null; to: string | null; who: string | null };
export type DocumentRow = typeof adviceDocuments.$inferSelect;
export type VoteRow = { membershipId: string; name: string; vote: Vote; remark: string; createdAt: Date };

export type AdviceDetail = {
  advice: Advice;
  overdue: boolean;
  recommendations: Recommendation[];
  documents: DocumentRow[];
  timeline: TimelineEntry[];
  workingGroup: { id: string; name: string } | null;
  workingGroups: { id: string; name: string }[];
  actions: AdviceAction[];
  /** The actor may edit the draft (group member or board). */
  mayEditDraft: boolean;
  draftVersions: number;
  approval: {
    round: number;
    closesAt: Date | null;
    open: 'ok' | 'notOpen' | 'closed';
    myVote: { vote: Vote; remark: string } | null;
    mayVote: boolean;
    /** Only for the chair (and admins): the tally and every vote with its remark. */
    tally: Tally | null;
    votes: VoteRow[] | null;
  };
};

export async function getAdvice(deps: Deps, args: { actor: Actor | null; council: Council; id: string }): Promise<AdviceDetail> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = (await findAdvice(deps.db, council, args.id)) ?? notFound('advice');
  const db = deps.db;
  const [recommendations, documents, timeline, groups, [drafts]] = await Promise.all([
    listRecommendations(db, council, advice.id),
    db
      .select()
      .from(adviceDocuments)
      .where(and(eq(adviceDocuments.councilId, council.id), eq(adviceDocuments.adviceId, advice.id)))
      .orderBy(asc(adviceDocuments.createdAt)),
    adviceTimeline(db, council, advice.id),
    workingGroupsOf(db, council.id),
    db.select({ n: count() }).from(adviceDrafts).where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, advice.id))),
  ]);
  const open = mayVote(advice.status, advice.approvalClosesAt, new Date());
  let myVote: { vote: Vote; remark: string } | null = null;
  if (actor.membershipId && advice.approvalRound > 0) {
    const [v] = await db
      .select({ vote: adviceVotes.vote, remark: adviceVotes.remark })
      .from(adviceVotes)
      .where(and(eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, advice.approvalRound), eq(adviceVotes.membershipId, actor.membershipId)))
      .limit(1);
    myVote = v ?? null;
  }
  // The chair (and platform admins) decide on adoption: they see the tally and every vote.
  const isChair = can(actor, 'advice.decide');
  let t: Tally | null = null;
  let votes: VoteRow[] | null = null;
  if (isChair && advice.approvalRound > 0) {
    votes = await roundVotes(db, council, advice);
    t = tally(votes.map((v) => v.vote), await eligibleVoters(db, council), council.adviceApprovalRule);
  }
  return {
    advice,
    overdue: isOverdue(advice),
    recommendations,
    documents,
    timeline,
    workingGroup: groups.find((g) => g.id === advice.workingGroupId) ?? null,
    workingGroups: groups,
    actions: availableActions(advice.status, actor),
    mayEditDraft: await mayEditDraft(db, actor, advice),
    draftVersions: Number(drafts?.n ?? 0),
    approval: {
      round: advice.approvalRound,
      closesAt: advice.approvalClosesAt,
      open,
      myVote,
      mayVote: open === 'ok' && can(actor, 'advice.vote') && Boolean(actor.membershipId) && !myVote && isCouncilMember(actor),
      tally: t,
      votes,
    },
  };
}

export async function listRecommendations(db: DbOrTx, council: Council, adviceId: string): Promise<Recommendation[]> {
  return db
    .select()
    .from(adviceRecommendations)
    .where(and(eq(adviceRecommendations.councilId, council.id), eq(adviceRecommendations.adviceId, adviceId)))
    .orderBy(asc(adviceRecommendations.number));
}

export async function roundVotes(db: DbOrTx, council: Council, advice: Advice): Promise<VoteRow[]> {
  return db
    .select({ membershipId: adviceVotes.membershipId, name: users.name, vote: adviceVotes.vote, remark: adviceVotes.remark, createdAt: adviceVotes.createdAt })
    .from(adviceVotes)
    .innerJoin(memberships, eq(memberships.id, adviceVotes.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(adviceVotes.councilId, council.id), eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, advice.approvalRound)))
    .orderBy(asc(adviceVotes.createdAt));
}

/** Active chair, secretary and members: the people who may vote. */
export async function eligibleVoters(db: DbOrTx, council: Council): Promise<number> {
  return (await activeMembers(db, council.id)).length;
}

/** The history of an advice from the audit log: who, when, from, to. */
export async function adviceTimeline(db: DbOrTx, council: Council, adviceId: string): Promise<TimelineEntry[]> {
  return db
    .select({ at: auditLog.at, action: auditLog.action, from: auditLog.fromState, to: auditLog.toState, who: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.councilId, council.id), eq(auditLog.entity, 'advice'), eq(auditLog.entityId, adviceId)))
    .orderBy(asc(auditLog.at))
    .then((rows) => rows.map((r) => ({ ...r, action: currentAuditAction(r.action) })));
}

/** Drafting, and the actor is on the board or a member of the advice's working group. */
export async function mayEditDraft(db: DbOrTx, actor: Actor, advice: Advice): Promise<boolean> {
  if (advice.status !== 'drafting') return false;
  const role = effectiveRole(actor);
  if (role === 'chair' || role === 'secretary') return true;
  if (!actor.membershipId || !advice.workingGroupId || role !== 'member') return false;
  return groupMembership(db, advice.workingGroupId, actor.membershipId);
}

/** Everything the letter needs. */
export async function letterData(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; followUp?: boolean }) {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = (await findAdvice(deps.db, council, args.adviceId)) ?? notFound('advice');
  const ready: AdviceState[] = args.followUp ? ['sent'] : ['adopted', 'sent', 'answered'];
  if (!ready.includes(advice.status) || (args.followUp && !isOverdue(advice))) notFound('letter');
  const [recommendations, signatories] = await Promise.all([listRecommendations(deps.db, council, advice.id), boardOf(deps.db, council.id)]);
  let logo: { bytes: Buffer; type: 'png' | 'jpeg' } | null = null;
  if (council.logoFile) {
    const [meta] = await deps.db.select().from(files).where(eq(files.hash, council.logoFile)).limit(1);
    const bytes = await deps.files.get(council.logoFile);
    if (meta && bytes && (meta.contentType === 'image/png' || meta.contentType === 'image/jpeg')) logo = { bytes, type: meta.contentType === 'image/png' ? 'png' : 'jpeg' };
  }
  return { advice, recommendations, signatories, logo };
}
