import { defineModule, type ServiceModule } from '@alphagraph/service';
import { sweepResolvers } from './resolvers.ts';
import type { Sweeps } from './service.ts';

export type SweepsModule = ServiceModule<'sweeps', Sweeps, object>;

/** Parameter sweeps with their overfitting statistics. */
export function createSweepsModule(sweeps: Sweeps): SweepsModule {
  return defineModule({ name: 'sweeps', provider: sweeps, resolvers: sweepResolvers });
}
