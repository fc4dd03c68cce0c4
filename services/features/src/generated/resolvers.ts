import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { FeatureRecord as FeatureRecordModel, InstrumentRef as InstrumentRefModel } from '../modules/features/store.ts';
import type { FeatureErrorModel as FeatureErrorModelModel } from '../modules/registry/define.ts';
import type { FeatureSetRecord as FeatureSetRecordModel } from '../modules/sets/store.ts';
import type { DatasetLineageModel as DatasetLineageModelModel } from '../modules/registry/resolvers.ts';
import type { FeatureViewRecord as FeatureViewRecordModel } from '../modules/views/store.ts';
import type { RunRecord as RunRecordModel } from '../modules/materialize/runs.ts';
import type { OnlineFeaturesModel as OnlineFeaturesModelModel, OnlineFeatureRowModel as OnlineFeatureRowModelModel } from '../modules/online/resolvers.ts';
import type { OnlineValue as OnlineValueModel } from '../modules/online/store.ts';
import type { FeatureQualityReport as FeatureQualityReportModel, FeatureDriftReport as FeatureDriftReportModel } from '../modules/quality/store.ts';
import type { PsiBin as PsiBinModel } from '../modules/quality/psi.ts';
import type { TrainingSetRecord as TrainingSetRecordModel } from '../modules/training/store.ts';
import type { OutputColumn as OutputColumnModel } from '../modules/training/spec.ts';
import type { ColumnStatistics as ColumnStatisticsModel, TrainingSetRow as TrainingSetRowModel } from '../modules/training/service.ts';
import type { TrainingSetRowEdgeModel as TrainingSetRowEdgeModelModel, TrainingSetRowConnectionModel as TrainingSetRowConnectionModelModel, TrainingSetInputSnapshotModel as TrainingSetInputSnapshotModelModel, TrainingSetResultModel as TrainingSetResultModelModel } from '../modules/training/resolvers.ts';
import type { ResolvedSplit as ResolvedSplitModel } from '../modules/training/build.ts';
import type { DownloadLink as DownloadLinkModel } from '@alphagraph/service';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant, ISO-8601 with an explicit zone: `Z` or an offset, e.g. 2016-04-01T00:00:00Z or
   * 2016-04-01T09:30:00-04:00; answers are in UTC (`Z`). Refused: a value without a zone (add `Z`), a
   * date alone (write its T00:00:00Z, or use a Date argument where one exists) and a day or time the
   * calendar does not have (2016-02-30T00:00:00Z). Ranges everywhere: `from` inclusive, `to` exclusive.
   */
  DateTime: { input: Date | string; output: Date | string; }
  /** Arbitrary JSON: a training-set spec, a row's values by column name. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type CreateTrainingSetInput = {
  /**
   * Entities of a schedule spine (or `universe`): instrument symbols, matched case-insensitively and
   * stored as the instrument's symbol (`aapl` is AAPL); an unknown symbol is refused by name, as are
   * unknown entities of a given spine.
   */
  entities?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Feature sets (their members, pinned at creation). */
  featureSets?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Features as name@version, or a bare name: pinned to its latest version at creation (see featureRefs). */
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  labels?: InputMaybe<Array<LabelInput>>;
  name: Scalars['String']['input'];
  /** A schedule spine's session dates; other spines must fall inside it when given. */
  period?: InputMaybe<TrainingPeriodInput>;
  spine: TrainingSpineInput;
  split?: InputMaybe<TrainingSplitInput>;
  universe?: InputMaybe<TrainingUniverse>;
};

/** What depends on one dataset. */
export type DatasetLineage = {
  __typename?: 'DatasetLineage';
  dataset: Scalars['String']['output'];
  /** Views materializing any of those feature versions. */
  featureViews: Array<FeatureView>;
  /** Feature versions whose expressions read the dataset. */
  features: Array<Feature>;
  /** Training sets reading the dataset (through a feature's lineage, or bars for labels). */
  trainingSets: Maybe<Array<TrainingSet>>;
};

export type DefineFeatureInput = {
  description: Scalars['String']['input'];
  entity?: InputMaybe<FeatureEntity>;
  expression: Scalars['String']['input'];
  /** lower_snake_case, at most 50 characters. */
  name: Scalars['String']['input'];
  /** No TTL: a value stays current however old its event time is (leave `ttlSeconds` out). */
  noTtl?: InputMaybe<Scalars['Boolean']['input']>;
  status?: InputMaybe<FeatureStatus>;
  tags?: InputMaybe<Array<Scalars['String']['input']>>;
  /**
   * How long a value stays current after its event time, in seconds. Default by entity kind: 345600
   * (4 days) for INSTRUMENT and for MARKET features, which are daily: a value stays current over a
   * long weekend with a holiday (Friday's bar on Tuesday) and expires when a session is missed beyond that.
   * At most 2147483647 (2^31 - 1, about 68 years: what storage holds); for no TTL pass `noTtl: true`.
   */
  ttlSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Instruments to materialize for by default (empty: every instrument with daily bars). */
  universe?: InputMaybe<Array<Scalars['String']['input']>>;
};

export type DefineFeatureResult = {
  __typename?: 'DefineFeatureResult';
  /** Whether this call created a new version. */
  created: Scalars['Boolean']['output'];
  error: Maybe<FeatureError>;
  /** The version the definition resolved to. */
  feature: Maybe<Feature>;
  ok: Scalars['Boolean']['output'];
};

export type DefineFeatureSetInput = {
  description: Scalars['String']['input'];
  /** Refs: `name@3`, or `name` for the newest version (pinned when the set is defined). */
  features: Array<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};

export type DefineFeatureSetResult = {
  __typename?: 'DefineFeatureSetResult';
  error: Maybe<FeatureError>;
  featureSet: Maybe<FeatureSet>;
  ok: Scalars['Boolean']['output'];
};

export type Distribution = {
  __typename?: 'Distribution';
  count: Scalars['Int']['output'];
  max: Scalars['Float']['output'];
  mean: Scalars['Float']['output'];
  min: Scalars['Float']['output'];
  /** Linear-interpolated quantiles at 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99. */
  quantiles: Array<QuantileValue>;
  /** Sample standard deviation (null for one value). */
  std: Maybe<Scalars['Float']['output']>;
};

/** Values v with lower < v <= upper (open at the ends: the first bin has no lower, the last no upper). */
export type DriftBin = {
  __typename?: 'DriftBin';
  /** This bin's term of the PSI. */
  contribution: Scalars['Float']['output'];
  currentCount: Scalars['Int']['output'];
  currentShare: Scalars['Float']['output'];
  lower: Maybe<Scalars['Float']['output']>;
  referenceCount: Scalars['Int']['output'];
  referenceShare: Scalars['Float']['output'];
  upper: Maybe<Scalars['Float']['output']>;
};

export type DriftPeriod = {
  __typename?: 'DriftPeriod';
  from: Scalars['DateTime']['output'];
  nulls: Scalars['Int']['output'];
  rows: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
};

/**
 * One version of a feature definition. A changed expression is a new version; `ref` (`name@version`)
 * pins it.
 */
export type Feature = {
  __typename?: 'Feature';
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  entity: FeatureEntity;
  /** The expression in Alphagraph's feature language (Qlib notation). */
  expression: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  /** Datasets the expression reads (lineage). */
  inputs: Array<Scalars['String']['output']>;
  /**
   * Rows of history before a value that the expression reads (the warm-up a materialization re-reads).
   * Null for a version stored before the complexity budget whose expression it now refuses; such a
   * version cannot be materialized.
   */
  lookback: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  owner: Scalars['String']['output'];
  /** name@version */
  ref: Scalars['String']['output'];
  status: FeatureStatus;
  tags: Array<Scalars['String']['output']>;
  /** How long a value stays current after its event time, in seconds; null: no TTL (a value never expires). */
  ttlSeconds: Maybe<Scalars['Int']['output']>;
  /** Instruments the feature is materialized for by default (empty: every instrument with daily bars). */
  universe: Array<Instrument>;
  version: Scalars['Int']['output'];
};

export type FeatureDrift = {
  __typename?: 'FeatureDrift';
  /** How the bins were cut. */
  binning: Scalars['String']['output'];
  bins: Array<DriftBin>;
  current: DriftPeriod;
  epsilon: Scalars['Float']['output'];
  feature: Scalars['String']['output'];
  /**
   * Sum over bins of (current - reference) * ln(current / reference), with shares of the non-null
   * values; a bin with no values takes share `epsilon` instead of 0.
   */
  psi: Scalars['Float']['output'];
  reference: DriftPeriod;
  snapshotId: Scalars['Int']['output'];
  view: Scalars['String']['output'];
};

