import type { Role } from '../modules/members/members.schema.ts';

/** Who is acting: the user, their role in the council at hand (if any), and platform rights. */
export type Actor = {
  userId: string;
  isPlatformAdmin: boolean;
  /** Role in the council of the request; null when not a (active) member. */
  role: Role | null;
  membershipId: string | null;
};

export const actions = [
  'workspace.view',
  'members.view',
  'members.manage',
  'workingGroups.manage',
  'vacancies.manage',
  'applications.read',
  'settings.manage',
  'councils.create',
  'outbox.read',
  'advice.view',
  'advice.request',
  'advice.initiate',
  'advice.manage',
  'advice.vote',
  'advice.answer',
  'advice.overview',
  'apiTokens.manage',
  // signals (issue 4)
  'signals.view',
  'signals.record',
  'signals.triage',
  'signals.contact',
  'signals.accessLog',
  'signals.settings',
  // meetings (issue 5)
  'meetings.view',
  'meetings.manage',
  'meetings.attend',
  'calendar.subscribe',
  // documents (issue 5)
  'documents.view',
  'documents.viewClosed',
  'documents.upload',
  'documents.manage',
] as const;
export type Action = (typeof actions)[number];

const board: Role[] = ['chair', 'secretary'];
const councilMembers: Role[] = ['chair', 'secretary', 'member'];
const everyone: Role[] = ['chair', 'secretary', 'member', 'official', 'partner'];

/** The policy table: which council roles may do what. Platform admins may do everything. */
const allowed: Record<Action, Role[] | 'platform'> = {
  'workspace.view': everyone,
  'members.view': councilMembers,
  'members.manage': board,
  'workingGroups.manage': board,
  'vacancies.manage': board,
  'applications.read': board,
  'settings.manage': board,
  'councils.create': 'platform',
  'outbox.read': 'platform',
  'advice.view': ['chair', 'secretary', 'member', 'official'],
  'advice.request': ['chair', 'secretary', 'official'],
  'advice.initiate': councilMembers,
  'advice.manage': board,
  'advice.vote': councilMembers,
  'advice.answer': ['secretary', 'official'],
  'advice.overview': councilMembers,
  // Partner councils hold a token to submit signals (the API refuses them everything else).
  'apiTokens.manage': ['chair', 'secretary', 'official', 'partner'],
  'signals.view': councilMembers,
  'signals.record': councilMembers,
  'signals.triage': board,
  'signals.contact': board,
  'signals.accessLog': ['chair'],
  'signals.settings': board,
  'meetings.view': councilMembers,
  'meetings.manage': board,
  'meetings.attend': councilMembers,
  'calendar.subscribe': councilMembers,
  'documents.view': councilMembers,
  'documents.viewClosed': board,
  'documents.upload': councilMembers,
  'documents.manage': board,
};

/**
 * Residents' personal data (special-category under the GDPR) is for the council's own board only:
 * a platform admin gets these actions only through a role in that council.
 */
const councilOnly = new Set<Action>(['signals.contact', 'signals.accessLog']);

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  if (actor.isPlatformAdmin && !councilOnly.has(action)) return true;
  const rule = allowed[action];
  if (rule === 'platform') return false;
  return actor.role !== null && rule.includes(actor.role);
}

/** Roles that must use a second factor when their council requires it. */
export function isBoardRole(role: Role | null): boolean {
  return role !== null && board.includes(role);
}

export class ForbiddenError extends Error {
  readonly statusCode = 403;
  readonly code = 'FORBIDDEN';
}
export class NotFoundError extends Error {
  readonly statusCode = 404;
  readonly code = 'NOT_FOUND';
}

export function assertCan(actor: Actor | null, action: Action): asserts actor is Actor {
  if (!can(actor, action)) throw new ForbiddenError(action);
}
