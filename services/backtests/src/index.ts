export { runDemoBacktests } from './demo/seed.ts';
export { loadBacktestsEnv } from './env.ts';
export { loadMarket as loadBacktestMarket } from './modules/backtests/market.ts';
export { writeOutputs as writeBacktestOutputs } from './modules/backtests/outputs.ts';
export { computeRun as computeBacktestRun } from './modules/backtests/run.ts';
export { simulate as simulateBacktest } from './modules/backtests/simulate.ts';
export { createBacktests } from './service.ts';
