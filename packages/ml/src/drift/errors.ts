/**
 * What went wrong, as a stable code a caller can branch on:
 * - EMPTY_INPUT: a sample with no values at all.
 * - NO_FINITE_VALUES: every value is NaN or ±Infinity (e.g. a feature that is always missing).
 * - NON_FINITE: a NaN or ±Infinity given to a statistic that takes finite values only (ks2samp, wasserstein).
 * - INVALID_OPTION: an option out of its domain (bins, sampleSize, seed, a threshold).
 * - BAD_PROFILE: JSON that is not a reference profile of a supported version (see parseProfile).
 */
export type DriftErrorCode = 'EMPTY_INPUT' | 'NO_FINITE_VALUES' | 'NON_FINITE' | 'INVALID_OPTION' | 'BAD_PROFILE';

/** The drift module's error: a code, a message a user can act on, and the cause. */
export class DriftError extends Error {
  constructor(
    readonly code: DriftErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DriftError';
  }
}
