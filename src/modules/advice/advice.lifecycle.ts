/**
 * The advice lifecycle: a request or an initiative starts an advice; every change of state after
 * that is a step of advice.workflow.ts run by core's `runStateChange` (policy, lock, table, audit
 * entry in the same transaction, mail after the commit). Also the vote, the follow-up and the
 * publication choice. The council comes from the request (tenancy), never from input.
 */
import { and, desc, eq, like, sql } from 'drizzle-orm';
import { DomainError, notFound } from '../../core/errors.ts';
import { runStateChange, type Applied } from '../../core/state-change.ts';
import type { Tx } from '../../core/db/index.ts';
import { saveRow } from '../../core/db/queries.ts';
import type { Deps } from '../../core/deps.ts';
import { assertCan, ForbiddenError, type Actor } from '../../core/policy.ts';
import { audit } from '../../core/audit/audit.ts';
import { isUuid, type Upload } from '../../core/http/forms.ts';
import { translator } from '../../core/i18n/index.ts';
import { deadline, todayInAmsterdam, type IsoDate } from '../../core/dates/working-days.ts';
import type { Council } from '../../core/organisations.schema.ts';
import { activeMembers, boardOf, findWorkingGroup, groupMemberUsers } from '../members/index.ts';
import { numericDateTime } from '../../core/dates/amsterdam.ts';
import { adviceDrafts, adviceRecommendations, adviceVotes, advices, type Advice } from './advice.schema.ts';
import { auditActions, isCouncilMember, mayVote, tally, transition, transitions, type AdviceAction, type AdviceState, type Withdrawal } from './advice.workflow.ts';
import { letterAttachment, letterLogo, letterModel, letterText } from './advice.letter.ts';
import { letterHtml } from './views/letter.tsx';
import type { AnswerInput, FollowUpInput, InitiateInput, PublicationInput, RequestInput, VoteInput } from './advice.forms.ts';
import { eligibleVoters, findAdvice, lastWithdrawal, listRecommendations, roundVotes, withdrawalAudience } from './advice.queries.ts';
import { checkUploads, storeDocuments } from './advice.documents.ts';
import { queueAdviceNotices } from './advice.notices.ts';

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

/** A request for advice from the municipality (secretary, chair or official; also the API). */
export async function createRequest(deps: Deps, args: { actor: Actor | null; council: Council; input: RequestInput; documents?: Upload[] }): Promise<Advice> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.request');
  if (input.neededBy < todayInAmsterdam()) throw new DomainError('pastDate', 'advice.error.pastDate', 'neededBy');
  const checked = checkUploads(args.documents ?? []);
  return start(deps, { actor, council, kind: 'requested', status: 'requested', input: { ...input }, checked });
}

/** An unsolicited advice, on the council's own initiative, with its reason. */
export async function initiateAdvice(deps: Deps, args: { actor: Actor | null; council: Council; input: InitiateInput }): Promise<Advice> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.initiate');
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
      action: args.kind === 'requested' ? 'advice.requested' : 'advice.initiated',
      entity: 'advice',
      entityId: advice!.id,
      from: null,
      to: args.status,
      data: { reference, documents: args.checked.length },
    });
    return advice!;
  });
}

// ------------------------------------------------------------------ steps of the workflow

type AdviceSet = Partial<typeof advices.$inferInsert>;

/**
 * One step of the lifecycle (core/state-change.ts): the policy action of the workflow table, the
 * locked advice, the table's check, the step's own work, the saved advice with its audit entry.
 */
async function step<R = undefined>(
  deps: Deps,
  args: { actor: Actor | null; council: Council; adviceId: string; action: AdviceAction },
  apply?: (tx: Tx, advice: Advice, to: AdviceState) => Promise<Applied<Advice, AdviceState, AdviceSet, R> | undefined>,
): Promise<{ advice: Advice; result?: R }> {
  const { council, action } = args;
  const { row, result } = await runStateChange(deps, {
    actor: args.actor,
    may: transitions[action].may,
    entity: 'advice',
    load: (tx) => findAdvice(tx, council, args.adviceId, { lock: true }),
    state: (a) => a.status,
    check: (state) => transition(state, action, { allAnswered: true }),
    refused: () => 'advice.error.notAllowedFromState',
    apply,
    save: (tx, a, to, { set }) => saveRow(tx, advices, a, { ...set, status: to }),
    audit: { councilId: council.id, action: auditActions[action], entityId: (a) => a.id },
  });
  return { advice: row, result };
}

