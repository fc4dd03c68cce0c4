export {
  type CompatBacktestOptions,
  type CompatContext,
  type CompatData,
  type CompatResult,
  type CompatStrategy,
  type CompatTradeRecord,
  runCompatBacktest,
} from './compat/backtest.ts';
export type { CommissionFn, CompatCommission, OrderOptions } from './compat/broker.ts';
export { crossover, smaCrossStrategy } from './compat/sma-cross.ts';
export { type CompatStats, type CompatVersion, computeCompatStats } from './compat/stats.ts';
export { BacktestError, type BacktestErrorCode } from './errors.ts';
