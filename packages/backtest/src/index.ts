export {
  type CompatBacktestOptions,
  type CompatContext,
  type CompatData,
  type CompatResult,
  type CompatStrategy,
  type CompatTradeRecord,
  runCompatBacktest,
} from './compat/backtest.ts';
// backtesting.py-compatible single-instrument mode
export type { CommissionFn, CompatCommission, OrderOptions } from './compat/broker.ts';
export { crossover, smaCrossStrategy } from './compat/sma-cross.ts';
export { type CompatStats, type CompatVersion, computeCompatStats } from './compat/stats.ts';
export type { Trade } from './engine/ledger.ts';
export type { DateInput, MarketData, Matrix } from './engine/market.ts';
export { type EquityCurve, type PortfolioResult, type Positions, runPortfolioBacktest } from './engine/simulate.ts';
// Portfolio engine
export {
  type BacktestSpec,
  type BacktestSpecInput,
  BacktestSpecSchema,
  parseBacktestSpec,
} from './engine/spec.ts';
export { BacktestError, type BacktestErrorCode } from './errors.ts';
// Metrics
export { METRIC_FORMULAS, type MetricName } from './metrics/formulas.ts';
export {
  computeMetrics,
  type DrawdownEpisode,
  drawdownEpisodes,
  type EquityInput,
  type MetricConventions,
  type PortfolioMetrics,
} from './metrics/metrics.ts';
