/**
 * The meeting rhythm as a pure rule ("the third Wednesday of every month"). No database, no
 * clock: callers pass in everything, so every date can be tested. Wall-clock times become UTC
 * instants in src/core/dates/amsterdam.ts.
 */
import type { IsoDate } from '../../core/dates/working-days.ts';

/** nth 1..4 or -1 (last); weekday ISO 1 = Monday .. 7 = Sunday. */
export type RhythmRule = { nth: number; weekday: number };

const pad = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO weekday (1 = Monday .. 7 = Sunday) of a calendar date; calendar dates carry no zone. */
function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The date of the rule in one month, or null if the month has no such day (never for 1..4 and -1). */
export function occurrenceInMonth(rule: RhythmRule, year: number, month: number): IsoDate | null {
  const last = daysInMonth(year, month);
  let day: number;
  if (rule.nth === -1) {
    day = last - ((isoWeekday(year, month, last) - rule.weekday + 7) % 7);
  } else {
    day = 1 + ((rule.weekday - isoWeekday(year, month, 1) + 7) % 7) + (rule.nth - 1) * 7;
    if (day > last) return null;
  }
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Every local date of the rule in a year, in order. */
export function occurrences(rule: RhythmRule, year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let month = 1; month <= 12; month++) {
    const d = occurrenceInMonth(rule, year, month);
    if (d) out.push(d);
  }
  return out;
}

/** A real calendar date 'YYYY-MM-DD' (2026-02-30 is not). */
export function isDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}
