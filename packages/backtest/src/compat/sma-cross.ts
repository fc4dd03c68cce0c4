import type { CompatContext, CompatData, CompatStrategy } from './backtest.ts';
import { rollingMean } from './pyfloat.ts';

/**
 * `a` crossed above `b` on the last bar: `a[-2] < b[-2] and a[-1] > b[-1]` (backtesting.lib
 * `crossover`). Strict on both bars, so touching without crossing is not a cross; NaN is never one.
 */
export function crossover(a: ArrayLike<number>, b: ArrayLike<number>, bar: number): boolean {
  if (bar < 1) return false;
  return a[bar - 1]! < b[bar - 1]! && a[bar]! > b[bar]!;
}

/**
 * The library test suite's `SmaCross`: SMA(fast) and SMA(slow) of the close; when fast crosses above
 * slow, close any position and buy with all available margin; when it crosses below, close and sell.
 * Averages are pandas rolling means (see `rollingMean`), computed once over the series: value `i`
 * uses closes `i - n + 1 .. i` only, so `next` on bar `i` never sees a later close.
 */
export function smaCrossStrategy(params: { fast?: number; slow?: number } = {}): (data: CompatData) => CompatStrategy {
  const fast = params.fast ?? 10;
  const slow = params.slow ?? 30;
  return (data) => {
    const close = Float64Array.from(data.close);
    const sma1 = rollingMean(close, fast);
    const sma2 = rollingMean(close, slow);
    const warmupBars = Math.min(close.length, Math.max(fast, slow) - 1);
    return {
      warmupBars,
      next(ctx: CompatContext) {
        if (crossover(sma1, sma2, ctx.bar)) {
          ctx.position.close();
          ctx.buy();
        } else if (crossover(sma2, sma1, ctx.bar)) {
          ctx.position.close();
          ctx.sell();
        }
      },
    };
  };
}
