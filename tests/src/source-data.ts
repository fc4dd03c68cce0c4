import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir, findRepoRoot } from '@alphagraph/config';

/** sha256 of all_stocks_5yr.csv as published in shared/data/SOURCES.md. */
export const ALL_STOCKS_SHA256 = '6aea253cd19de60b568143991aaf1fa482456565c389205658d236e595e716cf';

/**
 * The source CSV: ../shared/data/all_stocks_5yr.csv when it is beside the repository, else the
 * shipped gzip of it. Either way its checksum must be the published one.
 */
export function readAllStocksCsv(): string {
  const shared = join(findRepoRoot(), '..', 'shared', 'data', 'all_stocks_5yr.csv');
  const bytes = existsSync(shared)
    ? readFileSync(shared)
    : gunzipSync(readFileSync(join(demoDataDir(), 'all_stocks_5yr.csv.gz')));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== ALL_STOCKS_SHA256) throw new Error(`all_stocks_5yr.csv checksum ${sha} is not the published one`);
  return bytes.toString('utf8');
}

export interface SourceBar {
  date: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

/** Rows of one symbol, parsed with plain string handling (independent of the platform's loader). */
export function sourceBars(csv: string, symbol: string): SourceBar[] {
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  return csv
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((f) => f[6] === symbol)
    .map((f) => ({
      date: f[0]!,
      open: num(f[1]),
      high: num(f[2]),
      low: num(f[3]),
      close: num(f[4]),
      volume: num(f[5]),
    }));
}
