import { index, integer, pgSchema, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

/** Owned by services/features. */
export const featuresSchema = pgSchema('features');

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
    ttlSeconds: integer('ttl_seconds').notNull(),
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
