import { kolmogorovSf } from './internal/kolmogorov.ts';
import { sortedFinite } from './internal/sorted.ts';

/** Largest sample size for which method 'auto' tries the exact p-value (scipy's MAX_AUTO_N). */
export const KS_MAX_EXACT_N = 10000;

export interface Ks2sampOptions {
  /** As scipy's `method`: 'auto' (default), 'exact' or 'asymp'. */
  readonly method?: 'auto' | 'exact' | 'asymp';
}

export interface KsResult {
  /** D = sup |F_a - F_b|; in exact mode rounded to the lattice h / lcm(n1, n2) as scipy returns it. */
  readonly statistic: number;
  /** Two-sided p-value P(D >= observed) under the null that a and b come from one continuous distribution. */
  readonly pValue: number;
  readonly method: 'exact' | 'asymp';
  readonly n1: number;
  readonly n2: number;
}

/**
 * Two-sample two-sided Kolmogorov-Smirnov test, reproducing scipy.stats.ks_2samp(a, b, method='auto') (scipy 1.10,
 * scipy/stats/_stats_py.py):
 * - D from the right-continuous empirical CDFs at every observed value (ties handled as searchsorted side='right').
 * - 'auto': exact when max(n1, n2) <= 10,000, else asymptotic. Exact: h = round(D lcm), D = h / lcm; p = 1 when h = 0;
 *   n1 = n2 uses the closed-form alternating sum for paths leaving |x - y| < h (Hodges 1958), otherwise the lattice
 *   path recursion counting paths that stay strictly inside |x n2/g - y n1/g| < h; a result outside [0, 1] falls
 *   back to asymptotic, as scipy does.
 * - Asymptotic: P(D_en >= D) of the one-sample distribution (kstwo.sf) at en = round(n1 n2 / (n1 + n2)).
 * Values must be finite (drop missing ones first); throws DriftError EMPTY_INPUT / NON_FINITE.
 */
export function ks2samp(a: ArrayLike<number>, b: ArrayLike<number>, options: Ks2sampOptions = {}): KsResult {
  const x = sortedFinite(a, 'ks2samp: a');
  const y = sortedFinite(b, 'ks2samp: b');
  return ksOfSorted(x, y, options);
}

/** ks2samp of two ascending finite arrays. */
export function ksOfSorted(x: ArrayLike<number>, y: ArrayLike<number>, options: Ks2sampOptions = {}): KsResult {
  const n1 = x.length;
  const n2 = y.length;
  const method = options.method ?? 'auto';
  let d = ksStatistic(x, y);
  // scipy's 'exact' also gives up (to asymp) when lcm(n1, n2) would overflow an int32.
  const exact =
    method === 'auto'
      ? Math.max(n1, n2) <= KS_MAX_EXACT_N
      : method === 'exact' && n1 / gcd(n1, n2) < 2147483647 / (n2 / gcd(n1, n2));
  if (exact) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pValue: 1, method: 'exact', n1, n2 };
    const p = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
    if (p >= 0 && p <= 1) return { statistic: d, pValue: p, method: 'exact', n1, n2 };
  }
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const en = Math.round((m * n) / (m + n));
  return { statistic: d, pValue: kolmogorovSf(en, d), method: 'asymp', n1, n2 };
}

/** sup over observed values v of |#{x <= v}/n1 - #{y <= v}/n2|, by a merge of the two sorted arrays. */
function ksStatistic(x: ArrayLike<number>, y: ArrayLike<number>): number {
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length || j < y.length) {
    const v = Math.min(
      i < x.length ? x[i]! : Number.POSITIVE_INFINITY,
      j < y.length ? y[j]! : Number.POSITIVE_INFINITY,
    );
    while (i < x.length && x[i]! <= v) i++;
    while (j < y.length && y[j]! <= v) j++;
    d = Math.max(d, Math.abs(i / x.length - j / y.length));
  }
  return d;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/**
 * P(D_{n,n} >= h/n) = 2 Σ_{k>=1} (-1)^(k+1) C(2n, n - kh) / C(2n, n), each ratio a product of h factors, summed in a
 * Horner-like nesting to avoid cancellation (scipy `_compute_prob_outside_square`).
 */
function probOutsideSquare(n: number, h: number): number {
  let p = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    p = p1 * (1 - p);
  }
  return 2 * p;
}

/**
 * Share of the C(m + n, n) monotone lattice paths from (0, 0) to (m, n) that touch or leave the band
 * |i ng - j mg| < h (mg = m/g, ng = n/g): A(i, j) is the share of paths to (i, j) that have left it, 1 outside the band,
 * A(i, j) = (i A(i-1, j) + j A(i, j-1)) / (i + j) inside (the weights are the shares of paths arriving from the left
 * and from below). Only the band of each column is stored.
 */
function probOutsideBand(n1: number, n2: number, g: number, h: number): number {
  const [m, n] = n1 >= n2 ? [n1, n2] : [n2, n1];
  const mg = m / g;
  const ng = n / g;
  let prev = new Float64Array(n + 1);
  let cur = new Float64Array(n + 1);
  let pMin = 0;
  let pMax = Math.min(Math.ceil(h / mg), n + 1);
  for (let i = 1; i <= m; i++) {
    const cMin = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    const cMax = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (cMax <= cMin) return 1;
    let below = cMin === 0 ? 0 : 1;
    for (let j = cMin; j < cMax; j++) {
      const left = j >= pMin && j < pMax ? prev[j]! : 1;
      below = (left * i + below * j) / (i + j);
      cur[j] = below;
    }
    [prev, cur] = [cur, prev];
    pMin = cMin;
    pMax = cMax;
  }
  return prev[n]!;
}
