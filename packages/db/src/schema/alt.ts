import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
}

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
  entityKind: text('entity_kind', { enum: ['instrument', 'market'] }).notNull(),
  /** Whether reading values needs an entitlement (to the dataset or its vendor). Fails closed. */
  licensed: boolean('licensed').notNull().default(true),
  /** The declared schema of the values: one entry per field, in column order. */
  fields: jsonb('fields').$type<AltDatasetField[]>().notNull().default(sql`'[]'::jsonb`),
  /** When the vendor publishes an observation, before `latency_seconds` is added. */
  publication: jsonb('publication').$type<AltPublicationRule>().notNull().default(sql`'{"kind":"event_time"}'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
