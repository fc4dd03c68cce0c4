export * from './alt.ts';
export * from './backtests.ts';
export * from './features.ts';
export * from './governance.ts';
export * from './jobs.ts';
export * from './lake.ts';
export * from './market.ts';
export * from './models.ts';
