/** Binomial coefficient C(n, k) for the small n of CSCV (exact below 2^53). */
export function binomial(n: number, k: number): number {
  if (k < 0 || k > n) return 0;
  const m = Math.min(k, n - k);
  let c = 1;
  for (let i = 1; i <= m; i++) c = (c * (n - m + i)) / i;
  return Math.round(c);
}

/**
 * Calls `visit` with every k-subset of {0, …, n−1} as a sorted index array, in lexicographic order
 * (the order of Python's itertools.combinations). The array is reused between calls: copy it to keep it.
 */
export function forEachCombination(n: number, k: number, visit: (indices: Int32Array) => void): void {
  if (k < 0 || k > n) return;
  const indices = new Int32Array(k);
  for (let i = 0; i < k; i++) indices[i] = i;
  for (;;) {
    visit(indices);
    // Find the rightmost index that can still move right, move it, and reset the ones after it.
    let i = k - 1;
    while (i >= 0 && indices[i] === n - k + i) i--;
    if (i < 0) return;
    indices[i]!++;
    for (let j = i + 1; j < k; j++) indices[j] = indices[j - 1]! + 1;
  }
}
