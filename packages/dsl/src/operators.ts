/**
 * The operators of the expression language, with Qlib's meaning (qlib/data/ops.py, pandas 2.x).
 *
 * A series is evaluated per entity over its rows ordered by time. "Window N" is the current row and
 * the N-1 rows before it, fewer at the start of an entity's history (Qlib's `min_periods=1`): a
 * window op gives a value as soon as one non-null input is in the window, unless stated otherwise.
 * Values are finite doubles or null; null plays the role of pandas' NaN.
 *
 * Each operator's entry below carries its meaning, when it is null and an example: that table is
 * the one source of the `featureOperators` query and of the README's operator table
 * (`operatorCatalogue`).
 *
 * Skew and Kurt use two-pass central moments (DuckDB's skewness()/kurtosis() sum raw powers and
 * lose digits on price-level data); Var/Std use DuckDB's windowed Welford, which is more accurate
 * than pandas' add/remove updates (they differ by up to ~1e-9 relative on prices).
 *
 * Windows (N) are positive integer literals; Qlib's N = 0 (expanding) is not supported.
 *
 * As-of series (not in Qlib): `AsOf($dataset.field)` reads an alternative field on its dataset's
 * own clock, one row per observed event time instead of one per NYSE session. An expression that
 * uses AsOf or a time window is an as-of series as a whole: every `$dataset.field` in it is read
 * that way (`Mean($vendor.sentiment, 5d)` needs no AsOf), its window N counts observations, and
 * the operators marked `timeWindow` also take a duration literal (`5d`: whole count, unit s m h d
 * w) spanning event times (t - 5d, t]. Its value at time t is, among observations available at t,
 * that of the latest event time, each observation in its latest version known at t (DESIGN
 * section 4, rule 2); observations at the same event time are ordered by their `seq`. Comparisons
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
  /** A positive integer literal; a duration (`5d`) for operators with `timeWindow`. */
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

/** What a user reads about an operator: its meaning, when it is null, and an expression using it. */
export interface OperatorDoc {
  /** The value it computes. */
  readonly meaning: string;
  /** When the value is null (null plays the role of pandas' NaN). */
  readonly nulls: string;
  /** An expression using it. */
  readonly example: string;
}

export interface OperatorSpec extends OperatorDoc {
  readonly name: string;
  readonly kind: OperatorKind;
  readonly params: readonly OperatorParam[];
  /** The smallest window the operator accepts (Qlib raises below it). */
  readonly minWindow?: number;
  /** Whether its window may be a duration (`Mean($vendor.sentiment, 5d)`) over an as-of series. */
  readonly timeWindow?: boolean;
}

const x: OperatorParam = { name: 'series', kind: 'series' };
const y: OperatorParam = { name: 'other series', kind: 'series' };
const n: OperatorParam = { name: 'window', kind: 'window' };
const left: OperatorParam = { name: 'left', kind: 'value' };
const right: OperatorParam = { name: 'right', kind: 'value' };

const doc = (meaning: string, nulls: string, example: string): OperatorDoc => ({ meaning, nulls, example });

function rolling(name: string, d: OperatorDoc, minWindow?: number): OperatorSpec {
  return { name, kind: 'rolling', params: [x, n], ...d, ...(minWindow ? { minWindow } : {}) };
}

/** A rolling operator whose window may also be a duration over an as-of series' event times. */
function timed(name: string, d: OperatorDoc): OperatorSpec {
  return { ...rolling(name, d), timeWindow: true };
}

function unary(name: string, d: OperatorDoc): OperatorSpec {
  return { name, kind: 'elementwise', params: [x], ...d };
}

const noValue = 'no non-null value in the window';

