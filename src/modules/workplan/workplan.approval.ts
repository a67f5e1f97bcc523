/**
 * The council's approval round for a work plan and an annual report. Advice's approval round is
 * not on advice's public surface (only its read functions are), so this is a small round of the
 * same shape: the board opens it, every council member votes (agree or object, with a remark),
 * the board closes it and the council's rule for advice decides (councils.adviceApprovalRule:
 * consent unless someone objects, or a majority). Not approved: back to draft, for a new round.
 */
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../../core/deps.ts';
import type { Tx } from '../../core/db/index.ts';
import { findInCouncil } from '../../core/db/find.ts';
import { saveRow } from '../../core/db/queries.ts';
import { DomainError } from '../../core/errors.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { assertCan, type Actor } from '../../core/policy.ts';
import { audit, type AuditAction } from '../../core/audit/audit.ts';
import { runStateChange } from '../../core/state-change.ts';
import { annualReports, workplans, workplanVotes } from './workplan.schema.ts';
import { approvalStep, tally, type ApprovalAction, type ReportState, type Vote } from './workplan.workflow.ts';

/** What goes through a round: a plan or a report version (both have status, round and approval date). */
export type Subject = 'workplan' | 'annualReport';
const tables = { workplan: workplans, annualReport: annualReports } as const;
type Row = { id: string; councilId: string; status: ReportState; approvalRound: number };

const auditNames: Record<Subject, Record<ApprovalAction, AuditAction>> = {
  workplan: { open: 'workplan.approvalOpened', close: 'workplan.approvalClosed', publish: 'workplan.approvalClosed' },
  annualReport: { open: 'annualReport.approvalOpened', close: 'annualReport.approvalClosed', publish: 'annualReport.published' },
};

/** Votes of the current round: for the page (who voted what) and the tally. */
export async function votesOf(db: Deps['db'] | Tx, councilId: string, subjectId: string, round: number) {
  return db
    .select({ membershipId: workplanVotes.membershipId, vote: workplanVotes.vote, remark: workplanVotes.remark })
    .from(workplanVotes)
    .where(and(eq(workplanVotes.councilId, councilId), eq(workplanVotes.subjectId, subjectId), eq(workplanVotes.round, round)));
}

/**
 * One step of the round: open it, close it (approved or back to draft by the votes), or publish an
 * approved report. `after` runs in the same transaction with the saved row (publishing supersedes
 * the version before).
 */
export async function approvalChange(
  deps: Deps,
  args: { actor: Actor; council: Council; subject: Subject; id: string; action: ApprovalAction; after?: (tx: Tx, row: Row) => Promise<void> },
): Promise<{ to: ReportState }> {
  const table = tables[args.subject];
  const { to } = await runStateChange<Row, ReportState, Record<string, unknown>>(deps, {
    actor: args.actor,
    may: 'workplan.manage',
    entity: args.subject,
    load: async (tx) => (await findInCouncil(tx, table, args.council.id, args.id, { lock: true })) as Row | null,
    state: (row) => row.status,
    check: (state) => approvalStep(args.action, state),
    refused: () => 'workplan.approval.notNow',
    apply: async (tx, row) => {
      if (args.action === 'open') return { set: { approvalRound: row.approvalRound + 1 } };
      if (args.action === 'publish') return { set: { publishedAt: new Date() } };
      const cast = await votesOf(tx, row.councilId, row.id, row.approvalRound);
      const result = tally(
        args.council.adviceApprovalRule,
        cast.map((v) => v.vote),
      );
      return result.approved ? { set: { approvedAt: new Date() }, data: { agree: result.agree, object: result.object } } : { to: 'draft', data: { agree: result.agree, object: result.object } };
    },
    save: async (tx, row, to, applied) => {
      const saved = (await saveRow(tx, table, row, { ...applied.set, status: to })) as Row;
      if (args.after) await args.after(tx, saved);
      return saved;
    },
    audit: { councilId: args.council.id, action: auditNames[args.subject][args.action], entityId: (row) => row.id },
  });
  return { to };
}

/** A council member's vote in the open round; a second vote in the same round replaces the first. */
export async function castVote(deps: Deps, args: { actor: Actor; council: Council; subject: Subject; id: string; vote: Vote; remark: string }): Promise<void> {
  assertCan(args.actor, 'workplan.vote');
  const membershipId = args.actor.membershipId;
  if (!membershipId) throw new DomainError('noMembership', 'workplan.vote.noMembership', 'vote');
  await deps.db.transaction(async (tx) => {
    const row = (await findInCouncil(tx, tables[args.subject], args.council.id, args.id, { lock: true })) as Row | null;
    if (row?.status !== 'in_approval') throw new DomainError('notAllowedFromState', 'workplan.approval.notNow', 'vote');
    await tx
      .insert(workplanVotes)
      .values({ councilId: args.council.id, subjectId: row.id, round: row.approvalRound, membershipId, vote: args.vote, remark: args.remark })
      .onConflictDoUpdate({ target: [workplanVotes.subjectId, workplanVotes.round, workplanVotes.membershipId], set: { vote: args.vote, remark: args.remark } });
    await audit(tx, { councilId: args.council.id, actorUserId: args.actor.userId, action: 'workplan.voted', entity: args.subject, entityId: row.id, data: { vote: args.vote } });
  });
}
