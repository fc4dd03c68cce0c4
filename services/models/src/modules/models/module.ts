import type { AuditLog } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { modelResolvers } from './resolvers.ts';
import { createModelStore, type ModelRecord, type ModelStore } from './store.ts';

/** Every by-key read of the registry, batched per request. */
function createModelLoaders(models: ModelStore) {
  return {
    modelById: new DataLoader<string, ModelRecord | null>(async (ids) =>
      oneByKey(ids, await models.byIds(ids), (r) => r.id),
    ),
    modelByName: new DataLoader<string, ModelRecord | null>(async (names) =>
      oneByKey(names, await models.byNames(names), (r) => r.name),
    ),
    universeOf: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await models.universeOf(ids),
        (r) => r.modelId,
        (r) => r.symbol,
      ),
    ),
    featuresOf: new DataLoader<string, { name: string; version: number }[]>(async (ids) =>
      manyByKey(
        ids,
        await models.featuresOf(ids),
        (r) => r.modelId,
        (r) => ({ name: r.featureName, version: r.featureVersion }),
      ),
    ),
    modelsOfSymbol: new DataLoader<string, ModelRecord[]>(async (symbols) =>
      manyByKey(
        symbols,
        await models.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.model,
      ),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type ModelsModule = ServiceModule<
  'models',
  ModelStore & { readonly audit: AuditLog },
  ReturnType<typeof createModelLoaders>
>;

/** The model registry: models with their problem statements, universe and features, and the models of an instrument. */
export function createModelsModule(db: Db, audit: AuditLog): ModelsModule {
  const models = createModelStore(db);
  return defineModule({
    name: 'models',
    provider: { ...models, audit },
    loaders: () => createModelLoaders(models),
    resolvers: modelResolvers,
  });
}
