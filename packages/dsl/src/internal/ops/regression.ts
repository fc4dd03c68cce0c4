import { arg, param, rawAt, type WindowOp } from './types.ts';

/**
 * Qlib's Slope / Rsquare / Resi (qlib/data/_libs/rolling.pyx) regress x on its position in the
 * window; a null keeps its position and is left out. The entity's row number `rn` (the last
 * argument) is that position up to a shift, and the regression is shift-invariant. Corr and Cov
 * are pandas' pairwise rolling statistics; Qlib masks Corr (and Rsquare) to NaN where a rolling
 * std is within 2e-5 of 0 (`np.isclose(std, 0, atol=2e-5)`).
 */
const rn = (c: Parameters<WindowOp['raws']>[0]): string => arg(c, 1);

/** DuckDB's windowed regr_* and corr return NaN (not NULL, as their plain aggregates do) for one row. */
const nan = (sql: string): string => `nullif(${sql}, CAST('NaN' AS DOUBLE))`;

export const REGRESSION_OPS: Readonly<Record<string, WindowOp>> = {
  slope: { raws: (c) => [nan(`regr_slope(${arg(c, 0)}, ${rn(c)}) OVER ${c.frame(param(c, 0))}`)] },
  rsquare: {
    raws: (c) => {
      const w = c.frame(param(c, 0));
      return [nan(`regr_r2(${arg(c, 0)}, ${rn(c)}) OVER ${w}`), `stddev_samp(${arg(c, 0)}) OVER ${w}`];
    },
    // DuckDB's regr_r2 is 1 for a constant series; Qlib's is NaN (0/0, and the isclose mask).
    finish: (r) => `CASE WHEN ${rawAt(r, 1)} <= 2e-5 THEN NULL ELSE ${rawAt(r, 0)} END`,
  },
  resi: {
    raws: (c) => {
      const w = c.frame(param(c, 0));
      const [x, pos] = [arg(c, 0), rn(c)];
      // The mean position of the non-null values, and the plain mean (shared with Mean(x, N)).
      return [
        nan(`regr_slope(${x}, ${pos}) OVER ${w}`),
        `avg(CASE WHEN ${x} IS NOT NULL THEN ${pos} END) OVER ${w}`,
        `avg(${x}) OVER ${w}`,
      ];
    },
    // x - (intercept + slope * pos), written around the means so large row numbers do not cancel.
    finish: (r, c) => `((${arg(c, 0)} - ${rawAt(r, 2)}) - ${rawAt(r, 0)} * (${rn(c)} - ${rawAt(r, 1)}))`,
  },
  corr: {
    raws: (c) => {
      const w = c.frame(param(c, 0));
      const [x, y] = [arg(c, 0), arg(c, 1)];
      return [nan(`corr(${x}, ${y}) OVER ${w}`), `stddev_samp(${x}) OVER ${w}`, `stddev_samp(${y}) OVER ${w}`];
    },
    finish: (r) => `CASE WHEN ${rawAt(r, 1)} <= 2e-5 OR ${rawAt(r, 2)} <= 2e-5 THEN NULL ELSE ${rawAt(r, 0)} END`,
  },
  cov: { raws: (c) => [nan(`covar_samp(${arg(c, 0)}, ${arg(c, 1)}) OVER ${c.frame(param(c, 0))}`)] },
};