const specs: readonly OperatorSpec[] = [
  {
    name: 'AsOf',
    kind: 'elementwise',
    params: [{ name: 'field', kind: 'series' }],
    ...doc(
      "an alternative field on its dataset's own event times: at t, among observations available at t, the latest event time's value in its latest version known at t (ties: greatest seq). Windows over it: see below",
      'the latest observation lacks the field',
      'AsOf($vendor.sentiment)',
    ),
  },
  {
    name: 'Ref',
    kind: 'rolling',
    params: [x, { name: 'offset', kind: 'offset' }],
    ...doc('x k rows back (k < 0: -k rows ahead, labels only; 0 is refused)', 'no such row', 'Ref($close, 1)'),
  },
  timed('Mean', doc('mean of the non-null values in the window', noValue, 'Mean($close, 5)')),
  timed('Sum', doc('sum of the non-null values in the window', noValue, 'Sum($volume, 20)')),
  timed(
    'Std',
    doc('sample standard deviation (ddof = 1)', 'fewer than 2 values; a constant window gives 0', 'Std($close, 20)'),
  ),
  timed('Var', doc('sample variance (ddof = 1)', 'fewer than 2 values; a constant window gives 0', 'Var($close, 20)')),
  rolling(
    'Skew',
    doc(
      'adjusted Fisher-Pearson skewness (pandas skew); N >= 3',
      'fewer than 3 values or population variance <= 1e-14; a constant window gives 0',
      'Skew($close / Ref($close, 1), 20)',
    ),
    3,
  ),
  rolling(
    'Kurt',
    doc(
      'unbiased excess kurtosis (pandas kurt); N >= 4',
      'fewer than 4 values or population variance <= 1e-14; a constant window gives -3',
      'Kurt($close / Ref($close, 1), 20)',
    ),
    4,
  ),
  timed('Min', doc('minimum of the non-null values in the window', noValue, 'Min($low, 20)')),
  timed('Max', doc('maximum of the non-null values in the window', noValue, 'Max($high, 20)')),
  timed('Med', doc('median (mean of the two middle values for an even count)', noValue, 'Med($close, 10)')),
  rolling('Mad', doc('mean absolute deviation around the window mean', noValue, 'Mad($close, 20)')),
  timed(
    'Count',
    doc('number of non-null values in the window', 'never: 0 for an all-null window', 'Count($volume, 5)'),
  ),
  rolling('Delta', doc('x - Ref(x, N)', 'either side null', 'Delta($close, 5)')),
  rolling(
    'Slope',
    doc(
      'OLS slope of x on its row position in the window (gaps keep their positions)',
      'fewer than 2 values',
      'Slope($close, 20) / $close',
    ),
  ),
  rolling(
    'Rsquare',
    doc(
      'R² of the regression of x on its row position',
      "fewer than 2 values, or Std(x, N) <= 2e-5 (Qlib's isclose)",
      'Rsquare($close, 20)',
    ),
  ),
  rolling(
    'Resi',
    doc(
      'residual of the current row under that regression',
      'current x null, or fewer than 2 values',
      'Resi($close, 20) / $close',
    ),
  ),
  rolling(
    'Rank',
    doc(
      "percentile rank of the current x among the window's non-null values, ties averaged: (below + (equal + 1) / 2) / count (pandas rank(pct=True))",
      'current x null',
      'Rank($close, 20)',
    ),
  ),
  rolling(
    'IdxMax',
    doc(
      '1-based position in the window (1 = oldest row) of the first maximum',
      "no non-null value; a null inside the window wins, as numpy's argmax returns the first NaN",
      'IdxMax($high, 20) / 20',
    ),
  ),
  rolling(
    'IdxMin',
    doc(
      '1-based position in the window (1 = oldest row) of the first minimum',
      "no non-null value; a null inside the window wins, as numpy's argmin returns the first NaN",
      'IdxMin($low, 20) / 20',
    ),
  ),
  rolling(
    'WMA',
    doc(
      "Qlib's weighted mean: weights 0..n-1 (oldest 0) over the n rows present, summing to 1, then numpy nanmean(w * x), i.e. divided again by the number of non-null values (Qlib's definition, not the textbook one)",
      'fewer than 2 rows, or no non-null value',
      'WMA($close, 10)',
    ),
  ),
  {
    name: 'EMA',
    kind: 'rolling',
    params: [x, { name: 'span', kind: 'span' }],
    ...doc(
      'pandas ewm(span=N, adjust=True).mean() (alpha = 2/(N+1)); EMA(x, a) with 0 < a < 1 uses alpha = a; nulls skipped',
      'no non-null value in the truncated window (weights below 1e-16 are dropped)',
      'EMA($close, 12) / $close',
    ),
  },
  {
    name: 'Quantile',
    kind: 'rolling',
    params: [x, n, { name: 'quantile', kind: 'quantile' }],
    ...doc(
      'q-quantile of the window (0 < q < 1), linear interpolation at (n-1)q (pandas default)',
      noValue,
      'Quantile($close, 20, 0.8)',
    ),
  },
  {
    name: 'Corr',
    kind: 'rolling',
    params: [x, y, n],
    ...doc(
      'Pearson correlation over the rows where both are non-null',
      'fewer than 2 pairs, or either Std <= 2e-5',
      'Corr($close, Log($volume + 1), 20)',
    ),
  },
  {
    name: 'Cov',
    kind: 'rolling',
    params: [x, y, n],
    ...doc(
      'sample covariance (ddof = 1) over the rows where both are non-null',
      'fewer than 2 pairs',
      'Cov($close, $volume, 20)',
    ),
  },
  unary('Abs', doc('absolute value', 'x null', 'Abs($close - $open)')),
  unary('Sign', doc('-1, 0 or 1', 'x null', 'Sign($close - Ref($close, 1))')),
  unary('Log', doc('natural logarithm', 'x null or x <= 0', 'Log($volume + 1)')),
  {
    name: 'Power',
    kind: 'elementwise',
    params: [x, { name: 'exponent', kind: 'exponent' }],
    ...doc('x to the power e, e a numeric literal', 'the result is not finite (0^-1, (-8)^0.5)', 'Power($close, 2)'),
  },
  {
    name: 'Greater',
    kind: 'elementwise',
    params: [left, right],
    ...doc('elementwise maximum (numpy maximum)', 'either side null', 'Greater($open, $close)'),
  },
  {
    name: 'Less',
    kind: 'elementwise',
    params: [left, right],
    ...doc('elementwise minimum (numpy minimum)', 'either side null', 'Less($open, $close)'),
  },
  {
    name: 'If',
    kind: 'elementwise',
    params: [
      { name: 'condition', kind: 'condition' },
      { name: 'then', kind: 'value' },
      { name: 'else', kind: 'value' },
    ],
    ...doc('`then` where the condition holds, else `else`', 'the chosen side null', 'If($close > $open, 1, -1)'),
  },
  {
    name: 'CSRank',
    kind: 'cross-sectional',
    params: [x],
    ...doc(
      'percentile rank of x among all entities at the same time, ties averaged',
      'x null',
      'CSRank($close / Ref($close, 20))',
    ),
  },
  {
    name: 'CSZScore',
    kind: 'cross-sectional',
    params: [x],
    ...doc(
      '(x - mean) / std across entities at the same time (std ddof = 1)',
      'x null, fewer than 2 values or zero std',
      'CSZScore($volume)',
    ),
  },
];

