import { defineModule, type ServiceModule } from '@alphagraph/service';
import { qualityResolvers } from './resolvers.ts';
import type { QualityStore } from './store.ts';

export type QualityModule = ServiceModule<'quality', QualityStore>;

/** A feature's quality over a period and its drift between two. */
export function createQualityModule(quality: QualityStore): QualityModule {
  return defineModule({ name: 'quality', provider: quality, resolvers: qualityResolvers });
}