export type FeatureEntity =
  | 'instrument'
  | 'market';

/** An expected failure of a feature mutation. */
export type FeatureError = {
  __typename?: 'FeatureError';
  code: FeatureErrorCode;
  column: Maybe<Scalars['Int']['output']>;
  /** The input field at fault. */
  field: Maybe<Scalars['String']['output']>;
  /** 1-based position in the expression, for BAD_EXPRESSION. */
  line: Maybe<Scalars['Int']['output']>;
  message: Scalars['String']['output'];
  /** The expression checker's reason (SYNTAX, UNKNOWN_FIELD, ARGUMENT, LOOKAHEAD…), for BAD_EXPRESSION. */
  reason: Maybe<Scalars['String']['output']>;
};

/** Why a feature mutation was refused. */
export type FeatureErrorCode =
  /** The expression does not parse or check; `line`/`column` point at the problem. */
  | 'BAD_EXPRESSION'
  | 'BAD_INPUT'
  | 'NOT_FOUND';

/** An operator of the feature expression language (the table in packages/dsl/src/operators.ts). */
export type FeatureOperator = {
  __typename?: 'FeatureOperator';
  /** An expression using it. */
  example: Scalars['String']['output'];
  kind: FeatureOperatorKind;
  /** The value it computes. */
  meaning: Scalars['String']['output'];
  /** `Mean`; for infix operators the symbols (`+ - *`). */
  name: Scalars['String']['output'];
  /** When the value is null. */
  nulls: Scalars['String']['output'];
  /** How it is called: `Mean(series, window)`. */
  signature: Scalars['String']['output'];
};

/** How an operator of the feature language is applied. */
export type FeatureOperatorKind =
  /** Across all entities at the same time. */
  | 'cross-sectional'
  /** Row by row. */
  | 'elementwise'
  /** Written between its operands (`a + b`, `a > b`, `(c1) & (c2)`). */
  | 'infix'
  /** Per entity over a window of its rows ordered by time (or k rows back, for Ref). */
  | 'rolling';

/** An expression computed without registering it (`previewFeature`). */
export type FeaturePreview = {
  __typename?: 'FeaturePreview';
  error: Maybe<FeatureError>;
  /** The expression in canonical form. */
  expression: Maybe<Scalars['String']['output']>;
  /** Datasets it reads (lineage). */
  inputs: Array<Scalars['String']['output']>;
  /** Rows of history before a value the expression reads. */
  lookback: Maybe<Scalars['Int']['output']>;
  ok: Scalars['Boolean']['output'];
  /** By symbol, then time. */
  rows: Array<FeaturePreviewRow>;
};

/** A value of a previewed expression. */
export type FeaturePreviewRow = {
  __typename?: 'FeaturePreviewRow';
  /** When the value could first have been known (the latest input it read). */
  availableAt: Scalars['DateTime']['output'];
  symbol: Scalars['String']['output'];
  /** The event time (a daily bar's: the session date at 00:00 UTC). */
  time: Scalars['DateTime']['output'];
  value: Maybe<Scalars['Float']['output']>;
};

export type FeatureQuality = {
  __typename?: 'FeatureQuality';
  /** Of the non-null values; null when there are none. */
  distribution: Maybe<Distribution>;
  feature: Scalars['String']['output'];
  from: Scalars['DateTime']['output'];
  nullRate: Scalars['Float']['output'];
  nulls: Scalars['Int']['output'];
  /** (entity, event time) rows in the period, each in its latest version. */
  rows: Scalars['Int']['output'];
  snapshotId: Scalars['Int']['output'];
  to: Scalars['DateTime']['output'];
  view: Scalars['String']['output'];
};

/** A named list of feature versions. */
export type FeatureSet = {
  __typename?: 'FeatureSet';
  description: Scalars['String']['output'];
  features: Array<Feature>;
  name: Scalars['String']['output'];
  owner: Scalars['String']['output'];
  /** The members' refs (`name@version`), in order. */
  refs: Array<Scalars['String']['output']>;
  size: Scalars['Int']['output'];
  updatedAt: Scalars['DateTime']['output'];
};

export type FeatureStatus =
  | 'active'
  | 'deprecated'
  | 'draft';

/**
 * A wide lake dataset holding the values of an exact list of feature versions: columns entity,
 * event_time, available_at, tiebreak (the run id), then `<name>__v<version>` per feature. Every run
 * appends; nothing is overwritten.
 */
export type FeatureView = {
  __typename?: 'FeatureView';
  /** Column name of each member, in the same order. */
  columns: Array<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  entity: FeatureEntity;
  /** Member refs, in column order. */
  features: Array<Scalars['String']['output']>;
  lakeDataset: Scalars['String']['output'];
  name: Scalars['String']['output'];
  /** Newest first. */
  runs: Array<MaterializationRun>;
};


/**
 * A wide lake dataset holding the values of an exact list of feature versions: columns entity,
 * event_time, available_at, tiebreak (the run id), then `<name>__v<version>` per feature. Every run
 * appends; nothing is overwritten.
 */
export type FeatureViewRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** close[anchor + horizon] / close[anchor] - 1 (closes of the latest bar versions at build time). */
export type ForwardReturnLabelInput = {
  /** Bars ahead. */
  horizon: Scalars['Int']['input'];
};

export type InputSnapshot = {
  __typename?: 'InputSnapshot';
  dataset: Scalars['String']['output'];
  snapshotId: Scalars['Int']['output'];
};

export type Instrument = {
  __typename?: 'Instrument';
  /** Feature versions materialized for this instrument (null when features is unavailable). */
  features: Maybe<Array<Feature>>;
  symbol: Scalars['String']['output'];
};

/**
 * A label: exactly one of `forwardReturn`, `tripleBarrier` or `expression` (the feature language in
 * label mode, which may look forward with Ref(x, -n)). Columns: `label_<name>`, plus
 * `label_<name>_touch` for a triple barrier.
 */
export type LabelInput = {
  expression?: InputMaybe<Scalars['String']['input']>;
  forwardReturn?: InputMaybe<ForwardReturnLabelInput>;
  /** lower_snake_case */
  name: Scalars['String']['input'];
  tripleBarrier?: InputMaybe<TripleBarrierLabelInput>;
};

export type MaterializationMode =
  /** Every bar with an event time in [from, to). */
  | 'backfill'
  /**
   * Bars newer than the view's last materialized event time per entity, and every period reached by
   * a correction or a late input since the view's last incremental run (after re-reading the warm-up
   * rows); a recomputed period is written as a new version only when it differs.
   */
  | 'incremental';

export type MaterializationRun = {
  __typename?: 'MaterializationRun';
  /** Inputs were read as known at this instant. */
  asOf: Maybe<Scalars['DateTime']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  durationMs: Maybe<Scalars['Float']['output']>;
  error: Maybe<Scalars['String']['output']>;
  /** First and last event time written. */
  eventTimeFrom: Maybe<Scalars['DateTime']['output']>;
  eventTimeTo: Maybe<Scalars['DateTime']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  from: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The lake snapshots read, per dataset. */
  inputSnapshots: Array<InputSnapshot>;
  mode: MaterializationMode;
  /** How far the run is: updated as each step finishes, readable while it is RUNNING. */
  progress: RunProgress;
  rowsWritten: Maybe<Scalars['Int']['output']>;
  /** The view's snapshot this run published; for a run with nothing to write, the view's current one. */
  snapshotId: Maybe<Scalars['Int']['output']>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: MaterializationStatus;
  /**
   * Milliseconds per step (resolve, source, compute, write, publish), of the steps finished so far
   * while the run is RUNNING.
   */
  timings: Array<RunTiming>;
  to: Maybe<Scalars['DateTime']['output']>;
  universe: Array<Scalars['String']['output']>;
  view: FeatureView;
};

export type MaterializationStatus =
  | 'failed'
  | 'queued'
  | 'running'
  | 'succeeded';

export type MaterializeFeaturesInput = {
  /** Refs: `name@3`, or `name` for the newest version. */
  features?: InputMaybe<Array<Scalars['String']['input']>>;
  /** Inclusive lower bound on event time (required for BACKFILL). */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  mode?: InputMaybe<MaterializationMode>;
  /** A feature set by name; or give `features`. */
  set?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive upper bound on event time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
  /**
   * Symbols, matched case-insensitively (`aapl` materializes AAPL); an unknown symbol is refused by
   * name and nothing is queued. Default: the features' universes, or every instrument with daily bars
   * when they name none. Omit for MARKET features (their one entity is MARKET).
   */
  universe?: InputMaybe<Array<Scalars['String']['input']>>;
  /** How long the answer waits for the run to finish (0-60 s); it continues in the background either way. */
  waitSeconds?: InputMaybe<Scalars['Int']['input']>;
};

