import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftLetter, occurrences, reminderDue } from './policycalendar.rules.ts';

test('the working group hears N weeks ahead, once per expected date, while the moment is still expected', () => {
  const m = { expectedOn: '2027-06-01', remindWeeks: 8, remindedFor: null, status: 'expected' };
  assert.equal(reminderDue(m, '2027-04-05'), false);
  assert.equal(reminderDue(m, '2027-04-06'), true);
  assert.equal(reminderDue({ ...m, remindedFor: '2027-06-01' }, '2027-04-10'), false);
  assert.equal(reminderDue({ ...m, remindedFor: '2027-05-01' }, '2027-04-10'), true, 'a shifted date gets its own reminder');
  assert.equal(reminderDue({ ...m, status: 'request_received' }, '2027-04-10'), false);
  assert.equal(reminderDue(m, '2027-06-02'), false, 'not after the date');
});

test('a recurring moment comes back every N years; a leap day falls back to 28 February', () => {
  assert.deepEqual(occurrences('2027-03-01', 4, '2035-12-31'), ['2027-03-01', '2031-03-01', '2035-03-01']);
  assert.deepEqual(occurrences('2027-11-10', 1, '2029-12-31'), ['2027-11-10', '2028-11-10', '2029-11-10']);
  assert.deepEqual(occurrences('2028-02-29', 1, '2029-12-31'), ['2028-02-29', '2029-02-28']);
  assert.deepEqual(occurrences('2027-03-01', null, '2035-12-31'), ['2027-03-01']);
});

test('the draft letter names the council, the moment, the date and the working group', () => {
  const letter = draftLetter({ council: 'Adviesraad Lindewijk', moment: 'Wmo-beleidsplan 2027-2030', date: '1 juni 2027', group: 'Wmo' });
  assert.match(letter, /rond 1 juni 2027 werkt aan: Wmo-beleidsplan 2027-2030\./);
  assert.match(letter, /Onze werkgroep Wmo volgt dit onderwerp\./);
  assert.match(letter, /Adviesraad Lindewijk$/);
  assert.doesNotMatch(letter, /\n\n\n/);
});
