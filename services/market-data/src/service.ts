import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { BARS_DATASET } from './modules/bars/dataset.ts';
import { createBarStore } from './modules/bars/store.ts';
import { createInstrumentStore } from './modules/instruments/store.ts';
import { resolvers } from './resolvers.ts';

/** Wires market-data's stores and resolvers over an open database and lake. */
export async function createMarketData(runtime: ServiceRuntime) {
  await runtime.lake.registerDataset(BARS_DATASET);
  const stores: Stores = { instruments: createInstrumentStore(runtime.handle.db), bars: createBarStore(runtime.lake) };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