export type MaterializeFeaturesResult = {
  __typename?: 'MaterializeFeaturesResult';
  error: Maybe<FeatureError>;
  ok: Scalars['Boolean']['output'];
  run: Maybe<MaterializationRun>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Resolves, pins and builds a training set (audited). Needs entitlements along the features' lineage. */
  createTrainingSet: TrainingSetResult;
  /**
   * Registers a feature. The expression is parsed and checked (errors carry line:column); a changed
   * canonical expression, entity or TTL is a new version, anything else updates the latest version's
   * description, tags and status in place.
   */
  defineFeature: DefineFeatureResult;
  /** Creates or replaces a named list of feature versions. */
  defineFeatureSet: DefineFeatureSetResult;
  /**
   * Computes feature values into the lake (a published snapshot of the view's dataset) and refreshes
   * the online store. The run continues in the background; the answer waits up to `waitSeconds`.
   */
  materializeFeatures: MaterializeFeaturesResult;
  /** Builds again from the pinned snapshots: identical content, whatever was appended since. */
  rebuildTrainingSet: TrainingSetResult;
};


export type MutationCreateTrainingSetArgs = {
  input: CreateTrainingSetInput;
};


export type MutationDefineFeatureArgs = {
  input: DefineFeatureInput;
};


export type MutationDefineFeatureSetArgs = {
  input: DefineFeatureSetInput;
};


export type MutationMaterializeFeaturesArgs = {
  input: MaterializeFeaturesInput;
};


export type MutationRebuildTrainingSetArgs = {
  id: Scalars['ID']['input'];
};

/**
 * One entity's feature vector. `values` is the self-describing form (one object per feature); the
 * dense form (`vector`, `statuses`, `eventTimes`, each in `OnlineFeatures.features` order) carries
 * the same data as parallel lists, the shape a model server feeds straight into a model, and costs a
 * fraction of the objects to produce and transfer.
 */
export type OnlineFeatureRow = {
  __typename?: 'OnlineFeatureRow';
  entity: Scalars['String']['output'];
  /** Each value's event time, in `features` order (null when MISSING). */
  eventTimes: Array<Maybe<Scalars['DateTime']['output']>>;
  /** Each value's status, in `features` order. */
  statuses: Array<OnlineValueStatus>;
  values: Array<OnlineFeatureValue>;
  /** The values in `features` order: null unless the status is CURRENT (and the value is defined). */
  vector: Array<Maybe<Scalars['Float']['output']>>;
};

export type OnlineFeatureValue = {
  __typename?: 'OnlineFeatureValue';
  availableAt: Maybe<Scalars['DateTime']['output']>;
  eventTime: Maybe<Scalars['DateTime']['output']>;
  feature: Scalars['String']['output'];
  status: OnlineValueStatus;
  /** Null when EXPIRED or MISSING, or when the feature is undefined at its latest event time. */
  value: Maybe<Scalars['Float']['output']>;
};

export type OnlineFeatures = {
  __typename?: 'OnlineFeatures';
  /** The instant the values are as of and TTLs were judged against: the request's `asOf`, else `servedAt`. */
  asOf: Scalars['DateTime']['output'];
  /** The resolved refs (`name@version`), in request order: each row's values follow it. */
  features: Array<Scalars['String']['output']>;
  /** One row per requested entity, in request order, under its canonical symbol. */
  rows: Array<OnlineFeatureRow>;
  /** When the answer was served. */
  servedAt: Scalars['DateTime']['output'];
  /** Requested symbols no instrument has, as written (their values are MISSING). */
  unknownEntities: Array<Scalars['String']['output']>;
};

export type OnlineValueStatus =
  /** Within the feature's TTL of its event time. */
  | 'CURRENT'
  /** Older than the TTL: the value is withheld (null). */
  | 'EXPIRED'
  /** Never materialized for this entity. */
  | 'MISSING';

export type PeriodInput = {
  /** Inclusive. */
  from: Scalars['DateTime']['input'];
  /** Exclusive. */
  to: Scalars['DateTime']['input'];
};

export type QuantileValue = {
  __typename?: 'QuantileValue';
  q: Scalars['Float']['output'];
  value: Scalars['Float']['output'];
};

export type Query = {
  __typename?: 'Query';
  /**
   * What depends on a dataset (`bars`, or an alternative dataset's name such as `stocknet_tweets`):
   * the feature versions whose expressions read it and the views materializing them.
   */
  datasetLineage: DatasetLineage;
  /** One feature version by id, or by ref (`name` for the newest version, `name@3` for version 3). */
  feature: Maybe<Feature>;
  /**
   * Population stability index of a feature version between a reference and a current period, over
   * `bins` quantile bins of the reference period. Null when no view holds the version yet.
   */
  featureDrift: Maybe<FeatureDrift>;
  /** Every operator of the feature expression language, with its signature, meaning and an example. */
  featureOperators: Array<FeatureOperator>;
  /**
   * Null rate and distribution of one feature version's materialized values with event times in
   * [from, to). Null when no view holds the version yet.
   */
  featureQuality: Maybe<FeatureQuality>;
  featureSet: Maybe<FeatureSet>;
  /** Named lists of feature versions (`alpha158`, `alt_demo`), by name. */
  featureSets: Array<FeatureSet>;
  /** Feature views (one lake dataset per exact list of feature versions), by name. */
  featureViews: Array<FeatureView>;
  /** Feature versions, newest version of each name first unless `allVersions`. */
  features: Array<Feature>;
  materializationRun: Maybe<MaterializationRun>;
  /** Materialization runs, newest first. */
  materializationRuns: Array<MaterializationRun>;
  /**
   * The latest materialized value of each feature for each entity, from the online store (never
   * Parquet), in one batched read. `features` are refs: `name@3`, or `name` for the newest version.
   * A value older than its feature's TTL comes back null with status EXPIRED.
   *
   * With `asOf` (a past instant), the values as the online store held them then: per entity, the
   * latest event time among the materialized values available at `asOf` (read from the feature
   * views in the lake, the same as-of rule as every lake read), with TTLs judged against `asOf`.
   * Entities are instrument symbols, matched case-insensitively and answered in their canonical
   * spelling (`aapl` -> `AAPL`), or `MARKET` for market-wide features; symbols no instrument has
   * are listed in `unknownEntities` and their values are MISSING.
   */
  onlineFeatures: Maybe<OnlineFeatures>;
  /**
   * Computes an expression over a few symbols and a short period WITHOUT registering it: the same
   * checks, compiler and point-in-time rules as a materialization (inputs as known now; each value's
   * `availableAt` is the latest input it read), the same licences. At most 20 symbols (resolved
   * case-insensitively; unknown ones are refused, named) and a period of at most 366 days
   * (inclusive `from`, exclusive `to`). A refused expression comes back in `error` with its
   * position, as from defineFeature.
   */
  previewFeature: Maybe<FeaturePreview>;
  trainingSet: Maybe<TrainingSet>;
  /** Training sets, newest first. */
  trainingSets: Maybe<Array<TrainingSet>>;
};


export type QueryDatasetLineageArgs = {
  dataset: Scalars['String']['input'];
};


export type QueryFeatureArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  ref?: InputMaybe<Scalars['String']['input']>;
};


export type QueryFeatureDriftArgs = {
  bins?: InputMaybe<Scalars['Int']['input']>;
  current: PeriodInput;
  ref: Scalars['String']['input'];
  reference: PeriodInput;
};


export type QueryFeatureQualityArgs = {
  from: Scalars['DateTime']['input'];
  ref: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryFeatureSetArgs = {
  name: Scalars['String']['input'];
};


export type QueryFeaturesArgs = {
  allVersions?: InputMaybe<Scalars['Boolean']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
  tag?: InputMaybe<Scalars['String']['input']>;
};


export type QueryMaterializationRunArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMaterializationRunsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<MaterializationStatus>;
  view?: InputMaybe<Scalars['String']['input']>;
};


export type QueryOnlineFeaturesArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  entities: Array<Scalars['String']['input']>;
  features: Array<Scalars['String']['input']>;
};


export type QueryPreviewFeatureArgs = {
  expression: Scalars['String']['input'];
  period: PeriodInput;
  symbols: Array<Scalars['String']['input']>;
};


