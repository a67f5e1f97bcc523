/**
 * Use cases of the advice lifecycle. Every change of state goes through `transition()` of
 * advice.workflow.ts and writes its audit entry (entity 'advice', from, to) in the same
 * transaction. The council comes from the request (tenancy), never from input.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lt, lte, sql } from 'drizzle-orm';
import { DomainError } from '../../core/errors.ts';
import type { DbOrTx, Tx } from '../../core/db/index.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, can, ForbiddenError, NotFoundError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { auditLog } from '../../core/audit/audit.schema.ts';
import { isUuid } from '../../core/http/forms.ts';
import { translator, formatDate, formatDateTime, type MessageKey } from '../../core/i18n/index.ts';
import { users } from '../../core/auth/auth.schema.ts';
import { files } from '../../core/files/files.schema.ts';
import { safeFileName, sniffDocument } from '../../core/files/sniff.ts';
import { addDays, addWorkingDays, deadline, todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { workingGroupMembers, workingGroups } from '../members/members.schema.ts';
import { memberships } from '../../core/organisations.schema.ts';
import { type Role } from '../../core/roles.ts';
import {
  adviceDocuments,
  adviceDrafts,
  adviceRecommendations,
  adviceVotes,
  advices,
  type Advice,
  type Recommendation,
  type adviceDocumentKinds,
} from './advice.schema.ts';
import { availableActions, mayVote, startRoles, tally, transition, type AdviceAction, type AdviceState, type Tally, type Vote } from './advice.workflow.ts';
import { letterText } from './advice.letter.ts';
import { signalsForAdvice } from '../signals/signals.service.ts';

type LinkedSignal = Awaited<ReturnType<typeof signalsForAdvice>>[number];
import type { AnswerInput, FollowUpInput, InitiateInput, PublicationInput, RequestInput, TextsInput, VoteInput } from './advice.forms.ts';

export type { Advice, Recommendation };

/** A rule of the advice domain was not met. */
export class AdviceError extends DomainError {}

function notFound(what: string): never {
  throw new NotFoundError(what);
}

const COUNCIL_ROLES: Role[] = ['chair', 'secretary', 'member'];

/** The role used for transitions and checks; platform admins act as chair. */
function effectiveRole(actor: Actor): Role | null {
  return actor.isPlatformAdmin ? 'chair' : actor.role;
}

/** Member of the council itself (not an official or partner). */
export function isCouncilMember(actor: Actor | null): boolean {
  if (!actor) return false;
  const role = effectiveRole(actor);
  return role !== null && COUNCIL_ROLES.includes(role);
}

// ------------------------------------------------------------------ reading

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
  /** Signals that led to this (unsolicited) advice; empty for those who may not see signals. */
  linkedSignals: LinkedSignal[];
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
    db.select({ id: workingGroups.id, name: workingGroups.name }).from(workingGroups).where(eq(workingGroups.councilId, council.id)).orderBy(asc(workingGroups.name)),
    db.select({ n: count() }).from(adviceDrafts).where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, advice.id))),
  ]);
  const role = effectiveRole(actor);
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
  const isChair = role === 'chair';
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
    actions: availableActions(advice.status, { role, isPlatformAdmin: actor.isPlatformAdmin }),
    mayEditDraft: await mayEditDraft(db, actor, advice),
    linkedSignals: can(actor, 'signals.view') ? await signalsForAdvice(db, council.id, advice.id) : [],
    draftVersions: Number(drafts?.n ?? 0),
    approval: {
      round: advice.approvalRound,
      closesAt: advice.approvalClosesAt,
      open,
      myVote,
      mayVote: open === 'ok' && can(actor, 'advice.vote') && Boolean(actor.membershipId) && !myVote && role !== null && COUNCIL_ROLES.includes(role),
      tally: t,
      votes,
    },
  };
}

async function listRecommendations(db: DbOrTx, council: Council, adviceId: string): Promise<Recommendation[]> {
  return db
    .select()
    .from(adviceRecommendations)
    .where(and(eq(adviceRecommendations.councilId, council.id), eq(adviceRecommendations.adviceId, adviceId)))
    .orderBy(asc(adviceRecommendations.number));
}

async function roundVotes(db: DbOrTx, council: Council, advice: Advice): Promise<VoteRow[]> {
  return db
    .select({ membershipId: adviceVotes.membershipId, name: users.name, vote: adviceVotes.vote, remark: adviceVotes.remark, createdAt: adviceVotes.createdAt })
    .from(adviceVotes)
    .innerJoin(memberships, eq(memberships.id, adviceVotes.membershipId))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(adviceVotes.councilId, council.id), eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, advice.approvalRound)))
    .orderBy(asc(adviceVotes.createdAt));
}

