import type { Db } from '@alphagraph/db';
import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { datasetResolvers } from './resolvers.ts';
import { createDatasetStore, type DatasetRecord, type DatasetStore } from './store.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function createDatasetLoaders(datasets: DatasetStore) {
  return {
    // An id that is not a UUID names no dataset: it never reaches Postgres (a uuid column refuses it).
    datasetById: new DataLoader<string, DatasetRecord | null>(async (ids) =>
      oneByKey(ids, await datasets.byIds(ids.filter((id) => UUID.test(id))), (r) => r.id),
    ),
    datasetByName: new DataLoader<string, DatasetRecord | null>(async (names) =>
      oneByKey(names, await datasets.byNames(names), (r) => r.name),
    ),
    datasetsOfVendor: new DataLoader<string, DatasetRecord[]>(async (ids) =>
      manyByKey(ids, await datasets.byVendorIds(ids), (r) => r.vendorId),
    ),
    coverageOfDataset: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await datasets.coverageOf(ids),
        (r) => r.datasetId,
        (r) => r.symbol,
      ),
    ),
    datasetsCoveringSymbol: new DataLoader<string, DatasetRecord[]>(async (symbols) =>
      manyByKey(
        symbols,
        await datasets.coveringSymbols(symbols),
        (r) => r.symbol,
        (r) => r.dataset,
      ),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type DatasetsModule = ServiceModule<'datasets', DatasetStore, ReturnType<typeof createDatasetLoaders>>;

/** The alternative-data catalog: datasets, their vendor and the instruments they cover. */
export function createDatasetsModule(db: Db): DatasetsModule {
  const datasets = createDatasetStore(db);
  return defineModule({
    name: 'datasets',
    provider: datasets,
    loaders: () => createDatasetLoaders(datasets),
    resolvers: datasetResolvers,
  });
}
