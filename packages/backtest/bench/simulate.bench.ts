/**
 * Times a daily top-50 / bottom-50 long/short over 505 symbols × 1,259 sessions of random data.
 * Prints figures only; never run in CI as a gate. Run: npx tsx packages/backtest/bench/simulate.bench.ts
 */

import { randomMarket } from '../src/engine/test-support.ts';
import { computeMetrics, runPortfolioBacktest } from '../src/index.ts';

const D = 1259;
const S = 505;
const market = randomMarket(D, S, 42);
const spec = {
  rule: { type: 'topK', long: 50, short: 50 },
  costs: { commissionBps: 1, slippageBps: 2 },
  cash: 1e7,
} as const;

runPortfolioBacktest(spec, market); // warm-up (JIT)
const runs = 5;
const times: number[] = [];
let result = runPortfolioBacktest(spec, market);
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  result = runPortfolioBacktest(spec, market);
  times.push(performance.now() - t0);
}
times.sort((a, b) => a - b);
const t0 = performance.now();
const metrics = computeMetrics(result.equity, result.trades);
const metricsMs = performance.now() - t0;
console.log(
  JSON.stringify(
    {
      case: `daily top-50 long/short, ${S} symbols x ${D} sessions`,
      simulateMs: {
        min: +times[0]!.toFixed(1),
        median: +times[runs >> 1]!.toFixed(1),
        max: +times[runs - 1]!.toFixed(1),
      },
      metricsMs: +metricsMs.toFixed(1),
      trades: result.trades.length,
      positionRows: result.positions.shares.length,
      finalEquity: +result.equity.equity[D - 1]!.toFixed(2),
      sharpe: +metrics.sharpe.toFixed(3),
    },
    null,
    2,
  ),
);
