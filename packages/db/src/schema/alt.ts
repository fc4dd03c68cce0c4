import { index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Owned by services/alt-data. */
export const altSchema = pgSchema('alt');

export const vendors = altSchema.table('vendors', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  website: text('website'),
  licence: text('licence').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const altDatasets = altSchema.table('datasets', {
  id: uuid('id').primaryKey().defaultRandom(),
  vendorId: uuid('vendor_id')
    .notNull()
    .references(() => vendors.id),
  name: text('name').notNull().unique(),
  description: text('description').notNull(),
  licence: text('licence').notNull(),
  /** Declared delay between an observation's event and the vendor publishing it. */
  latencySeconds: integer('latency_seconds').notNull().default(0),
  entityKind: text('entity_kind', { enum: ['instrument', 'market'] }).notNull(),
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
