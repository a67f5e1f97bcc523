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

/** The offset of Amsterdam from UTC at an instant, in milliseconds (+1h in winter, +2h in summer). */
function offsetAt(instant: number): number {
  const p = Object.fromEntries(localParts.formatToParts(new Date(instant)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(instant / 1000) * 1000;
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
