/**
 * The pure rules of the work plan and the annual report: the states a topic, a plan and a report
 * go through, which step may happen from which state, and who may take it (a policy action).
 * No database here; the services ask these tables (runStateChange, core/state-change.ts).
 */
import type { Step } from '../../core/state-change.ts';

/** A topic of the work plan: planned, in progress, done, or dropped (with a reason). */
export const topicStates = ['planned', 'in_progress', 'done', 'dropped'] as const;
export type TopicState = (typeof topicStates)[number];
/** Topics that carry over to next year's plan. */
export const unfinishedTopicStates: readonly TopicState[] = ['planned', 'in_progress'];

/** A plan and a report both go through an approval round of the council. */
export const approvalStates = ['draft', 'in_approval', 'approved'] as const;
/** A report is published after approval; a newer version supersedes it. */
export const reportStates = [...approvalStates, 'published', 'superseded'] as const;
export type ReportState = (typeof reportStates)[number];

export const votes = ['agree', 'object'] as const;
export type Vote = (typeof votes)[number];

export type ApprovalAction = 'open' | 'close' | 'publish';
type Transition = { from: readonly ReportState[]; to: ReportState };
const transitions: Record<ApprovalAction, Transition> = {
  open: { from: ['draft'], to: 'in_approval' },
  // Where it leads depends on the votes (tally below): approved, or back to draft.
  close: { from: ['in_approval'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
};

/** May `action` happen from `state`; where it leads. */
export function approvalStep(action: ApprovalAction, state: ReportState): Step<ReportState> {
  const t = transitions[action];
  return t.from.includes(state) ? { ok: true, to: t.to } : { ok: false, reason: 'notAllowedFromState' };
}

/** Topic status changes: any status to any other, except that dropping needs a reason (checked in the form and here). */
export function topicStep(from: TopicState, to: TopicState, reason: string): Step<TopicState> {
  if (from === to) return { ok: false, reason: 'sameStatus' };
  if (to === 'dropped' && reason.trim() === '') return { ok: false, reason: 'reasonRequired' };
  return { ok: true, to };
}

/**
 * The outcome of an approval round, by the council's rule for advice (councils.adviceApprovalRule):
 * `consent` adopts unless someone objects; `majority` adopts with more agree than object votes.
 */
export function tally(rule: 'consent' | 'majority', votesCast: readonly Vote[]): { approved: boolean; agree: number; object: number } {
  const agree = votesCast.filter((v) => v === 'agree').length;
  const object = votesCast.length - agree;
  const approved = rule === 'consent' ? object === 0 && agree > 0 : agree > object;
  return { approved, agree, object };
}

/** Kinds of records a topic can be tagged with. */
export const tagKinds = ['advice', 'consultation', 'signalTheme', 'agendaItem'] as const;
export type TagKind = (typeof tagKinds)[number];

/** Years the platform knows a plan or report for: from 2000 to next year (plans) or this year (reports). */
export const FIRST_YEAR = 2000;
export function validPlanYear(year: number, thisYear: number): boolean {
  return Number.isInteger(year) && year >= FIRST_YEAR && year <= thisYear + 1;
}
