import { test } from 'node:test';
import assert from 'node:assert/strict';
import { occurrences, occurrenceInMonth, isDate } from './meetings.recurrence.ts';
import { localToUtc, utcToLocal, isTime } from '../../core/dates/amsterdam.ts';

// Expected dates taken from Python's calendar module, an independent source.
const thirdWednesday2026 = ['2026-01-21', '2026-02-18', '2026-03-18', '2026-04-15', '2026-05-20', '2026-06-17', '2026-07-15', '2026-08-19', '2026-09-16', '2026-10-21', '2026-11-18', '2026-12-16'];
const thirdWednesday2027 = ['2027-01-20', '2027-02-17', '2027-03-17', '2027-04-21', '2027-05-19', '2027-06-16', '2027-07-21', '2027-08-18', '2027-09-15', '2027-10-20', '2027-11-17', '2027-12-15'];
const lastFriday2026 = ['2026-01-30', '2026-02-27', '2026-03-27', '2026-04-24', '2026-05-29', '2026-06-26', '2026-07-31', '2026-08-28', '2026-09-25', '2026-10-30', '2026-11-27', '2026-12-25'];

test('third Wednesday: every date of 2026 and 2027', () => {
  assert.deepEqual(occurrences({ nth: 3, weekday: 3 }, 2026), thirdWednesday2026);
  assert.deepEqual(occurrences({ nth: 3, weekday: 3 }, 2027), thirdWednesday2027);
});

test('the "last" rule: last Friday of every month, last Sunday of March and October', () => {
  assert.deepEqual(occurrences({ nth: -1, weekday: 5 }, 2026), lastFriday2026);
  assert.equal(occurrenceInMonth({ nth: -1, weekday: 7 }, 2026, 3), '2026-03-29');
  assert.equal(occurrenceInMonth({ nth: -1, weekday: 7 }, 2026, 10), '2026-10-25');
  assert.equal(occurrenceInMonth({ nth: -1, weekday: 7 }, 2027, 3), '2027-03-28');
  assert.equal(occurrenceInMonth({ nth: -1, weekday: 7 }, 2027, 10), '2027-10-31');
  // February of a leap year ends on a Tuesday (2028-02-29).
  assert.equal(occurrenceInMonth({ nth: -1, weekday: 2 }, 2028, 2), '2028-02-29');
  assert.equal(occurrenceInMonth({ nth: 1, weekday: 1 }, 2026, 6), '2026-06-01');
  assert.equal(occurrenceInMonth({ nth: 4, weekday: 7 }, 2026, 2), '2026-02-22');
});

test('local Amsterdam times become the right UTC instant in winter and summer, for every 2026 meeting', () => {
  for (const d of thirdWednesday2026) {
    const summer = d >= '2026-03-29' && d < '2026-10-25';
    const start = localToUtc(d, '09:30');
    assert.equal(start.toISOString(), `${d}T${summer ? '07' : '08'}:30:00.000Z`);
    assert.deepEqual(utcToLocal(start), { date: d, time: '09:30' });
  }
});

test('the daylight-saving weeks: last Sunday of March and of October', () => {
  // 2026-03-29: clocks go from 02:00 to 03:00.
  assert.equal(localToUtc('2026-03-29', '01:59').toISOString(), '2026-03-29T00:59:00.000Z');
  assert.equal(localToUtc('2026-03-29', '03:00').toISOString(), '2026-03-29T01:00:00.000Z');
  // 02:30 does not exist that night: it moves forward by the gap to 03:30.
  assert.equal(localToUtc('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z');
  assert.equal(localToUtc('2026-03-28', '09:30').toISOString(), '2026-03-28T08:30:00.000Z');
  assert.equal(localToUtc('2026-03-30', '09:30').toISOString(), '2026-03-30T07:30:00.000Z');
  // 2026-10-25: clocks go from 03:00 back to 02:00; 02:30 happens twice, the first one counts.
  assert.equal(localToUtc('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(localToUtc('2026-10-25', '03:30').toISOString(), '2026-10-25T02:30:00.000Z');
  assert.equal(localToUtc('2026-10-24', '09:30').toISOString(), '2026-10-24T07:30:00.000Z');
  assert.equal(localToUtc('2026-10-26', '09:30').toISOString(), '2026-10-26T08:30:00.000Z');
  assert.equal(localToUtc('2027-03-28', '12:00').toISOString(), '2027-03-28T10:00:00.000Z');
  assert.equal(localToUtc('2027-10-31', '12:00').toISOString(), '2027-10-31T11:00:00.000Z');
  // A meeting across midnight in UTC terms keeps its local date.
  assert.deepEqual(utcToLocal(new Date('2026-06-30T22:30:00Z')), { date: '2026-07-01', time: '00:30' });
});

test('dates and times are checked strictly', () => {
  assert.equal(isDate('2026-02-28'), true);
  assert.equal(isDate('2028-02-29'), true);
  assert.equal(isDate('2026-02-29'), false);
  assert.equal(isDate('2026-02-30'), false);
  assert.equal(isDate('2026-13-01'), false);
  assert.equal(isDate('26-1-1'), false);
  assert.equal(isTime('09:30'), true);
  assert.equal(isTime('23:59'), true);
  assert.equal(isTime('25:00'), false);
  assert.equal(isTime('9:30'), false);
  assert.equal(isTime('12:60'), false);
});
