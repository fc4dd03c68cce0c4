import { date, jsonb, pgSchema, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Owned by services/backtests. */
export const backtestsSchema = pgSchema('backtests');

export const backtests = backtestsSchema.table('backtests', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  status: text('status', { enum: ['queued', 'running', 'succeeded', 'failed'] }).notNull(),
  signal: text('signal').notNull(),
  periodStart: date('period_start').notNull(),
  periodEnd: date('period_end').notNull(),
  modelId: uuid('model_id'),
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
    instrumentId: uuid('instrument_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.backtestId, t.instrumentId] })],
);
