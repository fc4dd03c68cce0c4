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
      DataQualityReport: '../modules/quality/report.ts#DataQualityReport',
      CorporateAction: '../modules/corporate-actions/store.ts#CorporateActionRecord',
      IngestReport: '../modules/ingest/report-store.ts#BatchRecord',
      IngestIssue: '../modules/ingest/resolvers.ts#IngestIssueModel',
      IngestIssueEdge: '../modules/ingest/resolvers.ts#IngestIssueEdgeModel',
      IngestIssueConnection: '../modules/ingest/resolvers.ts#IngestIssueConnectionModel',
      QuarantinedBar: '../modules/ingest/report-store.ts#QuarantineRecord',
      IngestMapping: '../modules/ingest/mappings.ts#ColumnMapping',
    }),
    ...subgraph('alt-data', {
      Vendor: '../modules/vendors/store.ts#VendorRecord',
      Dataset: '../modules/datasets/store.ts#DatasetRecord',
      Instrument: '../modules/datasets/store.ts#InstrumentRef',
      Entitlement: '@alphagraph/auth#EntitlementRecord',
      AuditEvent: '@alphagraph/auth#AuditEvent',
      DatasetField: '../modules/datasets/spec.ts#DatasetField',
      Observation: '../modules/observations/store.ts#ObservationRecord',
      ObservationEdge: '../modules/observations/resolvers.ts#ObservationEdgeModel',
      ObservationConnection: '../modules/observations/resolvers.ts#ObservationConnectionModel',
      TweetSentimentDay: '../modules/tweets/daily.ts#DailySentimentRecord',
      TweetSentimentDayEdge: '../modules/tweets/resolvers.ts#TweetSentimentDayEdgeModel',
      TweetSentimentDayConnection: '../modules/tweets/resolvers.ts#TweetSentimentDayConnectionModel',
    }),
    ...subgraph('features', {
      Feature: '../modules/features/store.ts#FeatureRecord',
      Instrument: '../modules/features/store.ts#InstrumentRef',
      // Registry, materialization, online values, quality (modules/{registry,sets,views,materialize,online,quality}).
      FeatureError: '../modules/registry/define.ts#FeatureErrorModel',
      FeatureSet: '../modules/sets/store.ts#FeatureSetRecord',
      DatasetLineage: '../modules/registry/resolvers.ts#DatasetLineageModel',
      FeatureView: '../modules/views/store.ts#FeatureViewRecord',
      MaterializationRun: '../modules/materialize/runs.ts#RunRecord',
      OnlineFeatures: '../modules/online/resolvers.ts#OnlineFeaturesModel',
      OnlineFeatureRow: '../modules/online/resolvers.ts#OnlineFeatureRowModel',
      OnlineFeatureValue: '../modules/online/store.ts#OnlineValue',
      FeatureQuality: '../modules/quality/store.ts#FeatureQualityReport',
      FeatureDrift: '../modules/quality/store.ts#FeatureDriftReport',
      DriftBin: '../modules/quality/psi.ts#PsiBin',
      // Training sets (modules/training).
      TrainingSet: '../modules/training/store.ts#TrainingSetRecord',
      TrainingSetColumn: '../modules/training/spec.ts#OutputColumn',
      TrainingSetColumnStatistics: '../modules/training/service.ts#ColumnStatistics',
      TrainingSetRow: '../modules/training/service.ts#TrainingSetRow',
      TrainingSetRowEdge: '../modules/training/resolvers.ts#TrainingSetRowEdgeModel',
      TrainingSetRowConnection: '../modules/training/resolvers.ts#TrainingSetRowConnectionModel',
      TrainingSetInputSnapshot: '../modules/training/resolvers.ts#TrainingSetInputSnapshotModel',
      TrainingSetSplitBoundaries: '../modules/training/build.ts#ResolvedSplit',
      TrainingSetResult: '../modules/training/resolvers.ts#TrainingSetResultModel',
      TrainingSetDownload: '@alphagraph/service#DownloadLink',
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
