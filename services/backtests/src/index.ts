export { runDemoBacktests } from './demo/seed.ts';
export { loadBacktestsEnv } from './env.ts';
export { createBacktests } from './service.ts';
