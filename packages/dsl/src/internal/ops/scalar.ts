/**
 * Elementwise operators as SQL over already-rendered arguments. Every value is a finite double or
 * null: where numpy would produce inf or NaN (x / 0, log of x <= 0, 0^-1) the result is null, since
 * DuckDB treats NaN as a value (greater than everything) rather than as missing.
 */
type Render = (a: readonly string[], params: readonly number[]) => string;

const at = (a: readonly string[], i: number): string => {
  const s = a[i];
  if (s === undefined) throw new Error(`missing argument ${i}`);
  return s;
};

const binary =
  (op: string): Render =>
  (a) =>
    `(${at(a, 0)} ${op} ${at(a, 1)})`;

/** numpy comparisons: a NaN side makes `==`, `<`, ... false and `!=` true. */
const compare =
  (op: string, whenNull: 'false' | 'true'): Render =>
  (a) =>
    `coalesce(${at(a, 0)} ${op} ${at(a, 1)}, ${whenNull})`;

/** numpy maximum / minimum propagate NaN, unlike SQL greatest / least which skip NULL. */
const extreme =
  (fn: 'greatest' | 'least'): Render =>
  (a) =>
    `CASE WHEN ${at(a, 0)} IS NULL OR ${at(a, 1)} IS NULL THEN NULL ELSE ${fn}(${at(a, 0)}, ${at(a, 1)}) END`;

export const SCALAR_OPS: Readonly<Record<string, Render>> = {
  toDouble: (a) => `CAST(${at(a, 0)} AS DOUBLE)`,
  neg: (a) => `(-${at(a, 0)})`,
  add: binary('+'),
  sub: binary('-'),
  mul: binary('*'),
  div: (a) => `(${at(a, 0)} / NULLIF(${at(a, 1)}, 0))`,
  gt: compare('>', 'false'),
  lt: compare('<', 'false'),
  ge: compare('>=', 'false'),
  le: compare('<=', 'false'),
  eq: compare('=', 'false'),
  ne: compare('<>', 'true'),
  and: binary('AND'),
  or: binary('OR'),
  abs: (a) => `abs(${at(a, 0)})`,
  sign: (a) => `CAST(sign(${at(a, 0)}) AS DOUBLE)`,
  // greatest(NULL, 0) is 0, so null and non-positive inputs both become NULL before ln().
  log: (a) => `ln(NULLIF(greatest(${at(a, 0)}, 0), 0))`,
  power: (a) => `CASE WHEN isfinite(pow(${at(a, 0)}, ${at(a, 1)})) THEN pow(${at(a, 0)}, ${at(a, 1)}) END`,
  greater: extreme('greatest'),
  less: extreme('least'),
  if: (a) => `CASE WHEN ${at(a, 0)} THEN ${at(a, 1)} ELSE ${at(a, 2)} END`,
  /** The latest of several availability times. */
  latest: (a) => (a.length === 1 ? at(a, 0) : `greatest(${a.join(', ')})`),
};
