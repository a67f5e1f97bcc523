/**
 * For the unit tests of a workflow (its state table and the policy table, no database): actors
 * by role, and tables of steps that the state table allows or refuses.
 */
import assert from 'node:assert/strict';
import type { Actor } from '../../src/core/policy.ts';
import type { Role } from '../../src/core/roles.ts';

/** A member of the organisation with `role`. */
export const actorAs = (role: Role): Actor => ({ userId: 'u', role, isPlatformAdmin: false, membershipId: 'm' });

/** A platform admin, who is no member of the organisation. */
export const platformAdmin: Actor = { userId: 'a', role: null, isPlatformAdmin: true, membershipId: null };

/** Each [from, action, to]: the state table allows the step and it leads to `to`. */
export function assertSteps<S extends string, A extends string>(transition: (from: S, action: A) => unknown, steps: [from: S, action: A, to: S][]) {
  for (const [from, action, to] of steps) assert.deepEqual(transition(from, action), { ok: true, to }, `${action} from ${from}`);
}

/** Each [from, action]: the state table refuses the step from that state. */
export function assertRefused<S extends string, A extends string>(transition: (from: S, action: A) => unknown, steps: [from: S, action: A][]) {
  for (const [from, action] of steps) assert.deepEqual(transition(from, action), { ok: false, reason: 'notAllowedFromState' }, `${action} from ${from}`);
}
