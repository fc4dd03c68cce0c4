/** Codes of every failure the backtest package reports; a caller can switch on them. */
export type BacktestErrorCode =
  | 'INVALID_SPEC'
  | 'INVALID_INPUT'
  | 'LOOKAHEAD'
  | 'INVALID_STRATEGY'
  | 'INSUFFICIENT_DATA';

/** The backtest package's error base: a code, a message a user can act on, and the cause. */
export class BacktestError extends Error {
  constructor(
    readonly code: BacktestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'BacktestError';
  }
}
