export { seedDemoFeatures } from './demo/seed.ts';
export { loadFeaturesEnv } from './env.ts';
export { parseFeatureRef } from './modules/features/store.ts';
export type { MaterializeRequest } from './modules/materialize/request.ts';
export type { RunRecord } from './modules/materialize/runs.ts';
export { createFeatures } from './service.ts';
