import { sqlNumber } from '../sql.ts';
import { arg, param, rawAt, type WindowContext, type WindowOp } from './types.ts';

/** The weight EMA may drop: below double precision relative to the weights it keeps. */
export const EMA_DROPPED_WEIGHT = 1e-16;

export interface EmaTruncation {
  /** pandas' alpha: 2 / (span + 1), or the smoothing factor itself when 0 < span < 1. */
  readonly alpha: number;
  /** 1 - alpha: the weight ratio between consecutive rows. */
  readonly decay: number;
  /** Rows kept: decay^rows <= EMA_DROPPED_WEIGHT. */
  readonly rows: number;
}

export function emaTruncation(spanOrAlpha: number): EmaTruncation {
  const alpha = spanOrAlpha >= 1 ? 2 / (spanOrAlpha + 1) : spanOrAlpha;
  const decay = 1 - alpha;
  const rows = decay === 0 ? 1 : Math.ceil(Math.log(EMA_DROPPED_WEIGHT) / Math.log(decay));
  return { alpha, decay, rows };
}

/**
 * EMA, exactly pandas' `ewm(span=N, adjust=True, ignore_na=False).mean()` up to a truncation:
 *
 *   EMA_t = sum_j q^(t-j) x_j / sum_j q^(t-j) [x_j not null],   q = 1 - alpha,
 *
 * over the last K rows (K = `rows` above) instead of all history. The weight left out is at most
 * q^K <= 1e-16 of the total, so the result moves by at most 1e-16 x (the range of the dropped
 * values): below double rounding for any series of bounded range.
 *
 * Both sums are plain windowed SUMs of x_j q^(g - j) with a base row g shared by the whole frame;
 * the ratio does not depend on g. A single global base would overflow (q^-j for long histories), so
 * rows are cut into blocks of 2K on two grids offset by K (bases g_A and g_B); every K-row frame lies
 * inside one block of one of the grids, whose sums are then used. Exponents stay within 2K, i.e.
 * weights up to 1e32. Params: [decay q, rows K]; args: [x, rn].
 */
function emaSums(c: WindowContext, grid: 'A' | 'B'): string[] {
  const [x, rn, q, k] = [arg(c, 0), arg(c, 1), param(c, 0), param(c, 1)];
  const r0 = `(${rn} - 1)`;
  const base = grid === 'A' ? `((${r0} // ${2 * k}) * ${2 * k})` : `(((${r0} + ${k}) // ${2 * k}) * ${2 * k} - ${k})`;
  const weight = `pow(${sqlNumber(q)}, ${base} - ${r0})`;
  const w = c.frame(k);
  return [
    `sum(coalesce(${x}, 0) * ${weight}) OVER ${w}`,
    `sum(CASE WHEN ${x} IS NULL THEN 0 ELSE ${weight} END) OVER ${w}`,
  ];
}

export const SMOOTHING_OPS: Readonly<Record<string, WindowOp>> = {
  ema: {
    raws: (c) => [...emaSums(c, 'A'), ...emaSums(c, 'B')],
    finish: (r, c) => {
      const [rn, k] = [arg(c, 1), param(c, 1)];
      // The frame [max(rn - K, 0), rn - 1] (0-based) lies in grid A's block when it starts at or after that block's base.
      const inA = `greatest(${rn} - ${k}, 0) >= ((${rn} - 1) // ${2 * k}) * ${2 * k}`;
      return `CASE WHEN ${inA} THEN ${rawAt(r, 0)} / NULLIF(${rawAt(r, 1)}, 0) ELSE ${rawAt(r, 2)} / NULLIF(${rawAt(r, 3)}, 0) END`;
    },
  },
  /**
   * Qlib's WMA: over the n rows present in the window, w_i = i / sum(0..n-1) for i = 0 (oldest) to
   * n-1, then numpy `nanmean(w * x)`: sum of w_i x_i over non-null x, divided by their count.
   * With the window's first row fs, i = rn_j - fs, so sum(w_i x_i) = (sum(x rn) - fs sum(x)) / S.
   */
  wma: {
    raws: (c) => {
      const [x, rn, w] = [arg(c, 0), arg(c, 1), c.frame(param(c, 0))];
      return [`sum(${x} * ${rn}) OVER ${w}`, `sum(${x}) OVER ${w}`, `count(${x}) OVER ${w}`];
    },
    finish: (r, c) => {
      const [rn, n] = [arg(c, 1), param(c, 0)];
      const first = `greatest(${rn} - ${n - 1}, 1)`;
      const rows = `(${rn} - ${first} + 1)`;
      return `(${rawAt(r, 0)} - ${first} * ${rawAt(r, 1)}) / NULLIF(${rows} * (${rows} - 1) / 2 * ${rawAt(r, 2)}, 0)`;
    },
  },
};
