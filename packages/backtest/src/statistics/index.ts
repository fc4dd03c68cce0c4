export { StatisticsError, type StatisticsErrorCode } from './errors.ts';
export { type ReturnMoments, returnMoments } from './moments.ts';
export { normalCdf, normalQuantile, normalSurvival } from './normal.ts';
export {
  type PboOptions,
  type PboResult,
  type PerformanceDegradation,
  type PerformanceMetric,
  probabilityOfBacktestOverfitting,
  type ReturnMatrix,
  rowsFromColumns,
} from './pbo.ts';
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
} from './sharpe.ts';
export { type SweepOverfitting, type SweepOverfittingOptions, sweepOverfitting } from './sweep.ts';
export { DSR_THRESHOLD, isLikelyOverfit, PBO_THRESHOLD, type SweepEvidence, sweepVerdict } from './verdict.ts';
