import { durbinCdf, pomeranzCdf } from './kolmogorov-exact.ts';

/**
 * Survival function of the two-sided one-sample Kolmogorov-Smirnov statistic, P(D_n >= x), following Simard &
 * L'Ecuyer (2011), "Computing the Two-Sided Kolmogorov-Smirnov Distribution", J. Stat. Software 39(11), with the same
 * regions and cut-offs as scipy's `kstwo.sf` (scipy/stats/_ksstats.py `_kolmogn`): ks2samp's asymptotic p-value is
 * this function at n = round(n1 n2 / (n1 + n2)).
 *
 * Methods: Ruben-Gambino closed forms near the ends; Durbin's matrix (Marsaglia, Tsang & Wang 2003) and Pomeranz's
 * recursion (1974) for small n x^2; Pelz-Good's (1976) expansion for large n; 2 x the one-sided Smirnov
 * (Birnbaum-Tingey) tail where P(D+ >= x and D- >= x) is negligible.
 */

const LOG_2PI = Math.log(2 * Math.PI);
const SQRT2PI = Math.sqrt(2 * Math.PI);
const PI2 = Math.PI ** 2;
const PI4 = Math.PI ** 4;
const PI6 = Math.PI ** 6;
// Stirling series coefficients B_2j / (2j (2j - 1)), j = 8 .. 1 (Horner order).
const STIRLING = [
  -0.029550653594771242, 0.00641025641025641, -0.0019175269175269176, 0.0008417508417508417, -0.0005952380952380953,
  0.0007936507936507937, -0.002777777777777778, 0.08333333333333333,
];

const clip = (p: number): number => Math.min(1, Math.max(0, p));

/** P(D_n >= x) for an integer n >= 1. */
export function kolmogorovSf(n: number, x: number): number {
  if (x >= 1) return 0;
  if (x <= 0) return 1;
  const t = n * x;
  if (t <= 1) {
    if (t <= 0.5) return 1;
    let cdf: number;
    if (n <= 140) {
      cdf = 1;
      for (let i = 1; i <= n; i++) cdf *= i * (1 / n) * (2 * t - 1);
    } else {
      cdf = Math.exp(logFactorialOverPower(n) + n * Math.log(2 * t - 1));
    }
    return clip(1 - cdf);
  }
  if (t >= n - 1) return clip(2 * (1 - x) ** n);
  if (x >= 0.5) return clip(2 * smirnovSf(n, x));
  const nxx = t * x;
  if (n <= 140) {
    if (nxx <= 0.754693) return clip(1 - durbinCdf(n, x));
    if (nxx <= 4) return clip(1 - pomeranzCdf(n, x));
    return clip(2 * smirnovSf(n, x));
  }
  if (nxx >= 370) return 0;
  if (nxx >= 2.2) return clip(2 * smirnovSf(n, x));
  let cdf: number;
  if (nxx >= 18) cdf = 1;
  else if (n <= 100000 && n * x ** 1.5 <= 1.4) cdf = durbinCdf(n, x);
  else cdf = pelzGoodCdf(n, x);
  return clip(1 - cdf);
}

/** log(n! / n^n) by Stirling's series, with n log n taken out first to avoid cancellation. */
function logFactorialOverPower(n: number): number {
  const rn = 1 / n;
  let poly = 0;
  for (const c of STIRLING) poly = poly * (rn / n) + c;
  return Math.log(n) / 2 - n + LOG_2PI / 2 + rn * poly;
}

/**
 * One-sided P(D+_n >= x) by the Birnbaum-Tingey sum x Σ_{j=0}^{⌊n(1-x)⌋} C(n,j) (1-x-j/n)^(n-j) (x+j/n)^(j-1),
 * every term positive, each evaluated in logs (log C(n, j) accumulated as a running sum).
 */
export function smirnovSf(n: number, x: number): number {
  if (x <= 0) return 1;
  if (x >= 1) return 0;
  if (n === 1) return x;
  const last = Math.floor(n * (1 - x));
  let logBinom = 0;
  let sum = 0;
  for (let j = 0; j <= last; j++) {
    if (j > 0) logBinom += Math.log((n - j + 1) / j);
    const low = 1 - x - j / n;
    const high = x + j / n;
    if (low <= 0) {
      if (n - j === 0) sum += Math.exp(logBinom + (j - 1) * Math.log(high));
      continue;
    }
    sum += Math.exp(logBinom + (n - j) * Math.log(low) + (j - 1) * Math.log(high));
  }
  return x * sum;
}

/** Pelz-Good: Li-Chien/Korolyuk's K0 + K1/√n + K2/n + K3/n^1.5 in its theta-function form for small z = x√n. */
function pelzGoodCdf(n: number, x: number): number {
  const z = Math.sqrt(n) * x;
  const z2 = z * z;
  const z3 = z2 * z;
  const z4 = z2 * z2;
  const z6 = z4 * z2;
  const qlog = -PI2 / 8 / z2;
  if (qlog < -708) return 0;
  let q = Math.exp(qlog);
  const k1a = -z2;
  const k1b = PI2 / 4;
  const k2a = 6 * z6 + 2 * z4;
  const k2b = ((2 * z4 - 5 * z2) * PI2) / 4;
  const k2c = (PI4 * (1 - 2 * z2)) / 16;
  const k3d = (PI6 * (5 - 30 * z2)) / 64;
  const k3c = (PI4 * (-60 * z2 + 212 * z4)) / 16;
  const k3b = (PI2 * (135 * z4 - 96 * z6)) / 4;
  const k3a = -30 * z6 - 90 * z ** 8;
  const K = [0, 0, 0, 0];
  const maxk = Math.ceil((16 * z) / Math.PI);
  for (let k = maxk; k > 0; k--) {
    const m = 2 * k - 1;
    const m2 = m * m;
    const qp = q ** (8 * k);
    const coeffs = [1, k1a + k1b * m2, k2a + k2b * m2 + k2c * m2 * m2, k3a + k3b * m2 + k3c * m2 * m2 + k3d * m2 ** 3];
    for (let i = 0; i < 4; i++) K[i] = K[i]! * qp + coeffs[i]!;
  }
  const denom = [z, 6 * z4, 72 * z ** 7, 6480 * z ** 10];
  for (let i = 0; i < 4; i++) K[i] = (K[i]! * q * SQRT2PI) / denom[i]!;
  q = Math.exp(-PI2 / 2 / z2);
  let k2extra = 0;
  let k3extra = 0;
  const s3z = Math.sqrt(3) * z;
  for (let k = maxk; k > 0; k--) {
    const qk = q ** (k * k);
    k2extra += k * k * qk;
    k3extra += (s3z + Math.PI * k) * (s3z - Math.PI * k) * k * k * qk;
  }
  K[2]! += (k2extra * PI2 * SQRT2PI) / (-36 * z3);
  K[3]! += (k3extra * PI2 * SQRT2PI) / (216 * z6);
  let sum = 0;
  for (let i = 0; i < 4; i++) sum += K[i]! / n ** (i / 2);
  return sum;
}
