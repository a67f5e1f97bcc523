/**
 * The life of a meeting and of its minutes as two small state machines. Each table says from
 * which states an action may happen, where it leads and who may do it. Pure: no database.
 */
import type { Role } from '../../core/roles.ts';

export const meetingStatuses = ['planned', 'cancelled', 'held'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const minutesStatuses = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export const meetingActions = ['edit', 'invite', 'move', 'cancel', 'markHeld', 'editAgenda'] as const;
export type MeetingAction = (typeof meetingActions)[number];

export const minutesActions = ['draft', 'approve', 'publish'] as const;
export type MinutesAction = (typeof minutesActions)[number];

type Rule<S extends string> = { from: readonly S[]; to: S | 'same'; roles: readonly Role[] };

const board: readonly Role[] = ['chair', 'secretary'];

/** A cancelled or held meeting is final: it stays visible but cannot be moved or invited again. */
export const meetingTransitions: Record<MeetingAction, Rule<MeetingStatus>> = {
  edit: { from: ['planned'], to: 'same', roles: board },
  invite: { from: ['planned'], to: 'same', roles: board },
  move: { from: ['planned'], to: 'same', roles: board },
  cancel: { from: ['planned'], to: 'cancelled', roles: board },
  markHeld: { from: ['planned'], to: 'held', roles: board },
  // The agenda may still be corrected after the meeting (for the minutes), not after a cancellation.
  editAgenda: { from: ['planned', 'held'], to: 'same', roles: board },
};

/** Minutes are drafted, approved in a later meeting, then published (public part only). */
export const minutesTransitions: Record<MinutesAction, Rule<MinutesStatus>> = {
  draft: { from: ['draft'], to: 'same', roles: board },
  approve: { from: ['draft'], to: 'approved', roles: board },
  publish: { from: ['approved'], to: 'published', roles: board },
};

export type Actor = { role: Role | null; isPlatformAdmin: boolean };
export type TransitionResult<S> = { ok: true; to: S } | { ok: false; reason: 'notAllowedFromState' | 'notAllowedForRole' };

function run<S extends string>(rule: Rule<S>, state: S, actor: Actor): TransitionResult<S> {
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  // Platform admins act as chair, as in the advice workflow.
  const role: Role | null = actor.isPlatformAdmin ? 'chair' : actor.role;
  if (!role || !rule.roles.includes(role)) return { ok: false, reason: 'notAllowedForRole' };
  return { ok: true, to: rule.to === 'same' ? state : rule.to };
}

export function meetingTransition(state: MeetingStatus, action: MeetingAction, actor: Actor): TransitionResult<MeetingStatus> {
  return run(meetingTransitions[action], state, actor);
}

export function minutesTransition(state: MinutesStatus, action: MinutesAction, actor: Actor): TransitionResult<MinutesStatus> {
  return run(minutesTransitions[action], state, actor);
}

export function availableMeetingActions(state: MeetingStatus, actor: Actor): MeetingAction[] {
  return meetingActions.filter((a) => meetingTransition(state, a, actor).ok);
}

export function availableMinutesActions(state: MinutesStatus, actor: Actor): MinutesAction[] {
  return minutesActions.filter((a) => minutesTransition(state, a, actor).ok);
}
