import { test } from 'node:test';
import assert from 'node:assert/strict';
// The policy table, which answers who may take each step.
import '../../modules.ts';
import { meetingTransition, minutesTransition, availableMeetingActions, availableMinutesActions, meetingActions, meetingTransitions } from './meetings.workflow.ts';
import { actorAs as as, assertRefused, assertSteps, platformAdmin as admin } from '../../../test/support/unit.ts';

test('a planned meeting can be moved, cancelled or marked as held by the board', () => {
  assertSteps(meetingTransition, [
    ['planned', 'move', 'planned'],
    ['planned', 'cancel', 'cancelled'],
    ['planned', 'markHeld', 'held'],
    ['planned', 'invite', 'planned'],
  ]);
});

test('held meetings are final, a cancellation can only be undone; members and officials cannot plan', () => {
  assertRefused(meetingTransition, [
    ['cancelled', 'move'],
    ['held', 'cancel'],
  ]);
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
  assertSteps(minutesTransition, [
    ['draft', 'approve', 'approved'],
    ['approved', 'publish', 'published'],
  ]);
  assertRefused(minutesTransition, [
    ['draft', 'publish'],
    ['approved', 'draft'],
  ]);
  assert.deepEqual(availableMinutesActions('draft', as('member')), []);
  assert.deepEqual(availableMinutesActions('published', as('chair')), []);
  assert.deepEqual(availableMinutesActions('draft', as('secretary')), ['draft', 'approve']);
});
