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
export { featureColumn, featureViewDataset, trainingSetDataset, VIEW_KEY_COLUMNS, viewNameFor } from './features.ts';
export { BAR_FIELDS, BARS_DATASET, CORPORATE_ACTIONS_DATASET } from './market-data.ts';
