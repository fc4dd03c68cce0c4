import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createDatasetStore } from './modules/datasets/store.ts';
import { decideLicencePolicy } from './modules/licensing/policy.ts';
import { createObservationStore } from './modules/observations/store.ts';
import { createDailySentimentStore } from './modules/tweets/daily.ts';
import { createVendorStore } from './modules/vendors/store.ts';
import { resolvers } from './resolvers.ts';

export async function createAltData(runtime: ServiceRuntime) {
  const observations = createObservationStore(runtime.lake);
  const stores: Stores = {
    vendors: createVendorStore(runtime.handle.db),
    datasets: createDatasetStore(runtime.handle.db),
    observations,
    dailySentiment: createDailySentimentStore(runtime.lake, observations),
    entitlements: runtime.entitlements,
    audit: runtime.audit,
  };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
    /** Decides `@policy(entitled)`: licence entitlements per dataset. */
    decidePolicy: decideLicencePolicy,
  };
}
