import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir } from '@alphagraph/config';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnMappingInput } from './mappings.ts';
import { ACTOR, createIngestKit, type IngestKit, type LatestBar } from './test-support.ts';

/** A source row as plain string handling reads it: an independent reading of each shipped file. */
interface SourceRow {
  key: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
}

const path = (file: string) => join(demoDataDir(), file);
const text = (file: string) => gunzipSync(readFileSync(path(file))).toString('utf8');
const num = (s: string | undefined) => (s === undefined || s === '' || s === 'null' ? null : Number(s));

/** Splits a CSV without quoted fields (none of the price files has any) into rows of fields. */
function rowsOf(file: string): string[][] {
  return text(file)
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.length > 0)
    .map((l) => l.split(','));
}

const daily = (symbol: string, date: string) => `${symbol}|${date}T00:00:00Z`;
const hourly = (symbol: string, stamp: string) => `${symbol}|${stamp.slice(0, 10)}T${stamp.slice(11, 19)}Z`;

const SOURCES: Record<string, () => SourceRow[]> = {
  'all_stocks_5yr.csv.gz': () =>
    rowsOf('all_stocks_5yr.csv.gz').map(([d, o, h, l, c, v, name]) => ({
      key: daily(name!, d!),
      ...{ open: num(o), high: num(h), low: num(l), close: num(c), volume: num(v) },
    })),
  'stocknet_prices.csv.gz': () =>
    rowsOf('stocknet_prices.csv.gz').map(([d, o, h, l, c, _adj, v, t]) => ({
      key: daily(t!, d!),
      ...{ open: num(o), high: num(h), low: num(l), close: num(c), volume: num(v) },
    })),
  'GOOG.csv.gz': () =>
    rowsOf('GOOG.csv.gz').map(([d, o, h, l, c, v]) => ({
      key: daily('GOOG', d!),
      ...{ open: num(o), high: num(h), low: num(l), close: num(c), volume: num(v) },
    })),
  'EURUSD.csv.gz': () =>
    rowsOf('EURUSD.csv.gz').map(([d, o, h, l, c, v]) => ({
      key: hourly('EURUSD', d!),
      ...{ open: num(o), high: num(h), low: num(l), close: num(c), volume: num(v) },
    })),
  'btc_usd_hourly_2024.csv.gz': () =>
    rowsOf('btc_usd_hourly_2024.csv.gz').map(([d, _unix, l, h, o, c, v]) => ({
      key: hourly('BTC-USD', d!),
      ...{ open: num(o), high: num(h), low: num(l), close: num(c), volume: num(v) },
    })),
};

/** Rows the default rules hold back, found independently: a missing value, or prices that contradict. */
function breaksPriceRules(r: SourceRow): boolean {
  const { open: o, high: h, low: l, close: c, volume: v } = r;
  if (o === null || h === null || l === null || c === null || v === null) return true;
  return h < l || o > h || o < l || c > h || c < l;
}

/** EURUSD's only two bars that start at a Friday 17:00 New York close (data/demo/SOURCES.md). */
const EURUSD_OFF_CALENDAR = ['EURUSD|2017-10-06T21:00:00Z', 'EURUSD|2017-10-20T21:00:00Z'];

