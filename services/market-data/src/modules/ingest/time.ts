import {
  type CalendarCode,
  getCalendar,
  isSessionDay,
  sessionAt,
  sessionClose,
  utcToZoned,
  zonedToUtc,
} from '@alphagraph/calendar';
import { type BarInterval, INTERVAL_MS, type TimeFormat } from './mappings.ts';

// A date, optionally with a midnight time (how a DATE reads back from some tools).
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$/;
const LOCAL = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)$/;
const ISO = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}(?::?\d{2})?)$/;

/** A bar's position in time: its start (UTC) and, for a daily bar, its session date. */
export interface BarTime {
  readonly time: number;
  readonly day: string | null;
}

/** Null when `raw` is not a timestamp in `format` (the caller reports a wrong column type). */
export function parseBarTime(
  raw: string | number,
  options: { format: TimeFormat; timeZone: string; interval: BarInterval },
): BarTime | null {
  const instant = instantOf(raw, options.format, options.timeZone);
  if (instant === null || !Number.isFinite(instant)) return null;
  if (options.interval !== '1d') return { time: instant, day: null };
  // A daily bar is labelled by its session date and starts at 00:00 UTC of it (the bars dataset's convention).
  const day =
    options.format === 'date' ? String(raw).slice(0, 10) : utcToZoned(new Date(instant), options.timeZone).date;
  return { time: Date.parse(`${day}T00:00:00.000Z`), day };
}

function instantOf(raw: string | number, format: TimeFormat, timeZone: string): number | null {
  if (typeof raw === 'number') {
    return format === 'unix_s' ? raw * 1000 : format === 'unix_ms' ? raw : null;
  }
  switch (format) {
    case 'date': {
      const m = DATE.exec(raw);
      if (!m) return null;
      const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
      // Date.UTC rolls 2013-02-30 over to March: a real date reads back the same.
      return new Date(t).toISOString().startsWith(raw.slice(0, 10)) ? t : null;
    }
    case 'local': {
      const m = LOCAL.exec(raw);
      if (!m) return null;
      const t = Date.parse(`${m[1]}T${m[2]!.length === 5 ? `${m[2]}:00` : m[2]}Z`);
      if (!Number.isFinite(t) || !new Date(t).toISOString().startsWith(m[1]!)) return null;
      return timeZone === 'UTC' ? t : zonedToUtc(m[1]!, m[2]!, timeZone).getTime();
    }
    case 'iso': {
      if (!ISO.test(raw)) return null;
      const t = Date.parse(raw.replace(' ', 'T'));
      return Number.isFinite(t) ? t : null;
    }
    case 'unix_s':
    case 'unix_ms': {
      if (!/^-?\d+(\.\d+)?$/.test(raw)) return null;
      return Number(raw) * (format === 'unix_s' ? 1000 : 1);
    }
  }
}

/** Wall-clock close used for a daily bar on a day its calendar has no session (kept by `warn`). */
const NOMINAL_CLOSE: Record<Exclude<CalendarCode, '24x7'>, string> = { XNYS: '16:00', '24x5': '17:00' };

/**
 * Answers "is this bar on its calendar" and "when could it first be known" (DESIGN section 4), with
 * per-day answers cached: a daily file repeats the same few thousand dates for every symbol.
 */
export function createBarClock() {
  // Per calendar, per session date: no key strings built per row.
  const closes = new Map<CalendarCode, Map<string, number>>();
  const sessionDays = new Map<CalendarCode, Map<string, string | null>>();
  const cache = <T>(m: Map<CalendarCode, Map<string, T>>, c: CalendarCode) => {
    let inner = m.get(c);
    if (!inner) m.set(c, (inner = new Map()));
    return inner;
  };

  function offCalendarReason(calendar: CalendarCode, interval: BarInterval, bar: BarTime): string | null {
    if (calendar === '24x7') return null;
    if (interval === '1d' && bar.day !== null) {
      const days = cache(sessionDays, calendar);
      let reason = days.get(bar.day);
      if (reason === undefined) {
        try {
          reason = isSessionDay(calendar, bar.day) ? null : `${bar.day} is not a ${calendar} session day`;
        } catch (error) {
          reason = error instanceof Error ? error.message : String(error);
        }
        days.set(bar.day, reason);
      }
      return reason;
    }
    try {
      return sessionAt(calendar, new Date(bar.time))
        ? null
        : `${new Date(bar.time).toISOString()} is outside every ${calendar} session`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }

  /**
   * First-seen `available_at`: a daily bar at its session's close in the exchange's time zone (DST
   * and early closes included; a crypto day at the end of its UTC day), an intraday bar at its end.
   */
  function availableAt(calendar: CalendarCode, interval: BarInterval, bar: BarTime): number {
    if (interval !== '1d' || bar.day === null) return bar.time + INTERVAL_MS[interval];
    if (calendar === '24x7') return bar.time + INTERVAL_MS['1d'];
    const days = cache(closes, calendar);
    let close = days.get(bar.day);
    if (close === undefined) {
      const { timeZone } = getCalendar(calendar);
      close =
        offCalendarReason(calendar, interval, bar) === null
          ? sessionClose(calendar, bar.day).getTime()
          : zonedToUtc(bar.day, NOMINAL_CLOSE[calendar], timeZone).getTime();
      days.set(bar.day, close);
    }
    return close;
  }

  return { availableAt, offCalendarReason };
}
export type BarClock = ReturnType<typeof createBarClock>;
