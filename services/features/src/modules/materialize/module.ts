import { type Change, defineModule, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { FeatureStoreServices } from '../../feature-store.ts';
import type { FeatureViewRecord } from '../views/store.ts';
import { type MaterializeRequest, requestMaterialization } from './request.ts';
import { materializeResolvers } from './resolvers.ts';
import type { RunRecord } from './runs.ts';

/** Materialization as the subgraph serves it: a requested run is audited as it is queued. */
export function createMaterializeProvider(fs: FeatureStoreServices) {
  return {
    views: fs.views,
    runs: fs.runs,
    async materialize(input: MaterializeRequest, change: Change) {
      const outcome = await requestMaterialization(fs, input, change.actor.userId);
      if (outcome.ok) {
        await fs.audit.append({
          actor: change.actor.userId,
          roles: change.actor.roles,
          action: 'mutation:materializeFeatures',
          resource: `feature-view:${outcome.run.view}`,
          details: {
            run: outcome.run.id,
            mode: outcome.run.kind,
            set: input.set ?? null,
            features: input.features ?? null,
            universe: outcome.run.universe.length,
          },
          requestId: change.requestId,
        });
      }
      return outcome;
    },
  };
}
export type MaterializeProvider = ReturnType<typeof createMaterializeProvider>;

function createMaterializeLoaders(materialize: MaterializeProvider) {
  return {
    viewByName: new DataLoader<string, FeatureViewRecord | null>(async (names) =>
      oneByKey(names, await materialize.views.byNames(names), (r) => r.name),
    ),
    runById: new DataLoader<string, RunRecord | null>(async (ids) =>
      oneByKey(ids, await materialize.runs.byIds(ids), (r) => r.id),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type MaterializeModule = ServiceModule<
  'materialize',
  MaterializeProvider,
  ReturnType<typeof createMaterializeLoaders>
>;

/** Feature views and their materialization runs. */
export function createMaterializeModule(fs: FeatureStoreServices): MaterializeModule {
  const materialize = createMaterializeProvider(fs);
  return defineModule({
    name: 'materialize',
    provider: materialize,
    loaders: () => createMaterializeLoaders(materialize),
    resolvers: materializeResolvers,
  });
}
