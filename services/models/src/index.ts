export { seedDemoModels } from './demo/seed.ts';
export { loadModelsEnv } from './env.ts';
export { createModelStore } from './modules/models/store.ts';
export {
  createPredictionLog,
  type LoggedSet,
  type LogRequest,
  type PredictionLog,
} from './modules/monitoring/prediction-log.ts';
export { createModels } from './service.ts';
