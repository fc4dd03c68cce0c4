import { DriftError } from '../errors.ts';

/** A sorted copy of `values`, which must be non-empty and finite (`what` names the argument in errors). */
export function sortedFinite(values: ArrayLike<number>, what: string): Float64Array {
  if (values.length === 0) throw new DriftError('EMPTY_INPUT', `${what} is empty; it needs at least one value`);
  const out = Float64Array.from(values as ArrayLike<number>);
  for (let i = 0; i < out.length; i++) {
    if (!Number.isFinite(out[i]!)) {
      throw new DriftError('NON_FINITE', `${what}[${i}] is ${out[i]}; drop missing values before testing`);
    }
  }
  return out.sort();
}

/** The finite values of `values` (NaN and ±Infinity count as missing) and how many were dropped. */
export function splitFinite(values: ArrayLike<number>): { finite: Float64Array; missing: number } {
  const finite = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (Number.isFinite(v)) finite[n++] = v;
  }
  return { finite: finite.slice(0, n), missing: values.length - n };
}

/** Number of entries of the ascending array `sorted` that are <= x (numpy searchsorted side='right'). */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The q-quantile of an ascending array with numpy's default 'linear' method (type 7): virtual index h = q (n - 1),
 * result x[floor h] + (h - floor h)(x[floor h + 1] - x[floor h]), computed with numpy's two-sided lerp so that it
 * agrees with numpy to the last bit in the usual cases.
 */
export function quantileLinear(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  const h = q * (n - 1);
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1]!;
  const t = h - lo;
  const a = sorted[lo]!;
  const b = sorted[lo + 1]!;
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
