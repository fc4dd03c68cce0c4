import { sql } from 'drizzle-orm';
import {
  bigserial,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/** Owned by services/models. */
export const modelsSchema = pgSchema('models');

export const models = modelsSchema.table('models', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description').notNull(),
  task: text('task', { enum: ['classification', 'regression'] }).notNull(),
  owner: text('owner').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The instruments a model scores. */
export const modelUniverse = modelsSchema.table(
  'model_universe',
  {
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    symbol: text('symbol').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.symbol] }), index('model_universe_symbol_idx').on(t.symbol)],
);

/** Feature versions (owned by the features service, referenced by name and version) a model reads. */
export const modelFeatures = modelsSchema.table(
  'model_features',
  {
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    featureName: text('feature_name').notNull(),
    featureVersion: integer('feature_version').notNull(),
  },
  (t) => [primaryKey({ columns: [t.modelId, t.featureName, t.featureVersion] })],
);

/** A model's problem statement: objective, success criteria (the validation gate), constraints. */
export interface ModelProblem {
  readonly objective: 'alpha' | 'execution' | 'risk';
  readonly statement: string;
  readonly successCriteria: readonly {
    readonly metric: string;
    readonly op: 'gte' | 'lte';
    /** A fixed threshold, or null to compare with the naive baseline's value on the same split. */
    readonly threshold: number | null;
  }[];
  readonly constraints: { readonly maxScoringLatencyMs: number | null; readonly maxFeatures: number | null };
}

/** How a model is defined before any version exists. */
export const modelProblems = modelsSchema.table('model_problems', {
  modelId: uuid('model_id')
    .primaryKey()
    .references(() => models.id),
  /** The training-set label the model predicts, by label name (`fwd_5` for column `label_fwd_5`). */
  label: text('label').notNull(),
  problem: jsonb('problem').$type<ModelProblem>().notNull(),
  registeredBy: text('registered_by').notNull(),
  /** Kill switch: set, the model's signals stop at once; only `resume` clears it. */
  killedAt: timestamp('killed_at', { withTimezone: true }),
  killedBy: text('killed_by'),
  killReason: text('kill_reason'),
});

export const VERSION_STATUSES = ['queued', 'training', 'ready', 'failed'] as const;
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export const MODEL_STAGES = [
  'registered',
  'validated',
  'paper',
  'canary',
  'production',
  'retired',
  'rejected',
] as const;
export type ModelStage = (typeof MODEL_STAGES)[number];

/**
 * A model version: trained in the platform (a background job on this table: queued -> training
 * -> ready | failed, claimed by any models replica) or registered from an ONNX file trained
 * elsewhere, then validated and deployed through its `stage`.
 */
export const modelVersions = modelsSchema.table(
  'model_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    number: integer('number').notNull(),
    source: text('source', { enum: ['platform', 'external'] }).notNull(),
    trainingSetId: uuid('training_set_id').notNull(),
    algorithm: text('algorithm').notNull(),
    tier: text('tier', { enum: ['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH'] }).notNull(),
    hyperparameters: jsonb('hyperparameters').$type<Record<string, unknown>>().notNull(),
    seed: integer('seed').notNull(),
    crossValidation: jsonb('cross_validation').$type<Record<string, unknown>>().notNull(),
    /** Training-set columns the version reads, in order (feature refs and columns). */
    features: jsonb('features').$type<{ ref: string; column: string }[]>().notNull(),
    label: text('label').notNull(),
    status: text('status', { enum: VERSION_STATUSES }).notNull(),
    /** The worker (jobs.workers.id) training it. */
    worker: text('worker'),
    error: text('error'),
    progress: doublePrecision('progress').notNull().default(0),
    stage: text('stage', { enum: MODEL_STAGES }).notNull().default('registered'),
    /** Canary's share of capital (0..1], capped by MODELS_CANARY_MAX_FRACTION. */
    capitalFraction: doublePrecision('capital_fraction'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** What training read and produced: snapshots, row counts, artifact, metrics, importances. */
    result: jsonb('result').$type<Record<string, unknown>>(),
    artifactPath: text('artifact_path'),
    artifactSha256: text('artifact_sha256'),
    submittedBy: text('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The validation decision: findings, override, the criteria as evaluated. */
    validation: jsonb('validation').$type<Record<string, unknown>>(),
  },
  (t) => [
    uniqueIndex('model_versions_number_idx').on(t.modelId, t.number),
    index('model_versions_status_idx').on(t.status, t.createdAt),
    // Production replaces the previous production version: never two at once.
    uniqueIndex('model_versions_one_production_idx').on(t.modelId).where(sql`${t.stage} = 'production'`),
  ],
);

/** Every change of a model's versions' stages and of its kill switch: who, when, why, from where. */
export const modelEvents = modelsSchema.table(
  'model_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Order of recording (events of one transaction share `at`). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    versionId: uuid('version_id').references(() => modelVersions.id),
    action: text('action').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    actor: text('actor').notNull(),
    reason: text('reason').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('model_events_model_idx').on(t.modelId, t.seq)],
);

/** Batch predictions written to the lake: which version scored which rows, where they are. */
export const predictionBatches = modelsSchema.table('prediction_batches', {
  id: uuid('id').primaryKey().defaultRandom(),
  versionId: uuid('version_id')
    .notNull()
    .references(() => modelVersions.id),
  trainingSetId: uuid('training_set_id').notNull(),
  lakeDataset: text('lake_dataset').notNull(),
  snapshotId: integer('snapshot_id').notNull(),
  rows: integer('rows').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
