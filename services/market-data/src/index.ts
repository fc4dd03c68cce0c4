export { loadDemoBars } from './demo/load-demo.ts';
export { loadMarketDataEnv, type MarketDataEnv } from './env.ts';
export type { IngestPhase } from './modules/ingest/batch.ts';
export { IngestError, type IngestErrorCode } from './modules/ingest/errors.ts';
export { BUILT_IN_MAPPINGS, type ColumnMapping } from './modules/ingest/mappings.ts';
export { createIngestModule, type IngestModule } from './modules/ingest/module.ts';
export { DEFAULT_RULES, FIXES, RULES, type RuleAction, type RuleName } from './modules/ingest/rules.ts';
export { createInstrumentStore } from './modules/instruments/store.ts';
export { createMarketData } from './service.ts';
