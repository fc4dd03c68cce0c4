import { sessionClose, sessionDays } from '@alphagraph/calendar';

/** The replay's clock: signals and monitoring run this long after each session's close. */
export const CLOCK_AFTER_CLOSE_MS = 30 * 60_000;
/** The last session of the demo bars (data/demo/all_stocks_5yr.csv.gz). */
export const DEMO_LAST_SESSION = '2018-02-07';

export interface ReplaySchedule {
  /** XNYS sessions from `from` to `to`, both inclusive. */
  readonly sessions: readonly string[];
  /** The first session whose volumes are shifted. */
  readonly shiftAt: string;
}

/**
 * The sessions a replay walks and the session its shift starts at: `shiftAt` when given (the first
 * session on or after it), else the midpoint session. Throws naming the problem.
 */
export function replaySchedule(options: { from: string; to?: string | undefined; shiftAt?: string | undefined }) {
  const to = options.to ?? DEMO_LAST_SESSION;
  for (const [name, value] of [
    ['--from', options.from],
    ['--to', to],
    ['--shift-at', options.shiftAt],
  ] as const) {
    if (value !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
      throw new Error(`replay: ${name} must be a date YYYY-MM-DD (got ${JSON.stringify(value)})`);
    }
  }
  if (to < options.from) throw new Error(`replay: --to ${to} is before --from ${options.from}`);
  const sessions = sessionDays('XNYS', options.from, to);
  if (sessions.length === 0) throw new Error(`replay: no XNYS session between ${options.from} and ${to}`);
  const shiftAt = options.shiftAt
    ? sessions.find((s) => s >= options.shiftAt!)
    : sessions[Math.floor(sessions.length / 2)];
  if (!shiftAt) throw new Error(`replay: --shift-at ${options.shiftAt} is after the last session ${to}`);
  return { sessions, shiftAt } satisfies ReplaySchedule;
}

/** The replay clock of a session: its close plus 30 minutes, when its bars have arrived. */
export function clockOf(session: string): Date {
  return new Date(sessionClose('XNYS', session).getTime() + CLOCK_AFTER_CLOSE_MS);
}

/**
 * How long to wait before starting session `index` (0-based) so no more than `speed` sessions run
 * per second: session i may not start before `started + i / speed` seconds. 0 without a cap.
 */
export function paceDelayMs(options: { index: number; speed?: number | undefined; startedAt: number; now: number }) {
  if (!options.speed) return 0;
  const due = options.startedAt + (options.index * 1000) / options.speed;
  return Math.max(0, due - options.now);
}
