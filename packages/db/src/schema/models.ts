import { index, integer, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Owned by services/models. Versions, validation and deployments arrive with the models issue. */
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
