import type { RequestScope, ServiceContext } from '@alphagraph/service';
import { manyByKey, oneByKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { createFeatureStoreRequest, type FeatureStoreRequest, type FeatureStoreServices } from './feature-store.ts';
import type { FeatureRecord, FeatureStore } from './modules/features/store.ts';
import type { TrainingSets } from './modules/training/service.ts';
import type { TrainingSetRecord } from './modules/training/store.ts';

export interface Stores {
  readonly features: FeatureStore;
  /** Registry, sets, views, materialization, online values, quality. */
  readonly featureStore: FeatureStoreServices;
  readonly trainingSets: TrainingSets;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  /** This request's feature-store loaders and licence decisions. */
  readonly featureStore: FeatureStoreRequest;
  readonly featureById: DataLoader<string, FeatureRecord | null>;
  readonly featureByNameVersion: DataLoader<{ name: string; version: number }, FeatureRecord | null, string>;
  readonly universeOf: DataLoader<string, string[]>;
  readonly inputsOf: DataLoader<string, string[]>;
  readonly featuresOfSymbol: DataLoader<string, FeatureRecord[]>;
  readonly trainingSetById: DataLoader<string, TrainingSetRecord | null>;
}

const nv = (k: { name: string; version: number }) => `${k.name}@${k.version}`;

export function createContext(stores: Stores, scope: RequestScope): Context {
  const s = stores.features;
  return {
    ...scope,
    stores,
    featureStore: createFeatureStoreRequest(stores.featureStore, scope),
    featureById: new DataLoader(async (ids) => oneByKey(ids, await s.byIds(ids), (r) => r.id)),
    featureByNameVersion: new DataLoader(
      async (keys) => {
        const rows = await s.byNameVersions(keys);
        return oneByKey(keys.map(nv), rows, nv);
      },
      { cacheKeyFn: nv },
    ),
    universeOf: new DataLoader(async (ids) =>
      manyByKey(
        ids,
        await s.universeOf(ids),
        (r) => r.featureId,
        (r) => r.symbol,
      ),
    ),
    inputsOf: new DataLoader(async (ids) =>
      manyByKey(
        ids,
        await s.inputsOf(ids),
        (r) => r.featureId,
        (r) => r.dataset,
      ),
    ),
    trainingSetById: new DataLoader(async (ids) =>
      oneByKey(ids, await stores.trainingSets.store.byIds(ids), (r) => r.id),
    ),
    featuresOfSymbol: new DataLoader(async (symbols) =>
      manyByKey(
        symbols,
        await s.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.feature,
      ),
    ),
  };
}
