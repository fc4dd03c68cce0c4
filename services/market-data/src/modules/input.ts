import { DomainError } from '@alphagraph/service';

/**
 * Checks of what a caller sends before it reaches Postgres or DuckDB, so that a hostile or broken
 * value is a BAD_USER_INPUT naming the argument instead of a driver error (Postgres refuses a NUL
 * in text, DuckDB a timestamp past year 294247, JavaScript dates reach +275760).
 */

/** Longest symbol accepted: far beyond any exchange's ticker. */
export const MAX_SYMBOL_LENGTH = 32;
/** Instants accepted anywhere (from, to, asOf, cursors): the data's era, with room on both sides. */
export const EARLIEST_TIME = new Date('1800-01-01T00:00:00.000Z');
export const LATEST_TIME = new Date('2200-01-01T00:00:00.000Z');

const CONTROL = /\p{Cc}/u;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Why `symbol` cannot be a symbol, or null when it can. */
export function symbolProblem(symbol: string): string | null {
  if (symbol.length === 0) return 'is empty';
  if (symbol.length > MAX_SYMBOL_LENGTH) return `is longer than ${MAX_SYMBOL_LENGTH} characters`;
  if (CONTROL.test(symbol)) return 'contains a control character (such as NUL)';
  if (symbol.trim() !== symbol) return 'starts or ends with white space';
  return null;
}

export function checkSymbol(argument: string, symbol: string): string {
  const problem = symbolProblem(symbol);
  if (problem) throw new DomainError('BAD_USER_INPUT', `${argument}: symbol ${shown(symbol)} ${problem}`);
  return symbol;
}

export function checkText(argument: string, text: string, maxLength = 200): string {
  if (text.length > maxLength)
    throw new DomainError('BAD_USER_INPUT', `${argument}: longer than ${maxLength} characters`);
  if (CONTROL.test(text))
    throw new DomainError('BAD_USER_INPUT', `${argument}: contains a control character (such as NUL)`);
  return text;
}

export function isInstrumentId(id: string): boolean {
  return UUID.test(id);
}

/** Whether an instant is within [EARLIEST_TIME, LATEST_TIME). */
export function isSupportedTime(time: Date): boolean {
  return !Number.isNaN(time.getTime()) && time >= EARLIEST_TIME && time < LATEST_TIME;
}

export function checkTime(argument: string, time: Date | null): Date | null {
  if (time && !isSupportedTime(time)) {
    const text = Number.isNaN(time.getTime()) ? 'an invalid date' : time.toISOString();
    throw new DomainError(
      'BAD_USER_INPUT',
      `${argument}: ${text} is outside the supported range ${EARLIEST_TIME.toISOString()} to ${LATEST_TIME.toISOString()}`,
    );
  }
  return time;
}

/** A DateTime argument as an instant (the scalar has checked it), or null when absent. */
export const asDate = (v: unknown) => (v == null ? null : new Date(v as string | Date));

/** `from` inclusive, `to` exclusive (the platform's one range convention): an empty range is refused. */
export function checkRange(
  field: string,
  args: { from?: unknown; to?: unknown },
): { from: Date | null; to: Date | null } {
  const from = checkTime(`${field}: from`, asDate(args.from));
  const to = checkTime(`${field}: to`, asDate(args.to));
  if (from && to && from >= to) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field}: from (${from.toISOString()}, inclusive) must be before to (${to.toISOString()}, exclusive)`,
    );
  }
  return { from, to };
}
