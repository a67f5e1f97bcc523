/**
 * The advice lifecycle as one state machine. Every change of state is one of these actions;
 * the table says from which states it may happen, to which state it leads, and which policy
 * action guards it: who may is answered by the policy table alone (index.ts).
 * Pure: no database, no clock except what the caller passes in.
 */
import { can, type Action, type Actor } from '../../core/policy.ts';
import { isCouncilRole, type Role } from '../../core/roles.ts';
import type { Step } from '../../core/state-change.ts';

export const adviceStates = ['requested', 'initiated', 'drafting', 'concept', 'in_approval', 'adopted', 'sent', 'answered', 'withdrawn'] as const;
export type AdviceState = (typeof adviceStates)[number];

export const adviceActions = ['assign', 'toConcept', 'openApproval', 'reopen', 'adopt', 'send', 'recordAnswer', 'withdraw', 'restore'] as const;
export type AdviceAction = (typeof adviceActions)[number];

type Rule = { from: readonly AdviceState[]; to: AdviceState | 'answeredWhenComplete' | 'stateBeforeWithdrawal'; may: Action };

/** What may happen from where, and the policy action that says who may. */
export const transitions: Record<AdviceAction, Rule> = {
  assign: { from: ['requested', 'initiated', 'drafting'], to: 'drafting', may: 'advice.manage' },
  toConcept: { from: ['drafting'], to: 'concept', may: 'advice.manage' },
  openApproval: { from: ['concept'], to: 'in_approval', may: 'advice.manage' },
  reopen: { from: ['in_approval'], to: 'concept', may: 'advice.decide' },
  adopt: { from: ['in_approval'], to: 'adopted', may: 'advice.decide' },
  send: { from: ['adopted'], to: 'sent', may: 'advice.manage' },
  // Answers may come in parts: the advice counts as answered once every recommendation is.
  recordAnswer: { from: ['sent', 'answered'], to: 'answeredWhenComplete', may: 'advice.answer' },
  withdraw: { from: ['requested', 'initiated', 'drafting', 'concept'], to: 'withdrawn', may: 'advice.manage' },
  // The board may undo a withdrawal within RESTORE_DAYS: back to the state the advice had.
  restore: { from: ['withdrawn'], to: 'stateBeforeWithdrawal', may: 'advice.manage' },
};

/** How long after a withdrawal the board can still undo it. */
export const RESTORE_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The withdrawal as the audit log holds it: the state it came from and when. */
export type Withdrawal = { from: AdviceState | null; at: Date };

/** The last moment a withdrawal can be undone. */
export function restoreUntil(w: Pick<Withdrawal, 'at'>): Date {
  return new Date(w.at.getTime() + RESTORE_DAYS * DAY_MS);
}

/** The audit name of each step (`<entity>.<past tense>`). */
export const auditActions = {
  assign: 'advice.assigned',
  toConcept: 'advice.conceptMade',
  openApproval: 'advice.approvalOpened',
  reopen: 'advice.reopened',
  adopt: 'advice.adopted',
  send: 'advice.sent',
  recordAnswer: 'advice.answerRecorded',
  withdraw: 'advice.withdrawn',
  restore: 'advice.restored',
} as const satisfies Record<AdviceAction, string>;

export type TransitionResult = Step<AdviceState>;

/**
 * What a step needs to know besides the state: whether every recommendation is answered (an
 * answer), the withdrawal being undone and the time now (restore).
 */
export type TransitionContext = { allAnswered?: boolean; withdrawal?: Withdrawal | null; now?: Date };

/** May this step happen from this state, and where does it lead (the role is the policy's question). */
export function transition(state: AdviceState, action: AdviceAction, opts: TransitionContext = {}): TransitionResult {
  const rule = transitions[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  if (rule.to === 'answeredWhenComplete') return { ok: true, to: opts.allAnswered ? 'answered' : 'sent' };
  if (rule.to === 'stateBeforeWithdrawal') {
    const before = opts.withdrawal?.from;
    if (!opts.withdrawal || !before || !transitions.withdraw.from.includes(before)) return { ok: false, reason: 'noStateBeforeWithdrawal' };
    if ((opts.now ?? new Date()).getTime() > restoreUntil(opts.withdrawal).getTime()) return { ok: false, reason: 'restorePeriodOver' };
    return { ok: true, to: before };
  }
  return { ok: true, to: rule.to };
}

/** The actions this actor can take now, for showing the right buttons. */
export function availableActions(state: AdviceState, actor: Actor | null, opts: Omit<TransitionContext, 'allAnswered'> = {}): AdviceAction[] {
  return adviceActions.filter((a) => transition(state, a, { ...opts, allAnswered: true }).ok && can(actor, transitions[a].may));
}

export type Vote = 'agree' | 'agree_with_remark' | 'object';
export type Tally = { agree: number; agreeWithRemark: number; object: number; notVoted: number; passes: boolean };

/**
 * consent: adopted unless a member objects. majority: more than half of the members who may
 * vote agreed (with or without remark).
 */
export function tally(votesCast: Vote[], eligible: number, rule: 'consent' | 'majority'): Tally {
  const agree = votesCast.filter((v) => v === 'agree').length;
  const agreeWithRemark = votesCast.filter((v) => v === 'agree_with_remark').length;
  const object = votesCast.filter((v) => v === 'object').length;
  const passes = rule === 'consent' ? object === 0 : (agree + agreeWithRemark) * 2 > eligible;
  return { agree, agreeWithRemark, object, notVoted: Math.max(0, eligible - votesCast.length), passes };
}

/** A vote counts only during the approval round and before its closing time. */
export function mayVote(state: AdviceState, closesAt: Date | null, now: Date): 'ok' | 'notOpen' | 'closed' {
  if (state !== 'in_approval' || !closesAt) return 'notOpen';
  return now.getTime() <= closesAt.getTime() ? 'ok' : 'closed';
}

/** The role used for checks; platform admins act as chair. */
export function effectiveRole(actor: Actor): Role | null {
  return actor.isPlatformAdmin ? 'chair' : actor.role;
}

/** Member of the council itself (not an official or partner). */
export function isCouncilMember(actor: Actor | null): boolean {
  return actor !== null && isCouncilRole(effectiveRole(actor));
}
