/**
 * The advice lifecycle as one state machine. Every change of state is one of these actions;
 * the table says from which states it may happen, to which state it leads, and who may do it.
 * Pure: no database, no clock except what the caller passes in.
 */
import type { Role } from '../../core/roles.ts';

export const adviceStates = ['requested', 'initiated', 'drafting', 'concept', 'in_approval', 'adopted', 'sent', 'answered', 'withdrawn'] as const;
export type AdviceState = (typeof adviceStates)[number];

export const adviceActions = ['assign', 'toConcept', 'openApproval', 'reopen', 'adopt', 'send', 'recordAnswer', 'withdraw'] as const;
export type AdviceAction = (typeof adviceActions)[number];

type Rule = { from: readonly AdviceState[]; to: AdviceState | 'same' | 'answeredWhenComplete'; roles: readonly Role[] };

/** Who may do what, from where. Platform admins act as chair. */
export const transitions: Record<AdviceAction, Rule> = {
  assign: { from: ['requested', 'initiated', 'drafting'], to: 'drafting', roles: ['chair', 'secretary'] },
  toConcept: { from: ['drafting'], to: 'concept', roles: ['chair', 'secretary'] },
  openApproval: { from: ['concept'], to: 'in_approval', roles: ['chair', 'secretary'] },
  reopen: { from: ['in_approval'], to: 'concept', roles: ['chair'] },
  adopt: { from: ['in_approval'], to: 'adopted', roles: ['chair'] },
  send: { from: ['adopted'], to: 'sent', roles: ['chair', 'secretary'] },
  // Answers may come in parts: the advice counts as answered once every recommendation is.
  recordAnswer: { from: ['sent', 'answered'], to: 'answeredWhenComplete', roles: ['secretary', 'official'] },
  withdraw: { from: ['requested', 'initiated', 'drafting', 'concept'], to: 'withdrawn', roles: ['chair', 'secretary'] },
};

/** Who may start an advice: a request (municipality) or an unsolicited one (council). */
export const startRoles = {
  requested: ['chair', 'secretary', 'official'] as readonly Role[],
  unsolicited: ['chair', 'secretary', 'member'] as readonly Role[],
};

export type TransitionResult = { ok: true; to: AdviceState } | { ok: false; reason: 'notAllowedFromState' | 'notAllowedForRole' };

export function transition(
  state: AdviceState,
  action: AdviceAction,
  actor: { role: Role | null; isPlatformAdmin: boolean },
  opts: { allAnswered?: boolean } = {},
): TransitionResult {
  const rule = transitions[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  const role: Role | null = actor.isPlatformAdmin ? 'chair' : actor.role;
  if (!role || !rule.roles.includes(role)) return { ok: false, reason: 'notAllowedForRole' };
  if (rule.to === 'same') return { ok: true, to: state };
  if (rule.to === 'answeredWhenComplete') return { ok: true, to: opts.allAnswered ? 'answered' : 'sent' };
  return { ok: true, to: rule.to };
}

/** The actions this actor can take now, for showing the right buttons. */
export function availableActions(state: AdviceState, actor: { role: Role | null; isPlatformAdmin: boolean }): AdviceAction[] {
  return adviceActions.filter((a) => transition(state, a, actor, { allAnswered: true }).ok);
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
