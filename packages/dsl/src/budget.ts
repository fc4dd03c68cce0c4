/**
 * The complexity budget of one expression: what the checker refuses, as `LIMIT`, so that no
 * definition can stall the process that compiles or runs it, or store numbers that do not fit
 * where they are shown. Each bound is far beyond any real feature (Alpha158's deepest factor
 * stacks 3 window layers, its largest has 37 nodes, its longest lookback is 59 rows).
 *
 * - `maxWindowDepth`: window operators applied to the result of other window operators. Each
 *   layer is a window pass over every row, and DuckDB's planning time grows about 2x per layer
 *   past a dozen (`Mean(..., 2)` nested 16 deep plans in 40 ms, 20 deep in 0.6 s, 99 deep never).
 * - `maxNodes`: numbers, fields, operators and calls in the tree.
 * - `maxSqlWeight`: the size of the SQL the compiler inlines for the elementwise parts. Greater,
 *   Less and Power mention their arguments twice, so nesting them would double the SQL per level.
 * - `maxLookback`: rows of history before (or, for labels, after) a value that it can read, summed
 *   through nesting: `Ref(Ref($close, 900000), 900000)` is refused, and so is an EMA whose weights
 *   need more rows than this to fall below 1e-16 (spans above 54,286, smoothing factors below
 *   3.69e-5). It also keeps `Feature.lookback` inside GraphQL's 32-bit `Int`.
 * - `literalMagnitude`: a numeric literal is 0 or between `min` and `max` in magnitude, so that it
 *   renders as a DuckDB DOUBLE literal that reads back as the same number (subnormals and values
 *   near the double range do not survive every SQL path) and means something for prices, volumes
 *   and ratios.
 */
export const EXPRESSION_BUDGET = {
  maxWindowDepth: 12,
  maxNodes: 500,
  maxSqlWeight: 20_000,
  maxLookback: 1_000_000,
  literalMagnitude: { min: 1e-15, max: 1e15 },
} as const;

export type ExpressionBudget = typeof EXPRESSION_BUDGET;

/** `1234567` as `1,234,567`: limits and offending values in messages. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : String(n);
}
