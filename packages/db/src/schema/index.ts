// Every table, for the drizzle client and drizzle-kit only: importers name their owner's subpath
// (`@alphagraph/db/schema/features`, ...), so this index is deliberately not exported.
export * from './alt.ts';
export * from './backtests.ts';
export * from './features.ts';
export * from './governance.ts';
export * from './jobs.ts';
export * from './lake.ts';
export * from './market.ts';
export * from './models.ts';