function expectRoundTrip(stored: LatestBar[], source: SourceRow[], held: Set<string>) {
  const byKey = new Map(stored.map((b) => [`${b.symbol}|${b.time}`, b]));
  const kept = source.filter((r) => !held.has(r.key));
  expect(kept.length).toBe(source.length - held.size);
  // Differences collected with plain code, asserted once (an expect per row is slow at 619k rows).
  const differences: string[] = [];
  for (const r of kept) {
    const b = byKey.get(r.key);
    const got = b ? [b.open, b.high, b.low, b.close, b.volume] : null;
    const want = [r.open, r.high, r.low, r.close, r.volume];
    if (!got || got.some((v, i) => v !== want[i]))
      differences.push(`${r.key}: ${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  }
  expect(differences.slice(0, 5)).toEqual([]);
  const sourceKeys = new Set(source.map((r) => r.key));
  expect(stored.filter((b) => sourceKeys.has(`${b.symbol}|${b.time}`)).length).toBe(kept.length);
  for (const key of held) expect(byKey.has(key), key).toBe(false);
}

describe.each(testDatabaseKinds())('every shipped price file loads and round-trips on %s', (kind) => {
  let a: IngestKit;
  let b: IngestKit;
  beforeAll(async () => {
    [a, b] = await Promise.all([createIngestKit(kind), createIngestKit(kind)]);
  });
  afterAll(async () => {
    await Promise.all([a?.dispose(), b?.dispose()]);
  });
  const ingest = (k: IngestKit, file: string, mapping: string | ColumnMappingInput) =>
    k.ingest.ingestion.ingestFile({ path: file, mapping: mapping as string, actor: ACTOR });

  it('all_stocks_5yr: 619,040 rows, those breaking a price rule quarantined with their line', async () => {
    const source = SOURCES['all_stocks_5yr.csv.gz']!();
    const held = new Set(source.filter(breaksPriceRules).map((r) => r.key));
    expect(held.size).toBe(23);
    const report = await ingest(a, path('all_stocks_5yr.csv.gz'), 'all_stocks_5yr');
    expect(report).toMatchObject({ status: 'committed', rowsRead: 619_040, quarantined: 23, rejected: 0 });
    expect(report.inserted).toBe(619_040 - 23);
    expect(report.registered).toHaveLength(505);
    expectRoundTrip(await a.latestBars('1d'), source, held);
    const quarantined = await a.ingest.reports.quarantine({ batchId: report.id, first: 100 });
    const lines = text('all_stocks_5yr.csv.gz').split('\n');
    for (const q of quarantined) {
      const fields = lines[q.line - 1]!.split(',');
      expect(daily(fields[6]!, fields[0]!)).toBe(`${q.symbol}|${q.time.toISOString().slice(0, 19)}Z`);
    }
  });

  it('GOOG, EURUSD and BTC-USD beside it, each with its own calendar', async () => {
    const cases = [
      ['GOOG.csv.gz', 'goog_daily', '1d', []],
      ['EURUSD.csv.gz', 'eurusd_hourly', '1h', EURUSD_OFF_CALENDAR],
      ['btc_usd_hourly_2024.csv.gz', 'btc_usd_hourly', '1h', []],
    ] as const;
    for (const [file, mapping, interval, held] of cases) {
      const source = SOURCES[file]!();
      const report = await ingest(a, path(file), mapping);
      expect(report, file).toMatchObject({ rowsRead: source.length, inserted: source.length - held.length });
      expect(report.quarantined, file).toBe(held.length);
      const symbol = source[0]!.key.split('|')[0]!;
      const stored = await a.latestBars(interval, symbol);
      expectRoundTrip(stored, source, new Set(held));
    }
    const eur = (await a.latestBars('1h', 'EURUSD')).find((r) => r.time === '2017-11-06T09:00:00Z');
    expect(eur?.available_at).toBe('2017-11-06T10:00:00.000Z');
    const goog = (await a.latestBars('1d', 'GOOG')).find((r) => r.time === '2004-08-19T00:00:00Z');
    expect(goog?.available_at).toBe('2004-08-19T20:00:00.000Z');
  });

  it('stocknet_prices: its three all-null rows are quarantined, the rest stored as read', async () => {
    const source = SOURCES['stocknet_prices.csv.gz']!();
    const held = new Set(source.filter(breaksPriceRules).map((r) => r.key));
    expect([...held].sort()).toEqual([
      'PTR|2016-06-29T00:00:00Z',
      'REX|2016-06-29T00:00:00Z',
      'SNP|2016-06-29T00:00:00Z',
    ]);
    const report = await ingest(b, path('stocknet_prices.csv.gz'), 'stocknet_prices');
    expect(report).toMatchObject({ rowsRead: 108_592, inserted: 108_589, quarantined: 3 });
    expect(report.registered).toHaveLength(88);
    expectRoundTrip(
      (await b.latestBars('1d')).filter((r) => r.symbol !== 'GOOGPQ'),
      source,
      held,
    );
  });

  it('a Parquet file goes through the same path (read with DuckDB)', async () => {
    const parquet = `${b.dir}/goog.parquet`;
    await b.t.lake.query(
      `COPY (SELECT CAST(column0 AS DATE) AS session, Open, High, Low, Close, Volume
             FROM read_csv('${path('GOOG.csv.gz')}', header = true))
       TO '${parquet}' (FORMAT parquet)`,
    );
    const mapping: ColumnMappingInput = {
      name: 'goog_parquet',
      description: 'GOOG daily as Parquet, under a test symbol',
      symbol: { fixed: 'GOOGPQ' },
      time: { column: 'session', format: 'date' },
      interval: '1d',
      columns: { open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
      registerInstruments: {
        exchange: 'NASDAQ',
        assetClass: 'equity',
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      },
    };
    const report = await ingest(b, parquet, mapping);
    expect(report).toMatchObject({ rowsRead: 2148, inserted: 2148, registered: ['GOOGPQ'] });
    const source = SOURCES['GOOG.csv.gz']!().map((r) => ({ ...r, key: r.key.replace('GOOG|', 'GOOGPQ|') }));
    expectRoundTrip(
      (await b.latestBars('1d')).filter((r) => r.symbol === 'GOOGPQ'),
      source,
      new Set(),
    );
  });
});