export type QueryTrainingSetArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrainingSetsArgs = {
  createdBy?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A materialization run's progress, counted in steps (resolve, source, compute, write, publish). */
export type RunProgress = {
  __typename?: 'RunProgress';
  /** Steps finished: 0 while QUEUED, `total` once SUCCEEDED; a FAILED run keeps the steps it finished. */
  done: Scalars['Int']['output'];
  /** done / total, between 0 and 1. */
  fraction: Scalars['Float']['output'];
  /** The step in progress while RUNNING (`source`), null otherwise. */
  stage: Maybe<Scalars['String']['output']>;
  total: Scalars['Int']['output'];
  /** What `done` and `total` count: `steps`. */
  unit: Scalars['String']['output'];
};

export type RunTiming = {
  __typename?: 'RunTiming';
  milliseconds: Scalars['Float']['output'];
  step: Scalars['String']['output'];
};

/** Session dates, inclusive. */
export type TrainingPeriodInput = {
  /** YYYY-MM-DD */
  from: Scalars['String']['input'];
  /** YYYY-MM-DD */
  to: Scalars['String']['input'];
};

/** Every session of the calendar in the period, at each wall-clock time of the calendar's zone (DST-aware). */
export type TrainingScheduleInput = {
  /** XNYS, 24x7 or 24x5. */
  calendar?: Scalars['String']['input'];
  /** HH:MM or HH:MM:SS, e.g. ["16:30", "20:00"] New York time for XNYS. */
  times: Array<Scalars['String']['input']>;
};

/**
 * A point-in-time training set: one row per spine row (entity, t), in spine order, duplicates kept.
 * For each feature version, among values with available_at <= t (inclusive), the latest event_time
 * wins, and of that period the version available last (exact ties: the later materialization run);
 * a value whose event_time is older than t - TTL is null (t - TTL itself is valid); an entity with no
 * value yet gets null. Label columns (`label_*`) are kept apart from features and anchored on the
 * latest bar known at t. Everything it read is pinned (snapshot ids, labels' as-of instant, split
 * boundaries), so a rebuild returns identical content.
 */
export type TrainingSet = {
  __typename?: 'TrainingSet';
  /** How many times it was built (1 after creation). */
  builds: Scalars['Int']['output'];
  builtAt: Maybe<Scalars['DateTime']['output']>;
  columns: Array<TrainingSetColumn>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  /**
   * The latest build as a Parquet file (or one split of it), in spine order. Its key-value metadata
   * records the spec (`alphagraph.spec`), the lake snapshots read (`alphagraph.snapshots`), the pinned
   * features (`alphagraph.features`), the split vocabulary and boundaries (`alphagraph.splits`), the
   * set and its build (`alphagraph.training_set`) and its warnings (`alphagraph.warnings`), each JSON.
   */
  download: TrainingSetDownload;
  /** Why the last build failed. */
  error: Maybe<Scalars['String']['output']>;
  /**
   * The pinned feature versions (`name@version`), in column order: a bare name in the spec was pinned
   * to its latest version when the set was created.
   */
  featureRefs: Array<Scalars['String']['output']>;
  /** Feature versions, in column order. */
  features: Array<Feature>;
  id: Scalars['ID']['output'];
  /** The lake snapshots the set reads: feature views, bars (for labels) and its stored spine. */
  inputs: Array<TrainingSetInputSnapshot>;
  /** Labels use the latest version of each bar known at this instant (pinned at creation). */
  labelsAsOf: Maybe<Scalars['DateTime']['output']>;
  name: Scalars['String']['output'];
  /** Rows of the latest build (equal to the spine's). */
  rowCount: Maybe<Scalars['Int']['output']>;
  /** Rows in spine order after the cursor (values by column name), optionally of one split. */
  rows: TrainingSetRowConnection;
  /** The spec as submitted (inline or uploaded spine rows are kept in the spine snapshot instead). */
  spec: Scalars['JSON']['output'];
  split: Maybe<TrainingSetSplitBoundaries>;
  /** Rows of the latest build per split (EMBARGO included); null without splits or before a build. */
  splitRows: Maybe<Array<TrainingSplitRows>>;
  /** count, nulls, mean, sample std, min and max of each feature and label column. */
  statistics: Array<TrainingSetColumnStatistics>;
  status: TrainingSetStatus;
  /**
   * What the latest build warns about: feature (or label) columns null in every row, TRAIN, VALIDATION
   * or TEST splits with no rows, an embargo shorter than the longest label's horizon.
   */
  warnings: Array<TrainingSetWarning>;
};


/**
 * A point-in-time training set: one row per spine row (entity, t), in spine order, duplicates kept.
 * For each feature version, among values with available_at <= t (inclusive), the latest event_time
 * wins, and of that period the version available last (exact ties: the later materialization run);
 * a value whose event_time is older than t - TTL is null (t - TTL itself is valid); an entity with no
 * value yet gets null. Label columns (`label_*`) are kept apart from features and anchored on the
 * latest bar known at t. Everything it read is pinned (snapshot ids, labels' as-of instant, split
 * boundaries), so a rebuild returns identical content.
 */
export type TrainingSetDownloadArgs = {
  split?: InputMaybe<TrainingSplit>;
};


/**
 * A point-in-time training set: one row per spine row (entity, t), in spine order, duplicates kept.
 * For each feature version, among values with available_at <= t (inclusive), the latest event_time
 * wins, and of that period the version available last (exact ties: the later materialization run);
 * a value whose event_time is older than t - TTL is null (t - TTL itself is valid); an entity with no
 * value yet gets null. Label columns (`label_*`) are kept apart from features and anchored on the
 * latest bar known at t. Everything it read is pinned (snapshot ids, labels' as-of instant, split
 * boundaries), so a rebuild returns identical content.
 */
export type TrainingSetRowsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  split?: InputMaybe<TrainingSplit>;
};


/**
 * A point-in-time training set: one row per spine row (entity, t), in spine order, duplicates kept.
 * For each feature version, among values with available_at <= t (inclusive), the latest event_time
 * wins, and of that period the version available last (exact ties: the later materialization run);
 * a value whose event_time is older than t - TTL is null (t - TTL itself is valid); an entity with no
 * value yet gets null. Label columns (`label_*`) are kept apart from features and anchored on the
 * latest bar known at t. Everything it read is pinned (snapshot ids, labels' as-of instant, split
 * boundaries), so a rebuild returns identical content.
 */
export type TrainingSetStatisticsArgs = {
  split?: InputMaybe<TrainingSplit>;
};

export type TrainingSetColumn = {
  __typename?: 'TrainingSetColumn';
  kind: TrainingSetColumnKind;
  name: Scalars['String']['output'];
  /** `name@version` of a feature column; the label's name for a label column. */
  source: Maybe<Scalars['String']['output']>;
  /** DuckDB type: BIGINT, VARCHAR, TIMESTAMPTZ, DOUBLE. */
  type: Scalars['String']['output'];
};

export type TrainingSetColumnKind =
  | 'feature'
  /** row_no, entity, t */
  | 'key'
  | 'label'
  | 'split';

export type TrainingSetColumnStatistics = {
  __typename?: 'TrainingSetColumnStatistics';
  column: Scalars['String']['output'];
  /** Non-null values. */
  count: Scalars['Int']['output'];
  kind: TrainingSetColumnKind;
  max: Maybe<Scalars['Float']['output']>;
  mean: Maybe<Scalars['Float']['output']>;
  min: Maybe<Scalars['Float']['output']>;
  nulls: Scalars['Int']['output'];
  /** Sample standard deviation (ddof = 1). */
  std: Maybe<Scalars['Float']['output']>;
};

/** A Parquet link: GET it through the gateway with the same bearer token before it expires. */
export type TrainingSetDownload = {
  __typename?: 'TrainingSetDownload';
  bytes: Scalars['Float']['output'];
  expiresAt: Scalars['DateTime']['output'];
  rows: Scalars['Int']['output'];
  url: Scalars['String']['output'];
};

export type TrainingSetError = {
  __typename?: 'TrainingSetError';
  code: TrainingSetErrorCode;
  message: Scalars['String']['output'];
};

export type TrainingSetErrorCode =
  | 'BUILD_FAILED'
  /** The set is already building. */
  | 'CONFLICT'
  /** The spec is invalid (the message names the field). */
  | 'INVALID_SPEC'
  /** A feature's lineage reaches licensed data the caller holds no entitlement to. */
  | 'NOT_ENTITLED'
  | 'NOT_FOUND'
  /** A feature version is not materialized yet, or the lake holds no bars for labels. */
  | 'NOT_MATERIALIZED';

export type TrainingSetInputRole =
  | 'bars'
  | 'feature_view'
  | 'spine';

export type TrainingSetInputSnapshot = {
  __typename?: 'TrainingSetInputSnapshot';
  lakeDataset: Scalars['String']['output'];
  role: TrainingSetInputRole;
  snapshotId: Scalars['Int']['output'];
};

