import { defineModule, manyByKey, oneByKey, type RequestScope, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { versionResolvers } from './resolvers.ts';
import type { Versions } from './service.ts';
import type { ModelEventRecord, PredictionBatchRecord, VersionRecord } from './store.ts';
import { visibleVersions } from './visibility.ts';

/** Every by-key read of versions, batched per request, filtered by what the caller may see. */
function createVersionLoaders(versions: Versions, scope: RequestScope) {
  const { store } = versions;
  return {
    versionById: new DataLoader<string, VersionRecord | null>(async (ids) =>
      oneByKey(ids, visibleVersions(scope.identity, await store.byIds(ids)), (r) => r.id),
    ),
    versionsOfModel: new DataLoader<string, VersionRecord[]>(async (ids) =>
      manyByKey(
        ids,
        visibleVersions(scope.identity, await store.ofModels(ids)),
        (r) => r.modelId,
        (r) => r,
      ),
    ),
    eventsOfModel: new DataLoader<string, ModelEventRecord[]>(async (ids) =>
      manyByKey(
        ids,
        await store.eventsOf(ids),
        (r) => r.modelId,
        (r) => r,
      ),
    ),
    batchesOfVersion: new DataLoader<string, PredictionBatchRecord[]>(async (ids) =>
      manyByKey(
        ids,
        await store.batchesOf(ids),
        (r) => r.versionId,
        (r) => r,
      ),
    ),
  };
}

export type VersionsModule = ServiceModule<'versions', Versions, ReturnType<typeof createVersionLoaders>>;

/** Model versions: training and uploads, their metrics, importances and cards, and scenario metrics. */
export function createVersionsModule(versions: Versions): VersionsModule {
  return defineModule({
    name: 'versions',
    provider: versions,
    loaders: (scope) => createVersionLoaders(versions, scope),
    resolvers: versionResolvers,
  });
}
