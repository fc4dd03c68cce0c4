import { date, index, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Owned by services/backtests. */
export const backtestsSchema = pgSchema('backtests');

export const backtests = backtestsSchema.table('backtests', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
  signal: text('signal').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  /** The model whose predictions were traded (models are owned by the models service). */
  modelName: text('model_name'),
  createdBy: text('created_by').notNull(),
  metrics: jsonb('metrics').$type<Record<string, number>>(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

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
