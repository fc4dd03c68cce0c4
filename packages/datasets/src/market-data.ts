import type { Db } from '@alphagraph/db';
import { instruments } from '@alphagraph/db/schema/market';
import { defineDataset } from '@alphagraph/lake';
import { inArray, sql } from 'drizzle-orm';

/** Owner of the datasets in this file. */
const OWNER = 'market-data';

/**
 * Every version of every bar. A correction is a new row with the same (symbol, interval, time)
 * and a later `available_at`; reads take the latest version known at the read's as-of time.
 */
export const BARS_DATASET = defineDataset({
  name: 'bars',
  owner: OWNER,
  description: 'OHLCV bars, daily and intraday, every version (corrections are new rows)',
  columns: [
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'interval', type: 'VARCHAR' },
    { name: 'time', type: 'TIMESTAMPTZ' },
    { name: 'open', type: 'DOUBLE' },
    { name: 'high', type: 'DOUBLE' },
    { name: 'low', type: 'DOUBLE' },
    { name: 'close', type: 'DOUBLE' },
    { name: 'volume', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
    { name: 'batch_id', type: 'VARCHAR' },
  ],
  versionKey: ['symbol', 'interval', 'time'],
  availableAt: 'available_at',
  tiebreak: 'batch_id',
  entity: 'symbol',
  eventTime: 'time',
});

/** The price and volume fields of a bar (`$vwap` is not among them: all_stocks_5yr has none). */
export const BAR_FIELDS = ['open', 'high', 'low', 'close', 'volume'] as const;

/**
 * Splits and cash dividends, every version: a correction is a new row with the same
 * (symbol, ex_date, kind) and a later available_at. `ratio` is new shares per old share for a
 * split; `amount` is the cash per share as traded on the ex-date for a dividend.
 */
export const CORPORATE_ACTIONS_DATASET = defineDataset({
  name: 'corporate_actions',
  owner: OWNER,
  description: 'Splits and cash dividends per instrument, every version',
  columns: [
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'ex_date', type: 'DATE' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'ratio', type: 'DOUBLE' },
    { name: 'amount', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
    { name: 'batch_id', type: 'VARCHAR' },
  ],
  versionKey: ['symbol', 'ex_date', 'kind'],
  availableAt: 'available_at',
  tiebreak: 'batch_id',
  entity: 'symbol',
  eventTime: 'ex_date',
});

/** What `resolveSymbols` found: each given symbol's canonical spelling, and those no instrument has. */
export interface ResolvedSymbols {
  /** Given symbol (as written) → the instrument's canonical symbol. */
  readonly canonical: ReadonlyMap<string, string>;
  /** Given symbols no instrument has, in the order given, without repeats. */
  readonly unknown: readonly string[];
}

/**
 * Resolves instrument symbols case-insensitively against market-data's instrument registry
 * (`aapl` → `AAPL`). Every service that takes symbols from a user resolves them here, so an unknown
 * symbol is never silent and the answer always carries the canonical spelling.
 */
export async function resolveSymbols(db: Db, symbols: readonly string[]): Promise<ResolvedSymbols> {
  const wanted = [...new Set(symbols)];
  const upper = [...new Set(wanted.map((s) => s.toUpperCase()))];
  const rows =
    upper.length === 0
      ? []
      : await db
          .select({ symbol: instruments.symbol })
          .from(instruments)
          .where(inArray(sql`upper(${instruments.symbol})`, upper));
  const byUpper = new Map(rows.map((r) => [r.symbol.toUpperCase(), r.symbol]));
  const canonical = new Map<string, string>();
  const unknown: string[] = [];
  for (const s of wanted) {
    const found = byUpper.get(s.toUpperCase());
    if (found) canonical.set(s, found);
    else unknown.push(s);
  }
  return { canonical, unknown };
}
