/**
 * The life of a signal as one state machine. Every change of state is one of these actions;
 * the table says from which states it may happen, where it leads and which policy action
 * guards it: who may is answered by the policy table alone (index.ts).
 * Pure: no database, no clock. Anonymisation is not a state: it is a date on the signal
 * (the state stays readable for the counts), and an anonymised signal takes no actions.
 * Before 'new' there is 'held': a signal sent beyond the organisation's hourly budget waits,
 * sealed, outside this table and every count until it is let in (signals.intake.held.ts); only
 * then does it become a signal in state 'new'.
 */
import { can, type Action, type Actor } from '../../core/policy.ts';
import type { Step } from '../../core/state-change.ts';

export const signalStates = ['new', 'in_triage', 'to_discuss', 'discussed', 'closed', 'duplicate'] as const;
export type SignalState = (typeof signalStates)[number];

export const signalActions = ['classify', 'toDiscuss', 'markDiscussed', 'close', 'markDuplicate', 'reopen', 'linkAdvice'] as const;
export type SignalAction = (typeof signalActions)[number];

const open: readonly SignalState[] = ['new', 'in_triage', 'to_discuss', 'discussed'];
// Platform admins may triage (the policy table), but never see contact details (councilOnly there).
const triage: Action = 'signals.triage';

type Rule = { from: readonly SignalState[]; to: SignalState | 'same' | 'triageWhenNew'; may: Action };

/** What may happen from where, and the policy action that says who may. */
export const transitions: Record<SignalAction, Rule> = {
  // Setting theme or policy field starts the triage of a new signal and keeps other states.
  classify: { from: open, to: 'triageWhenNew', may: triage },
  toDiscuss: { from: ['new', 'in_triage'], to: 'to_discuss', may: triage },
  markDiscussed: { from: ['to_discuss'], to: 'discussed', may: triage },
  close: { from: open, to: 'closed', may: triage },
  markDuplicate: { from: ['new', 'in_triage', 'to_discuss'], to: 'duplicate', may: triage },
  reopen: { from: ['closed', 'duplicate'], to: 'in_triage', may: triage },
  // A closed signal that led to an advice is typically linked afterwards.
  linkAdvice: { from: [...open, 'closed'], to: 'same', may: triage },
};

/** The audit name of each step (`<entity>.<past tense>`). */
export const auditActions = {
  classify: 'signal.classified',
  toDiscuss: 'signal.putOnAgenda',
  markDiscussed: 'signal.discussed',
  close: 'signal.closed',
  markDuplicate: 'signal.markedDuplicate',
  reopen: 'signal.reopened',
  linkAdvice: 'signal.adviceLinked',
} as const satisfies Record<SignalAction, string>;

export type TransitionResult = Step<SignalState>;

/** May this step happen from this state, and where does it lead (the role is the policy's question). */
export function transition(state: SignalState, action: SignalAction, opts: { anonymised?: boolean } = {}): TransitionResult {
  if (opts.anonymised) return { ok: false, reason: 'anonymised' };
  const rule = transitions[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  if (rule.to === 'same') return { ok: true, to: state };
  if (rule.to === 'triageWhenNew') return { ok: true, to: state === 'new' ? 'in_triage' : state };
  return { ok: true, to: rule.to };
}

/** The actions this actor can take now, for showing the right buttons. */
export function availableActions(state: SignalState, actor: Actor | null, opts: { anonymised?: boolean } = {}): SignalAction[] {
  return signalActions.filter((a) => transition(state, a, opts).ok && can(actor, transitions[a].may));
}

/** Statuses after which the resident hears from the council (when they left an e-mail address). */
export const messageStatuses = ['received', 'discussed', 'closed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export function messageFor(to: SignalState): MessageStatus | null {
  return to === 'discussed' || to === 'closed' ? to : null;
}
