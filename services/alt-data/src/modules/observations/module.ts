import { defineModule, type ServiceModule } from '@alphagraph/service';
import { observationResolvers } from './resolvers.ts';
import type { ObservationStore } from './store.ts';

export type ObservationsModule = ServiceModule<'observations', ObservationStore>;

/** A dataset's observations, point in time, paged and licence-audited. */
export function createObservationsModule(observations: ObservationStore): ObservationsModule {
  return defineModule({ name: 'observations', provider: observations, resolvers: observationResolvers });
}
