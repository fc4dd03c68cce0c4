import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import { BARS_DATASET } from '@alphagraph/datasets';
import type { Lake } from '@alphagraph/lake';
import type { FileIngestOptions } from '../modules/ingest/ingest.ts';
import type { IngestModule } from '../modules/ingest/module.ts';
import type { BatchRecord } from '../modules/ingest/report-store.ts';

/** The snapshot summary source of the S&P 500 load before it went through ingestion (older data dirs). */
export const DEMO_SOURCE = 'demo:all_stocks_5yr';

export interface DemoPriceFile {
  readonly file: string;
  readonly mapping: string;
  readonly rules?: FileIngestOptions['rules'];
  readonly conflicts?: FileIngestOptions['conflicts'];
}

/**
 * The S&P 500 daily bars, loaded as the source has them: its 11 rows with empty open/high/low and
 * 13 rows whose open or close lies outside [low, high] are kept (with warnings in the report), as
 * SOURCES.md documents, rather than held in quarantine.
 */
export const DEMO_ALL_STOCKS: DemoPriceFile = {
  file: 'all_stocks_5yr.csv.gz',
  mapping: 'all_stocks_5yr',
  rules: { missing_value: 'warn', high_below_low: 'warn', open_close_outside_range: 'warn' },
};

/**
 * The other shipped price files, with default rules (EURUSD's two Friday 17:00 New York bars and
 * StockNet's three all-`null` rows end up in quarantine). StockNet is a second vendor for 66,575
 * bars already loaded from all_stocks_5yr and GOOG; it fills gaps only (`keep_stored`) instead of
 * recording its float-noise and volume differences as corrections.
 */
export const DEMO_OTHER_PRICE_FILES: readonly DemoPriceFile[] = [
  { file: 'GOOG.csv.gz', mapping: 'goog_daily' },
  { file: 'EURUSD.csv.gz', mapping: 'eurusd_hourly' },
  { file: 'btc_usd_hourly_2024.csv.gz', mapping: 'btc_usd_hourly' },
  { file: 'stocknet_prices.csv.gz', mapping: 'stocknet_prices', conflicts: 'keep_stored' },
];

/**
 * Loads the shipped price files (data/demo, see SOURCES.md) through the ingestion path: instruments
 * registered by each file's mapping, every row validated, one lake commit per file. Idempotent: a
 * file already ingested (same content and mapping) is skipped. By default only all_stocks_5yr;
 * `others` adds GOOG, EURUSD, BTC-USD and StockNet. `until` (env DEMO_BARS_UNTIL) keeps only the
 * bars before a date, through the same ingestion (`ingestFile`'s `before`).
 */
export async function loadDemoBars(options: {
  lake: Lake;
  ingest: IngestModule;
  dir?: string | undefined;
  others?: boolean;
  /** Only bars with a time before this date (YYYY-MM-DD, midnight UTC); every bar when unset. */
  until?: string | undefined;
  log?: (line: string) => void;
}): Promise<{ loaded: boolean; rows: number; files: BatchRecord[] }> {
  const log = options.log ?? ((line: string) => console.log(`[market-data] ${line}`));
  const dir = options.dir ?? demoDataDir();
  const files = [DEMO_ALL_STOCKS, ...(options.others ? DEMO_OTHER_PRICE_FILES : [])];
  const loaded: BatchRecord[] = [];
  for (const [n, demo] of files.entries()) {
    const path = join(dir, demo.file);
    if (!existsSync(path)) throw new Error(`demo data file is missing: ${path}`);
    const label = `demo data [${n + 1}/${files.length}] ${demo.file}`;
    if (demo === DEMO_ALL_STOCKS && (await loadedBeforeIngestion(options.lake))) {
      log(`${label}: already loaded (bars snapshot from ${DEMO_SOURCE} found); skipping`);
      continue;
    }
    if (await options.ingest.reports.ingested(path, demo.mapping)) {
      log(`${label}: already ingested; skipping`);
      continue;
    }
    const started = Date.now();
    let shown = -1;
    const report = await options.ingest.ingestion.ingestFile({
      path,
      mapping: demo.mapping,
      rules: demo.rules,
      conflicts: demo.conflicts,
      ...(options.until ? { before: new Date(`${options.until}T00:00:00Z`) } : {}),
      actor: { id: 'demo-loader', roles: ['service'] },
      onProgress: (phase, done, total) => {
        const pct = total > 0 ? Math.floor((done / total) * 4) * 25 : 0;
        if (phase === 'read' && pct !== shown) log(`${label}: read ${(shown = pct)}%`);
        if (phase !== 'read' && done === 0) log(`${label}: ${phase}…`);
      },
    });
    log(
      `${label}: ${report.rowsRead} rows read, ${report.inserted} new, ${report.corrections} corrections, ` +
        `${report.keptStored} kept as stored, ${report.quarantined} quarantined, ${report.rejected} rejected, ` +
        `${report.warnings} warnings (${((Date.now() - started) / 1000).toFixed(1)} s, batch ${report.id})`,
    );
    loaded.push(report);
  }
  return { loaded: loaded.length > 0, rows: loaded.reduce((n, r) => n + r.inserted, 0), files: loaded };
}

/** Whether all_stocks_5yr was loaded by the loader that predates ingestion (no report, same bars). */
async function loadedBeforeIngestion(lake: Lake): Promise<boolean> {
  if (!(await lake.currentSnapshot(BARS_DATASET.name))) return false;
  return (await lake.history(BARS_DATASET.name, 1000)).some((s) => s.summary.source === DEMO_SOURCE);
}
