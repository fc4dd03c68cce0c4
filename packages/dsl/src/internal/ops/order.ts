import { averageRankPct } from './rolling.ts';
import { arg, param, rawAt, type WindowContext, type WindowOp } from './types.ts';

/** 2^32: row numbers fit below it, value ranks above it, in one BIGINT sort key. */
const SHIFT = 4294967296;

/**
 * Qlib's IdxMax / IdxMin: `rolling(N, min_periods=1).apply(lambda x: x.argmax() + 1)`, the 1-based
 * position in the window (1 = oldest row present) of the first maximum. numpy's argmax returns the
 * first NaN when there is one, so a null counts as larger (smaller for IdxMin) than every value.
 *
 * Args: [rank, x, rn], where rank is `valueRank` of x (nulls ranked last for IdxMax, first for
 * IdxMin). rank * 2^32 + (2^32 - 1 - rn) orders by value, then by the earlier row, so a plain
 * windowed MAX finds the first maximum; it runs several times faster than arg_max over a struct.
 */
function position(extreme: 'max' | 'min'): WindowOp {
  return {
    raws: (c: WindowContext) => {
      const [rank, x, rn, w] = [arg(c, 0), arg(c, 1), arg(c, 2), c.frame(param(c, 0))];
      const key = extreme === 'max' ? `${rank} * ${SHIFT} + (${SHIFT - 1} - ${rn})` : `${rank} * ${SHIFT} + ${rn}`;
      return [`${extreme}(${key}) OVER ${w}`, `count(${x}) OVER ${w}`];
    },
    finish: (r, c) => {
      const [rn, n] = [arg(c, 2), param(c, 0)];
      const low = `(${rawAt(r, 0)} % ${SHIFT})`;
      const row = extreme === 'max' ? `(${SHIFT - 1} - ${low})` : low;
      const first = `greatest(${rn} - ${n - 1}, 1)`;
      return `CASE WHEN ${rawAt(r, 1)} = 0 THEN NULL ELSE CAST(${row} - ${first} + 1 AS DOUBLE) END`;
    },
  };
}

export const ORDER_OPS: Readonly<Record<string, WindowOp>> = {
  /** pandas `rolling(N, min_periods=1).rank(pct=True)`, which Qlib's Rank uses. */
  rank: {
    raws: (c) => {
      const [x, w] = [arg(c, 0), c.frame(param(c, 0))];
      return [
        `rank(ORDER BY ${x} ASC NULLS LAST) OVER ${w}`,
        `rank(ORDER BY ${x} DESC NULLS LAST) OVER ${w}`,
        `count(${x}) OVER ${w}`,
      ];
    },
    finish: (r, c) => averageRankPct(arg(c, 0), r),
  },
  idxmax: position('max'),
  idxmin: position('min'),
  /** An order-preserving integer code of x within its entity; params[0] = 1 ranks nulls last, 0 first. */
  valueRank: { group: 'value', raws: (c) => [`dense_rank() OVER ${c.sortedBy(arg(c, 0), param(c, 0) === 1)}`] },
};
