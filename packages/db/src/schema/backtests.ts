import {
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Owned by services/backtests. */
export const backtestsSchema = pgSchema('backtests');

/** The statuses of a backtest run and of a sweep (the jobs kit's lifecycle tables list their moves). */
export const BACKTEST_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type BacktestStatus = (typeof BACKTEST_STATUSES)[number];

/** A sweep: one job running every configuration of a parameter grid over one base spec. */
export const sweeps = backtestsSchema.table(
  'sweeps',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    status: text('status', { enum: BACKTEST_STATUSES }).notNull(),
    /** The base spec, as validated (defaults applied). */
    spec: jsonb('spec').$type<Record<string, unknown>>().notNull(),
    /** The grid: parameter name (a spec path or an expression placeholder) and its values. */
    grid: jsonb('grid').$type<{ name: string; values: number[] }[]>().notNull(),
    /** CSCV blocks S. */
    blocks: integer('blocks').notNull().default(16),
    /** Pinned reads: lake dataset -> snapshot id, and the as-of instant of point-in-time reads. */
    inputSnapshots: jsonb('input_snapshots').$type<Record<string, number>>().notNull(),
    asOf: timestamp('as_of', { withTimezone: true }).notNull(),
    /** Per configuration: its parameters and metrics (written when the sweep succeeds). */
    configurations: jsonb('configurations').$type<Record<string, unknown>[]>(),
    /** DSR, PBO (with the logits), MinBTL and the verdict of the best configuration. */
    overfitting: jsonb('overfitting').$type<Record<string, unknown>>(),
    /** The best configuration run as a full backtest (its outputs feed the report). */
    bestBacktestId: uuid('best_backtest_id'),
    progress: doublePrecision('progress').notNull().default(0),
    claimedBy: text('claimed_by'),
    error: text('error'),
    createdBy: text('created_by').notNull(),
    /** The x-request-id of the request that asked for it (null: not asked for through the API). */
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('sweeps_status_idx').on(t.status, t.createdAt)],
);

export const backtests = backtestsSchema.table(
  'backtests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    status: text('status', { enum: BACKTEST_STATUSES }).notNull(),
    /** `portfolio` (the platform's engine) or `backtesting_py` (the compatible single-instrument mode). */
    mode: text('mode', { enum: ['portfolio', 'backtesting_py'] })
      .notNull()
      .default('portfolio'),
    /** What was traded, for display: the feature expression, or `model:<name>@<version>`. */
    signal: text('signal').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** The model whose predictions were traded (models are owned by the models service). */
    modelName: text('model_name'),
    modelVersion: integer('model_version'),
    /** The whole validated spec (universe, period, signal, strategy, conventions), defaults applied. */
    spec: jsonb('spec').$type<Record<string, unknown>>(),
    /** Pinned reads: lake dataset -> snapshot id; a rerun reads exactly these. */
    inputSnapshots: jsonb('input_snapshots').$type<Record<string, number>>(),
    /** The as-of instant of every point-in-time read (pinned with the snapshots). */
    asOf: timestamp('as_of', { withTimezone: true }),
    /** Output datasets -> the snapshot that holds this run's rows. */
    outputs: jsonb('outputs').$type<Record<string, number>>(),
    metrics: jsonb('metrics').$type<Record<string, unknown>>(),
    /** Fraction done, 0..1, while running. */
    progress: doublePrecision('progress').notNull().default(0),
    claimedBy: text('claimed_by'),
    error: text('error'),
    rerunOf: uuid('rerun_of'),
    sweepId: uuid('sweep_id').references(() => sweeps.id),
    createdBy: text('created_by').notNull(),
    /** The x-request-id of the request that asked for it (null: not asked for through the API). */
    requestId: text('request_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('backtests_status_idx').on(t.status, t.createdAt), index('backtests_model_idx').on(t.modelName)],
);

/** The instruments a backtest traded. */
export const backtestInstruments = backtestsSchema.table(
  'backtest_instruments',
  {
    backtestId: uuid('backtest_id')
      .notNull()
      .references(() => backtests.id),
    symbol: text('symbol').notNull(),
  },
  (t) => [primaryKey({ columns: [t.backtestId, t.symbol] }), index('backtest_instruments_symbol_idx').on(t.symbol)],
);
