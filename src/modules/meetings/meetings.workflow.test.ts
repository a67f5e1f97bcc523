import { test } from 'node:test';
import assert from 'node:assert/strict';
import { meetingTransition, minutesTransition, availableMeetingActions, availableMinutesActions, meetingActions, meetingTransitions } from './meetings.workflow.ts';

const as = (role: 'chair' | 'secretary' | 'member' | 'official' | 'partner') => ({ role, isPlatformAdmin: false });

test('a planned meeting can be moved, cancelled or marked as held by the board', () => {
  assert.deepEqual(meetingTransition('planned', 'move', as('secretary')), { ok: true, to: 'planned' });
  assert.deepEqual(meetingTransition('planned', 'cancel', as('secretary')), { ok: true, to: 'cancelled' });
  assert.deepEqual(meetingTransition('planned', 'markHeld', as('chair')), { ok: true, to: 'held' });
  assert.deepEqual(meetingTransition('planned', 'invite', { role: null, isPlatformAdmin: true }), { ok: true, to: 'planned' });
});

test('cancelled and held meetings are final; members and officials cannot plan', () => {
  assert.deepEqual(meetingTransition('cancelled', 'move', as('secretary')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(meetingTransition('held', 'cancel', as('chair')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(meetingTransition('planned', 'cancel', as('member')), { ok: false, reason: 'notAllowedForRole' });
  assert.deepEqual(meetingTransition('planned', 'move', as('official')), { ok: false, reason: 'notAllowedForRole' });
  assert.deepEqual(availableMeetingActions('cancelled', as('chair')), []);
  assert.deepEqual(availableMeetingActions('held', as('secretary')), ['editAgenda']);
  for (const a of meetingActions) assert.ok(meetingTransitions[a].from.includes('planned'));
});

test('minutes go draft → approved → published, never backwards', () => {
  assert.deepEqual(minutesTransition('draft', 'approve', as('secretary')), { ok: true, to: 'approved' });
  assert.deepEqual(minutesTransition('approved', 'publish', as('chair')), { ok: true, to: 'published' });
  assert.deepEqual(minutesTransition('draft', 'publish', as('secretary')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(minutesTransition('approved', 'draft', as('secretary')), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(minutesTransition('draft', 'approve', as('member')), { ok: false, reason: 'notAllowedForRole' });
  assert.deepEqual(availableMinutesActions('published', as('chair')), []);
  assert.deepEqual(availableMinutesActions('draft', as('secretary')), ['draft', 'approve']);
});
