/**
 * Features quantized to at most `maxBins` (<= 255) bins per feature, stored column-major as bytes.
 *
 * - A feature with <= maxBins distinct training values gets one bin per distinct value ("exact").
 *   A split between its bins a < b is placed at the midpoint of their values, as exact CART.
 * - Otherwise bin edges are midpoints between adjacent distinct values at the quantiles
 *   k / maxBins of the training distribution (k = 1 .. maxBins - 1), deduplicated, as LightGBM /
 *   scikit-learn's HistGradientBoosting do; a split after bin a is placed at its upper edge.
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

/** Bins the cleaned (all finite) row-major training matrix. */
export function binFeatures(x: Float64Array, rows: number, cols: number, maxBins: number): BinnedFeatures {
  const bins: Uint8Array[] = [];
  const nBins = new Int32Array(cols);
  const edgesAll: Float64Array[] = [];
  const valuesAll: (Float64Array | null)[] = [];
  const column = new Float64Array(rows);
  for (let j = 0; j < cols; j++) {
    for (let i = 0; i < rows; i++) column[i] = x[i * cols + j]!;
    const sorted = column.slice().sort();
    // Distinct values and their counts.
    const distinct: number[] = [];
    const counts: number[] = [];
    for (let i = 0; i < rows; i++) {
      const v = sorted[i]!;
      if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]!++;
      else {
        distinct.push(v);
        counts.push(1);
      }
    }
    let edges: Float64Array;
    let values: Float64Array | null = null;
    if (distinct.length <= maxBins) {
      values = Float64Array.from(distinct);
      edges = new Float64Array(Math.max(0, distinct.length - 1));
      for (let b = 0; b + 1 < distinct.length; b++) edges[b] = midpoint(distinct[b]!, distinct[b + 1]!);
    } else {
      const cut: number[] = [];
      let cumulative = 0;
      let k = 1;
      for (let i = 0; i + 1 < distinct.length && k < maxBins; i++) {
        cumulative += counts[i]!;
        if (cumulative >= (k * rows) / maxBins) {
          cut.push(midpoint(distinct[i]!, distinct[i + 1]!));
          while (k < maxBins && cumulative >= (k * rows) / maxBins) k++;
        }
      }
      edges = Float64Array.from(cut);
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
