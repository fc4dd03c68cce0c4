import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createModelStore } from './modules/models/store.ts';
import { resolvers } from './resolvers.ts';

export async function createModels(runtime: ServiceRuntime) {
  const stores: Stores = { models: createModelStore(runtime.handle.db) };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
