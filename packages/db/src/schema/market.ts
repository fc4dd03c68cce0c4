import { index, pgSchema, text, timestamp, uuid } from 'drizzle-orm/pg-core';

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
