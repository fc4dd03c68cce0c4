import { sql } from 'drizzle-orm';
import {
  bigint,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Owned by services/features. */
export const featuresSchema = pgSchema('features');

/**
 * The longest TTL a feature may declare: what `features.ttl_seconds` (a Postgres integer) and the
 * graph's Int hold, 2^31 - 1 seconds (about 68 years). Longer than that is "no TTL" (null).
 */
export const MAX_TTL_SECONDS = 2_147_483_647;

export const features = featuresSchema.table(
  'features',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    version: integer('version').notNull(),
    owner: text('owner').notNull(),
    description: text('description').notNull(),
    entity: text('entity', { enum: ['instrument', 'market'] }).notNull(),
    expression: text('expression').notNull(),
    /** How long a value stays current after its event time; null: no TTL (a value never expires). */
    ttlSeconds: integer('ttl_seconds'),
    status: text('status', { enum: ['draft', 'active', 'deprecated'] })
      .notNull()
      .default('active'),
    tags: text('tags').array().notNull().default([]),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('features_name_version_uq').on(t.name, t.version)],
);

/** Instruments a feature version is materialized for. */
export const featureUniverse = featuresSchema.table(
  'feature_universe',
  {
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id),
    symbol: text('symbol').notNull(),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.symbol] }), index('feature_universe_symbol_idx').on(t.symbol)],
);

/** Lineage: the datasets (by lake or alt dataset name) a feature version reads. */
export const featureInputs = featuresSchema.table(
  'feature_inputs',
  {
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id),
    dataset: text('dataset').notNull(),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.dataset] })],
);

/** A named list of feature versions (`alpha158`), in order. Redefining a set replaces its list. */
export const featureSets = featuresSchema.table('feature_sets', {
  name: text('name').primaryKey(),
  description: text('description').notNull(),
  owner: text('owner').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const featureSetMembers = featuresSchema.table(
  'feature_set_members',
  {
    setName: text('set_name')
      .notNull()
      .references(() => featureSets.name),
    position: integer('position').notNull(),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id),
  },
  (t) => [primaryKey({ columns: [t.setName, t.position] }), index('feature_set_members_feature_idx').on(t.featureId)],
);

/**
 * A feature view: one wide lake dataset per exact list of feature versions (`fv_<slug>_<hash8>`),
 * columns entity, event_time, available_at, tiebreak, then `<name>__v<version>` per feature.
 */
export const featureViews = featuresSchema.table('feature_views', {
  name: text('name').primaryKey(),
  lakeDataset: text('lake_dataset').notNull().unique(),
  /** `name@version`, in column order. */
  features: text('features').array().notNull(),
  entityKind: text('entity_kind', { enum: ['instrument', 'market'] }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const MATERIALIZATION_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type MaterializationStatus = (typeof MATERIALIZATION_STATUSES)[number];

/** One materialization of a view: what it read, wrote and how long each step took. */
export const materializationRuns = featuresSchema.table(
  'materialization_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    view: text('view')
      .notNull()
      .references(() => featureViews.name),
    status: text('status', { enum: MATERIALIZATION_STATUSES }).notNull(),
    kind: text('kind', { enum: ['incremental', 'backfill'] }).notNull(),
    /** Requested period of event times, [from, to); null bounds are open. */
    periodFrom: timestamp('period_from', { withTimezone: true }),
    periodTo: timestamp('period_to', { withTimezone: true }),
    universe: text('universe').array().notNull(),
    /** Inputs are read as known at this instant (the run's start). */
    asOf: timestamp('as_of', { withTimezone: true }),
    rowsWritten: bigint('rows_written', { mode: 'number' }),
    /** First and last event time written. */
    eventTimeFrom: timestamp('event_time_from', { withTimezone: true }),
    eventTimeTo: timestamp('event_time_to', { withTimezone: true }),
    snapshotId: bigint('snapshot_id', { mode: 'number' }),
    /** Lake dataset name -> snapshot id read. */
    inputSnapshots: jsonb('input_snapshots').$type<Record<string, number>>().notNull().default({}),
    /** Step name -> milliseconds. */
    timings: jsonb('timings').$type<Record<string, number>>().notNull().default({}),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    /** The x-request-id of the request that asked for it (null: not asked for through the API). */
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** The worker (jobs.workers.id) that claimed the run; set when it leaves the queue. */
    claimedBy: text('claimed_by'),
  },
  (t) => [
    index('materialization_runs_view_idx').on(t.view, t.createdAt),
    index('materialization_runs_status_idx').on(t.status, t.createdAt),
    // Runs of one view never execute at once, whichever process claimed them.
    uniqueIndex('materialization_runs_one_running_per_view').on(t.view).where(sql`status = 'running'`),
  ],
);

/**
 * The latest value per (feature version, entity), upserted when a materialization publishes, so
 * online reads never touch Parquet. A row only moves forward: a run computing an older period
 * (a backfill) does not replace a newer value.
 */
export const onlineValues = featuresSchema.table(
  'online_values',
  {
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id),
    entity: text('entity').notNull(),
    /** Null when the feature is undefined at its latest event time (e.g. no tweets that session). */
    value: doublePrecision('value'),
    eventTime: timestamp('event_time', { withTimezone: true, precision: 6 }).notNull(),
    availableAt: timestamp('available_at', { withTimezone: true, precision: 6 }).notNull(),
    runId: uuid('run_id').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.featureId, t.entity] })],
);