export async function assignToGroup(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; workingGroupId: string }): Promise<Advice> {
  const { council } = args;
  const { advice } = await step(deps, { ...args, action: 'assign' }, async (tx, a) => {
    const group = await findWorkingGroup(tx, council, args.workingGroupId);
    if (!group) throw new DomainError('unknownGroup', 'advice.assign.unknownGroup', 'workingGroupId');
    // The group's members hear of their new work (issue 9: nobody was told).
    const members = await groupMemberUsers(tx, council.id, group.id);
    await queueAdviceNotices(
      tx,
      council,
      a,
      members.map((m) => m.userId),
      { kind: 'advice.assigned', text: 'advice.notice.assigned', params: { group: group.name } },
    );
    return { set: { workingGroupId: group.id }, data: { workingGroupId: group.id } };
  });
  return advice;
}

/** Drafting -> concept, keeping the last draft as the first text of the explanation if it is empty. */
export async function toConcept(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { council } = args;
  const { advice } = await step(deps, { ...args, action: 'toConcept' }, async (tx, a) => {
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
  if (!(closesAt.getTime() > (args.now ?? new Date()).getTime())) throw new DomainError('closesInPast', 'advice.approval.closesInPast', 'closesOn');
  const { advice } = await step(deps, { ...args, action: 'openApproval' }, async (tx, a) => {
    const recs = await listRecommendations(tx, council, a.id);
    if (recs.length === 0) throw new DomainError('noRecommendations', 'advice.approval.noRecommendations');
    const round = a.approvalRound + 1;
    // Every member may vote: each hears of it in their own language, at once or in the daily overview.
    const voters = await activeMembers(tx, council.id);
    await queueAdviceNotices(
      tx,
      council,
      a,
      voters.map((v) => v.userId),
      { kind: 'advice.voteOpened', text: 'advice.notice.voteOpened', params: { closes: numericDateTime(closesAt) } },
    );
    return { set: { approvalRound: round, approvalClosesAt: closesAt }, data: { round, closesAt: closesAt.toISOString() } };
  });
  return advice;
}

/** The chair sends the concept back for changes; a new round can be opened afterwards. */
export async function reopen(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { advice } = await step(deps, { ...args, action: 'reopen' }, async () => ({
    set: { approvalClosesAt: null },
  }));
  return advice;
}

/** The chair declares the advice adopted, only when the round's tally passes under the council's rule. */
export async function adopt(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { council } = args;
  const { advice } = await step(deps, { ...args, action: 'adopt' }, async (tx, a) => {
    const votes = await roundVotes(tx, council, a);
    const result = tally(
      votes.map((v) => v.vote),
      await eligibleVoters(tx, council),
      council.adviceApprovalRule,
    );
    if (!result.passes) throw new DomainError('notPassed', council.adviceApprovalRule === 'consent' ? 'advice.adopt.objections' : 'advice.adopt.noMajority');
    return {
      set: { adoptedAt: new Date(), approvalClosesAt: a.approvalClosesAt },
      data: { round: a.approvalRound, agree: result.agree + result.agreeWithRemark, object: result.object },
    };
  });
  return advice;
}

/**
 * Stops the advice. The working group's members and whoever asked for or started it hear of it
 * (withdrawalAudience); the board can undo it within RESTORE_DAYS (`restore`).
 */
export async function withdraw(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string }): Promise<Advice> {
  const { council } = args;
  const { advice } = await step(deps, { ...args, action: 'withdraw' }, async (tx, a) => {
    await tellAudience(tx, council, a, args.actor, 'withdrawn');
    return {};
  });
  return advice;
}

/**
 * Undoes a withdrawal within RESTORE_DAYS: the advice goes back to the state it had, which the
 * withdrawal's audit entry holds (`from`). The same people hear of it as of the withdrawal.
 */
export async function restore(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; now?: Date }): Promise<Advice> {
  const { council } = args;
  const now = args.now ?? new Date();
  type Row = { advice: Advice; withdrawal: Withdrawal | null };
  const { row } = await runStateChange<Row, AdviceState>(deps, {
    actor: args.actor,
    may: transitions.restore.may,
    entity: 'advice',
    load: async (tx) => {
      const a = await findAdvice(tx, council, args.adviceId, { lock: true });
      return a ? { advice: a, withdrawal: a.status === 'withdrawn' ? await lastWithdrawal(tx, council, a.id) : null } : null;
    },
    state: (r) => r.advice.status,
    check: (state, r) => transition(state, 'restore', { withdrawal: r.withdrawal, now }),
    refused: (reason) => (reason === 'restorePeriodOver' ? 'advice.restore.periodOver' : reason === 'noStateBeforeWithdrawal' ? 'advice.restore.unknownState' : 'advice.error.notAllowedFromState'),
    apply: async (tx, r) => {
      await tellAudience(tx, council, r.advice, args.actor, 'restored');
      return { data: { withdrawnAt: r.withdrawal?.at.toISOString() } };
    },
    save: async (tx, r, to) => ({ ...r, advice: await saveRow(tx, advices, r.advice, { status: to }) }),
    audit: { councilId: council.id, action: auditActions.restore, entityId: (r) => r.advice.id },
  });
  return row.advice;
}