export type TrainingSetResult = {
  __typename?: 'TrainingSetResult';
  error: Maybe<TrainingSetError>;
  ok: Scalars['Boolean']['output'];
  trainingSet: Maybe<TrainingSet>;
  /** The built set's warnings (also on TrainingSet.warnings); empty when the build failed. */
  warnings: Array<TrainingSetWarning>;
};

export type TrainingSetRow = {
  __typename?: 'TrainingSetRow';
  entity: Scalars['String']['output'];
  rowNumber: Scalars['Int']['output'];
  split: Maybe<TrainingSplit>;
  /** ISO-8601 with microseconds. */
  t: Scalars['String']['output'];
  /** Feature and label values by column name (touch times as ISO-8601 strings). */
  values: Scalars['JSON']['output'];
};

export type TrainingSetRowConnection = {
  __typename?: 'TrainingSetRowConnection';
  edges: Array<TrainingSetRowEdge>;
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type TrainingSetRowEdge = {
  __typename?: 'TrainingSetRowEdge';
  cursor: Scalars['String']['output'];
  node: TrainingSetRow;
};

export type TrainingSetSplitBoundaries = {
  __typename?: 'TrainingSetSplitBoundaries';
  /** Rows with t in [boundary - embargoSeconds, boundary) before each boundary are EMBARGO. */
  embargoSeconds: Scalars['Int']['output'];
  testStart: Scalars['String']['output'];
  /** ISO-8601 instants (microseconds kept): validation starts at, test starts at. */
  validationStart: Scalars['String']['output'];
};

export type TrainingSetStatus =
  | 'building'
  | 'failed'
  | 'ready';

/** A training set that built but is probably not what was meant. Stored with the set. */
export type TrainingSetWarning = {
  __typename?: 'TrainingSetWarning';
  code: TrainingSetWarningCode;
  /** The output column concerned (a feature column, or the label column whose horizon the embargo misses). */
  column: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
  /** The split concerned (EMPTY_SPLIT). */
  split: Maybe<TrainingSplit>;
};

export type TrainingSetWarningCode =
  /** A feature (or label) column is null in every row: e.g. the spine is before any materialized value. */
  | 'ALL_NULL_COLUMN'
  /** split.embargoSeconds is shorter than the longest label's horizon: labels near a boundary overlap the next split. */
  | 'EMBARGO_SHORTER_THAN_LABEL'
  /** TRAIN, VALIDATION or TEST has no rows. */
  | 'EMPTY_SPLIT';

/**
 * Where the spine comes from: exactly one of `rows` (at most 100,000), `parquetBase64` (a Parquet file
 * with columns entity and t, base64-encoded), `uploadedFile` (the bare name of a Parquet file under the
 * lake's `_uploads/` directory; no other path is ever read) or `schedule`.
 */
export type TrainingSpineInput = {
  parquetBase64?: InputMaybe<Scalars['String']['input']>;
  rows?: InputMaybe<Array<TrainingSpineRowInput>>;
  schedule?: InputMaybe<TrainingScheduleInput>;
  uploadedFile?: InputMaybe<Scalars['String']['input']>;
};

export type TrainingSpineRowInput = {
  entity: Scalars['String']['input'];
  /** ISO-8601 instant, microseconds kept: 2016-03-14T20:30:00.000001Z. */
  t: Scalars['String']['input'];
};

/**
 * Time-ordered splits; EMBARGO marks rows within the embargo before a split boundary. The `split`
 * column of a build and of its Parquet download holds these same spellings.
 */
export type TrainingSplit =
  | 'EMBARGO'
  | 'TEST'
  | 'TRAIN'
  | 'VALIDATION';

/**
 * Time-ordered train / validation / test over the spine's distinct timestamps: fractions (`train`,
 * `validation`; test gets the rest) or boundary instants (`validationStart`, `testStart`). The
 * embargo is in SECONDS: rows with t in [boundary - embargoSeconds, boundary) become EMBARGO.
 */
export type TrainingSplitInput = {
  embargoSeconds?: Scalars['Int']['input'];
  testStart?: InputMaybe<Scalars['String']['input']>;
  train?: InputMaybe<Scalars['Float']['input']>;
  validation?: InputMaybe<Scalars['Float']['input']>;
  validationStart?: InputMaybe<Scalars['String']['input']>;
};

export type TrainingSplitRows = {
  __typename?: 'TrainingSplitRows';
  rows: Scalars['Int']['output'];
  split: TrainingSplit;
};

export type TrainingUniverse =
  /** Every symbol with bars. */
  | 'bars'
  /** The features' own universes (every symbol with bars when a feature has none). */
  | 'features';

/**
 * +1 if a close reaches anchor close x (1 + profitTake x sigma) first, -1 if one reaches
 * (1 - stopLoss x sigma) first, 0 when neither does within `horizon` bars (the vertical barrier).
 * sigma: EWM standard deviation of daily returns (pandas ewm(span).var(bias=True)), known at t.
 */
export type TripleBarrierLabelInput = {
  horizon: Scalars['Int']['input'];
  /** Multiple of sigma; null disables the upper barrier. */
  profitTake?: InputMaybe<Scalars['Float']['input']>;
  /** Multiple of sigma; null disables the lower barrier. */
  stopLoss?: InputMaybe<Scalars['Float']['input']>;
  /** Returns needed in the last volatilitySpan bars before sigma is trusted (default volatilitySpan). */
  volatilityMinPeriods?: InputMaybe<Scalars['Int']['input']>;
  volatilitySpan?: InputMaybe<Scalars['Int']['input']>;
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  DatasetLineage: DatasetLineage;
  Feature: Feature;
  Instrument: Instrument;
  TrainingSet: TrainingSet;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  DatasetLineage:
    ( { __typename: 'DatasetLineage' }
    & GraphQLRecursivePick<FederationTypes['DatasetLineage'], {"dataset":true}> );
  Feature:
    ( { __typename: 'Feature' }
    & ( GraphQLRecursivePick<FederationTypes['Feature'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Feature'], {"name":true,"version":true}> ) );
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> );
  TrainingSet:
    ( { __typename: 'TrainingSet' }
    & GraphQLRecursivePick<FederationTypes['TrainingSet'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  CreateTrainingSetInput: CreateTrainingSetInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  DatasetLineage: ResolverTypeWrapper<DatasetLineageModelModel>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DefineFeatureInput: DefineFeatureInput;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  DefineFeatureResult: ResolverTypeWrapper<Omit<DefineFeatureResult, 'error' | 'feature'> & { error?: Maybe<ResolversTypes['FeatureError']>, feature?: Maybe<ResolversTypes['Feature']> }>;
  DefineFeatureSetInput: DefineFeatureSetInput;
  DefineFeatureSetResult: ResolverTypeWrapper<Omit<DefineFeatureSetResult, 'error' | 'featureSet'> & { error?: Maybe<ResolversTypes['FeatureError']>, featureSet?: Maybe<ResolversTypes['FeatureSet']> }>;
  Distribution: ResolverTypeWrapper<Distribution>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DriftBin: ResolverTypeWrapper<PsiBinModel>;
  DriftPeriod: ResolverTypeWrapper<DriftPeriod>;
  Feature: ResolverTypeWrapper<FeatureRecordModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  FeatureDrift: ResolverTypeWrapper<FeatureDriftReportModel>;
  FeatureEntity: ResolverTypeWrapper<FeatureEntity>;
  FeatureError: ResolverTypeWrapper<FeatureErrorModelModel>;
  FeatureErrorCode: FeatureErrorCode;
  FeatureOperator: ResolverTypeWrapper<Omit<FeatureOperator, 'kind'> & { kind: ResolversTypes['FeatureOperatorKind'] }>;
  FeatureOperatorKind: ResolverTypeWrapper<FeatureOperatorKind>;
  FeaturePreview: ResolverTypeWrapper<Omit<FeaturePreview, 'error'> & { error?: Maybe<ResolversTypes['FeatureError']> }>;
  FeaturePreviewRow: ResolverTypeWrapper<FeaturePreviewRow>;
  FeatureQuality: ResolverTypeWrapper<FeatureQualityReportModel>;
  FeatureSet: ResolverTypeWrapper<FeatureSetRecordModel>;
  FeatureStatus: ResolverTypeWrapper<FeatureStatus>;
  FeatureView: ResolverTypeWrapper<FeatureViewRecordModel>;
  ForwardReturnLabelInput: ForwardReturnLabelInput;
  InputSnapshot: ResolverTypeWrapper<InputSnapshot>;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  LabelInput: LabelInput;
  MaterializationMode: ResolverTypeWrapper<MaterializationMode>;
  MaterializationRun: ResolverTypeWrapper<RunRecordModel>;
  MaterializationStatus: ResolverTypeWrapper<MaterializationStatus>;
  MaterializeFeaturesInput: MaterializeFeaturesInput;
  MaterializeFeaturesResult: ResolverTypeWrapper<Omit<MaterializeFeaturesResult, 'error' | 'run'> & { error?: Maybe<ResolversTypes['FeatureError']>, run?: Maybe<ResolversTypes['MaterializationRun']> }>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OnlineFeatureRow: ResolverTypeWrapper<OnlineFeatureRowModelModel>;
  OnlineFeatureValue: ResolverTypeWrapper<OnlineValueModel>;
  OnlineFeatures: ResolverTypeWrapper<OnlineFeaturesModelModel>;
  OnlineValueStatus: OnlineValueStatus;
  PeriodInput: PeriodInput;
  QuantileValue: ResolverTypeWrapper<QuantileValue>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RunProgress: ResolverTypeWrapper<RunProgress>;
  RunTiming: ResolverTypeWrapper<RunTiming>;
  TrainingPeriodInput: TrainingPeriodInput;
  TrainingScheduleInput: TrainingScheduleInput;
  TrainingSet: ResolverTypeWrapper<TrainingSetRecordModel>;
  TrainingSetColumn: ResolverTypeWrapper<OutputColumnModel>;
  TrainingSetColumnKind: ResolverTypeWrapper<TrainingSetColumnKind>;
  TrainingSetColumnStatistics: ResolverTypeWrapper<ColumnStatisticsModel>;
  TrainingSetDownload: ResolverTypeWrapper<DownloadLinkModel>;
  TrainingSetError: ResolverTypeWrapper<TrainingSetError>;
  TrainingSetErrorCode: TrainingSetErrorCode;
  TrainingSetInputRole: ResolverTypeWrapper<TrainingSetInputRole>;
  TrainingSetInputSnapshot: ResolverTypeWrapper<TrainingSetInputSnapshotModelModel>;
  TrainingSetResult: ResolverTypeWrapper<TrainingSetResultModelModel>;
  TrainingSetRow: ResolverTypeWrapper<TrainingSetRowModel>;
  TrainingSetRowConnection: ResolverTypeWrapper<TrainingSetRowConnectionModelModel>;
  TrainingSetRowEdge: ResolverTypeWrapper<TrainingSetRowEdgeModelModel>;
  TrainingSetSplitBoundaries: ResolverTypeWrapper<ResolvedSplitModel>;
  TrainingSetStatus: ResolverTypeWrapper<TrainingSetStatus>;
  TrainingSetWarning: ResolverTypeWrapper<Omit<TrainingSetWarning, 'code' | 'split'> & { code: ResolversTypes['TrainingSetWarningCode'], split?: Maybe<ResolversTypes['TrainingSplit']> }>;
  TrainingSetWarningCode: ResolverTypeWrapper<TrainingSetWarningCode>;
  TrainingSpineInput: TrainingSpineInput;
  TrainingSpineRowInput: TrainingSpineRowInput;
  TrainingSplit: ResolverTypeWrapper<TrainingSplit>;
  TrainingSplitInput: TrainingSplitInput;
  TrainingSplitRows: ResolverTypeWrapper<Omit<TrainingSplitRows, 'split'> & { split: ResolversTypes['TrainingSplit'] }>;
  TrainingUniverse: ResolverTypeWrapper<TrainingUniverse>;
  TripleBarrierLabelInput: TripleBarrierLabelInput;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  CreateTrainingSetInput: CreateTrainingSetInput;
  String: Scalars['String']['output'];
  DatasetLineage: DatasetLineageModelModel;
  DateTime: Scalars['DateTime']['output'];
  DefineFeatureInput: DefineFeatureInput;
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  DefineFeatureResult: Omit<DefineFeatureResult, 'error' | 'feature'> & { error?: Maybe<ResolversParentTypes['FeatureError']>, feature?: Maybe<ResolversParentTypes['Feature']> };
  DefineFeatureSetInput: DefineFeatureSetInput;
  DefineFeatureSetResult: Omit<DefineFeatureSetResult, 'error' | 'featureSet'> & { error?: Maybe<ResolversParentTypes['FeatureError']>, featureSet?: Maybe<ResolversParentTypes['FeatureSet']> };
  Distribution: Distribution;
  Float: Scalars['Float']['output'];
  DriftBin: PsiBinModel;
  DriftPeriod: DriftPeriod;
  Feature: FeatureRecordModel;
  ID: Scalars['ID']['output'];
  FeatureDrift: FeatureDriftReportModel;
  FeatureError: FeatureErrorModelModel;
  FeatureOperator: FeatureOperator;
  FeaturePreview: Omit<FeaturePreview, 'error'> & { error?: Maybe<ResolversParentTypes['FeatureError']> };
  FeaturePreviewRow: FeaturePreviewRow;
  FeatureQuality: FeatureQualityReportModel;
  FeatureSet: FeatureSetRecordModel;
  FeatureView: FeatureViewRecordModel;
  ForwardReturnLabelInput: ForwardReturnLabelInput;
  InputSnapshot: InputSnapshot;
  Instrument: InstrumentRefModel;
  JSON: Scalars['JSON']['output'];
  LabelInput: LabelInput;
  MaterializationRun: RunRecordModel;
  MaterializeFeaturesInput: MaterializeFeaturesInput;
  MaterializeFeaturesResult: Omit<MaterializeFeaturesResult, 'error' | 'run'> & { error?: Maybe<ResolversParentTypes['FeatureError']>, run?: Maybe<ResolversParentTypes['MaterializationRun']> };
  Mutation: Record<PropertyKey, never>;
  OnlineFeatureRow: OnlineFeatureRowModelModel;
  OnlineFeatureValue: OnlineValueModel;
  OnlineFeatures: OnlineFeaturesModelModel;
  PeriodInput: PeriodInput;
  QuantileValue: QuantileValue;
  Query: Record<PropertyKey, never>;
  RunProgress: RunProgress;
  RunTiming: RunTiming;
  TrainingPeriodInput: TrainingPeriodInput;
  TrainingScheduleInput: TrainingScheduleInput;
  TrainingSet: TrainingSetRecordModel;
  TrainingSetColumn: OutputColumnModel;
  TrainingSetColumnStatistics: ColumnStatisticsModel;
  TrainingSetDownload: DownloadLinkModel;
  TrainingSetError: TrainingSetError;
  TrainingSetInputSnapshot: TrainingSetInputSnapshotModelModel;
  TrainingSetResult: TrainingSetResultModelModel;
  TrainingSetRow: TrainingSetRowModel;
  TrainingSetRowConnection: TrainingSetRowConnectionModelModel;
  TrainingSetRowEdge: TrainingSetRowEdgeModelModel;
  TrainingSetSplitBoundaries: ResolvedSplitModel;
  TrainingSetWarning: TrainingSetWarning;
  TrainingSpineInput: TrainingSpineInput;
  TrainingSpineRowInput: TrainingSpineRowInput;
  TrainingSplitInput: TrainingSplitInput;
  TrainingSplitRows: TrainingSplitRows;
  TripleBarrierLabelInput: TripleBarrierLabelInput;
}>;

export type DatasetLineageResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetLineage'] = ResolversParentTypes['DatasetLineage'], FederationReferenceType extends FederationReferenceTypes['DatasetLineage'] = FederationReferenceTypes['DatasetLineage']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['DatasetLineage']> | FederationReferenceType, FederationReferenceType, ContextType>;
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  featureViews?: Resolver<Array<ResolversTypes['FeatureView']>, ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['Feature']>, ParentType, ContextType>;
  trainingSets?: Resolver<Maybe<Array<ResolversTypes['TrainingSet']>>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DefineFeatureResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DefineFeatureResult'] = ResolversParentTypes['DefineFeatureResult']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['FeatureError']>, ParentType, ContextType>;
  feature?: Resolver<Maybe<ResolversTypes['Feature']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type DefineFeatureSetResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DefineFeatureSetResult'] = ResolversParentTypes['DefineFeatureSetResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['FeatureError']>, ParentType, ContextType>;
  featureSet?: Resolver<Maybe<ResolversTypes['FeatureSet']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type DistributionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Distribution'] = ResolversParentTypes['Distribution']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  max?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  mean?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  min?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  quantiles?: Resolver<Array<ResolversTypes['QuantileValue']>, ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type DriftBinResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DriftBin'] = ResolversParentTypes['DriftBin']> = ResolversObject<{
  contribution?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  currentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  currentShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lower?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  referenceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  referenceShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  upper?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type DriftPeriodResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DriftPeriod'] = ResolversParentTypes['DriftPeriod']> = ResolversObject<{
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  nulls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type FeatureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Feature'] = ResolversParentTypes['Feature'], FederationReferenceType extends FederationReferenceTypes['Feature'] = FederationReferenceTypes['Feature']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Feature']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['FeatureEntity'], ParentType, ContextType>;
  expression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lookback?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  ref?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['FeatureStatus'], ParentType, ContextType>;
  tags?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  ttlSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  universe?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FeatureDriftResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureDrift'] = ResolversParentTypes['FeatureDrift']> = ResolversObject<{
  binning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  bins?: Resolver<Array<ResolversTypes['DriftBin']>, ParentType, ContextType>;
  current?: Resolver<ResolversTypes['DriftPeriod'], ParentType, ContextType>;
  epsilon?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  psi?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reference?: Resolver<ResolversTypes['DriftPeriod'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  view?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FeatureEntityResolvers = { INSTRUMENT: 'instrument', MARKET: 'market' };

export type FeatureErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureError'] = ResolversParentTypes['FeatureError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['FeatureErrorCode'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type FeatureOperatorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureOperator'] = ResolversParentTypes['FeatureOperator']> = ResolversObject<{
  example?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['FeatureOperatorKind'], ParentType, ContextType>;
  meaning?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nulls?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  signature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FeatureOperatorKindResolvers = { CROSS_SECTIONAL: 'cross-sectional', ELEMENTWISE: 'elementwise', INFIX: 'infix', ROLLING: 'rolling' };

export type FeaturePreviewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeaturePreview'] = ResolversParentTypes['FeaturePreview']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['FeatureError']>, ParentType, ContextType>;
  expression?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lookback?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['FeaturePreviewRow']>, ParentType, ContextType>;
}>;

export type FeaturePreviewRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeaturePreviewRow'] = ResolversParentTypes['FeaturePreviewRow']> = ResolversObject<{
  availableAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type FeatureQualityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureQuality'] = ResolversParentTypes['FeatureQuality']> = ResolversObject<{
  distribution?: Resolver<Maybe<ResolversTypes['Distribution']>, ParentType, ContextType>;
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  nullRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nulls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  view?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type FeatureSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureSet'] = ResolversParentTypes['FeatureSet']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['Feature']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  refs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type FeatureStatusResolvers = { ACTIVE: 'active', DEPRECATED: 'deprecated', DRAFT: 'draft' };

export type FeatureViewResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureView'] = ResolversParentTypes['FeatureView']> = ResolversObject<{
  columns?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['FeatureEntity'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  lakeDataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  runs?: Resolver<Array<ResolversTypes['MaterializationRun']>, ParentType, ContextType, RequireFields<FeatureViewRunsArgs, 'first'>>;
}>;

export type InputSnapshotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InputSnapshot'] = ResolversParentTypes['InputSnapshot']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  features?: Resolver<Maybe<Array<ResolversTypes['Feature']>>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MaterializationModeResolvers = { BACKFILL: 'backfill', INCREMENTAL: 'incremental' };

export type MaterializationRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterializationRun'] = ResolversParentTypes['MaterializationRun']> = ResolversObject<{
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  durationMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTimeFrom?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventTimeTo?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputSnapshots?: Resolver<Array<ResolversTypes['InputSnapshot']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['MaterializationMode'], ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['RunProgress'], ParentType, ContextType>;
  rowsWritten?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  snapshotId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MaterializationStatus'], ParentType, ContextType>;
  timings?: Resolver<Array<ResolversTypes['RunTiming']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  universe?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  view?: Resolver<ResolversTypes['FeatureView'], ParentType, ContextType>;
}>;

export type MaterializationStatusResolvers = { FAILED: 'failed', QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded' };

export type MaterializeFeaturesResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MaterializeFeaturesResult'] = ResolversParentTypes['MaterializeFeaturesResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['FeatureError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  run?: Resolver<Maybe<ResolversTypes['MaterializationRun']>, ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  createTrainingSet?: Resolver<ResolversTypes['TrainingSetResult'], ParentType, ContextType, RequireFields<MutationCreateTrainingSetArgs, 'input'>>;
  defineFeature?: Resolver<ResolversTypes['DefineFeatureResult'], ParentType, ContextType, RequireFields<MutationDefineFeatureArgs, 'input'>>;
  defineFeatureSet?: Resolver<ResolversTypes['DefineFeatureSetResult'], ParentType, ContextType, RequireFields<MutationDefineFeatureSetArgs, 'input'>>;
  materializeFeatures?: Resolver<ResolversTypes['MaterializeFeaturesResult'], ParentType, ContextType, RequireFields<MutationMaterializeFeaturesArgs, 'input'>>;
  rebuildTrainingSet?: Resolver<ResolversTypes['TrainingSetResult'], ParentType, ContextType, RequireFields<MutationRebuildTrainingSetArgs, 'id'>>;
}>;

export type OnlineFeatureRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OnlineFeatureRow'] = ResolversParentTypes['OnlineFeatureRow']> = ResolversObject<{
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTimes?: Resolver<Array<Maybe<ResolversTypes['DateTime']>>, ParentType, ContextType>;
  statuses?: Resolver<Array<ResolversTypes['OnlineValueStatus']>, ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['OnlineFeatureValue']>, ParentType, ContextType>;
  vector?: Resolver<Array<Maybe<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type OnlineFeatureValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OnlineFeatureValue'] = ResolversParentTypes['OnlineFeatureValue']> = ResolversObject<{
  availableAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  eventTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OnlineValueStatus'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type OnlineFeaturesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['OnlineFeatures'] = ResolversParentTypes['OnlineFeatures']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['OnlineFeatureRow']>, ParentType, ContextType>;
  servedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  unknownEntities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type QuantileValueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuantileValue'] = ResolversParentTypes['QuantileValue']> = ResolversObject<{
  q?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  datasetLineage?: Resolver<ResolversTypes['DatasetLineage'], ParentType, ContextType, RequireFields<QueryDatasetLineageArgs, 'dataset'>>;
  feature?: Resolver<Maybe<ResolversTypes['Feature']>, ParentType, ContextType, Partial<QueryFeatureArgs>>;
  featureDrift?: Resolver<Maybe<ResolversTypes['FeatureDrift']>, ParentType, ContextType, RequireFields<QueryFeatureDriftArgs, 'bins' | 'current' | 'ref' | 'reference'>>;
  featureOperators?: Resolver<Array<ResolversTypes['FeatureOperator']>, ParentType, ContextType>;
  featureQuality?: Resolver<Maybe<ResolversTypes['FeatureQuality']>, ParentType, ContextType, RequireFields<QueryFeatureQualityArgs, 'from' | 'ref' | 'to'>>;
  featureSet?: Resolver<Maybe<ResolversTypes['FeatureSet']>, ParentType, ContextType, RequireFields<QueryFeatureSetArgs, 'name'>>;
  featureSets?: Resolver<Array<ResolversTypes['FeatureSet']>, ParentType, ContextType>;
  featureViews?: Resolver<Array<ResolversTypes['FeatureView']>, ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['Feature']>, ParentType, ContextType, RequireFields<QueryFeaturesArgs, 'allVersions'>>;
  materializationRun?: Resolver<Maybe<ResolversTypes['MaterializationRun']>, ParentType, ContextType, RequireFields<QueryMaterializationRunArgs, 'id'>>;
  materializationRuns?: Resolver<Array<ResolversTypes['MaterializationRun']>, ParentType, ContextType, RequireFields<QueryMaterializationRunsArgs, 'first'>>;
  onlineFeatures?: Resolver<Maybe<ResolversTypes['OnlineFeatures']>, ParentType, ContextType, RequireFields<QueryOnlineFeaturesArgs, 'entities' | 'features'>>;
  previewFeature?: Resolver<Maybe<ResolversTypes['FeaturePreview']>, ParentType, ContextType, RequireFields<QueryPreviewFeatureArgs, 'expression' | 'period' | 'symbols'>>;
  trainingSet?: Resolver<Maybe<ResolversTypes['TrainingSet']>, ParentType, ContextType, RequireFields<QueryTrainingSetArgs, 'id'>>;
  trainingSets?: Resolver<Maybe<Array<ResolversTypes['TrainingSet']>>, ParentType, ContextType, RequireFields<QueryTrainingSetsArgs, 'first'>>;
}>;

export type RunProgressResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunProgress'] = ResolversParentTypes['RunProgress']> = ResolversObject<{
  done?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  stage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unit?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type RunTimingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RunTiming'] = ResolversParentTypes['RunTiming']> = ResolversObject<{
  milliseconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrainingSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSet'] = ResolversParentTypes['TrainingSet'], FederationReferenceType extends FederationReferenceTypes['TrainingSet'] = FederationReferenceTypes['TrainingSet']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['TrainingSet']> | FederationReferenceType, FederationReferenceType, ContextType>;
  builds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  builtAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  columns?: Resolver<Array<ResolversTypes['TrainingSetColumn']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  download?: Resolver<ResolversTypes['TrainingSetDownload'], ParentType, ContextType, Partial<TrainingSetDownloadArgs>>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  featureRefs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['Feature']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['TrainingSetInputSnapshot']>, ParentType, ContextType>;
  labelsAsOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['TrainingSetRowConnection'], ParentType, ContextType, RequireFields<TrainingSetRowsArgs, 'first'>>;
  spec?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  split?: Resolver<Maybe<ResolversTypes['TrainingSetSplitBoundaries']>, ParentType, ContextType>;
  splitRows?: Resolver<Maybe<Array<ResolversTypes['TrainingSplitRows']>>, ParentType, ContextType>;
  statistics?: Resolver<Array<ResolversTypes['TrainingSetColumnStatistics']>, ParentType, ContextType, Partial<TrainingSetStatisticsArgs>>;
  status?: Resolver<ResolversTypes['TrainingSetStatus'], ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['TrainingSetWarning']>, ParentType, ContextType>;
}>;

export type TrainingSetColumnResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetColumn'] = ResolversParentTypes['TrainingSetColumn']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['TrainingSetColumnKind'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrainingSetColumnKindResolvers = { FEATURE: 'feature', KEY: 'key', LABEL: 'label', SPLIT: 'split' };

export type TrainingSetColumnStatisticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetColumnStatistics'] = ResolversParentTypes['TrainingSetColumnStatistics']> = ResolversObject<{
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['TrainingSetColumnKind'], ParentType, ContextType>;
  max?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  min?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  nulls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type TrainingSetDownloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetDownload'] = ResolversParentTypes['TrainingSetDownload']> = ResolversObject<{
  bytes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrainingSetErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetError'] = ResolversParentTypes['TrainingSetError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['TrainingSetErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrainingSetInputRoleResolvers = { BARS: 'bars', FEATURE_VIEW: 'feature_view', SPINE: 'spine' };

export type TrainingSetInputSnapshotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetInputSnapshot'] = ResolversParentTypes['TrainingSetInputSnapshot']> = ResolversObject<{
  lakeDataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['TrainingSetInputRole'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TrainingSetResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetResult'] = ResolversParentTypes['TrainingSetResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['TrainingSetError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  trainingSet?: Resolver<Maybe<ResolversTypes['TrainingSet']>, ParentType, ContextType>;
  warnings?: Resolver<Array<ResolversTypes['TrainingSetWarning']>, ParentType, ContextType>;
}>;

export type TrainingSetRowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetRow'] = ResolversParentTypes['TrainingSetRow']> = ResolversObject<{
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rowNumber?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  split?: Resolver<Maybe<ResolversTypes['TrainingSplit']>, ParentType, ContextType>;
  t?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type TrainingSetRowConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetRowConnection'] = ResolversParentTypes['TrainingSetRowConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['TrainingSetRowEdge']>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TrainingSetRowEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetRowEdge'] = ResolversParentTypes['TrainingSetRowEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TrainingSetRow'], ParentType, ContextType>;
}>;

export type TrainingSetSplitBoundariesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetSplitBoundaries'] = ResolversParentTypes['TrainingSetSplitBoundaries']> = ResolversObject<{
  embargoSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  validationStart?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type TrainingSetStatusResolvers = { BUILDING: 'building', FAILED: 'failed', READY: 'ready' };

export type TrainingSetWarningResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSetWarning'] = ResolversParentTypes['TrainingSetWarning']> = ResolversObject<{
  code?: Resolver<ResolversTypes['TrainingSetWarningCode'], ParentType, ContextType>;
  column?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  split?: Resolver<Maybe<ResolversTypes['TrainingSplit']>, ParentType, ContextType>;
}>;

export type TrainingSetWarningCodeResolvers = { ALL_NULL_COLUMN: 'ALL_NULL_COLUMN', EMBARGO_SHORTER_THAN_LABEL: 'EMBARGO_SHORTER_THAN_LABEL', EMPTY_SPLIT: 'EMPTY_SPLIT' };

export type TrainingSplitResolvers = { EMBARGO: 'EMBARGO', TEST: 'TEST', TRAIN: 'TRAIN', VALIDATION: 'VALIDATION' };

export type TrainingSplitRowsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSplitRows'] = ResolversParentTypes['TrainingSplitRows']> = ResolversObject<{
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  split?: Resolver<ResolversTypes['TrainingSplit'], ParentType, ContextType>;
}>;

export type TrainingUniverseResolvers = { BARS: 'bars', FEATURES: 'features' };

export type Resolvers<ContextType = Context> = ResolversObject<{
  DatasetLineage?: DatasetLineageResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  DefineFeatureResult?: DefineFeatureResultResolvers<ContextType>;
  DefineFeatureSetResult?: DefineFeatureSetResultResolvers<ContextType>;
  Distribution?: DistributionResolvers<ContextType>;
  DriftBin?: DriftBinResolvers<ContextType>;
  DriftPeriod?: DriftPeriodResolvers<ContextType>;
  Feature?: FeatureResolvers<ContextType>;
  FeatureDrift?: FeatureDriftResolvers<ContextType>;
  FeatureEntity?: FeatureEntityResolvers;
  FeatureError?: FeatureErrorResolvers<ContextType>;
  FeatureOperator?: FeatureOperatorResolvers<ContextType>;
  FeatureOperatorKind?: FeatureOperatorKindResolvers;
  FeaturePreview?: FeaturePreviewResolvers<ContextType>;
  FeaturePreviewRow?: FeaturePreviewRowResolvers<ContextType>;
  FeatureQuality?: FeatureQualityResolvers<ContextType>;
  FeatureSet?: FeatureSetResolvers<ContextType>;
  FeatureStatus?: FeatureStatusResolvers;
  FeatureView?: FeatureViewResolvers<ContextType>;
  InputSnapshot?: InputSnapshotResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  MaterializationMode?: MaterializationModeResolvers;
  MaterializationRun?: MaterializationRunResolvers<ContextType>;
  MaterializationStatus?: MaterializationStatusResolvers;
  MaterializeFeaturesResult?: MaterializeFeaturesResultResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  OnlineFeatureRow?: OnlineFeatureRowResolvers<ContextType>;
  OnlineFeatureValue?: OnlineFeatureValueResolvers<ContextType>;
  OnlineFeatures?: OnlineFeaturesResolvers<ContextType>;
  QuantileValue?: QuantileValueResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RunProgress?: RunProgressResolvers<ContextType>;
  RunTiming?: RunTimingResolvers<ContextType>;
  TrainingSet?: TrainingSetResolvers<ContextType>;
  TrainingSetColumn?: TrainingSetColumnResolvers<ContextType>;
  TrainingSetColumnKind?: TrainingSetColumnKindResolvers;
  TrainingSetColumnStatistics?: TrainingSetColumnStatisticsResolvers<ContextType>;
  TrainingSetDownload?: TrainingSetDownloadResolvers<ContextType>;
  TrainingSetError?: TrainingSetErrorResolvers<ContextType>;
  TrainingSetInputRole?: TrainingSetInputRoleResolvers;
  TrainingSetInputSnapshot?: TrainingSetInputSnapshotResolvers<ContextType>;
  TrainingSetResult?: TrainingSetResultResolvers<ContextType>;
  TrainingSetRow?: TrainingSetRowResolvers<ContextType>;
  TrainingSetRowConnection?: TrainingSetRowConnectionResolvers<ContextType>;
  TrainingSetRowEdge?: TrainingSetRowEdgeResolvers<ContextType>;
  TrainingSetSplitBoundaries?: TrainingSetSplitBoundariesResolvers<ContextType>;
  TrainingSetStatus?: TrainingSetStatusResolvers;
  TrainingSetWarning?: TrainingSetWarningResolvers<ContextType>;
  TrainingSetWarningCode?: TrainingSetWarningCodeResolvers;
  TrainingSplit?: TrainingSplitResolvers;
  TrainingSplitRows?: TrainingSplitRowsResolvers<ContextType>;
  TrainingUniverse?: TrainingUniverseResolvers;
}>;

