import { test } from 'node:test';
import assert from 'node:assert/strict';
import { localToUtc, utcToLocal } from './amsterdam.ts';

const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
function fromIntl(instant: Date): { date: string; time: string } {
  const p = Object.fromEntries(intl.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

// The offsets kept per hour give what Intl gives: every minute around the summer-time changes of
// several years, and instants spread over 1900-2100 (before 1977 Intl is asked every time).
test('local Amsterdam time of an instant is what Intl says, around every change of summer time', () => {
  const changes = ['1977-04-03T01:00Z', '1996-10-27T01:00Z', '2026-03-29T01:00Z', '2026-10-25T01:00Z', '2027-03-28T01:00Z', '2099-10-25T01:00Z'];
  for (const change of changes) {
    const at = Date.parse(change);
    for (let minute = -180; minute <= 180; minute++) {
      const instant = new Date(at + minute * 60_000 + 17_000);
      assert.deepEqual(utcToLocal(instant), fromIntl(instant), instant.toISOString());
    }
  }
  for (let t = Date.UTC(1900, 0, 1); t < Date.UTC(2100, 0, 1); t += 7_777_777_777) {
    assert.deepEqual(utcToLocal(new Date(t)), fromIntl(new Date(t)), new Date(t).toISOString());
  }
});

test('a local time becomes the right instant across the changes of summer time', () => {
  assert.equal(localToUtc('2026-03-29', '01:30').toISOString(), '2026-03-29T00:30:00.000Z');
  // 02:30 does not exist that night: it moves forward by the hour.
  assert.equal(localToUtc('2026-03-29', '02:30').toISOString(), '2026-03-29T01:30:00.000Z');
  assert.equal(localToUtc('2026-03-29', '03:30').toISOString(), '2026-03-29T01:30:00.000Z');
  // 02:30 occurs twice in October: the first.
  assert.equal(localToUtc('2026-10-25', '02:30').toISOString(), '2026-10-25T00:30:00.000Z');
  assert.equal(localToUtc('2026-10-25', '03:30').toISOString(), '2026-10-25T02:30:00.000Z');
  assert.equal(localToUtc('2026-12-07', '19:30').toISOString(), '2026-12-07T18:30:00.000Z');
});
