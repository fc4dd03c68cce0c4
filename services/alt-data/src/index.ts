export { loadDemoObservations } from './demo/load-observations.ts';
export { seedDemoCatalog } from './demo/seed.ts';
export { loadAltDataEnv } from './env.ts';
export { createAltData } from './service.ts';