/** Active chair, secretary and members: the people who may vote. */
async function eligibleVoters(db: DbOrTx, council: Council): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, COUNCIL_ROLES)));
  return Number(row?.n ?? 0);
}

/** The history of an advice from the audit log: who, when, from, to. */
export async function adviceTimeline(db: DbOrTx, council: Council, adviceId: string): Promise<TimelineEntry[]> {
  return db
    .select({ at: auditLog.at, action: auditLog.action, from: auditLog.fromState, to: auditLog.toState, who: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.councilId, council.id), eq(auditLog.entity, 'advice'), eq(auditLog.entityId, adviceId)))
    .orderBy(asc(auditLog.at));
}

async function mayEditDraft(db: DbOrTx, actor: Actor, advice: Advice): Promise<boolean> {
  if (advice.status !== 'drafting') return false;
  const role = effectiveRole(actor);
  if (role === 'chair' || role === 'secretary') return true;
  if (!actor.membershipId || !advice.workingGroupId || role !== 'member') return false;
  const [row] = await db
    .select({ id: workingGroupMembers.membershipId })
    .from(workingGroupMembers)
    .where(and(eq(workingGroupMembers.workingGroupId, advice.workingGroupId), eq(workingGroupMembers.membershipId, actor.membershipId)))
    .limit(1);
  return Boolean(row);
}

// ------------------------------------------------------------------ starting an advice

/** The next reference of this year: `YYYY-NNN`, per council. */
async function nextReference(tx: Tx, council: Council): Promise<string> {
  const year = todayInAmsterdam().slice(0, 4);
  // Lock the council row, so two requests at the same moment get different numbers.
  await tx.execute(sql`select id from councils where id = ${council.id} for update`);
  const [row] = await tx
    .select({ max: sql<number | null>`max(case when ${advices.reference} ~ '^[0-9]{4}-[0-9]{1,6}$' then substring(${advices.reference} from 6)::int end)` })
    .from(advices)
    .where(and(eq(advices.councilId, council.id), like(advices.reference, `${year}-%`)));
  const last = Number(row?.max ?? 0);
  return `${year}-${String(last + 1).padStart(3, '0')}`;
}

export type Upload = { filename: string; bytes: Buffer; truncated: boolean };
export const DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;
export const MAX_DOCUMENTS = 5;

/** Checks every upload (PDF and Word, sniffed from the content); throws the first problem at the `documents` field. */
export function checkUploads(uploads: Upload[], fieldName = 'documents'): { upload: Upload; type: string }[] {
  if (uploads.length > MAX_DOCUMENTS) throw new AdviceError('tooManyDocuments', 'advice.documents.tooMany', fieldName);
  return uploads.map((u) => {
    if (u.truncated || u.bytes.length > DOCUMENT_MAX_BYTES) throw new AdviceError('documentTooLarge', 'advice.documents.tooLarge', fieldName);
    if (u.bytes.length === 0) throw new AdviceError('documentEmpty', 'advice.documents.empty', fieldName);
    const type = sniffDocument(u.bytes, { legacyWord: true })?.mimeType;
    if (!type) throw new AdviceError('documentType', 'advice.documents.type', fieldName);
    return { upload: u, type };
  });
}

async function storeDocuments(deps: Deps, tx: Tx, args: { council: Council; adviceId: string; actor: Actor; kind: (typeof adviceDocumentKinds)[number]; checked: { upload: Upload; type: string }[] }) {
  for (const { upload, type } of args.checked) {
    const hash = await deps.files.put(upload.bytes);
    await tx.insert(files).values({ hash, contentType: type, size: upload.bytes.length }).onConflictDoNothing();
    await tx.insert(adviceDocuments).values({
      councilId: args.council.id,
      adviceId: args.adviceId,
      kind: args.kind,
      fileHash: hash,
      filename: safeFileName(upload.filename),
      contentType: type,
      size: upload.bytes.length,
      uploadedBy: args.actor.userId,
    });
  }
}

/** A request for advice from the municipality (secretary, chair or official; also the API). */
export async function createRequest(deps: Deps, args: { actor: Actor | null; council: Council; input: RequestInput; documents?: Upload[] }): Promise<Advice> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.request');
  const role = effectiveRole(actor);
  if (!role || !startRoles.requested.includes(role)) throw new ForbiddenError('advice.request');
  if (input.neededBy < todayInAmsterdam()) throw new AdviceError('pastDate', 'advice.error.pastDate', 'neededBy');
  const checked = checkUploads(args.documents ?? []);
  return start(deps, { actor, council, kind: 'requested', status: 'requested', input: { ...input }, checked });
}

/** An unsolicited advice, on the council's own initiative, with its reason. */
export async function initiateAdvice(deps: Deps, args: { actor: Actor | null; council: Council; input: InitiateInput }): Promise<Advice> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.initiate');
  const role = effectiveRole(actor);
  if (!role || !startRoles.unsolicited.includes(role)) throw new ForbiddenError('advice.initiate');
  return start(deps, { actor, council, kind: 'unsolicited', status: 'initiated', input: { ...input, neededBy: null }, checked: [] });
}

