export { loadDemoBars } from './demo/load-demo.ts';
export { loadMarketDataEnv, type MarketDataEnv } from './env.ts';
export { createMarketData } from './service.ts';
