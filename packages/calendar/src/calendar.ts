import { CalendarError } from './errors.ts';
import { civilFromDayNumber, type DayNumber, isoFromDayNumber, isWeekend, parseIsoDate } from './internal/days.ts';
import {
  XNYS_CLOSE,
  XNYS_EARLY_CLOSE,
  XNYS_FIRST_YEAR,
  XNYS_LAST_YEAR,
  XNYS_TIME_ZONE,
  xnysClosure,
  xnysEarlyClose,
  xnysOpenTime,
} from './internal/xnys.ts';
import { utcToZoned, zonedToUtc } from './zone.ts';

export const calendarCodes = ['XNYS', '24x7', '24x5'] as const;
/** `XNYS`: NYSE/Nasdaq regular sessions; `24x7`: crypto; `24x5`: spot FX. */
export type CalendarCode = (typeof calendarCodes)[number];

export interface TradingCalendar {
  code: CalendarCode;
  name: string;
  /** The zone in which session dates and times are defined. */
  timeZone: string;
  /** First and last session dates the calendar can answer for, when bounded. */
  firstDate: string | null;
  lastDate: string | null;
}

/** One trading session: `[open, close)` in UTC, labelled by its session (trade) date. */
export interface Session {
  calendar: CalendarCode;
  date: string;
  open: Date;
  close: Date;
  /** The reason when the session closes early (13:00 New York for XNYS), else null. */
  earlyClose: string | null;
}

/** A weekday without a session, and why (for XNYS: holidays and special closures). */
export interface Holiday {
  date: string;
  name: string;
}

const CALENDARS: Record<CalendarCode, TradingCalendar> = {
  XNYS: {
    code: 'XNYS',
    name: 'New York Stock Exchange / Nasdaq regular sessions',
    timeZone: XNYS_TIME_ZONE,
    firstDate: `${XNYS_FIRST_YEAR}-01-01`,
    lastDate: `${XNYS_LAST_YEAR}-12-31`,
  },
  '24x7': { code: '24x7', name: 'Continuous (crypto): UTC days', timeZone: 'UTC', firstDate: null, lastDate: null },
  '24x5': {
    code: '24x5',
    name: 'Spot FX: Sunday 17:00 to Friday 17:00 New York',
    timeZone: 'America/New_York',
    firstDate: null,
    lastDate: null,
  },
};

const FX_ROLL = '17:00';

export function isCalendarCode(value: string): value is CalendarCode {
  return (calendarCodes as readonly string[]).includes(value);
}

export function getCalendar(code: string): TradingCalendar {
  if (!isCalendarCode(code)) {
    throw new CalendarError(
      'UNKNOWN_CALENDAR',
      `unknown calendar ${JSON.stringify(code)}: expected one of ${calendarCodes.join(', ')}`,
    );
  }
  return CALENDARS[code];
}

/** Parses a date and checks that the calendar covers it. */
function dayIn(code: CalendarCode, date: string): DayNumber {
  const day = parseIsoDate(date);
  if (code === 'XNYS') {
    const { year } = civilFromDayNumber(day);
    if (year < XNYS_FIRST_YEAR || year > XNYS_LAST_YEAR) {
      throw new CalendarError(
        'OUT_OF_RANGE',
        `XNYS covers ${XNYS_FIRST_YEAR}-01-01 to ${XNYS_LAST_YEAR}-12-31; ${date} is outside it`,
      );
    }
  }
  return day;
}

function isSession(code: CalendarCode, day: DayNumber): boolean {
  switch (code) {
    case '24x7':
      return true;
    case '24x5':
      return !isWeekend(day);
    case 'XNYS':
      return !isWeekend(day) && xnysClosure(day, civilFromDayNumber(day).year) === null;
  }
}

function sessionOfDay(code: CalendarCode, day: DayNumber): Session | null {
  if (!isSession(code, day)) return null;
  const date = isoFromDayNumber(day);
  switch (code) {
    case '24x7':
      return {
        calendar: code,
        date,
        open: zonedToUtc(date, '00:00', 'UTC'),
        close: zonedToUtc(isoFromDayNumber(day + 1), '00:00', 'UTC'),
        earlyClose: null,
      };
    case '24x5':
      // The FX trade date rolls at 17:00 New York: Monday's session opens Sunday 17:00.
      return {
        calendar: code,
        date,
        open: zonedToUtc(isoFromDayNumber(day - 1), FX_ROLL, 'America/New_York'),
        close: zonedToUtc(date, FX_ROLL, 'America/New_York'),
        earlyClose: null,
      };
    case 'XNYS': {
      const earlyClose = xnysEarlyClose(day, civilFromDayNumber(day).year);
      return {
        calendar: code,
        date,
        open: zonedToUtc(date, xnysOpenTime(day), XNYS_TIME_ZONE),
        close: zonedToUtc(date, earlyClose ? XNYS_EARLY_CLOSE : XNYS_CLOSE, XNYS_TIME_ZONE),
        earlyClose,
      };
    }
  }
}

