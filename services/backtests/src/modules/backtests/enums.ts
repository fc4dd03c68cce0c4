/** GraphQL enum names to domain values: codegen types the enums by these, and Apollo serves them. */
export const backtestEnums = {
  BacktestStatus: { QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded', FAILED: 'failed' },
  BacktestMode: { PORTFOLIO: 'portfolio', BACKTESTING_PY: 'backtesting_py' },
  ReturnKind: { SIMPLE: 'simple', LOG: 'log' },
  PredictionField: { PREDICTION: 'prediction', PROBABILITY: 'probability' },
  BacktestOutput: { EQUITY: 'equity', POSITIONS: 'positions', TRADES: 'trades' },
} as const;
