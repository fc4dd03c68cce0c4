export { seedDemoModels } from './demo/seed.ts';
export { loadModelsEnv } from './env.ts';
export { createModels } from './service.ts';
