/**
 * Features quantized to at most `maxBins` (<= 255) bins per feature, stored column-major as bytes.
 *
 * - A feature with <= maxBins distinct training values gets one bin per distinct value ("exact").
 *   A split between its bins a < b is placed at the midpoint of their values, as exact CART.
 * - Otherwise bin edges are midpoints between adjacent distinct values at the quantiles
 *   k / maxBins (k = 1 .. maxBins - 1), deduplicated, estimated on a systematic sample of at most
 *   QUANTILE_SAMPLE rows (every ceil(n / QUANTILE_SAMPLE)-th row), as LightGBM / scikit-learn's
 *   HistGradientBoosting do (they sample 200k); a split after bin a is placed at its upper edge.
 *
 * A value v falls in bin b = number of edges strictly below v, so `v <= edges[a]` <=> `bin <= a`.
 */
export interface BinnedFeatures {
  readonly rows: number;
  readonly cols: number;
  /** Per feature, the bin of each training row. */
  readonly bins: Uint8Array[];
  /** Per feature, number of bins (>= 1). */
  readonly nBins: Int32Array;
  /** Per feature, the bin upper edges (length nBins - 1). */
  readonly edges: Float64Array[];
  /** Per feature in exact mode, each bin's value; null for quantile mode. */
  readonly values: (Float64Array | null)[];
}

/** At most this many rows (a systematic sample) estimate the quantile edges of a many-valued feature. */
export const QUANTILE_SAMPLE = 65_536;

/** Bins the cleaned (all finite) row-major training matrix. */
export function binFeatures(x: Float64Array, rows: number, cols: number, maxBins: number): BinnedFeatures {
  const bins: Uint8Array[] = [];
  const nBins = new Int32Array(cols);
  const edgesAll: Float64Array[] = [];
  const valuesAll: (Float64Array | null)[] = [];
  const column = new Float64Array(rows);
  const step = Math.max(1, Math.ceil(rows / QUANTILE_SAMPLE));
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) column[i] = x[i * cols + j]!;
    // Exact mode is decided on every row; the set stops growing past maxBins distinct values.
    const seen = new Set<number>();
    for (let i = 0; i < rows && seen.size <= maxBins; i++) seen.add(column[i]!);
    let edges: Float64Array;
    let values: Float64Array | null = null;
    if (seen.size <= maxBins) {
      values = Float64Array.from(seen).sort();
      edges = new Float64Array(Math.max(0, values.length - 1));
      for (let b = 0; b + 1 < values.length; b++) edges[b] = midpoint(values[b]!, values[b + 1]!);
    } else {
      const sample = new Float64Array(Math.ceil(rows / step));
      for (let i = 0, k = 0; i < rows; i += step) sample[k++] = column[i]!;
      edges = quantileEdges(sample.sort(), maxBins);
    }
    const b = new Uint8Array(rows);
    for (let i = 0; i < rows; i++) b[i] = binOf(edges, column[i]!);
    bins.push(b);
    nBins[j] = edges.length + 1;
    edgesAll.push(edges);
    valuesAll.push(values);
  }
  return { rows, cols, bins, nBins, edges: edgesAll, values: valuesAll };
}

/**
 * Edges at the quantiles k / maxBins (k = 1 .. maxBins - 1) of sorted values: each the midpoint
 * between the last value at or below the quantile's rank and the next distinct value, deduplicated.
 */
function quantileEdges(sorted: Float64Array, maxBins: number): Float64Array {
  const n = sorted.length;
  const cut: number[] = [];
  let k = 1;
  let i = 0;
  while (k < maxBins && i < n) {
    // Last index of the run of equal values starting at i.
    let end = i;
    while (end + 1 < n && sorted[end + 1] === sorted[i]) end++;
    if (end + 1 >= n) break;
    if (end + 1 >= (k * n) / maxBins) {
      cut.push(midpoint(sorted[end]!, sorted[end + 1]!));
      while (k < maxBins && end + 1 >= (k * n) / maxBins) k++;
    }
    i = end + 1;
  }
  return Float64Array.from(cut);
}

/** Number of edges strictly below v (binary search). */
function binOf(edges: Float64Array, v: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The split threshold between two adjacent training values a < b, as scikit-learn computes it:
 * a/2 + b/2, or a when rounding makes that equal b (so a goes left and b right).
 */
export function midpoint(a: number, b: number): number {
  const m = a / 2 + b / 2;
  return m === b || !Number.isFinite(m) ? a : m;
}
