import { BARS_DATASET, CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import type { Lake } from '@alphagraph/lake';
import { z } from 'zod';
import { type BarInterval, type BarSelection, barSelectionSql, type ResamplePeriod } from './query.ts';

export interface BarRecord {
  readonly symbol: string;
  readonly interval: BarInterval;
  readonly time: Date;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number | null;
  readonly availableAt: Date;
  /** The return over the previous bar, when the selection asked for returns. */
  readonly return: number | null;
  /** Stored bars aggregated into this one (1 unless resampled). */
  readonly sessions: number;
  /** The period this bar was resampled to, or null. */
  readonly resample: ResamplePeriod | null;
}

/** A selection of one instrument's bars, optionally only the newest `last` of them. */
export type BarQuery = Omit<BarSelection, 'symbols' | 'interval'> & {
  readonly interval?: BarInterval;
  readonly last?: number | null;
};

const barRow = z.object({
  symbol: z.string(),
  time: z.date(),
  open: z.number().nullable(),
  high: z.number().nullable(),
  low: z.number().nullable(),
  close: z.number().nullable(),
  volume: z.number().nullable(),
  available_at: z.date(),
  sessions: z.coerce.number(),
  return: z.number().nullable(),
});

export const MAX_BARS_PER_REQUEST = 100_000;

function toRecord(raw: unknown, interval: BarInterval, resample: ResamplePeriod | null | undefined): BarRecord {
  const r = barRow.parse(raw);
  return {
    ...r,
    interval,
    availableAt: r.available_at,
    return: Number.isFinite(r.return) ? r.return : null,
    resample: resample ?? null,
  };
}

export interface BarCursor {
  readonly symbol: string;
  readonly time: Date;
}

/** Reads bars from the lake's committed `bars` snapshot with DuckDB. */
export function createBarStore(lake: Lake) {
  const scanBars = async () => {
    const snapshot = await lake.currentSnapshot(BARS_DATASET.name);
    return snapshot ? lake.scan(snapshot) : null;
  };
  /** The selection with the corporate-actions relation attached when it asks for an adjustment. */
  const withActions = async <S extends BarSelection>(sel: S): Promise<S> => {
    if (sel.adjustment !== 'total_return') return sel;
    const snapshot = await lake.currentSnapshot(CORPORATE_ACTIONS_DATASET.name);
    return { ...sel, actionsScan: snapshot ? lake.scan(snapshot) : null };
  };

  return {
    /** Bars of many symbols in one DuckDB query, ascending by time. */
    async forSymbols(symbols: readonly string[], query: BarQuery): Promise<Map<string, BarRecord[]>> {
      const out = new Map<string, BarRecord[]>(symbols.map((s) => [s, []]));
      const scan = await scanBars();
      if (!scan || symbols.length === 0) return out;
      const interval = query.interval ?? '1d';
      const { sql, params } = barSelectionSql(scan, await withActions({ ...query, symbols, interval }));
      const last = query.last
        ? `QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY time DESC) <= ${Number(query.last)}`
        : '';
      const rows = await lake.query(
        `SELECT * FROM (${sql}) ${last} ORDER BY symbol, time LIMIT ${MAX_BARS_PER_REQUEST + 1}`,
        params,
      );
      for (const raw of rows) {
        const r = toRecord(raw, interval, query.resample);
        out.get(r.symbol)?.push(r);
      }
      return out;
    },

    /** One page of a selection ordered by (symbol, time), after `cursor`; `first + 1` rows tell whether more exist. */
    async page(
      sel: BarSelection,
      first: number,
      cursor: BarCursor | null,
    ): Promise<{ items: BarRecord[]; hasNextPage: boolean }> {
      const scan = await scanBars();
      if (!scan || sel.symbols.length === 0) return { items: [], hasNextPage: false };
      const { sql, params } = barSelectionSql(scan, await withActions(sel));
      let after = '';
      if (cursor) {
        const s = params.push(cursor.symbol);
        const t = params.push(cursor.time);
        after = `WHERE symbol > $${s} OR (symbol = $${s} AND time > $${t}::TIMESTAMPTZ)`;
      }
      const rows = await lake.query(`SELECT * FROM (${sql}) ${after} ORDER BY symbol, time LIMIT ${first + 1}`, params);
      const items = rows.slice(0, first).map((r) => toRecord(r, sel.interval, sel.resample));
      return { items, hasNextPage: rows.length > first };
    },

    /** The DuckDB query of a whole selection, for a Parquet export. */
    async exportSql(sel: BarSelection) {
      const scan = await scanBars();
      if (!scan) return null;
      const { sql, params } = barSelectionSql(scan, await withActions(sel));
      return {
        sql: `SELECT symbol, '${sel.interval}' AS interval, time, open, high, low, close, volume, available_at${
          sel.returns ? ', return' : ''
        } FROM (${sql}) ORDER BY symbol, time`,
        params,
      };
    },
  };
}
export type BarStore = ReturnType<typeof createBarStore>;
