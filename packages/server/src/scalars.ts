import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/**
 * The platform's date scalars, in one place: every subgraph resolves them with these, and the
 * gateway checks the caller's document with the same parse functions before it plans (so a bad
 * value is refused under the caller's own argument or variable name, not a planner variable).
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;
const EXAMPLE = '2016-04-01T00:00:00Z';

/** A refused input value: BAD_USER_INPUT, carried by graphql-js onto the error naming the argument or variable. */
const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

const shown = (v: unknown) => JSON.stringify(typeof v === 'string' && v.length > 60 ? `${v.slice(0, 60)}…` : v);

/** Whether year-month-day is a day of the proleptic Gregorian calendar (no rollover: 02-30 is not). */
function isCalendarDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return month >= 1 && month <= 12 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/**
 * Reads an ISO-8601 instant with an explicit zone (`Z` or `±HH:MM`), refusing anything a calendar
 * or a clock does not have (2016-02-30, 24:00, 12:60); throws a GraphQLError saying what to write.
 */
export function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string') {
    throw refused(`DateTime must be an ISO-8601 string such as "${EXAMPLE}", got ${shown(value)}`);
  }
  if (DATE.test(value)) {
    throw refused(
      `DateTime "${value}" is a date without a time: write "${value}T00:00:00Z" for the start of that UTC day (or use the argument's Date form where there is one)`,
    );
  }
  const m = DATE_TIME.exec(value);
  if (!m) {
    throw refused(
      `DateTime ${shown(value)} is not ISO-8601: write YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. "${EXAMPLE}"`,
    );
  }
  const [, y, mo, d, h, mi, s = '00', fraction = '', zone] = m;
  if (!zone) {
    throw refused(`DateTime "${value}" has no time zone: add Z for UTC or an offset like +01:00`);
  }
  if (!isCalendarDay(Number(y), Number(mo), Number(d))) {
    throw refused(`DateTime "${value}" is not a calendar date: ${y}-${mo} has no day ${d}`);
  }
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) {
    throw refused(`DateTime "${value}" is not a time of day: hours run 00-23, minutes and seconds 00-59`);
  }
  if (zone !== 'Z' && (Number(zone.slice(1, 3)) > 23 || Number(zone.slice(4)) > 59)) {
    throw refused(`DateTime "${value}" has an offset out of range: ${zone}`);
  }
  const ms = fraction ? `.${fraction.slice(1, 4).padEnd(3, '0')}` : '';
  const instant = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${ms}${zone}`);
  if (Number.isNaN(instant.getTime())) throw refused(`DateTime "${value}" is out of range`);
  return instant;
}

/** Reads a calendar date written YYYY-MM-DD, refusing days the calendar does not have (2016-02-30). */
export function parseDate(value: unknown): string {
  if (typeof value !== 'string') throw refused(`Date must be a YYYY-MM-DD string, got ${shown(value)}`);
  const m = DATE.exec(value);
  if (!m) throw refused(`Date ${shown(value)} is not YYYY-MM-DD (e.g. "2016-04-01")`);
  if (!isCalendarDay(Number(m[1]), Number(m[2]), Number(m[3]))) {
    throw refused(`Date "${value}" is not a calendar date: ${m[1]}-${m[2]} has no day ${m[3]}`);
  }
  return value;
}

function stringLiteral(ast: ValueNode, scalar: string): string {
  if (ast.kind !== Kind.STRING) throw refused(`${scalar} must be a string literal, got ${ast.kind}`);
  return ast.value;
}

function toDate(value: unknown): Date {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`not a valid timestamp: ${shown(value)}`);
  return d;
}

/** ISO-8601 instants with an explicit zone in, UTC (`Z`) out. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (v) => toDate(v).toISOString(),
  parseValue: parseDateTime,
  parseLiteral: (ast) => parseDateTime(stringLiteral(ast, 'DateTime')),
});

/** Calendar dates as YYYY-MM-DD strings. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (v) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const s = String(v);
    if (!DATE.test(s)) throw new GraphQLError(`not a valid date: ${s}`);
    return s;
  },
  parseValue: parseDate,
  parseLiteral: (ast) => parseDate(stringLiteral(ast, 'Date')),
});

/** Any JSON value, passed through as is. */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: () => {
    throw new GraphQLError('JSON values must be passed as variables');
  },
});

/** The scalars whose input the gateway checks against the caller's document, by name. */
export const CHECKED_SCALARS: Readonly<Record<string, GraphQLScalarType>> = {
  DateTime: DateTimeScalar,
  Date: DateScalar,
};