/** Notices to the working group and the requester (not to the one who acts) that the advice stopped or goes on. */
async function tellAudience(tx: Tx, council: Council, a: Advice, actor: Actor | null, what: 'withdrawn' | 'restored'): Promise<void> {
  const audience = await withdrawalAudience(tx, council, a);
  const userIds = new Set([...(audience.group?.userIds ?? []), ...(audience.requester ? [audience.requester.userId] : [])]);
  if (actor) userIds.delete(actor.userId);
  await queueAdviceNotices(tx, council, a, userIds, {
    kind: `advice.${what}`,
    text: what === 'withdrawn' ? 'advice.notice.adviceWithdrawn' : 'advice.notice.adviceRestored',
  });
}

/**
 * A vote in the open round, never after closing. One vote per member per round (the unique key):
 * voting again while the round is open changes the vote (`advice.voteChanged` in the audit log).
 */
export async function castVote(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: VoteInput; now?: Date }): Promise<'cast' | 'changed' | 'unchanged'> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.vote');
  if (!isCouncilMember(actor) || !actor.membershipId) throw new ForbiddenError('advice.vote');
  const membershipId = actor.membershipId;
  return deps.db.transaction(async (tx) => {
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
    if (may === 'notOpen') throw new DomainError('notOpen', 'advice.vote.notOpen');
    if (may === 'closed') throw new DomainError('closed', 'advice.vote.closed');
    const round = advice.approvalRound;
    const remark = input.vote === 'agree' ? '' : input.remark;
    const mine = and(eq(adviceVotes.councilId, council.id), eq(adviceVotes.adviceId, advice.id), eq(adviceVotes.round, round), eq(adviceVotes.membershipId, membershipId));
    const inserted = await tx
      .insert(adviceVotes)
      .values({ councilId: council.id, adviceId: advice.id, round, membershipId, vote: input.vote, remark })
      .onConflictDoNothing()
      .returning({ id: adviceVotes.id });
    if (inserted.length > 0) {
      await audit(tx, {
        councilId: council.id,
        actorUserId: actor.userId,
        action: 'advice.voteCast',
        entity: 'advice_vote',
        entityId: advice.id,
        data: { round, vote: input.vote },
      });
      return 'cast';
    }
    // Voted before in this round: the vote changes (the row is locked until the commit).
    const [earlier] = await tx.select({ vote: adviceVotes.vote, remark: adviceVotes.remark }).from(adviceVotes).where(mine).for('update');
    if (!earlier || (earlier.vote === input.vote && earlier.remark === remark)) return 'unchanged';
    await tx.update(adviceVotes).set({ vote: input.vote, remark }).where(mine);
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'advice.voteChanged',
      entity: 'advice_vote',
      entityId: advice.id,
      data: { round, vote: input.vote, from: earlier.vote },
    });
    return 'changed';
  });
}

/**
 * Sends the adopted advice: the letter goes by e-mail to the addressee (or the council's own
 * address), the answer is due after the council's answer period.
 */
