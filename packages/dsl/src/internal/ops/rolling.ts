import { sqlNumber } from '../sql.ts';
import { arg, param, rawAt, type WindowContext, type WindowOp } from './types.ts';

/**
 * Rolling aggregates over the last N rows of an entity (params[0] = N). SQL aggregates skip NULL
 * and return NULL for an all-null window, which is pandas' `rolling(N, min_periods=1)` behaviour.
 */
const aggregate =
  (fn: string): WindowOp['raws'] =>
  (c) => [`${fn}(${arg(c, 0)}) OVER ${c.frame(param(c, 0))}`];

/**
 * pandas' rolling skew (adjusted Fisher-Pearson) and kurt (unbiased excess), from central moments
 * computed in two passes over the window's values. DuckDB's own skewness()/kurtosis() sum raw
 * powers and lose up to 5 digits on price-level series. pandas sets a constant window to 0 / -3
 * and a near-constant one (population variance <= 1e-14) to NaN.
 */
function moment(order: 3 | 4): WindowOp {
  return {
    raws: (c) => {
      const [x, w] = [arg(c, 0), c.frame(param(c, 0))];
      return ['list', 'avg', 'count', 'min', 'max'].map((fn) => `${fn}(${x}) OVER ${w}`);
    },
    finish: (r) => {
      const [values, mean, n, lo, hi] = [0, 1, 2, 3, 4].map((i) => rawAt(r, i)) as [
        string,
        string,
        string,
        string,
        string,
      ];
      const central = (k: number) => `list_sum(list_transform(${values}, lambda v: pow(v - ${mean}, ${k})))`;
      const variance = `(${central(2)} / ${n})`;
      const value =
        order === 3
          ? `sqrt(${n} * (${n} - 1)) / (${n} - 2) * (${central(3)} / ${n}) / pow(${variance}, 1.5)`
          : `((${n} * ${n} - 1) * (${central(4)} / ${n}) / pow(${variance}, 2) - 3 * pow(${n} - 1, 2)) / ((${n} - 2) * (${n} - 3))`;
      return (
        `CASE WHEN ${n} < ${order} THEN NULL WHEN ${lo} = ${hi} THEN ${order === 3 ? '0e0' : '(-3e0)'} ` +
        `WHEN ${variance} <= 1e-14 THEN NULL ELSE ${value} END`
      );
    },
  };
}

/** The same aggregates over a time window of event times (params[0] = seconds): `Mean(x, 5d)`. */
const overTime =
  (fn: string, cast = false): WindowOp['raws'] =>
  (c) => {
    const call = `${fn}(${arg(c, 0)}) OVER ${c.timeFrame(param(c, 0))}`;
    return [cast ? `CAST(${call} AS DOUBLE)` : call];
  };

/** Window operators over durations: the IR op of `Mean(x, 5d)` is `mean_time`. */
export const TIME_WINDOW_OPS: Readonly<Record<string, WindowOp>> = {
  mean_time: { raws: overTime('avg') },
  sum_time: { raws: overTime('sum') },
  std_time: { raws: overTime('stddev_samp') },
  var_time: { raws: overTime('var_samp') },
  min_time: { raws: overTime('min') },
  max_time: { raws: overTime('max') },
  med_time: { raws: overTime('median') },
  count_time: { raws: overTime('count', true) },
};

export const ROLLING_OPS: Readonly<Record<string, WindowOp>> = {
  mean: { raws: aggregate('avg') },
  sum: { raws: aggregate('sum') },
  std: { raws: aggregate('stddev_samp') },
  var: { raws: aggregate('var_samp') },
  min: { raws: aggregate('min') },
  max: { raws: aggregate('max') },
  med: { raws: aggregate('median') },
  count: { raws: (c) => [`CAST(count(${arg(c, 0)}) OVER ${c.frame(param(c, 0))} AS DOUBLE)`] },
  // quantile_cont interpolates linearly at (n - 1) * q, as pandas' default `interpolation='linear'`.
  quantile: { raws: (c) => [`quantile_cont(${arg(c, 0)}, ${sqlNumber(param(c, 1))}) OVER ${c.frame(param(c, 0))}`] },
  skew: moment(3),
  kurt: moment(4),
  mad: {
    raws: (c) => [`list(${arg(c, 0)}) OVER ${c.frame(param(c, 0))}`, `avg(${arg(c, 0)}) OVER ${c.frame(param(c, 0))}`],
    // list_avg skips the NULLs that abs(NULL - mean) leaves for null inputs.
    finish: (r) => `list_avg(list_transform(${rawAt(r, 0)}, lambda v: abs(v - ${rawAt(r, 1)})))`,
  },
  ref: { raws: (c) => [`lag(${arg(c, 0)}, ${param(c, 0)}) OVER ${c.ordered}`] },
  lead: { raws: (c) => [`lead(${arg(c, 0)}, ${param(c, 0)}) OVER ${c.ordered}`] },
  delta: {
    raws: (c) => [`lag(${arg(c, 0)}, ${param(c, 0)}) OVER ${c.ordered}`],
    finish: (r, c) => `(${arg(c, 0)} - ${rawAt(r, 0)})`,
  },
};

/** Cross-sectional operators: every entity at the current row's time. */
export const CROSS_OPS: Readonly<Record<string, WindowOp>> = {
  csrank: {
    group: 'time',
    raws: (c: WindowContext) => {
      const x = arg(c, 0);
      return [
        `rank(ORDER BY ${x} ASC NULLS LAST) OVER ${c.byTime}`,
        `rank(ORDER BY ${x} DESC NULLS LAST) OVER ${c.byTime}`,
        `count(${x}) OVER ${c.byTime}`,
      ];
    },
    finish: (r, c) => averageRankPct(arg(c, 0), r),
  },
  cszscore: {
    group: 'time',
    raws: (c) => [`avg(${arg(c, 0)}) OVER ${c.byTime}`, `stddev_samp(${arg(c, 0)}) OVER ${c.byTime}`],
    finish: (r, c) => `((${arg(c, 0)} - ${rawAt(r, 0)}) / NULLIF(${rawAt(r, 1)}, 0))`,
  },
  /** Availability: the latest input time across the cross-section. */
  latestByTime: { group: 'time', raws: (c) => [`max(${arg(c, 0)}) OVER ${c.byTime}`] },
  /** Availability: the latest input time over a span of an entity's rows (params: preceding, following). */
  latestOver: { raws: (c) => [`max(${arg(c, 0)}) OVER ${c.span(param(c, 0), param(c, 1))}`] },
};

/**
 * pandas `rank(pct=True)` (ties averaged) from the ascending rank r0 = below + 1, the descending
 * rank r1 = above + 1 and the non-null count n: (below + (n - below - above + 1) / 2) / n, which is
 * (r0 - r1 + n + 1) / (2n). NULLS LAST keeps nulls out of both ranks.
 */
export function averageRankPct(x: string, r: readonly string[]): string {
  const [asc, desc, n] = [rawAt(r, 0), rawAt(r, 1), rawAt(r, 2)];
  return `CASE WHEN ${x} IS NULL THEN NULL ELSE (${asc} - ${desc} + ${n} + 1) / (2e0 * ${n}) END`;
}
