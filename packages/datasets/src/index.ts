export {
  ALT_KEY_COLUMNS,
  type AltCatalogEntry,
  type AltFieldType,
  altFieldColumns,
  altLakeDatasetName,
  altObservationDataset,
  MARKET_ENTITY,
  readAltCatalog,
} from './alt-data.ts';
export { BACKTEST_EQUITY_DATASET, BACKTEST_POSITIONS_DATASET, BACKTEST_TRADES_DATASET } from './backtests.ts';
export {
  featureColumn,
  featureViewDataset,
  type PublishedTrainingSet,
  readFeatureLineage,
  readTrainingSets,
  type TrainingSetColumn,
  trainingSetDataset,
  VIEW_KEY_COLUMNS,
  viewNameFor,
} from './features.ts';
export { LabelError, type LabelErrorCode } from './labels/errors.ts';
export {
  type PredictionKey,
  type RealizedLabel,
  type RealizedLabelsOptions,
  realizedLabels,
} from './labels/realized.ts';
export { type LabelColumn, type LabelSpec, labelColumns, labelSpecSchema } from './labels/spec.ts';
export { labelBarsSql, labelValuesSql } from './labels/sql.ts';
export { describeMissing, type LicensedInput, licenceCheck } from './licences.ts';
export {
  BAR_FIELDS,
  BARS_DATASET,
  CORPORATE_ACTIONS_DATASET,
  type ResolvedSymbols,
  resolveSymbols,
} from './market-data.ts';
export {
  DEPLOYED_STAGES,
  type PublishedModelVersion,
  predictionLogDataset,
  predictionLogDatasetName,
  predictionsDataset,
  predictionsDatasetName,
  readModelVersions,
} from './models.ts';