/**
 * A counter per feature version, bumped in the transaction that upserts its online values. Each
 * process keeps a copy of the online values it serves and compares generations on every read
 * (one small query), so a copy is never served once a newer publish has committed.
 */
export const onlineGenerations = featuresSchema.table('online_generations', {
  featureId: uuid('feature_id')
    .primaryKey()
    .references(() => features.id),
  generation: bigint('generation', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const TRAINING_SET_STATUSES = ['building', 'ready', 'failed'] as const;
export type TrainingSetStatus = (typeof TRAINING_SET_STATUSES)[number];

/**
 * A point-in-time training set: its spec, what the spec resolved to when it was created (feature
 * columns, snapshot ids, entities, split boundaries, the labels' as-of instant), and its built
 * output, a lake dataset. A rebuild reads only the resolution, so it returns identical content.
 */
export const trainingSets = featuresSchema.table(
  'training_sets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    createdBy: text('created_by').notNull(),
    /** The x-request-id of the request that asked for it (null: not asked for through the API). */
    requestId: text('request_id'),
    /** The spec as submitted and validated (inline or uploaded spine rows live in the spine snapshot). */
    spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
    resolution: jsonb('resolution').$type<Record<string, unknown>>().notNull(),
    status: text('status', { enum: TRAINING_SET_STATUSES }).notNull(),
    error: text('error'),
    /** The lake dataset holding the output; `snapshot_id` is its latest build. */
    lakeDataset: text('lake_dataset').notNull().unique(),
    snapshotId: bigint('snapshot_id', { mode: 'number' }),
    rowCount: bigint('row_count', { mode: 'number' }),
    builds: integer('builds').notNull().default(0),
    /** Column statistics per split (`all`, `train`, …) of the latest build, computed on first request. */
    statistics: jsonb('statistics').$type<Record<string, unknown>>().notNull().default({}),
    /**
     * What the latest build (or the spec) warns about, typed (code, message, column, split):
     * all-null columns, empty splits, an embargo shorter than a label's horizon. A rebuild reads the
     * same pinned inputs, so it finds the same warnings.
     */
    warnings: jsonb('warnings').$type<Record<string, unknown>[]>().notNull().default([]),
    /** Rows per split of the latest build (`{ "TRAIN": 80, … }`); null without splits or before a build. */
    splitRows: jsonb('split_rows').$type<Record<string, number>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    builtAt: timestamp('built_at', { withTimezone: true }),
    /** The worker (jobs.workers.id) running the current or last build. */
    builder: text('builder'),
  },
  (t) => [index('training_sets_created_by_idx').on(t.createdBy, t.createdAt)],
);

/** The lake snapshots a training set reads (feature views, bars, its spine); rebuilds read exactly these. */
export const trainingSetInputs = featuresSchema.table(
  'training_set_inputs',
  {
    trainingSetId: uuid('training_set_id')
      .notNull()
      .references(() => trainingSets.id),
    lakeDataset: text('lake_dataset').notNull(),
    snapshotId: bigint('snapshot_id', { mode: 'number' }).notNull(),
    role: text('role', { enum: ['feature_view', 'bars', 'spine'] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingSetId, t.lakeDataset] }),
    index('training_set_inputs_dataset_idx').on(t.lakeDataset),
  ],
);

/** The feature versions a training set includes, in column order (lineage: feature -> training sets). */
export const trainingSetFeatures = featuresSchema.table(
  'training_set_features',
  {
    trainingSetId: uuid('training_set_id')
      .notNull()
      .references(() => trainingSets.id),
    featureId: uuid('feature_id')
      .notNull()
      .references(() => features.id),
    position: integer('position').notNull(),
    column: text('column').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.trainingSetId, t.featureId] }),
    index('training_set_features_feature_idx').on(t.featureId),
  ],
);
