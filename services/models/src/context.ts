import type { RequestScope, ServiceContext } from '@alphagraph/service';
import { manyByKey, oneByKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { ModelRecord, ModelStore } from './modules/models/store.ts';

export interface Stores {
  readonly models: ModelStore;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  readonly modelById: DataLoader<string, ModelRecord | null>;
  readonly modelByName: DataLoader<string, ModelRecord | null>;
  readonly universeOf: DataLoader<string, string[]>;
  readonly featuresOf: DataLoader<string, { name: string; version: number }[]>;
  readonly modelsOfSymbol: DataLoader<string, ModelRecord[]>;
}

export function createContext(stores: Stores, scope: RequestScope): Context {
  const s = stores.models;
  return {
    ...scope,
    stores,
    modelById: new DataLoader(async (ids) => oneByKey(ids, await s.byIds(ids), (r) => r.id)),
    modelByName: new DataLoader(async (names) => oneByKey(names, await s.byNames(names), (r) => r.name)),
    universeOf: new DataLoader(async (ids) =>
      manyByKey(
        ids,
        await s.universeOf(ids),
        (r) => r.modelId,
        (r) => r.symbol,
      ),
    ),
    featuresOf: new DataLoader(async (ids) =>
      manyByKey(
        ids,
        await s.featuresOf(ids),
        (r) => r.modelId,
        (r) => ({ name: r.featureName, version: r.featureVersion }),
      ),
    ),
    modelsOfSymbol: new DataLoader(async (symbols) =>
      manyByKey(
        symbols,
        await s.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.model,
      ),
    ),
  };
}