async function start(
  deps: Deps,
  args: {
    actor: Actor;
    council: Council;
    kind: 'requested' | 'unsolicited';
    status: 'requested' | 'initiated';
    input: InitiateInput & { neededBy: string | null };
    checked: { upload: Upload; type: string }[];
  },
): Promise<Advice> {
  const { actor, council, input } = args;
  return deps.db.transaction(async (tx) => {
    const reference = await nextReference(tx, council);
    const [advice] = await tx
      .insert(advices)
      .values({
        councilId: council.id,
        reference,
        kind: args.kind,
        status: args.status,
        subject: input.subject,
        question: input.question,
        policyField: input.policyField,
        addressee: input.addressee,
        addresseeEmail: input.addresseeEmail,
        neededBy: input.neededBy,
        createdBy: actor.userId,
      })
      .returning();
    await storeDocuments(deps, tx, { council, adviceId: advice!.id, actor, kind: 'request', checked: args.checked });
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: args.kind === 'requested' ? 'advice.request' : 'advice.initiate',
      entity: 'advice',
      entityId: advice!.id,
      from: null,
      to: args.status,
      data: { reference, documents: args.checked.length },
    });
    return advice!;
  });
}

// ------------------------------------------------------------------ transitions

/**
 * Runs one transition: locks the advice, checks the table, applies `change` and writes the
 * audit entry, all in one transaction. Not allowed from this state: AdviceError; not for this
 * role: ForbiddenError.
 */
async function runTransition<T = void>(
  deps: Deps,
  args: { actor: Actor; council: Council; adviceId: string; action: AdviceAction },
  change: (tx: Tx, advice: Advice, to: AdviceState) => Promise<{ set?: Partial<typeof advices.$inferInsert>; data?: Record<string, unknown>; result?: T; allAnswered?: boolean } | void>,
): Promise<{ advice: Advice; result?: T }> {
  const { actor, council } = args;
  const out = await deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    const pre = transition(advice.status, args.action, { role: actor.role, isPlatformAdmin: actor.isPlatformAdmin }, { allAnswered: true });
    if (!pre.ok) {
      if (pre.reason === 'notAllowedForRole') throw new ForbiddenError(args.action);
      throw new AdviceError('notAllowedFromState', 'advice.error.notAllowedFromState');
    }
    const done = (await change(tx, advice, pre.to)) ?? {};
    const res = transition(advice.status, args.action, { role: actor.role, isPlatformAdmin: actor.isPlatformAdmin }, { allAnswered: done.allAnswered ?? true });
    if (!res.ok) throw new AdviceError('notAllowedFromState', 'advice.error.notAllowedFromState');
    const [updated] = await tx
      .update(advices)
      .set({ ...done.set, status: res.to, updatedAt: new Date() })
      .where(and(eq(advices.id, advice.id), eq(advices.councilId, council.id)))
      .returning();
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: `advice.${args.action}`,
      entity: 'advice',
      entityId: advice.id,
      from: advice.status,
      to: res.to,
      data: done.data,
    });
    return { advice: updated!, result: done.result };
  });
  deps.mailer.kick();
  return out;
}

export async function assignToGroup(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; workingGroupId: string }): Promise<Advice> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  const { advice } = await runTransition(deps, { actor, council, adviceId: args.adviceId, action: 'assign' }, async (tx) => {
    const [group] = isUuid(args.workingGroupId)
      ? await tx
          .select({ id: workingGroups.id })
          .from(workingGroups)
          .where(and(eq(workingGroups.id, args.workingGroupId), eq(workingGroups.councilId, council.id)))
          .limit(1)
      : [];
    if (!group) throw new AdviceError('unknownGroup', 'advice.assign.unknownGroup', 'workingGroupId');
    return { set: { workingGroupId: group.id }, data: { workingGroupId: group.id } };
  });
  return advice;
}

/** Drafting -> concept, keeping the last draft as the first text of the explanation if it is empty. */
export async function toConcept(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  const { advice } = await runTransition(deps, { actor, council, adviceId: args.adviceId, action: 'toConcept' }, async (tx, a) => {
    if (a.explanation.trim() !== '') return {};
    const [last] = await tx
      .select({ body: adviceDrafts.body })
      .from(adviceDrafts)
      .where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, a.id)))
      .orderBy(desc(adviceDrafts.version))
      .limit(1);
    return last ? { set: { explanation: last.body } } : {};
  });
  return advice;
}

/** Closing times are typed as Amsterdam date + HH:MM. */
export { localToUtc as amsterdamInstant } from '../../core/dates/amsterdam.ts';

