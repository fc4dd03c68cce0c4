/**
 * The operators of the expression language, with Qlib's meaning (qlib/data/ops.py, pandas 2.x).
 *
 * A series is evaluated per entity over its rows ordered by time. "Window N" is the current row and
 * the N-1 rows before it, fewer at the start of an entity's history (Qlib's `min_periods=1`): a
 * window op gives a value as soon as one non-null input is in the window, unless stated otherwise.
 * Values are finite doubles or null; null plays the role of pandas' NaN.
 *
 * | Operator              | Value                                                                  | Null when / notes                                   |
 * |-----------------------|------------------------------------------------------------------------|-----------------------------------------------------|
 * | `Ref(x, k)`           | x k rows back (k < 0: -k rows ahead, labels only)                      | no such row; k = 0 is rejected (Qlib: first row)    |
 * | `Mean(x, N)`          | mean of the non-null values in the window                              | no non-null value                                   |
 * | `Sum(x, N)`           | sum of the non-null values                                             | no non-null value                                   |
 * | `Std(x, N)`           | sample standard deviation (ddof = 1)                                   | fewer than 2 values; constant window gives 0        |
 * | `Var(x, N)`           | sample variance (ddof = 1)                                             | fewer than 2 values; constant window gives 0        |
 * | `Skew(x, N)`, N >= 3  | adjusted Fisher-Pearson skewness (pandas `skew`)                       | < 3 values; constant gives 0; var_pop <= 1e-14 null |
 * | `Kurt(x, N)`, N >= 4  | unbiased excess kurtosis (pandas `kurt`)                               | < 4 values; constant gives -3; var_pop <= 1e-14 null|
 * | `Min`, `Max(x, N)`    | minimum / maximum of the non-null values                               | no non-null value                                   |
 * | `Med(x, N)`           | median (mean of the two middle values for an even count)              | no non-null value                                   |
 * | `Quantile(x, N, q)`   | q-quantile, linear interpolation at (n-1)q (pandas default), 0 < q < 1 | no non-null value                                   |
 * | `Mad(x, N)`           | mean absolute deviation around the window mean                         | no non-null value                                   |
 * | `Count(x, N)`         | number of non-null values                                              | never: 0 for an all-null window                     |
 * | `Delta(x, N)`         | x - Ref(x, N)                                                          | either side null                                    |
 * | `Slope(x, N)`         | OLS slope of x on its row position in the window (gaps keep positions) | fewer than 2 values                                 |
 * | `Rsquare(x, N)`       | R² of that regression                                                  | < 2 values, or Std(x, N) <= 2e-5 (Qlib's isclose)   |
 * | `Resi(x, N)`          | residual of the current row under that regression                      | current x null, or fewer than 2 values              |
 * | `Rank(x, N)`          | percentile rank of the current x among the window's non-null values,   | current x null                                      |
 * |                       | ties averaged: (below + (equal + 1) / 2) / count (pandas `rank(pct)`)  |                                                     |
 * | `IdxMax`, `IdxMin`    | 1-based position in the window (1 = oldest row) of the first max / min | no non-null value; a null inside the window wins,   |
 * |                       |                                                                        | as numpy's argmax returns the first NaN             |
 * | `Corr(x, y, N)`       | Pearson correlation over rows where both are non-null                  | < 2 pairs, or Std(x, N) or Std(y, N) <= 2e-5        |
 * | `Cov(x, y, N)`        | sample covariance (ddof = 1) over rows where both are non-null         | fewer than 2 pairs                                  |
 * | `EMA(x, N)`           | pandas `ewm(span=N, adjust=True).mean()` (alpha = 2/(N+1));            | no non-null value in the truncated window           |
 * |                       | `EMA(x, a)` with 0 < a < 1 uses alpha = a; EMA(x, 1) is x. Weights     |                                                     |
 * |                       | decay with row distance, nulls skipped (ignore_na=False); truncated    |                                                     |
 * |                       | where the dropped weight is below 1e-16 (see internal/ops/smoothing)   |                                                     |
 * | `WMA(x, N)`           | Qlib's WMA: weights 0..n-1 (oldest 0) over the n rows present, summing | fewer than 2 rows, or no non-null value             |
 * |                       | to 1, then numpy `nanmean(w * x)`, i.e. divided again by the number   |                                                     |
 * |                       | of non-null values (Qlib's definition, not the textbook one)            |                                                     |
 * | `Abs`, `Sign(x)`      | |x|; -1, 0 or 1                                                        | x null                                              |
 * | `Log(x)`              | natural logarithm                                                      | x null or x <= 0 (numpy: -inf / NaN)                |
 * | `Power(x, e)`         | x^e, e a numeric literal                                               | result not finite (0^-1, (-8)^0.5)                  |
 * | `Greater`, `Less`     | elementwise max / min (numpy maximum / minimum)                        | either side null                                    |
 * | `If(c, a, b)`         | a where condition c holds, else b                                      | the chosen side null                                |
 * | `+ - *`               | arithmetic                                                             | either side null                                    |
 * | `/`                   | division                                                               | either side null, or division by 0 (numpy: inf)     |
 * | `> < >= <= ==`        | a condition; as a number 1 or 0                                        | never: a null side makes it false (numpy)           |
 * | `!=`                  | a condition                                                            | never: a null side makes it true (numpy)            |
 * | `&`, `|`              | both / either condition (Qlib's And / Or); operands must be conditions | never                                               |
 * | `CSRank(x)`           | percentile rank of x among all entities at the same time, ties         | x null                                              |
 * |                       | averaged (pandas `groupby(time).rank(pct=True)`, Qlib's CSRankNorm     |                                                     |
 * |                       | before its centring)                                                   |                                                     |
 * | `CSZScore(x)`         | (x - mean) / std across entities at the same time, std ddof = 1        | x null, < 2 values or zero std                      |
 * |                       | (Qlib's CSZScoreNorm)                                                  |                                                     |
 *
 * Skew and Kurt use two-pass central moments (DuckDB's skewness()/kurtosis() sum raw powers and
 * lose digits on price-level data); Var/Std use DuckDB's windowed Welford, which is more accurate
 * than pandas' add/remove updates (they differ by up to ~1e-9 relative on prices).
 *
 * Windows (N) are positive integer literals; Qlib's N = 0 (expanding) is not supported. Comparisons
 * cannot be chained, and `&` / `|` next to a comparison need parentheses, so that an expression
 * never means something different from what Python's precedence gives it in Qlib.
 */

