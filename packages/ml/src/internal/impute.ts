import type { Matrix } from '../matrix.ts';

/** What the missing-value rule did to one training column (recorded in the artifact). */
export interface ColumnImputation {
  /** Median of the column's finite training values (0 when there were none). */
  readonly median: number;
  /** How many training values were NaN or ±Infinity and were replaced by `median`. */
  readonly imputed: number;
  /** True when the column had no finite training value at all (then `median` is 0). */
  readonly allMissing: boolean;
}

/**
 * Fits the missing-value rule on training data and applies it: every non-finite value of column j
 * is replaced by the median of column j's finite values (mean of the two middle values for an even
 * count, as numpy), 0 for an all-missing column. Returns a cleaned row-major copy.
 */
export function fitImputation(x: Matrix): { columns: ColumnImputation[]; clean: Float64Array } {
  const { rows, cols, data } = x;
  const clean = new Float64Array(data);
  const columns: ColumnImputation[] = [];
  const buffer = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    let finite = 0;
    for (let i = 0; i < rows; i++) {
      const v = data[i * cols + j]!;
      if (Number.isFinite(v)) buffer[finite++] = v;
    }
    const median = finite === 0 ? 0 : medianInPlace(buffer.subarray(0, finite));
    const imputed = rows - finite;
    if (imputed > 0) {
      for (let i = 0; i < rows; i++) if (!Number.isFinite(clean[i * cols + j]!)) clean[i * cols + j] = median;
    }
    columns.push({ median, imputed, allMissing: finite === 0 });
  }
  return { columns, clean };
}

/** Applies recorded medians to prediction data: a row-major copy with every non-finite value replaced. */
export function applyImputation(x: Matrix, medians: readonly number[]): Float64Array {
  const { rows, cols } = x;
  const clean = new Float64Array(x.data);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!Number.isFinite(clean[i * cols + j]!)) clean[i * cols + j] = medians[j]!;
    }
  }
  return clean;
}

/** Median of a non-empty array by quickselect (reorders `a`). */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  const upper = select(a, n >> 1);
  if (n % 2 === 1) return upper;
  // After selecting index n/2, everything left of it is <= upper: the lower middle is their maximum.
  let lower = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n >> 1; i++) if (a[i]! > lower) lower = a[i]!;
  return (lower + upper) / 2;
}

/** Hoare quickselect with a median-of-three pivot: the k-th smallest value, `a` partially ordered. */
function select(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const pivot = medianOf3(a[lo]!, a[mid]!, a[hi]!);
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return a[k]!;
  }
  return a[k]!;
}

function medianOf3(x: number, y: number, z: number): number {
  return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
}
