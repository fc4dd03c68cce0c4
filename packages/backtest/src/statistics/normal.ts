// biome-ignore-all lint/correctness/noPrecisionLoss: the coefficients keep the published digits of Cody (1969) and AS 241 so they can be checked against the papers; the nearest double is what runs.
import { StatisticsError } from './errors.ts';

/*
 * The standard normal distribution, written out so the statistics do not depend on a numerics
 * library. Φ follows W. J. Cody's rational Chebyshev approximations ("Rational Chebyshev
 * approximations for the error function", Math. Comp. 23 (1969) 631-637; the coefficients of
 * ACM TOMS 715, 1993, as R's pnorm uses them); Φ⁻¹ is M. J. Wichura's PPND16, Algorithm AS 241,
 * Applied Statistics 37 (1988) 477-484. Both are accurate to a few parts in 10^16 in double
 * precision (Φ in the far tails to x²/2 ulps); the tests compare them with scipy (fixtures/normal.json).
 */

const ONE_OVER_SQRT_2PI = 0.398942280401432677939946059934;
const SQRT_32 = 5.656854249492380195206754896838;
/** Below this |x| the upper tail is under the smallest double: Q(37.5193) ≈ 2.5e-308. */
const TAIL_UNDERFLOW = 37.5193;

// |x| <= 0.67448975 (the upper quartile): Φ(x) = 1/2 + x·A(x²)/B(x²).
const A = [2.2352520354606839287, 161.02823106855587881, 1067.6894854603709582, 18154.981253343561249];
const A_LEAD = 0.065682337918207449113;
const B = [47.20258190468824187, 976.09855173777669322, 10260.932208618978205, 45507.789335026729956];
// 0.674 < |x| <= sqrt(32): Q(|x|) = exp(-x²/2)·C(|x|)/D(|x|).
const C = [
  0.39894151208813466764, 8.8831497943883759412, 93.506656132177855979, 597.27027639480026226, 2494.5375852903726711,
  6848.1904505362823326, 11602.651437647350124, 9842.7148383839780218,
];
const C_LEAD = 1.0765576773720192317e-8;
const D = [
  22.266688044328115691, 235.38790178262499861, 1519.377599407554805, 6485.558298266760755, 18615.571640885098091,
  34900.952721145977266, 38912.003286093271411, 19685.429676859990727,
];
// |x| > sqrt(32): Q(|x|) = exp(-x²/2)·(1/√(2π) − P(1/x²)/Q(1/x²)/x²)/|x| (asymptotic form).
const P = [
  0.21589853405795699, 0.1274011611602473639, 0.022235277870649807, 0.001421619193227893466, 2.9112874951168792e-5,
];
const P_LEAD = 0.02307344176494017303;
const Q = [
  1.28426009614491121, 0.468238212480865118, 0.0659881378689285515, 0.00378239633202758244, 7.29751555083966205e-5,
];

/**
 * exp(-y²/2) without losing digits for large y: y² is split as (hi + (y-hi))·(y + hi) with hi a
 * multiple of 1/16, so the rounding of y·y does not enter the exponent (Cody's device).
 */
function gaussianFactor(y: number): number {
  const hi = Math.trunc(y * 16) / 16;
  const del = (y - hi) * (y + hi);
  return Math.exp(-hi * hi * 0.5) * Math.exp(-del * 0.5);
}

/** Upper tail Q(y) = 1 − Φ(y) for y > 0.67448975. */
function upperTail(y: number): number {
  if (y <= SQRT_32) {
    let num = C_LEAD * y;
    let den = y;
    for (let i = 0; i < 7; i++) {
      num = (num + C[i]!) * y;
      den = (den + D[i]!) * y;
    }
    return (gaussianFactor(y) * (num + C[7]!)) / (den + D[7]!);
  }
  if (y >= TAIL_UNDERFLOW) return 0;
  const z = 1 / (y * y);
  let num = P_LEAD * z;
  let den = z;
  for (let i = 0; i < 4; i++) {
    num = (num + P[i]!) * z;
    den = (den + Q[i]!) * z;
  }
  const ratio = (z * (num + P[4]!)) / (den + Q[4]!);
  return (gaussianFactor(y) * (ONE_OVER_SQRT_2PI - ratio)) / y;
}

