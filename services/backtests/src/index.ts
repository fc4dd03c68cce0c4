export { runDemoBacktests } from './demo/seed.ts';
export { loadBacktestsEnv } from './env.ts';
export { computeRun as computeBacktestRun } from './modules/backtests/run.ts';
export { simulate as simulateBacktest } from './modules/backtests/simulate.ts';
export { createBacktests } from './service.ts';
