/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const materializeEnums = {
  MaterializationStatus: { QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' },
  MaterializationMode: { INCREMENTAL: 'incremental', BACKFILL: 'backfill' },
} as const;
