import { type CalendarCode, isCalendarCode, isOpenAt, sessionDays } from '@alphagraph/calendar';
import type { BarInterval, ResamplePeriod } from './query.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Expected bars of an instrument from `first` to `last` (both included), by its trading calendar. */
export function expectedBars(calendar: CalendarCode, interval: BarInterval, first: Date, last: Date): number {
  if (interval === '1d') return sessionDays(calendar, isoDate(first), isoDate(last)).length;
  let n = 0;
  for (let t = first.getTime(); t <= last.getTime(); t += HOUR) if (isOpenAt(calendar, new Date(t))) n++;
  return n;
}

/** The (exclusive) end of the resample period starting at `start` (a UTC day, a Monday, a month's 1st). */
export function periodEnd(start: Date, period: ResamplePeriod): Date {
  if (period === 'day') return new Date(start.getTime() + DAY);
  if (period === 'week') return new Date(start.getTime() + 7 * DAY);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
}

/**
 * Whether a resampled bar covers every session (open hour, for hourly bars) its period has on the
 * instrument's calendar. A calendar the platform does not know cannot say: the bar counts as complete.
 */
export function isCompletePeriod(bar: {
  calendar: string;
  interval: BarInterval;
  period: ResamplePeriod;
  start: Date;
  sessions: number;
}): boolean {
  if (!isCalendarCode(bar.calendar)) return true;
  const last = new Date(periodEnd(bar.start, bar.period).getTime() - (bar.interval === '1d' ? DAY : HOUR));
  return bar.sessions >= expectedBars(bar.calendar, bar.interval, bar.start, last);
}
