import { test } from 'node:test';
import assert from 'node:assert/strict';
// The policy table, which answers who may take each step.
import '../../modules.ts';
import { can } from '../../core/policy.ts';
import { transition, availableActions, tally, mayVote, adviceStates, adviceActions, transitions } from './advice.workflow.ts';
import { actorAs as as, assertPath, assertRefused, platformAdmin as admin } from '../../../test/support/unit.ts';

test('the full happy path leads through every state', () => {
  assertPath(transition, 'requested', { assign: 'drafting', toConcept: 'concept', openApproval: 'in_approval', adopt: 'adopted', send: 'sent' });
  assert.deepEqual(transition('sent', 'recordAnswer', { allAnswered: false }), { ok: true, to: 'sent' });
  assert.deepEqual(transition('sent', 'recordAnswer', { allAnswered: true }), { ok: true, to: 'answered' });
});

test('a wrong state is refused by the table, a wrong role by the policy table', () => {
  assertRefused(transition, [
    ['requested', 'send'],
    ['sent', 'withdraw'],
  ]);
  const may = (actor: Parameters<typeof can>[0], action: keyof typeof transitions) => can(actor, transitions[action].may);
  assert.equal(may(as('chair'), 'adopt'), true);
  assert.equal(may(as('secretary'), 'adopt'), false);
  assert.equal(may(as('secretary'), 'assign'), true);
  assert.equal(may(as('member'), 'assign'), false);
  assert.equal(may(as('official'), 'recordAnswer'), true);
  assert.equal(may(as('chair'), 'recordAnswer'), false);
  // Platform admins act as chair: they take the board's steps, but record no municipal answer.
  assert.equal(may(admin, 'openApproval'), true);
  assert.equal(may(admin, 'adopt'), true);
  assert.equal(may(admin, 'recordAnswer'), false);
});

test('every action leads somewhere from at least one state, and nothing leaves withdrawn', () => {
  for (const a of adviceActions) assert.ok(transitions[a].from.length > 0);
  for (const role of ['chair', 'secretary', 'member', 'official', 'partner'] as const) {
    assert.deepEqual(availableActions('withdrawn', as(role)), []);
  }
  assert.ok(adviceStates.includes('withdrawn'));
  assert.deepEqual(availableActions('in_approval', as('chair')), ['reopen', 'adopt']);
  assert.deepEqual(availableActions('in_approval', as('secretary')), []);
  assert.deepEqual(availableActions('sent', as('official')), ['recordAnswer']);
});

test('tally: consent passes without objection; majority needs more than half of the eligible members', () => {
  assert.equal(tally(['agree', 'agree_with_remark'], 10, 'consent').passes, true);
  assert.equal(tally(['agree', 'object'], 10, 'consent').passes, false);
  assert.equal(tally(['agree', 'agree', 'agree', 'agree', 'agree'], 10, 'majority').passes, false);
  const t = tally(['agree', 'agree', 'agree', 'agree_with_remark', 'agree', 'agree', 'object'], 10, 'majority');
  assert.equal(t.passes, true);
  assert.deepEqual([t.agree, t.agreeWithRemark, t.object, t.notVoted], [5, 1, 1, 3]);
});

test('votes only while the round is open', () => {
  const closes = new Date('2026-12-01T17:00:00Z');
  assert.equal(mayVote('in_approval', closes, new Date('2026-12-01T16:59:59Z')), 'ok');
  assert.equal(mayVote('in_approval', closes, new Date('2026-12-01T17:00:01Z')), 'closed');
  assert.equal(mayVote('concept', closes, new Date('2026-11-01T00:00:00Z')), 'notOpen');
});

test('restore: back to the state before the withdrawal, within 30 days only', () => {
  const at = new Date('2026-11-01T10:00:00Z');
  const within = new Date('2026-12-01T09:59:59Z');
  const after = new Date('2026-12-01T10:00:01Z');
  assert.deepEqual(transition('withdrawn', 'restore', { withdrawal: { from: 'drafting', at }, now: within }), { ok: true, to: 'drafting' });
  assert.deepEqual(transition('withdrawn', 'restore', { withdrawal: { from: 'drafting', at }, now: after }), { ok: false, reason: 'restorePeriodOver' });
  assert.deepEqual(transition('withdrawn', 'restore', { withdrawal: null }), { ok: false, reason: 'noStateBeforeWithdrawal' });
  // Never to a state a withdrawal cannot come from.
  assert.deepEqual(transition('withdrawn', 'restore', { withdrawal: { from: 'sent', at }, now: within }), { ok: false, reason: 'noStateBeforeWithdrawal' });
  assert.deepEqual(transition('drafting', 'restore', { withdrawal: { from: 'drafting', at }, now: within }), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(availableActions('withdrawn', as('secretary'), { withdrawal: { from: 'concept', at }, now: within }), ['restore']);
  assert.deepEqual(availableActions('withdrawn', as('member'), { withdrawal: { from: 'concept', at }, now: within }), []);
});
