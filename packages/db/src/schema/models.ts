import { sql } from 'drizzle-orm';
import {
  bigserial,
  customType,
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
    /** The x-request-id of the request that asked for it (null: not asked for through the API). */
    requestId: text('request_id'),
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

/**
 * Monitoring settings per model (issue 14): alert thresholds, the windows they judge, where alerts
 * go (webhook, NATS subject) and whether a critical alert pulls the kill switch. Absent: defaults.
 */
export const monitorSettings = modelsSchema.table('monitor_settings', {
  modelId: uuid('model_id')
    .primaryKey()
    .references(() => models.id),
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** bytea as a Node Buffer, whichever driver read it (postgres.js gives a Buffer, PGlite a Uint8Array). */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
  toDriver: (v) => v,
});

/**
 * The prediction log's durable queue: every signal response and every `logPredictions` call is a
 * row here, committed before the caller gets its answer. A flusher appends pending rows to the
 * model's `prediction_log_<model>` lake dataset and sets `snapshot_id` in the transaction that
 * publishes the snapshot, so a row reaches the lake once. The unique (model, request id) makes a
 * retried request a no-op.
 */
export const predictionRequests = modelsSchema.table(
  'prediction_requests',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    requestId: text('request_id').notNull(),
    /** signals (served by the platform) or external (logPredictions). */
    source: text('source', { enum: ['signals', 'external'] }).notNull(),
    /** sha256 of the canonical payload: a retry with other content is refused. */
    contentHash: text('content_hash').notNull(),
    rows: integer('rows').notNull(),
    /** Scoring time of a signals request, in milliseconds (null for external predictions). */
    scoringMs: doublePrecision('scoring_ms'),
    /**
     * The logged rows until flushed to the lake (then null), in the encoded form of
     * modules/monitoring/log-codec.ts (stored uncompressed: float64s do not compress).
     */
    encoded: bytea('encoded'),
    /** The logged rows as JSON, as releases before the encoded form queued them (read, never written). */
    payload: jsonb('payload').$type<Record<string, unknown>>(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The lake snapshot holding the rows once flushed. */
    snapshotId: integer('snapshot_id'),
  },
  (t) => [
    uniqueIndex('prediction_requests_request_idx').on(t.modelId, t.requestId),
    index('prediction_requests_pending_idx').on(t.modelId, t.seq).where(sql`${t.snapshotId} is null`),
  ],
);

/** A logged prediction joined to its realized label once the label was knowable (one per version, entity, session). */
export const predictionOutcomes = modelsSchema.table(
  'prediction_outcomes',
  {
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    version: integer('version').notNull(),
    stage: text('stage').notNull(),
    entity: text('entity').notNull(),
    /** The session (UTC date) of the prediction. */
    session: text('session').notNull(),
    t: timestamp('t', { withTimezone: true }).notNull(),
    prediction: doublePrecision('prediction').notNull(),
    probability: doublePrecision('probability'),
    label: doublePrecision('label').notNull(),
    knownAt: timestamp('known_at', { withTimezone: true }).notNull(),
    requestId: text('request_id').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.modelId, t.version, t.entity, t.session] }),
    index('prediction_outcomes_time_idx').on(t.modelId, t.t),
  ],
);

/** One monitoring evaluation of a version at an instant: live metrics, drift, volume, P&L. */
export const monitorReports = modelsSchema.table(
  'monitor_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    version: integer('version').notNull(),
    stage: text('stage').notNull(),
    /** The monitored instant (the replay's clock, or now). */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    report: jsonb('report').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('monitor_reports_version_idx').on(t.modelId, t.version, t.asOf)],
);

export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;

/** A raised alert: the rule, its evidence, and who acknowledged it. One per (rule, version, subject, instant). */
export const alerts = modelsSchema.table(
  'alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    modelId: uuid('model_id')
      .notNull()
      .references(() => models.id),
    version: integer('version'),
    rule: text('rule').notNull(),
    severity: text('severity', { enum: ALERT_SEVERITIES }).notNull(),
    message: text('message').notNull(),
    evidence: jsonb('evidence').$type<Record<string, unknown>>().notNull(),
    /** The monitored instant the rule judged. */
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    raisedAt: timestamp('raised_at', { withTimezone: true }).notNull().defaultNow(),
    dedupeKey: text('dedupe_key').notNull(),
    /** Set when this alert pulled the kill switch. */
    killed: integer('killed').notNull().default(0),
    acknowledgedBy: text('acknowledged_by'),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgement: text('acknowledgement'),
  },
  (t) => [
    uniqueIndex('alerts_dedupe_idx').on(t.modelId, t.dedupeKey),
    index('alerts_seq_idx').on(t.seq),
    index('alerts_model_idx').on(t.modelId, t.seq),
  ],
);

/**
 * The training distribution monitoring compares a version with (issue 14): per feature column and
 * for the prediction, PSI bin edges and proportions fixed on the TRAIN rows, and a sample for KS
 * and Wasserstein. Kept apart from model_versions: it is large, and read only by monitoring.
 */
export const versionReferences = modelsSchema.table('version_references', {
  versionId: uuid('version_id')
    .primaryKey()
    .references(() => modelVersions.id),
  reference: jsonb('reference').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
