/**
 * The life of a meeting and of its minutes as two small state machines. Each table says from
 * which states an action may happen, where it leads and which policy action guards it: who may
 * is answered by the policy table alone (index.ts). Pure: no database.
 */
import { can, type Action, type Actor } from '../../core/policy.ts';
import type { Step } from '../../core/state-change.ts';

export const meetingStatuses = ['planned', 'cancelled', 'held'] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

export const minutesStatuses = ['draft', 'approved', 'published'] as const;
export type MinutesStatus = (typeof minutesStatuses)[number];

export const meetingActions = ['edit', 'invite', 'move', 'cancel', 'restore', 'markHeld', 'editAgenda'] as const;
export type MeetingAction = (typeof meetingActions)[number];

const minutesActions = ['draft', 'approve', 'publish'] as const;
export type MinutesAction = (typeof minutesActions)[number];

type Rule<S extends string> = { from: readonly S[]; to: S | 'same'; may: Action };

const manage: Action = 'meetings.manage';

/** A cancelled or held meeting is final: it stays visible but cannot be moved or invited again. */
export const meetingTransitions: Record<MeetingAction, Rule<MeetingStatus>> = {
  edit: { from: ['planned'], to: 'same', may: manage },
  invite: { from: ['planned'], to: 'same', may: manage },
  move: { from: ['planned'], to: 'same', may: manage },
  cancel: { from: ['planned'], to: 'cancelled', may: manage },
  // Undoing a cancellation: within RESTORE_DAYS and before the meeting begins (mayRestoreMeeting).
  restore: { from: ['cancelled'], to: 'planned', may: manage },
  markHeld: { from: ['planned'], to: 'held', may: manage },
  // The agenda may still be corrected after the meeting (for the minutes), not after a cancellation.
  editAgenda: { from: ['planned', 'held'], to: 'same', may: manage },
};

/** Minutes are drafted, approved in a later meeting, then published (public part only). */
export const minutesTransitions: Record<MinutesAction, Rule<MinutesStatus>> = {
  draft: { from: ['draft'], to: 'same', may: manage },
  approve: { from: ['draft'], to: 'approved', may: manage },
  publish: { from: ['approved'], to: 'published', may: manage },
};

/** The audit name of each step (`<entity>.<past tense>`). */
export const meetingAuditActions = {
  edit: 'meeting.edited',
  invite: 'meeting.invitationSent',
  move: 'meeting.changed',
  cancel: 'meeting.cancelled',
  restore: 'meeting.restored',
  markHeld: 'meeting.held',
  editAgenda: 'meeting.agendaChanged',
} as const satisfies Record<MeetingAction, string>;
export const minutesAuditActions = {
  draft: 'minutes.saved',
  approve: 'minutes.approved',
  publish: 'minutes.published',
} as const satisfies Record<MinutesAction, string>;

function run<S extends string>(rule: Rule<S>, state: S): Step<S> {
  if (!rule.from.includes(state)) return { ok: false, reason: 'notAllowedFromState' };
  return { ok: true, to: rule.to === 'same' ? state : rule.to };
}

/** May this step happen from this state, and where does it lead (the role is the policy's question). */
export function meetingTransition(state: MeetingStatus, action: MeetingAction): Step<MeetingStatus> {
  return run(meetingTransitions[action], state);
}

export function minutesTransition(state: MinutesStatus, action: MinutesAction): Step<MinutesStatus> {
  return run(minutesTransitions[action], state);
}

export function availableMeetingActions(state: MeetingStatus, actor: Actor | null): MeetingAction[] {
  return meetingActions.filter((a) => meetingTransition(state, a).ok && can(actor, meetingTransitions[a].may));
}

export function availableMinutesActions(state: MinutesStatus, actor: Actor | null): MinutesAction[] {
  return minutesActions.filter((a) => minutesTransition(state, a).ok && can(actor, minutesTransitions[a].may));
}

/** How long the board may undo a cancellation (issue 9: irreversible actions can be undone for 30 days). */
export const RESTORE_DAYS = 30;

/** Whether a cancellation can still be undone: within RESTORE_DAYS of it, and only while the meeting lies ahead. */
export function mayRestoreMeeting(m: { status: MeetingStatus; cancelledAt: Date | null; startsAt: Date }, now: Date): boolean {
  if (m.status !== 'cancelled' || !m.cancelledAt) return false;
  return now.getTime() - m.cancelledAt.getTime() <= RESTORE_DAYS * 24 * 3600_000 && m.startsAt.getTime() > now.getTime();
}
