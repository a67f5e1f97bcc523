/**
 * For unit tests, which need no app or database: table-driven checks of a function, actors by
 * role, and the steps a workflow's state table allows or refuses.
 */
import assert from 'node:assert/strict';
import type { Actor } from '../../src/core/policy.ts';
import type { Role } from '../../src/core/roles.ts';

/** Each [input, expected]: `fn(input)` equals `expected` (deeply). */
export function assertEach<I, O>(fn: (input: I) => O, cases: [input: I, expected: O][]) {
  for (const [input, expected] of cases) assert.deepEqual(fn(input), expected, String(input));
}

/** A member of the organisation with `role`. */
export const actorAs = (role: Role): Actor => ({ userId: 'u', role, isPlatformAdmin: false, membershipId: 'm' });

/** A platform admin, who is no member of the organisation. */
export const platformAdmin: Actor = { userId: 'a', role: null, isPlatformAdmin: true, membershipId: null };

/** Each [from, action, to]: the state table allows the step and it leads to `to`. */
export function assertSteps<S extends string, A extends string>(transition: (from: S, action: A) => unknown, steps: [from: S, action: A, to: S][]) {
  for (const [from, action, to] of steps) assert.deepEqual(transition(from, action), { ok: true, to }, `${action} from ${from}`);
}

/** A path through the state table: from `start`, each action in turn is allowed and leads to its state. */
export function assertPath<S extends string, A extends string>(transition: (from: S, action: A) => unknown, start: S, path: Partial<Record<A, S>>) {
  let from = start;
  for (const [action, to] of Object.entries(path) as [A, S][]) {
    assert.deepEqual(transition(from, action), { ok: true, to }, `${action} from ${from}`);
    from = to;
  }
}

/** Each [from, action]: the state table refuses the step from that state. */
export function assertRefused<S extends string, A extends string>(transition: (from: S, action: A) => unknown, steps: [from: S, action: A][]) {
  for (const [from, action] of steps) assert.deepEqual(transition(from, action), { ok: false, reason: 'notAllowedFromState' }, `${action} from ${from}`);
}