export type OperatorKind = 'elementwise' | 'rolling' | 'cross-sectional';

/** What an argument position accepts. */
export type ParamKind =
  /** An expression that reads at least one field. */
  | 'series'
  /** An expression or a constant. */
  | 'value'
  /** A comparison or `&` / `|`. */
  | 'condition'
  /** A positive integer literal. */
  | 'window'
  /** A non-zero integer literal. */
  | 'offset'
  /** Any numeric literal. */
  | 'exponent'
  /** A literal strictly between 0 and 1. */
  | 'quantile'
  /** A positive integer literal or a literal strictly between 0 and 1. */
  | 'span';

export interface OperatorParam {
  readonly name: string;
  readonly kind: ParamKind;
}

export interface OperatorSpec {
  readonly name: string;
  readonly kind: OperatorKind;
  readonly params: readonly OperatorParam[];
  /** The smallest window the operator accepts (Qlib raises below it). */
  readonly minWindow?: number;
}

const x: OperatorParam = { name: 'series', kind: 'series' };
const y: OperatorParam = { name: 'other series', kind: 'series' };
const n: OperatorParam = { name: 'window', kind: 'window' };

function rolling(name: string, minWindow?: number): OperatorSpec {
  return { name, kind: 'rolling', params: [x, n], ...(minWindow ? { minWindow } : {}) };
}

function unary(name: string): OperatorSpec {
  return { name, kind: 'elementwise', params: [x] };
}

const specs: readonly OperatorSpec[] = [
  { name: 'Ref', kind: 'rolling', params: [x, { name: 'offset', kind: 'offset' }] },
  rolling('Mean'),
  rolling('Sum'),
  rolling('Std'),
  rolling('Var'),
  rolling('Skew', 3),
  rolling('Kurt', 4),
  rolling('Min'),
  rolling('Max'),
  rolling('Med'),
  rolling('Mad'),
  rolling('Count'),
  rolling('Delta'),
  rolling('Slope'),
  rolling('Rsquare'),
  rolling('Resi'),
  rolling('Rank'),
  rolling('IdxMax'),
  rolling('IdxMin'),
  rolling('WMA'),
  { name: 'EMA', kind: 'rolling', params: [x, { name: 'span', kind: 'span' }] },
  { name: 'Quantile', kind: 'rolling', params: [x, n, { name: 'quantile', kind: 'quantile' }] },
  { name: 'Corr', kind: 'rolling', params: [x, y, n] },
  { name: 'Cov', kind: 'rolling', params: [x, y, n] },
  unary('Abs'),
  unary('Sign'),
  unary('Log'),
  { name: 'Power', kind: 'elementwise', params: [x, { name: 'exponent', kind: 'exponent' }] },
  {
    name: 'Greater',
    kind: 'elementwise',
    params: [
      { name: 'left', kind: 'value' },
      { name: 'right', kind: 'value' },
    ],
  },
  {
    name: 'Less',
    kind: 'elementwise',
    params: [
      { name: 'left', kind: 'value' },
      { name: 'right', kind: 'value' },
    ],
  },
  {
    name: 'If',
    kind: 'elementwise',
    params: [
      { name: 'condition', kind: 'condition' },
      { name: 'then', kind: 'value' },
      { name: 'else', kind: 'value' },
    ],
  },
  { name: 'CSRank', kind: 'cross-sectional', params: [x] },
  { name: 'CSZScore', kind: 'cross-sectional', params: [x] },
];

/** Every operator of the language, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map(specs.map((s) => [s.name, s]));

export function isOperatorName(name: string): boolean {
  return OPERATORS.has(name);
}
