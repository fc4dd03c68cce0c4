export type CalendarErrorCode =
  | 'UNKNOWN_CALENDAR'
  | 'INVALID_DATE'
  | 'INVALID_TIME'
  | 'INVALID_TIME_ZONE'
  | 'OUT_OF_RANGE'
  | 'NOT_A_SESSION_DAY'
  | 'NONEXISTENT_LOCAL_TIME'
  | 'AMBIGUOUS_LOCAL_TIME';

/** The calendar package's error base: a code, a message a user can act on, and the cause. */
export class CalendarError extends Error {
  constructor(
    readonly code: CalendarErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CalendarError';
  }
}
