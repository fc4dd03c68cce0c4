export { loadDemoObservations } from './demo/load-observations.ts';
export { seedDemoCatalog } from './demo/seed.ts';
export { loadAltDataEnv } from './env.ts';
export { registerDataset } from './modules/ingest/register.ts';
export { createObservationStore } from './modules/observations/store.ts';
export { createAltData } from './service.ts';
