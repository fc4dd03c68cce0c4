import { defineModule, type ServiceModule } from '@alphagraph/service';
import { predictionResolvers } from './resolvers.ts';
import type { Predictions } from './service.ts';

export type PredictionsModule = ServiceModule<'predictions', Predictions>;

/** Batch predictions of a version over a training set, written to the model's lake dataset. */
export function createPredictionsModule(predictions: Predictions): PredictionsModule {
  return defineModule({ name: 'predictions', provider: predictions, resolvers: predictionResolvers });
}
