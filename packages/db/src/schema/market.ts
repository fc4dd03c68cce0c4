import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgSchema,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';

/** Owned by services/market-data. */
export const marketSchema = pgSchema('market');

export const instruments = marketSchema.table(
  'instruments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    symbol: text('symbol').notNull().unique(),
    name: text('name').notNull(),
    exchange: text('exchange').notNull(),
    assetClass: text('asset_class', { enum: ['equity', 'etf', 'index', 'fx', 'crypto', 'commodity'] }).notNull(),
    currency: text('currency').notNull(),
    timezone: text('timezone').notNull(),
    calendar: text('calendar').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('instruments_asset_class_idx').on(t.assetClass)],
);

/**
 * One ingestion batch of bars and its report. A batch is recorded `committed` (with the lake snapshot
 * id) in the catalog transaction that publishes its rows, together with the instruments it
 * registers, so a failed or killed batch leaves no trace. `unchanged` records a re-ingestion that
 * found nothing new. `committing` is only left by older versions, which recorded a batch before
 * publishing it; the next ingestion reconciles such a batch.
 */
export const ingestBatches = marketSchema.table(
  'ingest_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** What was read: a file path, `graphql:<source>`, or `release:<batch id>`. */
    source: text('source').notNull(),
    sourceKind: text('source_kind', { enum: ['file', 'graphql', 'release'] }).notNull(),
    mapping: text('mapping').notNull(),
    interval: text('interval').notNull(),
    /** sha256 of the file's bytes (or of the canonical JSON of GraphQL rows). */
    contentSha256: text('content_sha256').notNull(),
    /** sha256 over content, mapping and rules: the same ingestion twice has the same fingerprint. */
    fingerprint: text('fingerprint').notNull(),
    /** Each rule's action and the jump threshold the batch ran with. */
    rules: jsonb('rules').$type<Record<string, unknown>>().notNull(),
    /** What a row differing from its stored version became: a correction, or left as stored. */
    conflicts: text('conflicts', { enum: ['correct', 'keep_stored'] }).notNull(),
    /** For a repeat of an earlier ingestion (same fingerprint): that batch; nothing was read or written. */
    sameAs: uuid('same_as'),
    status: text('status', { enum: ['committing', 'committed', 'unchanged'] }).notNull(),
    snapshotId: bigint('snapshot_id', { mode: 'number' }),
    rowsRead: integer('rows_read').notNull(),
    accepted: integer('accepted').notNull(),
    inserted: integer('inserted').notNull(),
    corrections: integer('corrections').notNull(),
    unchanged: integer('unchanged').notNull(),
    /** Rows that differ from the stored version but were left as stored (`conflicts: keep_stored`). */
    keptStored: integer('kept_stored').notNull(),
    fixed: integer('fixed').notNull(),
    dropped: integer('dropped').notNull(),
    quarantined: integer('quarantined').notNull(),
    rejected: integer('rejected').notNull(),
    warnings: integer('warnings').notNull(),
    /** Per rule: its action and how many rows it flagged. */
    ruleCounts: jsonb('rule_counts').$type<Record<string, { action: string; rows: number }>>().notNull(),
    /** Issues of fixed and warned rows are stored up to a cap; rejected and quarantined ones always. */
    issuesTruncated: boolean('issues_truncated').notNull().default(false),
    /** Symbols this batch added to the instrument master (in the same transaction as its bars). */
    registered: text('registered').array().notNull().default(sql`'{}'::text[]`),
    createdBy: text('created_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('ingest_batches_fingerprint_idx').on(t.fingerprint),
    index('ingest_batches_started_idx').on(t.startedAt),
  ],
);

/** What a rule found in one row of a batch: the row's line, the rule, what was done and why. */
export const ingestIssues = marketSchema.table(
  'ingest_issues',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => ingestBatches.id, { onDelete: 'cascade' }),
    /** Line in a CSV file (the header is line 1), row number in a Parquet file or GraphQL batch (from 1). */
    line: integer('line').notNull(),
    symbol: text('symbol'),
    time: timestamp('time', { withTimezone: true, precision: 3 }),
    rule: text('rule').notNull(),
    outcome: text('outcome', { enum: ['rejected', 'quarantined', 'fixed', 'dropped', 'warned'] }).notNull(),
    message: text('message').notNull(),
  },
  (t) => [index('ingest_issues_batch_idx').on(t.batchId, t.line)],
);

/** Rows held back for review. Releasing one ingests it as a new batch; discarding keeps it as a record. */
export const ingestQuarantine = marketSchema.table(
  'ingest_quarantine',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => ingestBatches.id, { onDelete: 'cascade' }),
    line: integer('line').notNull(),
    symbol: text('symbol').notNull(),
    interval: text('interval').notNull(),
    time: timestamp('time', { withTimezone: true, precision: 3 }).notNull(),
    open: doublePrecision('open'),
    high: doublePrecision('high'),
    low: doublePrecision('low'),
    close: doublePrecision('close'),
    volume: doublePrecision('volume'),
    /** The rules that quarantined it, and their messages. */
    rules: text('rules').array().notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['held', 'released', 'discarded'] })
      .notNull()
      .default('held'),
    resolvedBy: text('resolved_by'),
    resolvedAt: timestamp('resolved_at', { withTimezone: true, precision: 3 }),
    /** The batch that ingested it on release. */
    releaseBatchId: uuid('release_batch_id').references(() => ingestBatches.id),
  },
  (t) => [
    index('ingest_quarantine_batch_idx').on(t.batchId, t.line),
    index('ingest_quarantine_status_idx').on(t.status, t.symbol),
  ],
);

/** A lease that serialises ingestion across processes (CLI, service replicas); it expires if its holder dies. */
export const ingestLocks = marketSchema.table('ingest_locks', {
  name: text('name').primaryKey(),
  holder: text('holder').notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true, precision: 3 }).notNull(),
});
