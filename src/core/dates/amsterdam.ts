/**
 * Local Amsterdam wall-clock times and UTC instants, both ways, without a time-zone library.
 * Meetings, approval rounds and reminders are entered as "date + HH:MM" in Amsterdam.
 */
import type { IsoDate } from './working-days.ts';

export const TIME_ZONE = 'Europe/Amsterdam';

const localParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** The offset of Amsterdam from UTC at an instant, in milliseconds, asked of Intl. */
function offsetFromIntl(instant: number): number {
  const p = Object.fromEntries(localParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

const HOUR = 3_600_000;
/**
 * Since 1977 Amsterdam's offset is whole hours and changes only at 01:00 UTC (EU summer time), so
 * one answer serves a whole UTC hour. Asking Intl costs 10-20 µs, and a workspace page asks for
 * dozens of dates (issue 14). Earlier instants (offsets of +0:19:32, changes at odd times) and
 * years past 9999 are asked every time.
 */
const CACHED_FROM = Date.UTC(1977, 0, 1);
const CACHED_UNTIL = Date.UTC(10_000, 0, 1) - 2 * 86_400_000;
const offsets = new Map<number, number>();
const MAX_OFFSETS = 100_000;

/** The offset of Amsterdam from UTC at an instant, in milliseconds (+1h in winter, +2h in summer). */
function offsetAt(instant: number): number {
  if (!(instant >= CACHED_FROM && instant < CACHED_UNTIL)) return offsetFromIntl(instant);
  const hour = Math.floor(instant / HOUR);
  let offset = offsets.get(hour);
  if (offset === undefined) {
    offset = offsetFromIntl(hour * HOUR);
    if (offsets.size >= MAX_OFFSETS) offsets.clear();
    offsets.set(hour, offset);
  }
  return offset;
}

/**
 * A local date and 'HH:MM' in Europe/Amsterdam as a UTC instant. The offset is looked up around
 * the instant itself (not for today), so times stay right across daylight-saving changes. Like
 * RFC 5545: a time that occurs twice (02:30 on the last Sunday of October) is the first one; a
 * time that does not exist (02:30 on the last Sunday of March) moves forward by the gap.
 */
export function localToUtc(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const wall = Date.UTC(y!, m! - 1, d!, hh!, mm!);
  const before = offsetAt(wall - 86_400_000);
  const after = offsetAt(wall + 86_400_000);
  const matches = [...new Set([before, after])]
    .map((o) => wall - o)
    .filter((t) => offsetAt(t) + t === wall)
    .sort((a, b) => a - b);
  return new Date(matches[0] ?? wall - before);
}

/** The local Amsterdam date and 'HH:MM' of an instant. */
export function utcToLocal(instant: Date): { date: IsoDate; time: string } {
  const t = instant.getTime();
  if (t >= CACHED_FROM && t < CACHED_UNTIL) {
    // The wall clock as if it were UTC: "yyyy-mm-ddThh:mm".
    const wall = new Date(t + offsetAt(t)).toISOString();
    return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
  }
  const p = Object.fromEntries(localParts.formatToParts(instant).map((x) => [x.type, x.value]));
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** '8-12-2026 17:00' in Amsterdam time: the same in Dutch and English, for texts written in either. */
export function numericDateTime(instant: Date): string {
  const { date, time } = utcToLocal(instant);
  const [y, m, d] = date.split('-');
  return `${Number(d)}-${Number(m)}-${y} ${time}`;
}

/** 'HH:MM' on a 24-hour clock. */
export function isTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
