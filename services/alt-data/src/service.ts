import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createDatasetStore } from './modules/datasets/store.ts';
import { createVendorStore } from './modules/vendors/store.ts';
import { resolvers } from './resolvers.ts';

export async function createAltData(runtime: ServiceRuntime) {
  const stores: Stores = {
    vendors: createVendorStore(runtime.handle.db),
    datasets: createDatasetStore(runtime.handle.db),
    entitlements: runtime.entitlements,
    audit: runtime.audit,
  };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
