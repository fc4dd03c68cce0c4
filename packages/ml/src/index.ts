export {
  ALGORITHMS,
  type Algorithm,
  algorithmsFor,
  type ComplexityTier,
  type DecisionTreeHyperparameters,
  isAlgorithm,
  type LinearRegressionHyperparameters,
  type LogisticRegressionHyperparameters,
  type RandomForestHyperparameters,
  type ResolvedTrainingSpec,
  resolveTrainingSpec,
  TASKS,
  type Task,
} from './algorithms.ts';
export {
  ARTIFACT_FORMAT,
  ARTIFACT_FORMAT_VERSION,
  type ModelArtifact,
  type ModelParameters,
  parseArtifact,
  serializeArtifact,
  type TreeModel,
} from './artifact.ts';
export { MlError, type MlErrorCode } from './errors.ts';
export { type Matrix, matrixFromRows } from './matrix.ts';
export { intrinsicImportance, predict, type TrainInput, train } from './train.ts';
