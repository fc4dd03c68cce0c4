export { seedDemoFeatures } from './demo/seed.ts';
export { loadFeaturesEnv } from './env.ts';
export { parseFeatureRef } from './modules/features/store.ts';
export { createFeatures } from './service.ts';