export async function sendAdvice(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; today?: IsoDate }): Promise<Advice> {
  const { council } = args;
  const today = args.today ?? todayInAmsterdam();
  const { advice } = await step(deps, { ...args, action: 'send' }, async (tx, a) => {
    const recs = await listRecommendations(tx, council, a.id);
    const signatories = await boardOf(tx, council.id);
    const sentAt = new Date();
    const to = a.addresseeEmail || council.contactEmail;
    const letter = { council, advice: { ...a, sentAt }, recommendations: recs, signatories, t: translator('nl'), locale: 'nl' as const };
    // The letter as text and as HTML in the body, and signed (the names of chair and secretary) as a tagged PDF.
    await deps.mailer.queue(tx, {
      councilId: council.id,
      to,
      replyTo: council.contactEmail,
      subject: translator('nl')('advice.mail.letter.subject', { reference: a.reference, subject: a.subject, council: council.name }),
      body: letterText(letter),
      html: letterHtml(letterModel(letter), letter.t('advice.letter.title', { reference: a.reference }), letter.locale),
      attachments: [await letterAttachment(letter, await letterLogo(tx, deps.files, council))],
    });
    const answerDueOn = deadline(today, council.answerPeriodValue, council.answerPeriodUnit);
    return { set: { sentAt, answerDueOn }, data: { to: to === council.contactEmail ? 'council' : 'addressee', answerDueOn } };
  });
  return advice;
}

/**
 * The college's answer per recommendation (secretary, official, API). An answer for a
 * recommendation of another advice or council changes nothing. The advice counts as answered
 * once every recommendation is.
 */
export async function recordAnswers(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; answers: AnswerInput[] }): Promise<Advice> {
  const { actor, council, answers } = args;
  assertCan(actor, 'advice.answer');
  if (answers.length === 0) throw new DomainError('noAnswers', 'advice.answer.none', 'answers');
  const seen = new Set<string>();
  for (const a of answers) {
    if (!isUuid(a.recommendationId)) throw new DomainError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'answers');
    if (seen.has(a.recommendationId.toLowerCase())) throw new DomainError('duplicateRecommendation', 'advice.answer.duplicate', 'answers');
    seen.add(a.recommendationId.toLowerCase());
    if ((a.answer === 'partly' || a.answer === 'not_adopted') && a.reason.trim() === '') throw new DomainError('reasonRequired', 'advice.answer.reasonRequired', `reason-${a.recommendationId}`);
  }
  const { advice } = await step(deps, { actor, council, adviceId: args.adviceId, action: 'recordAnswer' }, async (tx, a) => {
    const recs = await listRecommendations(tx, council, a.id);
    const ids = new Set(recs.map((r) => r.id));
    const foreign = answers.find((x) => !ids.has(x.recommendationId.toLowerCase()));
    if (foreign) throw new DomainError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'answers');
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
    const next = transition(a.status, 'recordAnswer', { allAnswered });
    return { set: { answeredAt }, data: { answers: answers.length, changed }, ...(next.ok ? { to: next.to } : {}) };
  });
  return advice;
}

// ------------------------------------------------------------------ after sending

/** What the municipality did with an adopted (or partly adopted) recommendation, and when to look again. */
export async function recordFollowUp(deps: Deps, args: { actor: Actor | null; council: Council; adviceId: string; input: FollowUpInput }): Promise<void> {
  const { actor, council, input } = args;
  assertCan(actor, 'advice.manage');
  if (input.reviewOn !== null && input.reviewOn < todayInAmsterdam()) throw new DomainError('pastDate', 'advice.error.pastDate', 'reviewOn');
  await deps.db.transaction(async (tx) => {
    const advice = (await findAdvice(tx, council, args.adviceId, { lock: true })) ?? notFound('advice');
    if (advice.status !== 'sent' && advice.status !== 'answered') throw new DomainError('notAllowedFromState', 'advice.error.notAllowedFromState');
    const [rec] = isUuid(input.recommendationId)
      ? await tx
          .select()
          .from(adviceRecommendations)
          .where(and(eq(adviceRecommendations.id, input.recommendationId), eq(adviceRecommendations.adviceId, advice.id), eq(adviceRecommendations.councilId, council.id)))
      : [];
    if (!rec) throw new DomainError('unknownRecommendation', 'advice.answer.unknownRecommendation', 'recommendationId');
    if (rec.answer !== 'adopted' && rec.answer !== 'partly') throw new DomainError('notAdopted', 'advice.followUp.notAdopted', 'recommendationId');
    await tx.update(adviceRecommendations).set({ followUp: input.followUp, reviewOn: input.reviewOn }).where(eq(adviceRecommendations.id, rec.id));
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'advice.followUpRecorded',
      entity: 'advice',
      entityId: advice.id,
      data: { number: rec.number, reviewOn: input.reviewOn },
    });
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
    await audit(tx, {
      councilId: council.id,
      actorUserId: actor.userId,
      action: 'advice.publicationChanged',
      entity: 'advice',
      entityId: advice.id,
      from: advice.publication,
      to: input.publication,
    });
  });
}