/** Opens an approval round; every council member gets an e-mail. */
export async function openApproval(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; closesAt: Date; now?: Date }): Promise<Advice> {
  const { actor, council, closesAt } = args;
  assertCan(actor, 'advice.manage');
  if (!(closesAt.getTime() > (args.now ?? new Date()).getTime())) throw new AdviceError('closesInPast', 'advice.approval.closesInPast', 'closesOn');
  const { advice } = await runTransition(deps, { actor, council, adviceId: args.adviceId, action: 'openApproval' }, async (tx, a) => {
    const recs = await listRecommendations(tx, council, a.id);
    if (recs.length === 0) throw new AdviceError('noRecommendations', 'advice.approval.noRecommendations');
    const round = a.approvalRound + 1;
    const voters = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, COUNCIL_ROLES)));
    const nl = translator('nl');
    for (const v of voters) {
      await deps.mailer.queue(tx, {
        councilId: council.id,
        to: v.email,
        subject: nl('advice.mail.approval.subject', { reference: a.reference, subject: a.subject }),
        body: nl('advice.mail.approval.body', {
          council: council.name,
          subject: a.subject,
          reference: a.reference,
          closes: formatDateTime(closesAt, 'nl'),
          link: `${deps.config.baseUrl}/${council.slug}/werkruimte/adviezen/${a.id}`,
        }),
      });
    }
    return { set: { approvalRound: round, approvalClosesAt: closesAt }, data: { round, closesAt: closesAt.toISOString() } };
  });
  return advice;
}

/** The chair sends the concept back for changes; a new round can be opened afterwards. */
export async function reopen(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  assertCan(args.actor, 'advice.manage');
  const { advice } = await runTransition(deps, { actor: args.actor, council: args.council, adviceId: args.adviceId, action: 'reopen' }, async () => ({
    set: { approvalClosesAt: null },
  }));
  return advice;
}

/** The chair declares the advice adopted, only when the round's tally passes under the council's rule. */
export async function adopt(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  const { advice } = await runTransition(deps, { actor, council, adviceId: args.adviceId, action: 'adopt' }, async (tx, a) => {
    const votes = await roundVotes(tx, council, a);
    const result = tally(votes.map((v) => v.vote), await eligibleVoters(tx, council), council.adviceApprovalRule);
    if (!result.passes) throw new AdviceError('notPassed', council.adviceApprovalRule === 'consent' ? 'advice.adopt.objections' : 'advice.adopt.noMajority');
    return { set: { adoptedAt: new Date(), approvalClosesAt: a.approvalClosesAt }, data: { round: a.approvalRound, agree: result.agree + result.agreeWithRemark, object: result.object } };
  });
  return advice;
}

export async function withdraw(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  assertCan(args.actor, 'advice.manage');
  const { advice } = await runTransition(deps, { actor: args.actor, council: args.council, adviceId: args.adviceId, action: 'withdraw' }, async () => ({}));
  return advice;
}

/** A vote in the open round: once per member per round (the unique key), never after closing. */
export async function castVote(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: VoteInput; now?: Date }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.vote');
  if (!isCouncilMember(actor) || !actor.membershipId) throw new ForbiddenError('advice.vote');
  const membershipId = actor.membershipId;
  await deps.db.transaction(async (tx) => {
    // A shared lock: votes run side by side, but not while the round is opened or closed.
    const [advice] = isUuid(args.adviceId)
      ? await tx
          .select()
          .from(advices)
          .where(and(eq(advices.id, args.adviceId), eq(advices.councilId, council.id)))
          .for('share')
      : [];
    if (!advice) notFound('advice');
    const may = mayVote(advice.status, advice.approvalClosesAt, args.now ?? new Date());
    if (may === 'notOpen') throw new AdviceError('notOpen', 'advice.vote.notOpen');
    if (may === 'closed') throw new AdviceError('closed', 'advice.vote.closed');
    const inserted = await tx
      .insert(adviceVotes)
      .values({ councilId: council.id, adviceId: advice.id, round: advice.approvalRound, membershipId, vote: input.vote, remark: input.vote === 'agree' ? '' : input.remark })
      .onConflictDoNothing()
      .returning({ id: adviceVotes.id });
    if (inserted.length === 0) throw new AdviceError('alreadyVoted', 'advice.vote.already');
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'advice.vote', entity: 'advice_vote', entityId: advice.id, data: { round: advice.approvalRound, vote: input.vote } });
  });
}

/**
 * Sends the adopted advice: the letter goes by e-mail to the addressee (or the council's own
 * address), the answer is due after the council's answer period.
 */
