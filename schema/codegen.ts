import { readFileSync } from 'node:fs';
import { SUBGRAPHS, type SubgraphName } from '@alphagraph/config';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { apiSchemaSdl } from '../packages/sdk/tools/api-schema.ts';
import { datasetEnums } from '../services/alt-data/src/modules/datasets/enums.ts';
import { backtestEnums } from '../services/backtests/src/modules/backtests/enums.ts';
import { featureEnums } from '../services/features/src/modules/features/enums.ts';
import { materializeEnums } from '../services/features/src/modules/materialize/enums.ts';
import { trainingEnums } from '../services/features/src/modules/training/enums.ts';
import { barEnums } from '../services/market-data/src/modules/bars/enums.ts';
import { corporateActionEnums } from '../services/market-data/src/modules/corporate-actions/enums.ts';
import { ingestEnums } from '../services/market-data/src/modules/ingest/enums.ts';
import { instrumentEnums } from '../services/market-data/src/modules/instruments/enums.ts';
import { deploymentEnums } from '../services/models/src/modules/deployment/enums.ts';
import { modelEnums } from '../services/models/src/modules/models/enums.ts';
import { monitoringEnums } from '../services/models/src/modules/monitoring/enums.ts';
import { versionEnums } from '../services/models/src/modules/versions/enums.ts';

// Schema-first: resolver types for each subgraph are generated from its SDL in this folder.
// Parents of entity fields are the services' own row types (mappers), so resolvers are typed
// end to end. `pnpm codegen` regenerates; CI fails when the checked-in output is stale.
//
// GraphQL enums are typed as their domain values (enumValues), declared once by the module that
// owns them (modules/<domain>/enums.ts) and served by its enum resolvers: no resolver translates
// an enum by hand.
const ENUM_VALUES: Record<SubgraphName, Readonly<Record<string, Readonly<Record<string, string>>>>> = {
  'market-data': { ...instrumentEnums, ...barEnums, ...corporateActionEnums, ...ingestEnums },
  'alt-data': datasetEnums,
  features: { ...featureEnums, ...materializeEnums, ...trainingEnums },
  models: { ...modelEnums, ...versionEnums, ...deploymentEnums, ...monitoringEnums },
  backtests: backtestEnums,
};

const subgraph = (name: SubgraphName, mappers: Record<string, string>) => ({
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
      // An enum maps to its own generated (domain-valued) type: without it, typescript-resolvers types
      // the values a resolver returns as `null` when enumsAsTypes meets mapped enumValues.
      mappers: { ...mappers, ...Object.fromEntries(Object.keys(ENUM_VALUES[name]).map((e) => [e, e])) },
      enumValues: ENUM_VALUES[name],
      avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
    },
  },
});

// Parents of each subgraph's types (mappers); every subgraph of the roster has an entry.
const MAPPERS: Record<SubgraphName, Record<string, string>> = {
  'market-data': {
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
  },
  'alt-data': {
    Vendor: '../modules/vendors/store.ts#VendorRecord',
    Dataset: '../modules/datasets/store.ts#DatasetRecord',
    Instrument: '../modules/datasets/store.ts#InstrumentRef',
    Entitlement: '@alphagraph/auth#EntitlementRecord',
    AuditEvent: '@alphagraph/auth#AuditEvent',
    DatasetField: '../modules/datasets/spec.ts#DatasetField',
    ObservationIngestReport: '../modules/ingest/ingest.ts#IngestBatchRecord',
    ObservationIssue: '../modules/ingest/ingest.ts#IssueRecord',
    ObservationQualityReport: '../modules/quality/report.ts#ObservationQualityReport',
    Observation: '../modules/observations/store.ts#ObservationRecord',
    ObservationEdge: '../modules/observations/resolvers.ts#ObservationEdgeModel',
    ObservationConnection: '../modules/observations/resolvers.ts#ObservationConnectionModel',
    TweetSentimentDay: '../modules/tweets/daily.ts#DailySentimentRecord',
    TweetSentimentDayEdge: '../modules/tweets/resolvers.ts#TweetSentimentDayEdgeModel',
    TweetSentimentDayConnection: '../modules/tweets/resolvers.ts#TweetSentimentDayConnectionModel',
  },
  features: {
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
  },
  models: {
    Model: '../modules/models/store.ts#ModelRecord',
    Instrument: '../modules/models/store.ts#InstrumentRef',
    ModelVersion: '../modules/versions/store.ts#VersionRecord',
    PredictionBatch: '../modules/versions/store.ts#PredictionBatchRecord',
    Signals: '../modules/monitoring/signals.ts#SignalsModel',
    SignalSet: '../modules/monitoring/signals.ts#SignalSetModel',
    Signal: '../modules/monitoring/signals.ts#SignalRow',
    LiveMetrics: '../modules/monitoring/job.ts#LiveMetricsModel',
    MonitorReport: '../modules/monitoring/job.ts#MonitorReportModel',
    VersionFeatureDrift: '../modules/monitoring/job.ts#DriftRow',
    ModelMonitoring: '../modules/models/store.ts#ModelRecord',
    MonitoringSettings: '../modules/monitoring/settings.ts#MonitorSettings',
    MonitoringRun: '../modules/monitoring/job.ts#MonitoringRunModel',
    Alert: '../modules/monitoring/alerts.ts#AlertRecord',
  },
  backtests: {
    Backtest: '../modules/backtests/store.ts#BacktestRecord',
    Sweep: '../modules/sweeps/store.ts#SweepRecord',
    BacktestMetrics: '../modules/backtests/simulate.ts#StoredMetrics',
    SweepOverfitting: '../modules/sweeps/run.ts#StoredOverfitting',
    SweepConfiguration: '../modules/sweeps/run.ts#StoredConfiguration',
    BacktestResult: '../modules/backtests/resolvers.ts#BacktestResultModel',
    SweepResult: '../modules/sweeps/resolvers.ts#SweepResultModel',
    BacktestDownload: '@alphagraph/service#DownloadLink',
    Instrument: '../modules/backtests/store.ts#InstrumentRef',
    Model: '../modules/backtests/store.ts#ModelRef',
  },
};

// The typed SDK (@alphagraph/sdk): typed document nodes for its operations (packages/sdk/src/operations),
// generated against the supergraph's API schema, plus the trusted-documents manifest (hash -> document)
// the gateway serves persisted operations from.
const sdk = {
  'packages/sdk/src/generated/': {
    schema: apiSchemaSdl(readFileSync('schema/supergraph.graphql', 'utf8')),
    documents: 'packages/sdk/src/operations/*.graphql',
    preset: 'client' as const,
    presetConfig: {
      fragmentMasking: false,
      persistedDocuments: { mode: 'embedHashInDocument' as const, hashAlgorithm: 'sha256' as const },
    },
    config: {
      useTypeImports: true,
      enumsAsTypes: true,
      // The workspace runs TypeScript from source (allowImportingTsExtensions).
      importExtension: '.ts',
      // On the wire: DateTime and Date are ISO strings, JSON is any JSON value.
      scalars: { DateTime: 'string', Date: 'string', JSON: 'unknown' },
    },
  },
};

const config: CodegenConfig = {
  overwrite: true,
  generates: Object.assign({}, ...SUBGRAPHS.map((s) => subgraph(s.name, MAPPERS[s.name])), sdk),
};

export default config;
