import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import { type Lake, quoteLiteral } from '@alphagraph/lake';
import { BARS_DATASET } from '../modules/bars/dataset.ts';
import type { InstrumentStore } from '../modules/instruments/store.ts';

export const DEMO_SOURCE = 'demo:all_stocks_5yr';

/**
 * Loads the shipped S&P 500 daily bars (data/demo/all_stocks_5yr.csv.gz, byte-identical to the
 * source CSV once decompressed) into the instrument
 * master and the `bars` dataset. Idempotent: a later start finds the demo snapshot and skips.
 * A daily bar becomes available at its session's close, 16:00 America/New_York (DST-aware).
 */
export async function loadDemoBars(options: {
  lake: Lake;
  instruments: InstrumentStore;
  dir?: string | undefined;
  log?: (line: string) => void;
}): Promise<{ loaded: boolean; rows: number; symbols: number }> {
  const log = options.log ?? ((line: string) => console.log(`[market-data] ${line}`));
  const file = join(options.dir ?? demoDataDir(), 'all_stocks_5yr.csv.gz');
  if (!existsSync(file)) throw new Error(`demo data file is missing: ${file}`);
  const current = await options.lake.currentSnapshot(BARS_DATASET.name);
  const history = current ? await options.lake.history(BARS_DATASET.name, 1000) : [];
  if (history.some((s) => s.summary.source === DEMO_SOURCE)) {
    log('demo data already loaded (bars snapshot from all_stocks_5yr found); skipping');
    return { loaded: false, rows: 0, symbols: 0 };
  }
  // Every column read as text and cast explicitly: empty fields become NULL, never a guessed type.
  const source = `(SELECT Name AS symbol, CAST(date AS DATE) AS date, CAST(NULLIF(open, '') AS DOUBLE) AS open,
      CAST(NULLIF(high, '') AS DOUBLE) AS high, CAST(NULLIF(low, '') AS DOUBLE) AS low,
      CAST(NULLIF(close, '') AS DOUBLE) AS close, CAST(NULLIF(volume, '') AS DOUBLE) AS volume
    FROM read_csv(${quoteLiteral(file)}, header = true, all_varchar = true))`;
  const symbols = await options.lake.query<{ symbol: string }>(`SELECT DISTINCT symbol FROM ${source} ORDER BY symbol`);
  log(`demo data [1/3] registering ${symbols.length} instruments`);
  for (let i = 0; i < symbols.length; i += 100) {
    const chunk = symbols.slice(i, i + 100);
    await options.instruments.ensure(
      chunk.map(({ symbol }) => ({
        symbol,
        name: symbol,
        exchange: 'US',
        assetClass: 'equity' as const,
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      })),
    );
    log(`demo data [1/3] instruments ${Math.min(i + 100, symbols.length)}/${symbols.length}`);
  }
  log('demo data [2/3] writing daily bars to the lake');
  const batchId = `${DEMO_SOURCE}:${new Date().toISOString()}`;
  const snapshot = await options.lake.commit(
    BARS_DATASET.name,
    { mode: 'append', summary: { source: DEMO_SOURCE, batchId } },
    async (w) => {
      await w.writeQuery(
        `SELECT symbol, '1d' AS interval, timezone('UTC', date::TIMESTAMP) AS time,
                open, high, low, close, volume,
                timezone('America/New_York', date + TIME '16:00') AS available_at,
                $1 AS batch_id
         FROM ${source} ORDER BY symbol, date`,
        [batchId],
      );
    },
  );
  log(`demo data [3/3] published bars snapshot ${snapshot.id}: ${snapshot.addedRows} rows, ${symbols.length} symbols`);
  return { loaded: true, rows: snapshot.addedRows, symbols: symbols.length };
}