export async function sendAdvice(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; today?: IsoDate }): Promise<Advice> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  const today = args.today ?? todayInAmsterdam();
  const { advice } = await runTransition(deps, { actor, council, adviceId: args.adviceId, action: 'send' }, async (tx, a) => {
    const recs = await listRecommendations(tx, council, a.id);
    const signatories = await boardNames(tx, council);
    const sentAt = new Date();
    const to = a.addresseeEmail || council.contactEmail;
    const text = letterText({ council, advice: { ...a, sentAt }, recommendations: recs, signatories, t: translator('nl'), locale: 'nl' });
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to,
      replyTo: council.contactEmail,
      subject: translator('nl')('advice.mail.letter.subject', { reference: a.reference, subject: a.subject, council: council.name }),
      body: text,
    });
    const answerDueOn = deadline(today, council.answerPeriodValue, council.answerPeriodUnit);
    return { set: { sentAt, answerDueOn }, data: { to: to === council.contactEmail ? 'council' : 'addressee', answerDueOn } };
  });
  return advice;
}

export type Signatories = { chair: string | null; secretary: string | null };

export async function boardNames(db: DbOrTx, council: Council): Promise<Signatories> {
  const rows = await db
    .select({ role: memberships.role, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.councilId, council.id), eq(memberships.active, true), inArray(memberships.role, ['chair', 'secretary'])))
    .orderBy(asc(memberships.createdAt));
  return { chair: rows.find((r) => r.role === 'chair')?.name ?? null, secretary: rows.find((r) => r.role === 'secretary')?.name ?? null };
}

/**
 * The college's answer per recommendation (secretary, official, API). An answer for a
 * recommendation of another advice or council changes nothing. The advice counts as answered
 * once every recommendation is.
 */
export async function recordAnswers(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; answers: AnswerInput[] }): Promise<Advice> {
  const { actor, council, answers } = args;
  assertCan(actor, 'advice.answer');
  if (answers.length === 0) throw new AdviceError('noAnswers', 'advice.answer.none', 'answers');
  const seen = new Set<string>();
  for (const a of answers) {
    if (!isUuid(a.recommendationId)) throw new AdviceError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'answers');
    if (seen.has(a.recommendationId.toLowerCase())) throw new AdviceError('duplicateRecommendation', 'advice.answer.duplicate', 'answers');
    seen.add(a.recommendationId.toLowerCase());
    if ((a.answer === 'partly' || a.answer === 'not_adopted') && a.reason.trim() === '') throw new AdviceError('reasonRequired', 'advice.answer.reasonRequired', `reason-${a.recommendationId}`);
  }
  const { advice } = await runTransition(
    deps,
    { actor, council, adviceId: args.adviceId, action: 'recordAnswer' },
    async (tx, a) => {
      const recs = await listRecommendations(tx, council, a.id);
      const ids = new Set(recs.map((r) => r.id));
      const foreign = answers.find((x) => !ids.has(x.recommendationId.toLowerCase()));
      if (foreign) throw new AdviceError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'answers');
      const now = new Date();
      let changed = 0;
      for (const x of answers) {
        const rec = recs.find((r) => r.id === x.recommendationId.toLowerCase())!;
        const reason = x.answer === 'unanswered' ? '' : x.reason;
        if (rec.answer === x.answer && rec.answerReason === reason) continue;
        changed++;
        await tx
          .update(adviceRecommendations)
          .set({ answer: x.answer, answerReason: reason, answeredAt: x.answer === 'unanswered' ? null : now })
          .where(and(eq(adviceRecommendations.id, rec.id), eq(adviceRecommendations.councilId, council.id)));
      }
      const after = await listRecommendations(tx, council, a.id);
      const allAnswered = after.length > 0 && after.every((r) => r.answer !== 'unanswered');
      // The day the last answer came in; kept when an answer is corrected later.
      const answeredAt = allAnswered ? (a.answeredAt ?? now) : null;
      return { set: { answeredAt }, allAnswered, data: { answers: answers.length, changed } };
    },
  );
  return advice;
}

// ------------------------------------------------------------------ drafts and texts

export type DraftVersion = { version: number; body: string; author: string | null; createdAt: Date };

export async function listDrafts(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<{ advice: Advice; versions: DraftVersion[]; mayEdit: boolean }> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (!isCouncilMember(actor)) throw new ForbiddenError('advice.drafts');
  const advice = (await findAdvice(deps.db, council, args.adviceId)) ?? notFound('advice');
  const versions = await deps.db
    .select({ version: adviceDrafts.version, body: adviceDrafts.body, author: users.name, createdAt: adviceDrafts.createdAt })
    .from(adviceDrafts)
    .leftJoin(users, eq(users.id, adviceDrafts.authorUserId))
    .where(and(eq(adviceDrafts.councilId, council.id), eq(adviceDrafts.adviceId, advice.id)))
    .orderBy(asc(adviceDrafts.version));
  return { advice, versions, mayEdit: await mayEditDraft(deps.db, actor, advice) };
}

