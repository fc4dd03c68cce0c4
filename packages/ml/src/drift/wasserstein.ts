import { DriftError } from './errors.ts';
import { sortedFinite } from './internal/sorted.ts';

/**
 * First Wasserstein (earth mover's) distance between the empirical distributions of two 1-D samples, as
 * scipy.stats.wasserstein_distance(a, b) without weights: the integral of |F_a - F_b| over the merged sorted values,
 * i.e. sum over consecutive merged values v_k < v_{k+1} of |F_a(v_k) - F_b(v_k)| (v_{k+1} - v_k), with F the
 * right-continuous empirical CDFs. Values must be finite; throws DriftError EMPTY_INPUT / NON_FINITE.
 */
export function wassersteinDistance(a: ArrayLike<number>, b: ArrayLike<number>): number {
  return wassersteinOfSorted(sortedFinite(a, 'wassersteinDistance: a'), sortedFinite(b, 'wassersteinDistance: b'));
}

/** wassersteinDistance of two ascending finite arrays. */
export function wassersteinOfSorted(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let total = 0;
  // Walk the merged values; after consuming every value equal to v, i / n and j / m are F_a(v) and F_b(v).
  let v = Math.min(a[0]!, b[0]!);
  while (i < a.length || j < b.length) {
    while (i < a.length && a[i]! <= v) i++;
    while (j < b.length && b[j]! <= v) j++;
    if (i === a.length && j === b.length) break;
    const next = Math.min(
      i < a.length ? a[i]! : Number.POSITIVE_INFINITY,
      j < b.length ? b[j]! : Number.POSITIVE_INFINITY,
    );
    total += Math.abs(i / a.length - j / b.length) * (next - v);
    v = next;
  }
  return total;
}

/** Evidently's floor on the reference standard deviation in its normed Wasserstein test. */
export const WASSERSTEIN_MIN_NORM = 0.001;

/**
 * Evidently's "Wasserstein distance (normed)" (legacy/calculations/stattests/wasserstein_distance_norm.py):
 * wasserstein_distance(ref, cur) / max(std(ref), 0.001), std the population standard deviation (np.std, ddof 0).
 * Unit-free: 0.1 means the mass moved on average a tenth of a reference standard deviation. Pass `refStd` to norm
 * by a known standard deviation (the full reference's when `ref` is a sample of it).
 */
export function normedWasserstein(ref: ArrayLike<number>, cur: ArrayLike<number>, refStd?: number): number {
  const a = sortedFinite(ref, 'normedWasserstein: ref');
  const b = sortedFinite(cur, 'normedWasserstein: cur');
  const std = refStd ?? populationStd(a);
  if (!(std >= 0) || !Number.isFinite(std)) {
    throw new DriftError('INVALID_OPTION', `normedWasserstein: refStd is ${refStd}; it must be a finite number >= 0`);
  }
  return wassersteinOfSorted(a, b) / Math.max(std, WASSERSTEIN_MIN_NORM);
}

function populationStd(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i]! - mean) ** 2;
  return Math.sqrt(squares / values.length);
}