/** x·A(x²)/B(x²) = Φ(x) − 1/2 for |x| <= 0.67448975. */
function centralOffset(x: number): number {
  const xsq = x * x;
  let num = A_LEAD * xsq;
  let den = xsq;
  for (let i = 0; i < 3; i++) {
    num = (num + A[i]!) * xsq;
    den = (den + B[i]!) * xsq;
  }
  return (x * (num + A[3]!)) / (den + B[3]!);
}

function assertNotNaN(x: number, what: string): void {
  if (Number.isNaN(x)) throw new StatisticsError('NON_FINITE', `${what} must be a number, got NaN`);
}

/**
 * Standard normal cumulative distribution function Φ(x) = P[Z <= x], Z ~ N(0, 1).
 *
 * Cody's rational approximations in three ranges (|x| <= 0.674, <= √32, beyond), relative error
 * about 1e-16 near the centre growing to x²/2 ulps in the tails (the conditioning of exp(−x²/2)); Φ(0) = 1/2 exactly, Φ(-∞) = 0, Φ(+∞) = 1, and Φ(x) underflows to 0
 * below x ≈ -37.5. Throws NON_FINITE for NaN.
 */
export function normalCdf(x: number): number {
  assertNotNaN(x, 'x');
  const y = Math.abs(x);
  if (y <= 0.67448975) return 0.5 + centralOffset(x);
  const tail = upperTail(y);
  return x > 0 ? 1 - tail : tail;
}

/**
 * Standard normal survival function 1 − Φ(x) = P[Z > x], accurate in the upper tail where
 * `1 - normalCdf(x)` would cancel to 0 (e.g. x = 10 gives 7.62e-24). Throws NON_FINITE for NaN.
 */
export function normalSurvival(x: number): number {
  assertNotNaN(x, 'x');
  return normalCdf(-x);
}

// AS 241 coefficients, lowest degree first: numerator and denominator of each range.
const CENTRAL_NUM = [
  3.387132872796366608, 133.14166789178437745, 1971.5909503065514427, 13731.693765509461125, 45921.953931549871457,
  67265.770927008700853, 33430.575583588128105, 2509.0809287301226727,
];
const CENTRAL_DEN = [
  1, 42.313330701600911252, 687.1870074920579083, 5394.1960214247511077, 21213.794301586595867, 39307.89580009271061,
  28729.085735721942674, 5226.495278852854561,
];
const NEAR_NUM = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504, 1.27045825245236838258,
  0.24178072517745061177, 0.0227238449892691845833, 7.7454501427834140764e-4,
];
const NEAR_DEN = [
  1, 2.05319162663775882187, 1.6763848301838038494, 0.68976733498510000455, 0.14810397642748007459,
  0.0151986665636164571966, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const FAR_NUM = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 0.29656057182850489123, 0.026532189526576123093,
  0.0012426609473880784386, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const FAR_DEN = [
  1, 0.59983220655588793769, 0.13692988092273580531, 0.0148753612908506148525, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];

/** Σ coefficients[i]·x^i by Horner's rule (coefficients lowest degree first). */
function polynomial(coefficients: readonly number[], x: number): number {
  let value = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) value = value * x + coefficients[i]!;
  return value;
}

/**
 * Inverse of the standard normal CDF, Φ⁻¹(p): the z with Φ(z) = p (Wichura's AS 241, PPND16).
 *
 * Rational approximations for |p − 1/2| <= 0.425, then in r = √(−ln min(p, 1−p)) for r <= 5 and
 * beyond; relative error about 1e-16. Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞; throws OUT_OF_RANGE for p outside
 * [0, 1] and NON_FINITE for NaN.
 */
export function normalQuantile(p: number): number {
  assertNotNaN(p, 'p');
  if (p < 0 || p > 1) throw new StatisticsError('OUT_OF_RANGE', `p must be a probability in [0, 1], got ${p}`);
  if (p === 0) return Number.NEGATIVE_INFINITY;
  if (p === 1) return Number.POSITIVE_INFINITY;
  const q = p - 0.5;
  if (Math.abs(q) <= 0.425) {
    const r = 0.180625 - q * q;
    return (q * polynomial(CENTRAL_NUM, r)) / polynomial(CENTRAL_DEN, r);
  }
  // r = √(−ln min(p, 1−p)); 1 − p is exact for the doubles above 1/2.
  const r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
  const value =
    r <= 5
      ? polynomial(NEAR_NUM, r - 1.6) / polynomial(NEAR_DEN, r - 1.6)
      : polynomial(FAR_NUM, r - 5) / polynomial(FAR_DEN, r - 5);
  return q < 0 ? -value : value;
}
