import { CalendarError } from '../errors.ts';

/**
 * Civil dates as day numbers: days since 1970-01-01 in the proleptic Gregorian calendar. Integer
 * arithmetic on them is free of time zones and DST, which is what holiday rules need.
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const SUNDAY = 0;
export const MONDAY = 1;
export const TUESDAY = 2;
export const WEDNESDAY = 3;
export const THURSDAY = 4;
export const FRIDAY = 5;
export const SATURDAY = 6;

/** Milliseconds since the epoch of a UTC wall-clock reading; unlike Date.UTC, years 0–99 stay as given. */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, ms);
  return d.getTime();
}

export function dayNumber(year: number, month: number, day: number): DayNumber {
  return Math.round(utcMs(year, month, day) / MS_PER_DAY);
}

/** Parses a strict `YYYY-MM-DD` date; throws INVALID_DATE for anything else, including 2021-02-30. */
export function parseIsoDate(date: string): DayNumber {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (m) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const n = dayNumber(year, month, day);
    const back = civilFromDayNumber(n);
    if (back.year === year && back.month === month && back.day === day) return n;
  }
  throw new CalendarError('INVALID_DATE', `${JSON.stringify(date)} is not a valid date: expected YYYY-MM-DD`);
}

export function civilFromDayNumber(n: DayNumber): { year: number; month: number; day: number } {
  const d = new Date(n * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function isoFromDayNumber(n: DayNumber): string {
  const { year, month, day } = civilFromDayNumber(n);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(n: DayNumber): number {
  return (((n + THURSDAY) % 7) + 7) % 7;
}

export function isWeekend(n: DayNumber): boolean {
  const wd = weekday(n);
  return wd === SATURDAY || wd === SUNDAY;
}

/** The `nth` (1-based) given weekday of a month, e.g. the third Monday of January. */
export function nthWeekdayOfMonth(year: number, month: number, wd: number, nth: number): DayNumber {
  const first = dayNumber(year, month, 1);
  return first + ((wd - weekday(first) + 7) % 7) + (nth - 1) * 7;
}

export function lastWeekdayOfMonth(year: number, month: number, wd: number): DayNumber {
  const last = dayNumber(year, month + 1, 1) - 1;
  return last - ((weekday(last) - wd + 7) % 7);
}

/**
 * Easter Sunday of a Gregorian year by the anonymous (Meeus/Jones/Butcher) algorithm. Good
 * Friday, an NYSE holiday, is two days before.
 */
export function easterSunday(year: number): DayNumber {
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
  return dayNumber(year, month, day);
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
