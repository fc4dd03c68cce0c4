import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createFeatureStore } from './modules/features/store.ts';
import { resolvers } from './resolvers.ts';

export async function createFeatures(runtime: ServiceRuntime) {
  const stores: Stores = { features: createFeatureStore(runtime.handle.db) };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
