import { test } from 'node:test';
import assert from 'node:assert/strict';
// The policy table, which answers who may take each step.
import '../../modules.ts';
import { meetingTransition, minutesTransition, availableMeetingActions, availableMinutesActions, meetingActions, meetingTransitions } from './meetings.workflow.ts';

const as = (role: 'chair' | 'secretary' | 'member' | 'official' | 'partner') => ({ userId: 'u', role, isPlatformAdmin: false, membershipId: 'm' });
const admin = { userId: 'a', role: null, isPlatformAdmin: true, membershipId: null };

test('a planned meeting can be moved, cancelled or marked as held by the board', () => {
  assert.deepEqual(meetingTransition('planned', 'move'), { ok: true, to: 'planned' });
  assert.deepEqual(meetingTransition('planned', 'cancel'), { ok: true, to: 'cancelled' });
  assert.deepEqual(meetingTransition('planned', 'markHeld'), { ok: true, to: 'held' });
  assert.deepEqual(meetingTransition('planned', 'invite'), { ok: true, to: 'planned' });
});

test('held meetings are final, a cancellation can only be undone; members and officials cannot plan', () => {
  assert.deepEqual(meetingTransition('cancelled', 'move'), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(meetingTransition('held', 'cancel'), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(availableMeetingActions('planned', as('member')), []);
  assert.deepEqual(availableMeetingActions('planned', as('official')), []);
  assert.deepEqual(
    availableMeetingActions('planned', admin),
    [...meetingActions].filter((a) => a !== 'restore'),
  );
  // Undoing a cancellation is the one way out of 'cancelled' (its 30 days: mayRestoreMeeting).
  assert.deepEqual(availableMeetingActions('cancelled', as('chair')), ['restore']);
  assert.deepEqual(meetingTransition('cancelled', 'restore'), { ok: true, to: 'planned' });
  assert.deepEqual(availableMeetingActions('cancelled', as('member')), []);
  assert.deepEqual(availableMeetingActions('held', as('secretary')), ['editAgenda']);
  for (const a of meetingActions) if (a !== 'restore') assert.ok(meetingTransitions[a].from.includes('planned'));
});

test('minutes go draft → approved → published, never backwards', () => {
  assert.deepEqual(minutesTransition('draft', 'approve'), { ok: true, to: 'approved' });
  assert.deepEqual(minutesTransition('approved', 'publish'), { ok: true, to: 'published' });
  assert.deepEqual(minutesTransition('draft', 'publish'), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(minutesTransition('approved', 'draft'), { ok: false, reason: 'notAllowedFromState' });
  assert.deepEqual(availableMinutesActions('draft', as('member')), []);
  assert.deepEqual(availableMinutesActions('published', as('chair')), []);
  assert.deepEqual(availableMinutesActions('draft', as('secretary')), ['draft', 'approve']);
});
