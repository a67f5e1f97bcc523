/**
 * The life of a signal as one state machine. Every change of state is one of these actions;
 * the table says from which states it may happen, where it leads and who may do it.
 * Pure: no database, no clock. Anonymisation is not a state: it is a date on the signal
 * (the state stays readable for the counts), and an anonymised signal takes no actions.
 */
import type { Role } from '../../core/roles.ts';

export const signalStates = ['new', 'in_triage', 'to_discuss', 'discussed', 'closed', 'duplicate'] as const;
export type SignalState = (typeof signalStates)[number];

export const signalActions = ['classify', 'toDiscuss', 'markDiscussed', 'close', 'markDuplicate', 'reopen', 'linkAdvice'] as const;
export type SignalAction = (typeof signalActions)[number];

const open: readonly SignalState[] = ['new', 'in_triage', 'to_discuss', 'discussed'];
const triagers: readonly Role[] = ['chair', 'secretary'];

type Rule = { from: readonly SignalState[]; to: SignalState | 'same' | 'triageWhenNew'; roles: readonly Role[] };

/** Who may do what, from where. Platform admins act as chair (they never see contact details). */
export const transitions: Record<SignalAction, Rule> = {
  // Setting theme or policy field starts the triage of a new signal and keeps other states.
  classify: { from: open, to: 'triageWhenNew', roles: triagers },
  toDiscuss: { from: ['new', 'in_triage'], to: 'to_discuss', roles: triagers },
  markDiscussed: { from: ['to_discuss'], to: 'discussed', roles: triagers },
  close: { from: open, to: 'closed', roles: triagers },
  markDuplicate: { from: ['new', 'in_triage', 'to_discuss'], to: 'duplicate', roles: triagers },
  reopen: { from: ['closed', 'duplicate'], to: 'in_triage', roles: triagers },
  // A closed signal that led to an advice is typically linked afterwards.
  linkAdvice: { from: [...open, 'closed'], to: 'same', roles: triagers },
};

export type TransitionResult = { ok: true; to: SignalState } | { ok: false; reason: 'notAllowedFromState' | 'notAllowedForRole' | 'anonymised' };

export function transition(
  state: SignalState,
  action: SignalAction,
  actor: { role: Role | null; isPlatformAdmin: boolean },
  opts: { anonymised?: boolean } = {},
): TransitionResult {
  if (opts.anonymised) return { ok: false, reason: 'anonymised' };
  const rule = transitions[action];
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  const role: Role | null = actor.isPlatformAdmin ? 'chair' : actor.role;
  if (!role || !rule.roles.includes(role)) return { ok: false, reason: 'notAllowedForRole' };
  if (rule.to === 'same') return { ok: true, to: state };
  if (rule.to === 'triageWhenNew') return { ok: true, to: state === 'new' ? 'in_triage' : state };
  return { ok: true, to: rule.to };
}

/** The actions this actor can take now, for showing the right buttons. */
export function availableActions(state: SignalState, actor: { role: Role | null; isPlatformAdmin: boolean }, opts: { anonymised?: boolean } = {}): SignalAction[] {
  return signalActions.filter((a) => transition(state, a, actor, opts).ok);
}

/** Statuses after which the resident hears from the council (when they left an e-mail address). */
export const messageStatuses = ['received', 'discussed', 'closed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export function messageFor(to: SignalState): MessageStatus | null {
  return to === 'discussed' || to === 'closed' ? to : null;
}
