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
export {
  type EquityCurve,
  type PortfolioResult,
  type Positions,
  rankSignal,
  runPortfolioBacktest,
} from './engine/simulate.ts';
// Portfolio engine
export {
  type BacktestSpec,
  type BacktestSpecInput,
  BacktestSpecSchema,
  parseBacktestSpec,
} from './engine/spec.ts';
export type { SignalRanking } from './engine/targets.ts';
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
// Overfitting statistics (PSR, DSR, PBO by CSCV, MinBTL)
export { StatisticsError, type StatisticsErrorCode } from './statistics/errors.ts';
export { type ReturnMoments, returnMoments } from './statistics/moments.ts';
export { normalCdf, normalQuantile, normalSurvival } from './statistics/normal.ts';
export {
  type PboOptions,
  type PboResult,
  type PerformanceDegradation,
  type PerformanceMetric,
  probabilityOfBacktestOverfitting,
  type ReturnMatrix,
  rowsFromColumns,
} from './statistics/pbo.ts';
export {
  type DeflatedSharpeOptions,
  deflatedSharpeRatio,
  EULER_MASCHERONI,
  type ExpectedMaxSharpeOptions,
  expectedMaxSharpe,
  type MinimumBacktestLengthOptions,
  type MinimumTrackRecordOptions,
  minimumBacktestLength,
  minimumTrackRecordLength,
  type ProbabilisticSharpeOptions,
  probabilisticSharpeRatio,
  psrFromReturns,
} from './statistics/sharpe.ts';
export { type SweepOverfitting, type SweepOverfittingOptions, sweepOverfitting } from './statistics/sweep.ts';
export {
  DSR_THRESHOLD,
  isLikelyOverfit,
  PBO_THRESHOLD,
  type SweepEvidence,
  sweepVerdict,
} from './statistics/verdict.ts';
