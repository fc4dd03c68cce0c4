import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgSchema,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';

/** Owned by services/alt-data. */
export const altSchema = pgSchema('alt');

export const vendors = altSchema.table('vendors', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  website: text('website'),
  licence: text('licence').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One value field of an alternative dataset (services/alt-data validates these with zod). */
export interface AltDatasetField {
  readonly name: string;
  readonly type: 'float' | 'int' | 'string' | 'boolean';
  readonly description: string;
  readonly unit?: string | null;
  /** Allowed range (inclusive) of a numeric field; a value outside breaks the rule out_of_range. */
  readonly minimum?: number | null;
  readonly maximum?: number | null;
  /** A required field may not be null (rule missing_value). */
  readonly required?: boolean;
}

/**
 * What an observation's event time means: an instant (a tweet, a fill), or the start of a period
 * of `periodSeconds` (a day, a month) that is only complete, and so knowable, at its end.
 */
export type AltEventTime = { readonly kind: 'point' } | { readonly kind: 'period'; readonly periodSeconds: number };

/** Observation rules and their actions as a dataset declares them (rules not named keep defaults). */
export type AltRuleOverrides = Readonly<Record<string, 'reject' | 'quarantine' | 'fix' | 'warn'>>;

/**
 * When an observation is published: at its event time, or at a local time of day on its event date
 * (a daily series whose event time is the date at 00:00 UTC, e.g. a close published at 16:15 New York).
 */
export type AltPublicationRule =
  | { readonly kind: 'event_time' }
  | { readonly kind: 'local_time'; readonly time: string; readonly timeZone: string };

export const altDatasets = altSchema.table('datasets', {
  id: uuid('id').primaryKey().defaultRandom(),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendors.id),
  name: text('name').notNull().unique(),
  description: text('description').notNull(),
  licence: text('licence').notNull(),
  /** Declared publication latency: `available_at` = publication time (see `publication`) + this. */
  latencySeconds: integer('latency_seconds').notNull().default(0),
  /** instrument: symbols; market: one MARKET series; key: a free key (counterparty, order id). */
  entityKind: text('entity_kind', { enum: ['instrument', 'market', 'key'] }).notNull(),
  /** Whether reading values needs an entitlement (to the dataset or its vendor). Fails closed. */
  licensed: boolean('licensed').notNull().default(true),
  /** The declared schema of the values: one entry per field, in column order. */
  fields: jsonb('fields').$type<AltDatasetField[]>().notNull().default(sql`'[]'::jsonb`),
  /** When the vendor publishes an observation, before `latency_seconds` is added. */
  publication: jsonb('publication').$type<AltPublicationRule>().notNull().default(sql`'{"kind":"event_time"}'::jsonb`),
  /** The schema version observations are written under now (see dataset_versions). */
  version: integer('version').notNull().default(1),
  /** Expected time between observations of an entity; null: irregular (no gap or staleness check). */
  cadenceSeconds: integer('cadence_seconds'),
  eventTime: jsonb('event_time').$type<AltEventTime>().notNull().default(sql`'{"kind":"point"}'::jsonb`),
  /** The dataset's observation rule actions (see services/alt-data modules/ingest/rules.ts). */
  rules: jsonb('rules').$type<AltRuleOverrides>().notNull().default(sql`'{}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Every schema a dataset had: a changed field list is a new version, written to its own lake
 * dataset, so observations written under an older version keep it.
 */
export const altDatasetVersions = altSchema.table(
  'dataset_versions',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => altDatasets.id),
    version: integer('version').notNull(),
    fields: jsonb('fields').$type<AltDatasetField[]>().notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.version] })],
);

/** One pushed batch of observations and its row-level report (published with its lake commit). */
export const altIngestBatches = altSchema.table(
  'ingest_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => altDatasets.id),
    datasetVersion: integer('dataset_version').notNull(),
    /** The caller's batch id, else the content hash: a batch with a known key is not written again. */
    batchKey: text('batch_key').notNull(),
    contentSha256: text('content_sha256').notNull(),
    source: text('source').notNull(),
    snapshotId: integer('snapshot_id'),
    rowsRead: integer('rows_read').notNull(),
    accepted: integer('accepted').notNull(),
    fixed: integer('fixed').notNull(),
    quarantined: integer('quarantined').notNull(),
    rejected: integer('rejected').notNull(),
    warnings: integer('warnings').notNull(),
    /** Rows flagged per rule, with the action in force: [{ rule, action, rows }]. */
    ruleCounts: jsonb('rule_counts').$type<{ rule: string; action: string; rows: number }[]>().notNull(),
    /** Findings in line order (at most 1,000; `issues_truncated`). */
    issues: jsonb('issues')
      .$type<
        {
          line: number;
          entity: string | null;
          eventTime: string | null;
          field: string | null;
          rule: string;
          outcome: string;
          message: string;
        }[]
      >()
      .notNull(),
    issuesTruncated: boolean('issues_truncated').notNull().default(false),
    createdBy: text('created_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('alt_ingest_batches_key_uq').on(t.datasetId, t.batchKey)],
);

/** Observations a rule held back for review, with the values as pushed. */
export const altIngestQuarantine = altSchema.table(
  'ingest_quarantine',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => altIngestBatches.id),
    line: integer('line').notNull(),
    entity: text('entity').notNull(),
    eventTime: timestamp('event_time', { withTimezone: true, precision: 6 }),
    seq: integer('seq').notNull(),
    availableAt: timestamp('available_at', { withTimezone: true, precision: 6 }),
    values: jsonb('values').$type<Record<string, unknown>>().notNull(),
    rules: text('rules').array().notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('alt_ingest_quarantine_batch_idx').on(t.batchId)],
);

/** Which instruments a dataset covers, by symbol (instruments are owned by market-data). */
export const datasetCoverage = altSchema.table(
  'dataset_coverage',
  {
    datasetId: uuid('dataset_id')
      .notNull()
      .references(() => altDatasets.id),
    symbol: text('symbol').notNull(),
  },
  (t) => [primaryKey({ columns: [t.datasetId, t.symbol] }), index('dataset_coverage_symbol_idx').on(t.symbol)],
);
