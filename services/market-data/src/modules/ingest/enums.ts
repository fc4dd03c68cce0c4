/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const ingestEnums = {
  IngestRule: {
    UNKNOWN_INSTRUMENT: 'unknown_instrument',
    MISSING_VALUE: 'missing_value',
    NON_POSITIVE_PRICE: 'non_positive_price',
    NEGATIVE_VOLUME: 'negative_volume',
    HIGH_BELOW_LOW: 'high_below_low',
    OPEN_CLOSE_OUTSIDE_RANGE: 'open_close_outside_range',
    OFF_CALENDAR: 'off_calendar',
    FUTURE_TIMESTAMP: 'future_timestamp',
    DUPLICATE: 'duplicate',
    OUT_OF_ORDER: 'out_of_order',
    SPLIT_LIKE_JUMP: 'split_like_jump',
  },
  IngestRuleAction: { REJECT: 'reject', QUARANTINE: 'quarantine', FIX: 'fix', WARN: 'warn' },
  IngestIssueOutcome: {
    REJECTED: 'rejected',
    QUARANTINED: 'quarantined',
    FIXED: 'fixed',
    DROPPED: 'dropped',
    WARNED: 'warned',
  },
  IngestStatus: { COMMITTING: 'committing', COMMITTED: 'committed', UNCHANGED: 'unchanged' },
  IngestConflicts: { CORRECT: 'correct', KEEP_STORED: 'keep_stored' },
  QuarantineStatus: { HELD: 'held', RELEASED: 'released', DISCARDED: 'discarded' },
} as const;
