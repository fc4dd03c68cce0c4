import { resolveSymbols } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { instruments } from '@alphagraph/db/schema/market';
import { and, asc, count, eq, gt, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import type { z } from 'zod';

export type InstrumentRecord = typeof instruments.$inferSelect;
export const instrumentInsertSchema = createInsertSchema(instruments, {
  symbol: (s) => s.regex(/^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/, 'symbol must be upper-case letters, digits, . - / ^'),
  timezone: (s) => s.min(1),
}).omit({ id: true, createdAt: true });
export type InstrumentInput = z.input<typeof instrumentInsertSchema>;

export interface InstrumentPage {
  readonly items: InstrumentRecord[];
  readonly hasNextPage: boolean;
  readonly totalCount: number;
}

/** The instrument master. Ids are assigned once; re-ingesting a symbol keeps its id. */
export function createInstrumentStore(db: Db) {
  return {
    async byIds(ids: readonly string[]): Promise<InstrumentRecord[]> {
      const valid = ids.filter((id) => UUID.test(id));
      if (valid.length === 0) return [];
      return db.select().from(instruments).where(inArray(instruments.id, valid));
    },

    /** Symbols as a user wrote them, matched case-insensitively (the platform's one resolver). */
    resolveSymbols: (symbols: readonly string[]) => resolveSymbols(db, symbols),

    async bySymbols(symbols: readonly string[]): Promise<InstrumentRecord[]> {
      if (symbols.length === 0) return [];
      return db
        .select()
        .from(instruments)
        .where(inArray(instruments.symbol, [...symbols]));
    },

    async page(options: {
      search?: string | null;
      assetClass?: InstrumentRecord['assetClass'] | null;
      first: number;
      afterSymbol?: string | null;
    }): Promise<InstrumentPage> {
      const filters: SQL[] = [];
      if (options.search) {
        const pattern = `%${options.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        filters.push(or(ilike(instruments.symbol, pattern), ilike(instruments.name, pattern))!);
      }
      if (options.assetClass) filters.push(eq(instruments.assetClass, options.assetClass));
      const where = filters.length > 0 ? and(...filters) : undefined;
      const pageWhere = options.afterSymbol ? and(where, gt(instruments.symbol, options.afterSymbol)) : where;
      const [rows, [total]] = await Promise.all([
        db
          .select()
          .from(instruments)
          .where(pageWhere)
          .orderBy(asc(instruments.symbol))
          .limit(options.first + 1),
        db.select({ n: count() }).from(instruments).where(where),
      ]);
      return {
        items: rows.slice(0, options.first),
        hasNextPage: rows.length > options.first,
        totalCount: total?.n ?? 0,
      };
    },

    /** Inserts new symbols and leaves existing ones (and their ids) untouched. */
    async ensure(inputs: readonly InstrumentInput[]): Promise<number> {
      const rows = inputs.map((i) => instrumentInsertSchema.parse(i));
      let inserted = 0;
      for (let i = 0; i < rows.length; i += 500) {
        const result = await db
          .insert(instruments)
          .values(rows.slice(i, i + 500))
          .onConflictDoNothing({ target: instruments.symbol })
          .returning({ id: instruments.id });
        inserted += result.length;
      }
      return inserted;
    },
  };
}
export type InstrumentStore = ReturnType<typeof createInstrumentStore>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
