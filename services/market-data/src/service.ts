import { BARS_DATASET, CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import type { RequestScope, ServiceRuntime, SubgraphResolvers } from '@alphagraph/service';
import { createContext, type Stores } from './context.ts';
import { createBarStore } from './modules/bars/store.ts';
import { createCorporateActionStore } from './modules/corporate-actions/store.ts';
import { createIngestModule } from './modules/ingest/module.ts';
import { createInstrumentStore } from './modules/instruments/store.ts';
import { resolvers } from './resolvers.ts';

/** Wires market-data's stores and resolvers over an open database and lake. */
export async function createMarketData(runtime: ServiceRuntime) {
  await runtime.lake.registerDataset(BARS_DATASET);
  await runtime.lake.registerDataset(CORPORATE_ACTIONS_DATASET);
  const instruments = createInstrumentStore(runtime.handle.db);
  const stores: Stores = {
    instruments,
    bars: createBarStore(runtime.lake),
    corporateActions: createCorporateActionStore(runtime.lake),
    lake: runtime.lake,
    db: runtime.handle.db,
    downloads: runtime.downloads,
    ingest: createIngestModule({ db: runtime.handle.db, lake: runtime.lake, instruments, audit: runtime.audit }),
  };
  return {
    stores,
    resolvers: resolvers as unknown as SubgraphResolvers,
    context: async (scope: RequestScope) => createContext(stores, scope),
  };
}
