export {
  type Baseline,
  type BaselineOptions,
  baselinePredictions,
  type ClassificationBaseline,
  type EvalTask,
  type RegressionBaseline,
} from './baseline.ts';
export {
  type ClassificationMetrics,
  type ConfusionCounts,
  classificationMetrics,
  LOG_LOSS_EPS,
} from './classification.ts';
export { EvaluationError, type EvaluationErrorCode } from './errors.ts';
export {
  type GroupIc,
  type InformationCoefficient,
  type InformationCoefficientOptions,
  informationCoefficient,
} from './information-coefficient.ts';
export type { Matrix } from './matrix.ts';
export {
  type FeatureImportance,
  type PermutationImportanceAsyncOptions,
  type PermutationImportanceOptions,
  permutationImportance,
  permutationImportanceAsync,
} from './permutation-importance.ts';
export { createPrng, type Prng, shuffleInPlace, splitMix64 } from './prng.ts';
export { type PurgedFold, type PurgedKFoldOptions, purgedKFold } from './purged-kfold.ts';
export { type RegressionMetrics, regressionMetrics } from './regression.ts';
