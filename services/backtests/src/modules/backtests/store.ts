import type { Db } from '@alphagraph/db';
import { backtestInstruments, backtests } from '@alphagraph/db/schema/backtests';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';

export type BacktestRecord = typeof backtests.$inferSelect;
export interface InstrumentRef {
  readonly symbol: string;
}
export interface ModelRef {
  readonly name: string;
}

export const backtestInsertSchema = createInsertSchema(backtests, {
  name: (s) => s.min(1).max(200),
  signal: (s) => s.min(1).max(4000),
  periodStart: (s) => s.regex(/^\d{4}-\d{2}-\d{2}$/),
  periodEnd: (s) => s.regex(/^\d{4}-\d{2}-\d{2}$/),
})
  .omit({ id: true, createdAt: true, metrics: true, status: true })
  .refine((b) => b.periodStart <= b.periodEnd, { message: 'periodStart must not be after periodEnd' });

export function createBacktestStore(db: Db) {
  return {
    list: (): Promise<BacktestRecord[]> => db.select().from(backtests).orderBy(desc(backtests.createdAt)),
    async byIds(ids: readonly string[]): Promise<BacktestRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(backtests)
        .where(inArray(backtests.id, [...ids]));
    },
    async instrumentsOf(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(backtestInstruments)
        .where(inArray(backtestInstruments.backtestId, [...ids]));
    },
    async forSymbols(symbols: readonly string[]): Promise<{ symbol: string; backtest: BacktestRecord }[]> {
      if (symbols.length === 0) return [];
      return db
        .select({ symbol: backtestInstruments.symbol, backtest: backtests })
        .from(backtestInstruments)
        .innerJoin(backtests, eq(backtests.id, backtestInstruments.backtestId))
        .where(inArray(backtestInstruments.symbol, [...symbols]))
        .orderBy(desc(backtests.createdAt));
    },
    async forModels(names: readonly string[]): Promise<BacktestRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(backtests)
        .where(inArray(backtests.modelName, [...names]))
        .orderBy(desc(backtests.createdAt));
    },
    /** Queues a backtest with its universe; one with the same name and signal is returned as is. */
    async queue(input: z.input<typeof backtestInsertSchema>, symbols: readonly string[]): Promise<BacktestRecord> {
      const row = backtestInsertSchema.parse(input);
      const universe = z
        .array(z.string().min(1))
        .min(1, 'a backtest trades at least one instrument')
        .parse([...symbols]);
      return db.transaction(async (tx) => {
        const [existing] = await tx
          .select()
          .from(backtests)
          .where(and(eq(backtests.name, row.name), eq(backtests.signal, row.signal)));
        if (existing) return existing;
        const [created] = await tx
          .insert(backtests)
          .values({ ...row, status: 'queued' })
          .returning();
        await tx.insert(backtestInstruments).values(universe.map((symbol) => ({ backtestId: created!.id, symbol })));
        return created!;
      });
    },
  };
}
export type BacktestStore = ReturnType<typeof createBacktestStore>;
