import type { Step } from '../../core/state-change.ts';
import { vacancyStatuses } from './members.schema.ts';

export type VacancyStatus = (typeof vacancyStatuses)[number];

/**
 * The vacancy state machine: a draft is published, a published vacancy is closed, and a
 * closed one may be reopened. Nothing goes back to draft.
 */
export const vacancyTransitions: Readonly<Record<VacancyStatus, readonly VacancyStatus[]>> = {
  draft: ['published'],
  published: ['closed'],
  closed: ['published'],
};

export function canTransition(from: VacancyStatus, to: VacancyStatus): boolean {
  return vacancyTransitions[from].includes(to);
}

function _isVacancyStatus(v: unknown): v is VacancyStatus {
  return typeof v === 'string' && (vacancyStatuses as readonly string[]).includes(v);
}

/** A closing date may be empty, or today or later. */
export function closingDateAllowed(closesOn: string | null, today: string): boolean {
  return closesOn === null || closesOn >= today;
}

/** The public sees a vacancy (and may apply) while it is published and its closing date has not passed. */
export function isOpenToPublic(v: { status: VacancyStatus; closesOn: string | null }, today: string): boolean {
  return v.status === 'published' && closingDateAllowed(v.closesOn, today);
}

/** Why a transition may not happen now, or null when it may. */
export function transitionBlocker(v: { status: VacancyStatus; closesOn: string | null }, to: VacancyStatus, today: string): 'notAllowed' | 'closingDatePassed' | null {
  if (!canTransition(v.status, to)) return 'notAllowed';
  if (to === 'published' && !closingDateAllowed(v.closesOn, today)) return 'closingDatePassed';
  return null;
}

/** The same as a step of the state machine (core/state-change.ts): where it leads, or why not. */
export function vacancyStep(v: { status: VacancyStatus; closesOn: string | null }, to: VacancyStatus, today: string): Step<VacancyStatus> {
  const blocker = transitionBlocker(v, to, today);
  return blocker ? { ok: false, reason: blocker } : { ok: true, to };
}

/** A short summary for lists: the first paragraph, cut at a word boundary. */
export function summarise(text: string, max = 240): string {
  const first = (text.split(/\n\s*\n/)[0] ?? '').replace(/\s+/g, ' ').trim();
  if (first.length <= max) return first;
  const cut = first.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/**
 * Whether a change leaves the council without an active chair or secretary.
 * `board` are the ids of the active chair and secretary memberships now; `changedId` loses that role.
 */
export function leavesNoBoard(board: readonly string[], changedId: string): boolean {
  return board.includes(changedId) && board.filter((id) => id !== changedId).length === 0;
}

/**
 * The roles that take a seat in the council: the chair and the members. The secretary is usually
 * paid staff (DOMAIN.md), and officials and partner councils read along; none of them count
 * towards the member cap of the council's regulation.
 */
export const seatRoles = ['chair', 'member'] as const;

export function takesSeat(role: string): boolean {
  return (seatRoles as readonly string[]).includes(role);
}

/** Seats still free under the cap (never below 0); null when the council has no cap. */
export function seatsLeft(cap: number | null, taken: number): number | null {
  return cap === null ? null : Math.max(0, cap - taken);
}

/** Whether `adding` more seats would pass the cap; seats already taken include open invitations. */
export function passesCap(cap: number | null, taken: number, adding: number): boolean {
  return cap !== null && adding > 0 && taken + adding > cap;
}
