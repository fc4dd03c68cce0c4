import type { CodegenConfig } from '@graphql-codegen/cli';

// Schema-first: resolver types for each subgraph are generated from its SDL in this folder.
// Parents of entity fields are the services' own row types (mappers), so resolvers are typed
// end to end. `pnpm codegen` regenerates; CI fails when the checked-in output is stale.
const subgraph = (name: string, mappers: Record<string, string>) => ({
  [`services/${name}/src/generated/resolvers.ts`]: {
    schema: `schema/${name}.graphql`,
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      enumsAsTypes: true,
      contextType: '../context.ts#Context',
      scalars: { DateTime: 'Date | string', Date: 'string', JSON: 'unknown' },
      mapperTypeSuffix: 'Model',
      mappers,
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    },
  },
});

const config: CodegenConfig = {
  overwrite: true,
  generates: {
    ...subgraph('market-data', {
      Instrument: '../modules/instruments/store.ts#InstrumentRecord',
      Bar: '../modules/bars/store.ts#BarRecord',
    }),
    ...subgraph('alt-data', {
      Vendor: '../modules/vendors/store.ts#VendorRecord',
      Dataset: '../modules/datasets/store.ts#DatasetRecord',
      Instrument: '../modules/datasets/store.ts#InstrumentRef',
      Entitlement: '@alphagraph/auth#EntitlementRecord',
      AuditEvent: '@alphagraph/auth#AuditEvent',
    }),
    ...subgraph('features', {
      Feature: '../modules/features/store.ts#FeatureRecord',
      Instrument: '../modules/features/store.ts#InstrumentRef',
    }),
    ...subgraph('models', {
      Model: '../modules/models/store.ts#ModelRecord',
      Instrument: '../modules/models/store.ts#InstrumentRef',
    }),
    ...subgraph('backtests', {
      Backtest: '../modules/backtests/store.ts#BacktestRecord',
      Instrument: '../modules/backtests/store.ts#InstrumentRef',
      Model: '../modules/backtests/store.ts#ModelRef',
    }),
  },
};

export default config;
