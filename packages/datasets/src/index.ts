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
  type TrainingSetLabel,
  trainingSetDataset,
  VIEW_KEY_COLUMNS,
  viewNameFor,
} from './features.ts';
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
  predictionsDataset,
  predictionsDatasetName,
  readModelVersions,
} from './models.ts';
