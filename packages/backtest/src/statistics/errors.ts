export type StatisticsErrorCode =
  /** A number that must be finite is NaN or infinite. */
  | 'NON_FINITE'
  /** A probability, count or size outside its domain (e.g. n < 2, trials < 1, p outside (0, 1)). */
  | 'OUT_OF_RANGE'
  /** Skewness and kurtosis no distribution can have (kurtosis < 1 + skew²), or a non-positive variance term. */
  | 'INVALID_MOMENTS'
  /** Too few observations for the statistic (a Sharpe ratio needs two returns and a non-zero spread). */
  | 'TOO_FEW_OBSERVATIONS'
  /** The return matrix has rows of different lengths, or no rows. */
  | 'RAGGED_MATRIX'
  /** Fewer than two configurations to compare. */
  | 'TOO_FEW_CONFIGURATIONS'
  /** CSCV block count is odd, below 2, above 30, or leaves an empty block. */
  | 'INVALID_BLOCKS';

/** The statistics module's error: a code, a message a user can act on, and the cause. */
export class StatisticsError extends Error {
  constructor(
    readonly code: StatisticsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StatisticsError';
  }
}