/** Saves a new version of the draft; versions are never changed. */
export async function saveDraft(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; body: string }): Promise<number> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (!isCouncilMember(actor)) throw new ForbiddenError('advice.draft');
  return deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (advice.status !== 'drafting') throw new AdviceError('notAllowedFromState', 'advice.error.notAllowedFromState');
    if (!(await mayEditDraft(tx, actor, advice))) throw new ForbiddenError('advice.draft');
    const [row] = await tx
      .select({ max: sql<number | null>`max(${adviceDrafts.version})` })
      .from(adviceDrafts)
      .where(eq(adviceDrafts.adviceId, advice.id));
    const version = Number(row?.max ?? 0) + 1;
    await tx.insert(adviceDrafts).values({ councilId: council.id, adviceId: advice.id, version, body: args.body, authorUserId: actor.userId });
    await tx.update(advices).set({ updatedAt: new Date() }).where(eq(advices.id, advice.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'advice.draft.save', entity: 'advice', entityId: advice.id, data: { version } });
    return version;
  });
}

const EDITABLE: AdviceState[] = ['drafting', 'concept'];

/** Board edits of the concept (texts and recommendations): only while drafting or in concept. */
async function editConcept<T>(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }, action: string, fn: (tx: Tx, advice: Advice, actor: Actor) => Promise<{ result: T; data?: Record<string, unknown> }>): Promise<T> {
  const { actor, council } = args;
  assertCan(actor, 'advice.manage');
  return deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (!EDITABLE.includes(advice.status)) throw new AdviceError('notAllowedFromState', 'advice.error.notEditable');
    const { result, data } = await fn(tx, advice, actor);
    await tx.update(advices).set({ updatedAt: new Date() }).where(eq(advices.id, advice.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action, entity: 'advice', entityId: advice.id, data });
    return result;
  });
}

export async function saveTexts(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: TextsInput }): Promise<void> {
  await editConcept(deps, args, 'advice.texts.save', async (tx, advice) => {
    await tx.update(advices).set({ introduction: args.input.introduction, explanation: args.input.explanation }).where(eq(advices.id, advice.id));
    return { result: undefined };
  });
}

export async function addRecommendation(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; text: string }): Promise<void> {
  await editConcept(deps, args, 'advice.recommendation.add', async (tx, advice) => {
    const [row] = await tx
      .select({ max: sql<number | null>`max(${adviceRecommendations.number})` })
      .from(adviceRecommendations)
      .where(eq(adviceRecommendations.adviceId, advice.id));
    const number = Number(row?.max ?? 0) + 1;
    if (number > 100) throw new AdviceError('tooMany', 'advice.rec.tooMany', 'text');
    await tx.insert(adviceRecommendations).values({ councilId: args.council.id, adviceId: advice.id, number, text: args.text });
    return { result: undefined, data: { number } };
  });
}

/** Edit, remove or move a recommendation; numbers stay 1..n without gaps. */
export async function changeRecommendation(
  deps: Deps,
  args: { actor: Actor | null; council: Council; adviceId: string; recommendationId: string; action: 'opslaan' | 'verwijderen' | 'omhoog' | 'omlaag'; text: string },
): Promise<void> {
  await editConcept(deps, args, `advice.recommendation.${args.action === 'opslaan' ? 'edit' : args.action === 'verwijderen' ? 'remove' : 'move'}`, async (tx, advice) => {
    const recs = await listRecommendations(tx, args.council, advice.id);
    const index = recs.findIndex((r) => r.id === args.recommendationId.toLowerCase());
    if (index < 0) notFound('recommendation');
    const rec = recs[index]!;
    let order = recs.map((r) => r.id);
    if (args.action === 'opslaan') {
      if (args.text === '') throw new AdviceError('required', 'error.required', 'text');
      await tx.update(adviceRecommendations).set({ text: args.text }).where(eq(adviceRecommendations.id, rec.id));
      return { result: undefined, data: { number: rec.number } };
    }
    if (args.action === 'verwijderen') order = order.filter((id) => id !== rec.id);
    else {
      const to = args.action === 'omhoog' ? index - 1 : index + 1;
      if (to < 0 || to >= order.length) return { result: undefined, data: { number: rec.number } };
      [order[index], order[to]] = [order[to]!, order[index]!];
    }
    if (args.action === 'verwijderen') await tx.delete(adviceRecommendations).where(eq(adviceRecommendations.id, rec.id));
    // Renumber in two steps, so the unique (advice, number) key never sees a duplicate.
    for (const [i, id] of order.entries()) await tx.update(adviceRecommendations).set({ number: 1000 + i }).where(eq(adviceRecommendations.id, id));
    for (const [i, id] of order.entries()) await tx.update(adviceRecommendations).set({ number: i + 1 }).where(eq(adviceRecommendations.id, id));
    return { result: undefined, data: { number: rec.number } };
  });
}

// ------------------------------------------------------------------ after sending