/** Every operator of the language called by name, by name. */
export const OPERATORS: ReadonlyMap<string, OperatorSpec> = new Map(specs.map((s) => [s.name, s]));

export function isOperatorName(name: string): boolean {
  return OPERATORS.has(name);
}

/** The operators written between their operands (see the grammar in internal/parser.ts). */
const INFIX: readonly ({ readonly name: string; readonly signature: string } & OperatorDoc)[] = [
  { name: '+ - *', signature: 'a + b', ...doc('arithmetic', 'either side null', '($close - $open) / $open') },
  {
    name: '/',
    signature: 'a / b',
    ...doc('division', 'either side null, or division by 0', '$close / Ref($close, 1)'),
  },
  {
    name: '> < >= <= ==',
    signature: 'a > b',
    ...doc(
      'a condition; as a number 1 or 0 (comparisons do not chain)',
      'never: a null side makes it false',
      '$close > $open',
    ),
  },
  { name: '!=', signature: 'a != b', ...doc('a condition', 'never: a null side makes it true', '$close != $open') },
  {
    name: '& |',
    signature: '(c1) & (c2)',
    ...doc(
      'both / either condition; a comparison beside them needs parentheses',
      'never',
      '($close > $open) & ($volume > Mean($volume, 5))',
    ),
  },
];

/** One row of the operator catalogue: what `featureOperators` answers and the README lists. */
export interface OperatorEntry extends OperatorDoc {
  readonly name: string;
  readonly kind: OperatorKind | 'infix';
  /** How it is called: `Mean(series, window)`. */
  readonly signature: string;
}

/** Every operator of the language with its signature, meaning, null rule and example, in table order. */
export function operatorCatalogue(): OperatorEntry[] {
  const called = specs.map(({ name, kind, params, meaning, nulls, example }) => ({
    name,
    kind,
    signature: `${name}(${params.map((p) => p.name).join(', ')})`,
    meaning,
    nulls,
    example,
  }));
  return [...called, ...INFIX.map((o) => ({ ...o, kind: 'infix' as const }))];
}

/** The catalogue as a Markdown table (the README's operator table is this text). */
export function operatorTableMarkdown(): string {
  const cell = (s: string) => s.replaceAll('|', '\\|');
  const rows = operatorCatalogue().map(
    (o) => `| \`${cell(o.signature)}\` | ${cell(o.meaning)} | ${cell(o.nulls)} | \`${cell(o.example)}\` |`,
  );
  return ['| Operator | Value | Null when | Example |', '|---|---|---|---|', ...rows].join('\n');
}
