import { StatisticsError } from '../errors.ts';

/** Throws NON_FINITE unless `value` is a finite number; `what` names the argument in the message. */
export function assertFinite(value: number, what: string): void {
  if (!Number.isFinite(value)) {
    throw new StatisticsError('NON_FINITE', `${what} must be a finite number, got ${value}`);
  }
}

/** Throws OUT_OF_RANGE unless `value` is finite and `value >= min`. */
export function assertAtLeast(value: number, min: number, what: string): void {
  assertFinite(value, what);
  if (value < min) {
    throw new StatisticsError('OUT_OF_RANGE', `${what} must be at least ${min}, got ${value}`);
  }
}

/** Throws OUT_OF_RANGE unless `value` lies in the closed interval [0, 1]. */
export function assertProbability(value: number, what: string): void {
  assertFinite(value, what);
  if (value < 0 || value > 1) {
    throw new StatisticsError('OUT_OF_RANGE', `${what} must be a probability in [0, 1], got ${value}`);
  }
}
