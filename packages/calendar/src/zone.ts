import { CalendarError } from './errors.ts';
import { civilFromDayNumber, pad2, parseIsoDate, utcMs } from './internal/days.ts';

/** A UTC instant as read on a wall clock in an IANA time zone. */
export interface ZonedDateTime {
  timeZone: string;
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  /** `HH:MM:SS`, with `.mmm` appended when the instant has milliseconds. */
  time: string;
  /** The zone's offset from UTC at that instant, in minutes (New York in winter: -300). */
  offsetMinutes: number;
}

/**
 * How to read a wall-clock time that a DST change makes ambiguous (it happens twice, when clocks
 * fall back) or nonexistent (it is skipped, when clocks spring forward). `compatible` follows
 * Temporal and RFC 5545: the earlier instant when ambiguous, the time shifted forward by the gap
 * when nonexistent (02:30 on a spring-forward night in New York becomes 03:30 EDT).
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

const LOCAL_TIME = /^(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch (cause) {
      throw new CalendarError('INVALID_TIME_ZONE', `${JSON.stringify(timeZone)} is not an IANA time zone`, { cause });
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `timeZone` at `epochMs`, as the epoch milliseconds of the same reading in UTC. */
function wallClockMs(epochMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = fields;
  return utcMs(year, month, day, hour, minute, second);
}

/** Offset of `timeZone` from UTC at `epochMs`, in milliseconds. */
function offsetMs(epochMs: number, timeZone: string): number {
  const wholeSecond = Math.floor(epochMs / 1000) * 1000;
  return wallClockMs(wholeSecond, timeZone) - wholeSecond;
}

/** Reads a UTC instant on the wall clock of an IANA zone (DST-correct, via Intl). */
export function utcToZoned(instant: Date, timeZone: string): ZonedDateTime {
  const epochMs = instant.getTime();
  if (!Number.isFinite(epochMs)) throw new CalendarError('INVALID_TIME', 'the instant is an invalid Date');
  const offset = offsetMs(epochMs, timeZone);
  const wall = new Date(epochMs + offset);
  const ms = wall.getUTCMilliseconds();
  const time = `${pad2(wall.getUTCHours())}:${pad2(wall.getUTCMinutes())}:${pad2(wall.getUTCSeconds())}`;
  return {
    timeZone,
    date: `${String(wall.getUTCFullYear()).padStart(4, '0')}-${pad2(wall.getUTCMonth() + 1)}-${pad2(wall.getUTCDate())}`,
    time: ms === 0 ? time : `${time}.${String(ms).padStart(3, '0')}`,
    offsetMinutes: Math.round(offset / 60_000),
  };
}

/**
 * The UTC instant at which the wall clock of `timeZone` shows `localDate` `localTime`
 * (`HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm`). DST gaps and overlaps follow `disambiguation`.
 */
export function zonedToUtc(
  localDate: string,
  localTime: string,
  timeZone: string,
  options: { disambiguation?: Disambiguation } = {},
): Date {
  const { year, month, day } = civilFromDayNumber(parseIsoDate(localDate));
  const t = LOCAL_TIME.exec(localTime);
  const [hour, minute, second] = [Number(t?.[1]), Number(t?.[2]), Number(t?.[3] ?? 0)];
  if (!t || hour > 23 || minute > 59 || second > 59) {
    throw new CalendarError('INVALID_TIME', `${JSON.stringify(localTime)} is not a time: expected HH:MM[:SS[.mmm]]`);
  }
  const ms = Number((t[4] ?? '0').padEnd(3, '0'));
  const wall = utcMs(year, month, day, hour, minute, second, ms);
  const disambiguation = options.disambiguation ?? 'compatible';

  // The offsets in force a day either side bracket any single DST change near this wall time.
  const before = offsetMs(wall - 86_400_000, timeZone);
  const after = offsetMs(wall + 86_400_000, timeZone);
  const valid = [...new Set([before, after])]
    .map((offset) => wall - offset)
    .filter((epochMs) => offsetMs(epochMs, timeZone) === wall - epochMs)
    .sort((a, b) => a - b);
  const describe = `${localDate} ${localTime} in ${timeZone}`;

  if (valid.length === 1) return new Date(valid[0]!);
  if (valid.length > 1) {
    if (disambiguation === 'reject') {
      throw new CalendarError('AMBIGUOUS_LOCAL_TIME', `${describe} happens twice (clocks fall back)`);
    }
    return new Date(disambiguation === 'later' ? valid[valid.length - 1]! : valid[0]!);
  }
  if (disambiguation === 'reject') {
    throw new CalendarError('NONEXISTENT_LOCAL_TIME', `${describe} does not exist (clocks spring forward)`);
  }
  // In a gap, reading the wall time with the offset from before the change lands after the gap.
  return new Date(disambiguation === 'earlier' ? wall - after : wall - before);
}
