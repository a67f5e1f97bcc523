import { test } from 'node:test';
import assert from 'node:assert/strict';
import { easterSunday, publicHolidays, isWorkingDay, addWorkingDays, deadline, todayInAmsterdam } from './working-days.ts';

test('Easter Sunday for known years', () => {
  assert.equal(easterSunday(2026), '2026-04-05');
  assert.equal(easterSunday(2027), '2027-03-28');
  assert.equal(easterSunday(2025), '2025-04-20');
});

test('Dutch public holidays of 2026, King’s Day moved when the 27th is a Sunday', () => {
  const h = publicHolidays(2026);
  for (const d of ['2026-01-01', '2026-04-06', '2026-05-14', '2026-05-25', '2026-04-27', '2026-05-05', '2026-12-25', '2026-12-26']) assert.ok(h.has(d), d);
  assert.ok(publicHolidays(2025).has('2025-04-26'), '27 April 2025 is a Sunday');
});

test('working days skip weekends and holidays', () => {
  assert.equal(isWorkingDay('2026-12-25'), false);
  assert.equal(isWorkingDay('2026-12-28'), true);
  // Thursday 24 Dec + 2 working days: skips Christmas (Fri), Boxing Day and Sunday.
  assert.equal(addWorkingDays('2026-12-24', 2), '2026-12-29');
});

test('a deadline in weeks that lands on a holiday moves to the next working day', () => {
  // Six weeks after 14 Nov 2026 is Saturday 26 Dec (Boxing Day): next working day is Monday 28 Dec.
  assert.equal(deadline('2026-11-14', 6, 'weeks'), '2026-12-28');
  assert.equal(deadline('2026-11-23', 6, 'weeks'), '2027-01-04');
  // Mon 21 Dec + 5 working days: 22, 23, 24, (holidays and weekend), 28, 29.
  assert.equal(deadline('2026-12-21', 5, 'working_days'), '2026-12-29');
});

test('today is the Amsterdam calendar day', () => {
  assert.equal(todayInAmsterdam(new Date('2026-11-23T23:30:00Z')), '2026-11-24');
  // 23:30 UTC on 31 December is already 1 January in Amsterdam (UTC+1 in winter).
  assert.equal(todayInAmsterdam(new Date('2026-12-31T23:30:00Z')), '2027-01-01');
  // Summer time is UTC+2: 22:00 UTC is midnight.
  assert.equal(todayInAmsterdam(new Date('2026-07-01T21:59:00Z')), '2026-07-01');
  assert.equal(todayInAmsterdam(new Date('2026-07-01T22:00:00Z')), '2026-07-02');
});