/** What the municipality did with an adopted (or partly adopted) recommendation, and when to look again. */
export async function recordFollowUp(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: FollowUpInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.manage');
  if (input.reviewOn !== null && input.reviewOn < todayInAmsterdam()) throw new AdviceError('pastDate', 'advice.error.pastDate', 'reviewOn');
  await deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (advice.status !== 'sent' && advice.status !== 'answered') throw new AdviceError('notAllowedFromState', 'advice.error.notAllowedFromState');
    const [rec] = isUuid(input.recommendationId)
      ? await tx
          .select()
          .from(adviceRecommendations)
          .where(and(eq(adviceRecommendations.id, input.recommendationId), eq(adviceRecommendations.adviceId, advice.id), eq(adviceRecommendations.councilId, council.id)))
      : [];
    if (!rec) throw new AdviceError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'recommendationId');
    if (rec.answer !== 'adopted' && rec.answer !== 'partly') throw new AdviceError('notAdopted', 'advice.followUp.notAdopted', 'recommendationId');
    await tx.update(adviceRecommendations).set({ followUp: input.followUp, reviewOn: input.reviewOn }).where(eq(adviceRecommendations.id, rec.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'advice.followUp', entity: 'advice', entityId: advice.id, data: { number: rec.number, reviewOn: input.reviewOn } });
  });
}

/** Who may read the advice in the public register, and from when; the public pages change at once. */
export async function setPublication(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: PublicationInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.manage');
  await deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    await tx
      .update(advices)
      .set({
        publication: input.publication,
        publicationGround: input.publication === 'not_public' ? input.publicationGround : '',
        publishAfter: input.publication === 'public_after' ? input.publishAfter : null,
        updatedAt: new Date(),
      })
      .where(eq(advices.id, advice.id));
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'advice.publication', entity: 'advice', entityId: advice.id, from: advice.publication, to: input.publication });
  });
}

/** Uploads kept with a sent advice: the answer letter (secretary, official) or another document (board). */
export async function addDocuments(
  deps: Deps,
  args: { actor: Actor | null; council: Council; adviceId: string; kind: 'answer_letter' | 'other'; documents: Upload[] },
): Promise<void> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  if (args.kind === 'answer_letter' ? !can(actor, 'advice.answer') && !can(actor, 'advice.manage') : !can(actor, 'advice.manage')) throw new ForbiddenError('advice.documents');
  if (args.documents.length === 0) throw new AdviceError('documentMissing', 'advice.documents.missing', 'documents');
  const checked = checkUploads(args.documents);
  await deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (args.kind === 'answer_letter' && advice.status !== 'sent' && advice.status !== 'answered') throw new AdviceError('notAllowedFromState', 'advice.documents.answerNotYet', 'documents');
    await storeDocuments(deps, tx, { council, adviceId: advice.id, actor, kind: args.kind, checked });
    await audit(tx, { councilId: council.id, actorUserId: actor.userId, action: 'advice.documents.add', entity: 'advice', entityId: advice.id, data: { kind: args.kind, count: checked.length } });
  });
}

export async function readDocument(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; documentId: string }): Promise<{ doc: DocumentRow; bytes: Buffer }> {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = (await findAdvice(deps.db, council, args.adviceId)) ?? notFound('advice');
  if (!isUuid(args.documentId)) notFound('document');
  const [doc] = await deps.db
    .select()
    .from(adviceDocuments)
    .where(and(eq(adviceDocuments.id, args.documentId), eq(adviceDocuments.adviceId, advice.id), eq(adviceDocuments.councilId, council.id)))
    .limit(1);
  if (!doc) notFound('document');
  const bytes = await deps.files.get(doc.fileHash);
  if (!bytes) notFound('file');
  return { doc, bytes };
}

/** Everything the letter needs. */
export async function letterData(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; followUp?: boolean }) {
  const { actor, council } = args;
  assertCan(actor, 'advice.view');
  const advice = (await findAdvice(deps.db, council, args.adviceId)) ?? notFound('advice');
  const ready: AdviceState[] = args.followUp ? ['sent'] : ['adopted', 'sent', 'answered'];
  if (!ready.includes(advice.status) || (args.followUp && !isOverdue(advice))) notFound('letter');
  const [recommendations, signatories] = await Promise.all([listRecommendations(deps.db, council, advice.id), boardNames(deps.db, council)]);
  let logo: { bytes: Buffer; type: 'png' | 'jpeg' } | null = null;
  if (council.logoFile) {
    const [meta] = await deps.db.select().from(files).where(eq(files.hash, council.logoFile)).limit(1);
    const bytes = await deps.files.get(council.logoFile);
    if (meta && bytes && (meta.contentType === 'image/png' || meta.contentType === 'image/jpeg')) logo = { bytes, type: meta.contentType === 'image/png' ? 'png' : 'jpeg' };
  }
  return { advice, recommendations, signatories, logo };
}

