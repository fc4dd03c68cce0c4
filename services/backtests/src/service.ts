import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createBacktestStore } from './modules/backtests/store.ts';
import { resolvers } from './resolvers.ts';

export async function createBacktests(runtime: ServiceRuntime) {
  const stores: Stores = { backtests: createBacktestStore(runtime.handle.db) };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
