import { boardRoles, councilRoles, roles, type Role } from './roles.ts';
import type { ModulePolicyAction } from './module-types.ts';

/** Who is acting: the user, their role in the council at hand (if any), and platform rights. */
export type Actor = {
  userId: string;
  isPlatformAdmin: boolean;
  /** Role in the council of the request; null when not a (active) member. */
  role: Role | null;
  membershipId: string | null;
};

/**
 * The policy actions. Core names its own here; each module adds its actions through `ModuleTypes`
 * (core/module-types.ts) in its manifest, so `Action` covers every module without core importing
 * any of them.
 */
/** @public Filled by declaration merging in each module's manifest. */
export interface PolicyActions extends Record<ModulePolicyAction, true> {
  'workspace.view': true;
  'councils.create': true;
  'outbox.read': true;
}
export type Action = keyof PolicyActions & string;

/** Who may: a list of roles in the organisation, or 'platform' for platform admins only. */
type Rule = readonly Role[] | 'platform';
export type PolicyRules = Record<string, Rule>;

export const board: readonly Role[] = boardRoles;
export const councilMembers: readonly Role[] = councilRoles;
const everyone: readonly Role[] = roles;

/** The policy table: which roles may do what. Platform admins may do everything, except `councilOnly`. */
const allowed = new Map<string, Rule>([
  ['workspace.view', everyone],
  ['councils.create', 'platform'],
  ['outbox.read', 'platform'],
]);
/**
 * Residents' personal data (special-category under the GDPR) is for the organisation's own
 * board only: a platform admin gets these actions only through a role in that organisation.
 */
const councilOnly = new Set<string>();

/** Adds a module's rules to the one policy table (called once per module when the platform is assembled). */
export function registerPolicy(rules: PolicyRules, opts: { councilOnly?: readonly string[] } = {}): void {
  for (const [action, rule] of Object.entries(rules)) {
    const known = allowed.get(action);
    if (known !== undefined && known !== rule) throw new Error(`policy action ${action} defined twice`);
    allowed.set(action, rule);
  }
  for (const a of opts.councilOnly ?? []) councilOnly.add(a);
}

/** Every action with its rule, for the route x role matrix and the docs. */
function _policyTable(): ReadonlyMap<string, Rule> {
  return allowed;
}

export function can(actor: Actor | null, action: Action): boolean {
  if (!actor) return false;
  if (actor.isPlatformAdmin && !councilOnly.has(action)) return true;
  const rule = allowed.get(action);
  if (rule === undefined) throw new Error(`policy action ${action} has no rule (is its module in src/modules.ts?)`);
  if (rule === 'platform') return false;
  return actor.role !== null && rule.includes(actor.role);
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
