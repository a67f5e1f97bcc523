import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addMonths, agreementTransition, availableAgreementActions, defaultEnd, dueReminders, dueStep, inForce, noticeDate } from './cooperation.workflow.ts';
import '../../modules.ts';
import { actorAs, assertRefused } from '../../../test/support/unit.ts';

const base = { state: 'active' as const, startsOn: '2026-03-01', endsOn: '2027-02-28', renewal: 'tacit' as const, noticeDays: 30, noticeGivenAt: null, termMonths: 12 };

test('dates: a term of one year by default, month ends kept, the notice date before the end', () => {
  assert.equal(defaultEnd('2026-03-01'), '2027-02-28');
  assert.equal(defaultEnd('2028-03-01'), '2029-02-28');
  assert.equal(defaultEnd('2027-03-01'), '2028-02-29', 'leap year');
  assert.equal(addMonths('2026-01-31', 1), '2026-02-28');
  assert.equal(addMonths('2026-11-15', 3), '2027-02-15');
  assert.equal(noticeDate(base), '2027-01-29');
});

test('in force: from the start date to the end date; after it only a tacit renewal without notice', () => {
  assert.equal(inForce(base, '2026-02-28'), false, 'not yet started');
  assert.equal(inForce(base, '2026-03-01'), true);
  assert.equal(inForce(base, '2027-02-28'), true);
  assert.equal(inForce(base, '2027-03-01'), true, 'tacit renewal is on its way');
  assert.equal(inForce({ ...base, noticeGivenAt: new Date() }, '2027-03-01'), false, 'notice given: ends');
  assert.equal(inForce({ ...base, renewal: 'explicit' }, '2027-03-01'), false, 'explicit: ends without a decision');
  for (const state of ['draft', 'proposed', 'accepted', 'ended'] as const) assert.equal(inForce({ ...base, state }, '2026-06-01'), false, state);
  assert.equal(inForce({ ...base, state: 'upForRenewal' }, '2026-06-01'), true);
});

test('the job moves agreements on by their dates', () => {
  assert.deepEqual(dueStep({ ...base, state: 'accepted' }, '2026-03-01'), { to: 'active', action: 'agreement.activated' });
  assert.equal(dueStep({ ...base, state: 'accepted' }, '2026-02-28'), null);
  assert.equal(dueStep(base, '2027-01-28'), null);
  assert.deepEqual(dueStep(base, '2027-01-29'), { to: 'upForRenewal', action: 'agreement.upForRenewal' });
  assert.equal(dueStep({ ...base, state: 'upForRenewal' }, '2027-02-28'), null);
  assert.deepEqual(dueStep({ ...base, state: 'upForRenewal' }, '2027-03-01'), { to: 'renewed', set: { endsOn: '2028-02-29' }, action: 'agreement.renewed' });
  assert.deepEqual(dueStep({ ...base, state: 'upForRenewal', renewal: 'explicit' }, '2027-03-01'), { to: 'ended', action: 'agreement.ended' });
  assert.deepEqual(dueStep({ ...base, noticeGivenAt: new Date() }, '2027-03-01'), { to: 'ended', action: 'agreement.ended' });
  assert.equal(dueStep({ ...base, state: 'ended' }, '2030-01-01'), null);
});

test('reminders 60 and 14 days before the end date and the notice date; none after notice', () => {
  // End 2027-02-28, notice date 2027-01-29.
  assert.deepEqual(dueReminders(base, '2026-11-29'), [], '61 days before the notice date');
  assert.deepEqual(dueReminders(base, '2026-11-30'), [{ about: 'notice', dueOn: '2027-01-29', daysBefore: 60 }]);
  assert.deepEqual(dueReminders(base, '2026-12-30'), [
    { about: 'end', dueOn: '2027-02-28', daysBefore: 60 },
    { about: 'notice', dueOn: '2027-01-29', daysBefore: 60 },
  ]);
  assert.deepEqual(dueReminders(base, '2027-01-15'), [
    { about: 'end', dueOn: '2027-02-28', daysBefore: 60 },
    { about: 'notice', dueOn: '2027-01-29', daysBefore: 14 },
  ]);
  assert.deepEqual(dueReminders(base, '2027-02-20'), [{ about: 'end', dueOn: '2027-02-28', daysBefore: 14 }]);
  assert.deepEqual(dueReminders({ ...base, noticeGivenAt: new Date() }, '2027-02-20'), []);
  assert.deepEqual(dueReminders({ ...base, state: 'proposed' }, '2027-02-20'), []);
});

test('steps: who may is the policy table’s question, from which state the workflow’s', () => {
  const [chair, secretary, member] = [actorAs('chair'), actorAs('secretary'), actorAs('member')];
  assert.deepEqual(availableAgreementActions('proposed', chair), ['accept']);
  assert.deepEqual(availableAgreementActions('proposed', secretary), [], 'only a chair accepts');
  assert.deepEqual(availableAgreementActions('draft', secretary), ['propose']);
  assert.deepEqual(availableAgreementActions('upForRenewal', secretary), ['renew', 'giveNotice', 'end']);
  assert.deepEqual(availableAgreementActions('active', member), []);
  assertRefused(agreementTransition, [
    ['ended', 'end'],
    ['draft', 'accept'],
  ]);
});
