export {
  type Alert,
  AlphagraphClient,
  type BacktestReport,
  type BacktestSummary,
  type Bar,
  type BarsPage,
  type BuiltTrainingSet,
  type CallOptions,
  type ClientOptions,
  createAlphagraphClient,
  type DefinedFeature,
  type MaterializationRun,
  type ModelSummary,
  type ModelVersionSummary,
  type OnlineFeatures,
  type Signals,
  type SweepSummary,
  type TrainingSetDownloadLink,
  type TrainingSetSummary,
  type WaitOptions,
} from './client.ts';
export {
  AlphagraphError,
  type AlphagraphErrorCode,
  type ClientErrorCode,
  type GraphQLErrorPayload,
  isAlphagraphError,
  type PlatformErrorCode,
  type ResultErrorCode,
} from './errors.ts';
export * as operations from './generated/graphql.ts';
export type { RetryOptions, TokenProvider } from './internal/transport.ts';