/** Whether the calendar has a session on `date` (`YYYY-MM-DD`, the session's trade date). */
export function isSessionDay(calendar: CalendarCode, date: string): boolean {
  getCalendar(calendar);
  return isSession(calendar, dayIn(calendar, date));
}

/** The session of `date`, or null when there is none. */
export function sessionOn(calendar: CalendarCode, date: string): Session | null {
  getCalendar(calendar);
  return sessionOfDay(calendar, dayIn(calendar, date));
}

function requireSession(calendar: CalendarCode, date: string): Session {
  const s = sessionOn(calendar, date);
  if (!s) throw new CalendarError('NOT_A_SESSION_DAY', `${calendar} has no session on ${date}`);
  return s;
}

/** UTC instant at which the session of `date` opens; throws NOT_A_SESSION_DAY on a closed day. */
export function sessionOpen(calendar: CalendarCode, date: string): Date {
  return requireSession(calendar, date).open;
}

/**
 * UTC instant at which the session of `date` closes (a daily bar's `available_at`); throws
 * NOT_A_SESSION_DAY on a closed day.
 */
export function sessionClose(calendar: CalendarCode, date: string): Date {
  return requireSession(calendar, date).close;
}

/** Session dates from `from` to `to`, both inclusive, in order. */
export function sessionDays(calendar: CalendarCode, from: string, to: string): string[] {
  getCalendar(calendar);
  const first = dayIn(calendar, from);
  const last = dayIn(calendar, to);
  const out: string[] = [];
  for (let day = first; day <= last; day++) {
    if (isSession(calendar, day)) out.push(isoFromDayNumber(day));
  }
  return out;
}

function stepToSession(calendar: CalendarCode, date: string, step: 1 | -1): string {
  getCalendar(calendar);
  let day = dayIn(calendar, date) + step;
  // Every calendar here has a session at least once a week; the bound only guards a bad rule.
  for (let i = 0; i < 14; i++, day += step) {
    dayIn(calendar, isoFromDayNumber(day));
    if (isSession(calendar, day)) return isoFromDayNumber(day);
  }
  throw new CalendarError('OUT_OF_RANGE', `${calendar} has no session within two weeks of ${date}`);
}

/** The first session date strictly after `date`. */
export function nextSessionDay(calendar: CalendarCode, date: string): string {
  return stepToSession(calendar, date, 1);
}

/** The last session date strictly before `date`. */
export function previousSessionDay(calendar: CalendarCode, date: string): string {
  return stepToSession(calendar, date, -1);
}

/** The session whose `[open, close)` contains `instant`, or null when the market is closed. */
export function sessionAt(calendar: CalendarCode, instant: Date): Session | null {
  const { timeZone } = getCalendar(calendar);
  const local = utcToZoned(instant, timeZone);
  let day = parseIsoDate(local.date);
  // An FX session belongs to the trade date that starts at 17:00 New York the evening before.
  if (calendar === '24x5' && local.time >= FX_ROLL) day += 1;
  if (calendar === 'XNYS') dayIn(calendar, local.date);
  const s = sessionOfDay(calendar, day);
  const t = instant.getTime();
  return s && s.open.getTime() <= t && t < s.close.getTime() ? s : null;
}

/** Whether the market is open at `instant` (sessions are `[open, close)`). */
export function isOpenAt(calendar: CalendarCode, instant: Date): boolean {
  return sessionAt(calendar, instant) !== null;
}

/** Weekdays from `from` to `to` (inclusive) without a session, with the reason. */
export function holidays(calendar: CalendarCode, from: string, to: string): Holiday[] {
  getCalendar(calendar);
  const first = dayIn(calendar, from);
  const last = dayIn(calendar, to);
  const out: Holiday[] = [];
  if (calendar !== 'XNYS') return out;
  for (let day = first; day <= last; day++) {
    if (isWeekend(day)) continue;
    const name = xnysClosure(day, civilFromDayNumber(day).year);
    if (name) out.push({ date: isoFromDayNumber(day), name });
  }
  return out;
}
