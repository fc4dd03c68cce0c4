import type { Lake, LakeParam } from '@alphagraph/lake';
import { z } from 'zod';
import { BARS_DATASET } from './dataset.ts';

export interface BarRecord {
  readonly symbol: string;
  readonly time: Date;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number | null;
  readonly availableAt: Date;
}

export interface BarQuery {
  /** Inclusive lower bound on the bar's start. */
  readonly from?: Date | null;
  /** Exclusive upper bound on the bar's start. */
  readonly to?: Date | null;
  /** Only the newest `last` bars of each symbol within the range. */
  readonly last?: number | null;
  readonly interval?: string;
  /** Ignore versions that became available after this time (default: now). */
  readonly asOf?: Date | null;
}

const barRow = z.object({
  symbol: z.string(),
  time: z.date(),
  open: z.number().nullable(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  close: z.number().nullable(),
  volume: z.number().nullable(),
  available_at: z.date(),
});

export const MAX_BARS_PER_REQUEST = 100_000;

/** Reads bars from the lake's committed `bars` snapshot with DuckDB. */
export function createBarStore(lake: Lake) {
  return {
    /**
     * Bars of many symbols in one DuckDB query, ascending by time, newest version of each bar
     * as known at `asOf`.
     */
    async forSymbols(symbols: readonly string[], query: BarQuery): Promise<Map<string, BarRecord[]>> {
      const out = new Map<string, BarRecord[]>(symbols.map((s) => [s, []]));
      const snapshot = await lake.currentSnapshot(BARS_DATASET.name);
      if (!snapshot || symbols.length === 0) return out;
      // One placeholder per symbol: an IN list lets DuckDB prune Parquet row groups by symbol.
      const params: LakeParam[] = [...symbols, query.interval ?? '1d'];
      const where = [
        `symbol IN (${symbols.map((_, i) => `$${i + 1}`).join(', ')})`,
        `interval = $${symbols.length + 1}`,
      ];
      if (query.from) where.push(`time >= $${params.push(query.from)}::TIMESTAMPTZ`);
      if (query.to) where.push(`time < $${params.push(query.to)}::TIMESTAMPTZ`);
      where.push(`available_at <= $${params.push(query.asOf ?? new Date())}::TIMESTAMPTZ`);
      const lastClause = query.last
        ? `QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY time DESC) <= $${params.push(query.last)}`
        : '';
      const rows = await lake.query(
        `WITH known AS (
           SELECT symbol, time, open, high, low, close, volume, available_at
           FROM ${lake.scan(snapshot)}
           WHERE ${where.join(' AND ')}
           QUALIFY row_number() OVER (PARTITION BY symbol, time ORDER BY available_at DESC, batch_id DESC) = 1
         )
         SELECT * FROM known ${lastClause}
         ORDER BY symbol, time
         LIMIT ${MAX_BARS_PER_REQUEST + 1}`,
        params,
      );
      for (const raw of rows) {
        const r = barRow.parse(raw);
        out.get(r.symbol)?.push({ ...r, availableAt: r.available_at });
      }
      return out;
    },
  };
}
export type BarStore = ReturnType<typeof createBarStore>;
