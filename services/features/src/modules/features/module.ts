import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { featureResolvers } from './resolvers.ts';
import type { FeatureRecord, FeatureStore } from './store.ts';

const nv = (k: { name: string; version: number }) => `${k.name}@${k.version}`;

function createFeatureLoaders(features: FeatureStore) {
  return {
    featureById: new DataLoader<string, FeatureRecord | null>(async (ids) =>
      oneByKey(ids, await features.byIds(ids), (r) => r.id),
    ),
    featureByNameVersion: new DataLoader<{ name: string; version: number }, FeatureRecord | null, string>(
      async (keys) => oneByKey(keys.map(nv), await features.byNameVersions(keys), nv),
      { cacheKeyFn: nv },
    ),
    universeOf: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await features.universeOf(ids),
        (r) => r.featureId,
        (r) => r.symbol,
      ),
    ),
    inputsOf: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await features.inputsOf(ids),
        (r) => r.featureId,
        (r) => r.dataset,
      ),
    ),
    featuresOfSymbol: new DataLoader<string, FeatureRecord[]>(async (symbols) =>
      manyByKey(
        symbols,
        await features.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.feature,
      ),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type FeaturesModule = ServiceModule<'features', FeatureStore, ReturnType<typeof createFeatureLoaders>>;

/** Feature definitions and versions, and the features of an instrument. */
export function createFeaturesModule(features: FeatureStore): FeaturesModule {
  return defineModule({
    name: 'features',
    provider: features,
    loaders: () => createFeatureLoaders(features),
    resolvers: featureResolvers,
  });
}
