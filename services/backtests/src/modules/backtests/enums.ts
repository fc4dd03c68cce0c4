/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const backtestEnums = {
  BacktestStatus: { QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' },
} as const;
