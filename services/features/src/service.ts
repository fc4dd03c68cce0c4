import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createFeatureStoreServices } from './feature-store.ts';
import { createFeatureStore } from './modules/features/store.ts';
import { decideFeaturePolicy } from './modules/licensing/policy.ts';
import { type MaterializeRequest, requestMaterialization } from './modules/materialize/request.ts';
import { createRunStore } from './modules/materialize/runs.ts';
import { registerBuiltinSets } from './modules/sets/register.ts';
import { createTrainingSets } from './modules/training/service.ts';
import { resolvers } from './resolvers.ts';

export async function createFeatures(runtime: ServiceRuntime) {
  const features = createFeatureStore(runtime.handle.db);
  await createRunStore(runtime.handle.db).failInterrupted();
  const stores: Stores = {
    features,
    featureStore: createFeatureStoreServices({
      db: runtime.handle.db,
      lake: runtime.lake,
      features,
      entitlements: runtime.entitlements,
      audit: runtime.audit,
    }),
    trainingSets: createTrainingSets({ ...runtime, db: runtime.handle.db }),
  };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
    /** Decides `@policy(entitled)`: licence entitlements over each feature's lineage. */
    decidePolicy: decideFeaturePolicy,
    /** Registers the built-in sets; `alt_demo` once alt-data has registered its datasets. */
    registerBuiltins: (options: { waitForAltMs: number; log?: (line: string) => void }) =>
      registerBuiltinSets(stores, options),
    /** Materializes programmatically (benchmarks, operators): as the mutation, without its audit entry. */
    materialize: (input: MaterializeRequest, caller: string) =>
      requestMaterialization(stores.featureStore, input, caller),
  };
}