// ------------------------------------------------------------------ reminders (worker)

const REMINDER_DAYS_BEFORE = 5;

type Reminder = { action: string; councilId: string; adviceId: string; key: string; to: string[]; subject: string; body: string };

/**
 * Daily job: mails the secretaries 5 working days before and on the answer due date, and on a
 * recommendation's review date. Each reminder is recorded in the audit log (action
 * `advice.reminder.*`, data.key) and never sent twice.
 */
export async function sendAdviceReminders(deps: Deps, now = new Date()): Promise<number> {
  const today = todayInAmsterdam(now);
  const soon = addWorkingDays(today, REMINDER_DAYS_BEFORE);
  const nl = translator('nl');
  const db = deps.db;
  const due = await db
    .select()
    .from(advices)
    .where(and(eq(advices.status, 'sent'), gte(advices.answerDueOn, today), lte(advices.answerDueOn, soon)));
  const reviews = await db
    .select({ rec: adviceRecommendations, advice: advices })
    .from(adviceRecommendations)
    .innerJoin(advices, eq(advices.id, adviceRecommendations.adviceId))
    .where(and(lte(adviceRecommendations.reviewOn, today), gte(adviceRecommendations.reviewOn, addDays(today, -7))));
  const councilsById = new Map<string, { name: string; slug: string; contactEmail: string; secretaries: string[] }>();
  const councilOf = async (id: string) => {
    let c = councilsById.get(id);
    if (!c) {
      const rows = await db
        .select({ name: sql<string>`c.name`, slug: sql<string>`c.slug`, contactEmail: sql<string>`c.contact_email` })
        .from(sql`councils c`)
        .where(sql`c.id = ${id}`);
      const secs = await db
        .select({ email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.councilId, id), eq(memberships.active, true), eq(memberships.role, 'secretary')));
      const r = rows[0]!;
      c = { ...r, secretaries: secs.map((s) => s.email) };
      councilsById.set(id, c);
    }
    return c;
  };
  const reminders: Reminder[] = [];
  for (const a of due) {
    const which = a.answerDueOn === today ? 'dueToday' : a.answerDueOn === soon ? 'dueSoon' : null;
    if (!which) continue;
    const c = await councilOf(a.councilId);
    const link = `${deps.config.baseUrl}/${c.slug}/werkruimte/adviezen/${a.id}`;
    reminders.push({
      action: `advice.reminder.${which}`,
      councilId: a.councilId,
      adviceId: a.id,
      key: `${which}:${a.answerDueOn}`,
      to: c.secretaries.length ? c.secretaries : [c.contactEmail],
      subject: nl(which === 'dueToday' ? 'advice.mail.dueToday.subject' : 'advice.mail.dueSoon.subject', { reference: a.reference }),
      body: nl(which === 'dueToday' ? 'advice.mail.dueToday.body' : 'advice.mail.dueSoon.body', {
        council: c.name,
        reference: a.reference,
        subject: a.subject,
        due: formatDate(a.answerDueOn!, 'nl'),
        link,
      }),
    });
  }
  for (const { rec, advice: a } of reviews) {
    const c = await councilOf(a.councilId);
    reminders.push({
      action: 'advice.reminder.review',
      councilId: a.councilId,
      adviceId: a.id,
      key: `review:${rec.id}:${rec.reviewOn}`,
      to: c.secretaries.length ? c.secretaries : [c.contactEmail],
      subject: nl('advice.mail.review.subject', { reference: a.reference, number: rec.number }),
      body: nl('advice.mail.review.body', {
        council: c.name,
        reference: a.reference,
        subject: a.subject,
        number: rec.number,
        text: rec.text,
        followUp: rec.followUp || '-',
        link: `${deps.config.baseUrl}/${c.slug}/werkruimte/adviezen/${a.id}`,
      }),
    });
  }
  let sent = 0;
  for (const r of reminders) {
    const done = await db.transaction(async (tx) => {
      // One at a time per advice across instances: lock the advice, then look for the record.
      await tx.select({ id: advices.id }).from(advices).where(eq(advices.id, r.adviceId)).for('update');
      const [already] = await tx
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'advice'), eq(auditLog.entityId, r.adviceId), eq(auditLog.action, r.action), sql`${auditLog.data}->>'key' = ${r.key}`))
        .limit(1);
      if (already) return false;
      for (const to of r.to) await deps.mailer.queue(tx, { councilId: r.councilId, to, subject: r.subject, body: r.body });
      await audit(tx, { councilId: r.councilId, actorUserId: null, action: r.action, entity: 'advice', entityId: r.adviceId, data: { key: r.key } });
      return true;
    });
    if (done) sent++;
  }
  if (sent) deps.mailer.kick();
  return sent;
}
