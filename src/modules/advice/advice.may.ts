/**
 * What an actor may do with one advice now, answered once from the policy table (`can`), the
 * workflow table and the visibility rule, so the pages show the right forms without deciding
 * rights themselves (issue 15). Pure: the caller passes what it read.
 */
import { can, type Actor } from '../../core/policy.ts';
import type { Advice, Recommendation } from './advice.schema.ts';
import { availableActions, isCouncilMember, type Withdrawal } from './advice.workflow.ts';
import { mayOpenAdvice, seesAllAdvice, seesCouncilWork } from './advice.visibility.ts';

export type AdviceMay = {
  // Steps of the workflow (advice.workflow.ts), for this actor from this state.
  assign: boolean;
  toConcept: boolean;
  openApproval: boolean;
  reopen: boolean;
  adopt: boolean;
  send: boolean;
  /** Record the college's answer per recommendation. */
  answer: boolean;
  withdraw: boolean;
  /** Undo a withdrawal (within RESTORE_DAYS). */
  restore: boolean;
  /** Save a version of the working group's proposal. */
  editDraft: boolean;
  /** Read the versions of the proposal. */
  readDrafts: boolean;
  /** Change the introduction, the explanation and the recommendations. */
  editTexts: boolean;
  /** Cast a first vote in the open round. */
  vote: boolean;
  /** Change one's vote while the round is open. */
  changeVote: boolean;
  /** The tally and every vote with its remark (the chair decides on adoption). */
  seeTally: boolean;
  followUp: boolean;
  publication: boolean;
  /** Kinds of document the actor may add. */
  addDocuments: ('answer_letter' | 'other')[];
  readLetter: boolean;
  readFollowUpLetter: boolean;
  /**
   * The council's own work on the advice: working group, concept text, recommendations, the
   * approval round, the letter, the history. False for an official's own request before sending.
   */
  seeCouncilWork: boolean;
};

export type MayInput = {
  actor: Actor;
  advice: Advice;
  recommendations: Pick<Recommendation, 'answer'>[];
  /** The actor is on the board or in the advice's working group, and it is drafting. */
  editDraft: boolean;
  hasDraftVersions: boolean;
  votedThisRound: boolean;
  voteOpen: boolean;
  overdue: boolean;
  /** The last withdrawal, for undoing it. */
  withdrawal: Withdrawal | null;
  now?: Date;
};

export function adviceMay(input: MayInput): AdviceMay {
  const { actor, advice } = input;
  const s = advice.status;
  const actions = mayOpenAdvice(actor, advice) ? availableActions(s, actor, { withdrawal: input.withdrawal, now: input.now }) : [];
  const has = (a: (typeof actions)[number]) => actions.includes(a);
  const council = seesCouncilWork(actor, advice);
  const sent = s === 'sent' || s === 'answered';
  const manage = can(actor, 'advice.manage');
  const mayVoteAtAll = input.voteOpen && can(actor, 'advice.vote') && Boolean(actor.membershipId) && isCouncilMember(actor);
  const followUpRecs = input.recommendations.some((r) => r.answer === 'adopted' || r.answer === 'partly');
  return {
    assign: has('assign'),
    toConcept: has('toConcept'),
    openApproval: has('openApproval'),
    reopen: has('reopen'),
    adopt: has('adopt'),
    send: has('send'),
    // The answer is the municipality's: a platform admin (acting as chair) records none.
    answer: has('recordAnswer') && !actor.isPlatformAdmin,
    withdraw: has('withdraw'),
    restore: has('restore'),
    editDraft: input.editDraft,
    readDrafts: seesAllAdvice(actor) && (s === 'drafting' || input.hasDraftVersions),
    editTexts: (s === 'drafting' || s === 'concept') && manage,
    vote: mayVoteAtAll && !input.votedThisRound,
    changeVote: mayVoteAtAll && input.votedThisRound,
    seeTally: can(actor, 'advice.decide') && advice.approvalRound > 0,
    followUp: sent && manage && followUpRecs,
    publication: manage && s !== 'withdrawn',
    addDocuments: [...(sent && (can(actor, 'advice.answer') || manage) ? (['answer_letter'] as const) : []), ...(manage ? (['other'] as const) : [])],
    readLetter: council && (s === 'adopted' || sent),
    readFollowUpLetter: council && input.overdue,
    seeCouncilWork: council,
  };
}

/** What the actor may start from the list of advices. */
export type ListMay = { request: boolean; initiate: boolean };

export function listMay(actor: Actor | null): ListMay {
  return { request: can(actor, 'advice.request'), initiate: can(actor, 'advice.initiate') };
}
