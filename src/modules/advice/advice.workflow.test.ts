import { test } from 'node:test';
import assert from 'node:assert/strict';
import { transition, availableActions, tally, mayVote, adviceStates, adviceActions, transitions } from './advice.workflow.ts';

const as = (role: 'chair' | 'secretary' | 'member' | 'official' | 'partner') => ({ role, isPlatformAdmin: false });

test('the full happy path is allowed for the right roles', () => {
  assert.deepEqual(transition('requested', 'assign', as('secretary')), { ok: true, to: 'drafting' });
  assert.deepEqual(transition('drafting', 'toConcept', as('secretary')), { ok: true, to: 'concept' });
  assert.deepEqual(transition('concept', 'openApproval', as('secretary')), { ok: true, to: 'in_approval' });
  assert.deepEqual(transition('in_approval', 'adopt', as('chair')), { ok: true, to: 'adopted' });
  assert.deepEqual(transition('adopted', 'send', as('secretary')), { ok: true, to: 'sent' });
  assert.deepEqual(transition('sent', 'recordAnswer', as('official'), { allAnswered: false }), { ok: true, to: 'sent' });
  assert.deepEqual(transition('sent', 'recordAnswer', as('official'), { allAnswered: true }), { ok: true, to: 'answered' });
});

test('wrong state or wrong role is refused with a reason', () => {
  assert.deepEqual(transition('requested', 'send', as('secretary')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(transition('in_approval', 'adopt', as('secretary')), { ok: false, reason: 'notAllowedForRole' });
  assert.deepEqual(transition('sent', 'withdraw', as('chair')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(transition('requested', 'assign', as('member')), { ok: false, reason: 'notAllowedForRole' });
  assert.deepEqual(transition('concept', 'openApproval', { role: null, isPlatformAdmin: true }), { ok: true, to: 'in_approval' });
});

test('every action leads somewhere from at least one state, and nothing leaves withdrawn', () => {
  for (const a of adviceActions) assert.ok(transitions[a].from.length > 0);
  for (const role of ['chair', 'secretary', 'member', 'official', 'partner'] as const) {
    assert.deepEqual(availableActions('withdrawn', as(role)), []);
  }
  assert.ok(adviceStates.includes('withdrawn'));
  assert.deepEqual(availableActions('in_approval', as('chair')), ['reopen', 'adopt']);
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
