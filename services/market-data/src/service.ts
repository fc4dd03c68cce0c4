import { BARS_DATASET, CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import { assembleService, DateScalar, DateTimeScalar, type ServiceRuntime } from '@alphagraph/service';
import { createBarsModule } from './modules/bars/module.ts';
import { createCorporateActionsModule } from './modules/corporate-actions/module.ts';
import { createIngestModule, createIngestServiceModule } from './modules/ingest/module.ts';
import { createInstrumentsModule } from './modules/instruments/module.ts';
import { createInstrumentStore } from './modules/instruments/store.ts';
import { createQualityModule } from './modules/quality/module.ts';

function modulesOf(runtime: ServiceRuntime) {
  const { handle, lake, audit, downloads } = runtime;
  const instruments = createInstrumentStore(handle.db);
  return [
    createInstrumentsModule(instruments),
    createBarsModule(lake, downloads),
    createCorporateActionsModule(lake),
    createQualityModule({ db: handle.db, lake, instruments }),
    createIngestServiceModule(createIngestModule({ db: handle.db, lake, instruments, audit })),
  ] as const;
}
export type MarketDataModules = ReturnType<typeof modulesOf>;

/** Wires market-data's modules over an open database and lake. */
export async function createMarketData(runtime: ServiceRuntime) {
  await runtime.lake.registerDataset(BARS_DATASET);
  await runtime.lake.registerDataset(CORPORATE_ACTIONS_DATASET);
  return assembleService({ modules: modulesOf(runtime), scalars: { DateTime: DateTimeScalar, Date: DateScalar } });
}
