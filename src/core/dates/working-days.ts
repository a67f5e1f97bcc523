/**
 * Dutch deadlines. Public holidays as in the Algemene termijnenwet (art. 3): New Year's Day,
 * Easter Monday, Ascension Day, Whit Monday, King's Day, 5 May, Christmas Day and Boxing Day.
 * Dates are plain 'YYYY-MM-DD' strings (calendar days in Europe/Amsterdam).
 */
import { utcToLocal } from './amsterdam.ts';

export type IsoDate = string;

function toUtc(d: IsoDate): Date {
  return new Date(`${d}T00:00:00Z`);
}
function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}
export function addDays(d: IsoDate, n: number): IsoDate {
  const x = toUtc(d);
  x.setUTCDate(x.getUTCDate() + n);
  return fromUtc(x);
}

/** Easter Sunday (Gregorian, anonymous algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function publicHolidays(year: number): Set<IsoDate> {
  const easter = easterSunday(year);
  // King's Day is 27 April, or 26 April when the 27th is a Sunday.
  const kingsDay = toUtc(`${year}-04-27`).getUTCDay() === 0 ? `${year}-04-26` : `${year}-04-27`;
  return new Set([`${year}-01-01`, addDays(easter, 1), addDays(easter, 39), addDays(easter, 50), kingsDay, `${year}-05-05`, `${year}-12-25`, `${year}-12-26`]);
}

export function isWorkingDay(d: IsoDate): boolean {
  const day = toUtc(d).getUTCDay();
  return day !== 0 && day !== 6 && !publicHolidays(Number(d.slice(0, 4))).has(d);
}

/** n working days after d (d itself not counted). */
export function addWorkingDays(d: IsoDate, n: number): IsoDate {
  let x = d;
  let left = n;
  while (left > 0) {
    x = addDays(x, 1);
    if (isWorkingDay(x)) left--;
  }
  return x;
}

/** A deadline that falls on a weekend or holiday moves to the next working day (Atw art. 1). */
function nextWorkingDayFrom(d: IsoDate): IsoDate {
  let x = d;
  while (!isWorkingDay(x)) x = addDays(x, 1);
  return x;
}

export function deadline(from: IsoDate, value: number, unit: 'weeks' | 'working_days'): IsoDate {
  return unit === 'weeks' ? nextWorkingDayFrom(addDays(from, value * 7)) : addWorkingDays(from, value);
}

/** Today's date in Europe/Amsterdam. */
export function todayInAmsterdam(now = new Date()): IsoDate {
  return utcToLocal(now).date;
}
