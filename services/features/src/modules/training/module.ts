import { defineModule, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { trainingResolvers } from './resolvers.ts';
import type { TrainingSets } from './service.ts';
import type { TrainingSetRecord } from './store.ts';

function createTrainingLoaders(trainingSets: TrainingSets) {
  return {
    trainingSetById: new DataLoader<string, TrainingSetRecord | null>(async (ids) =>
      oneByKey(ids, await trainingSets.store.byIds(ids), (r) => r.id),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type TrainingModule = ServiceModule<'trainingSets', TrainingSets, ReturnType<typeof createTrainingLoaders>>;

/** Point-in-time training sets: created, rebuilt, paged, summarized and downloaded. */
export function createTrainingModule(trainingSets: TrainingSets): TrainingModule {
  return defineModule({
    name: 'trainingSets',
    provider: trainingSets,
    loaders: () => createTrainingLoaders(trainingSets),
    resolvers: trainingResolvers,
  });
}
