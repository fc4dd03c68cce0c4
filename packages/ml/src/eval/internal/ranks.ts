/**
 * 1-based ranks with ties given the average of the ranks they span (scipy's `rankdata(method='average')`).
 * Values must be finite; callers check.
 */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  const ranks = new Float64Array(n);
  let start = 0;
  while (start < n) {
    let end = start + 1;
    const v = values[order[start] as number];
    while (end < n && values[order[end] as number] === v) end++;
    // Positions start..end-1 (0-based) hold ranks start+1..end; their average is (start + 1 + end) / 2.
    const rank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) ranks[order[k] as number] = rank;
    start = end;
  }
  return ranks;
}

/** Pearson correlation of two equal-length samples, or null when either has zero variance. */
export function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i] as number;
    mb += b[i] as number;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = (a[i] as number) - ma;
    const db = (b[i] as number) - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  if (saa === 0 || sbb === 0) return null;
  const r = sab / Math.sqrt(saa * sbb);
  // Rounding can push |r| a hair past 1.
  return Math.max(-1, Math.min(1, r));
}

/** Spearman rank correlation (Pearson correlation of average ranks), or null when either side is constant. */
export function spearman(a: ArrayLike<number>, b: ArrayLike<number>): number | null {
  // Decide constancy on the raw values, not on a floating-point variance of the ranks.
  if (isConstant(a) || isConstant(b)) return null;
  return pearson(averageRanks(a), averageRanks(b));
}

/** True when every value equals the first (an empty or one-value sample is constant). */
export function isConstant(values: ArrayLike<number>): boolean {
  for (let i = 1; i < values.length; i++) if (values[i] !== values[0]) return false;
  return true;
}
