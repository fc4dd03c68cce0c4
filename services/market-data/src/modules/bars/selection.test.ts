import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir } from '@alphagraph/config';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoBars } from '../../demo/load-demo.ts';
import { createMarketData } from '../../service.ts';

/** Source rows parsed with plain string handling, independent of the loader and the queries. */
const source = gunzipSync(readFileSync(join(demoDataDir(), 'all_stocks_5yr.csv.gz')))
  .toString('utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.split(','))
  .map(([date, open, high, low, close, volume, symbol]) => ({
    date: date!,
    symbol: symbol!,
    open: open === '' ? null : Number(open),
    high: high === '' ? null : Number(high),
    low: low === '' ? null : Number(low),
    close: Number(close),
    volume: Number(volume),
  }));
const rowsOf = (symbol: string) => source.filter((r) => r.symbol === symbol);

/** Monday of the ISO week of a YYYY-MM-DD date. */
function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

describe.each(testDatabaseKinds())('bar selections on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createMarketData>>;
  const run = async (query: string, variables?: Record<string, unknown>) => {
    const result = await executeSubgraph({
      name: 'market-data',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(['analyst'])),
      query,
      variables,
    });
    expect(result.errors).toBeUndefined();
    return result.data as any;
  };

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createMarketData(t);
    await loadDemoBars({ lake: t.lake, ingest: service.stores.ingest, log: () => {} });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('reads as of a time: a correction published later is invisible before it and wins after it', async () => {
    await t.lake.commit('bars', { mode: 'append' }, async (w) => {
      await w.writeQuery(`SELECT 'KO' AS symbol, '1d' AS interval, TIMESTAMPTZ '2016-01-04 00:00:00+00' AS time,
        42.0 AS open, 43.0 AS high, 41.0 AS low, 42.5 AS close, 1.0 AS volume,
        TIMESTAMPTZ '2016-02-01 12:00:00+00' AS available_at, 'test-correction' AS batch_id`);
    });
    const q = `query($asOf: DateTime) { instrument(symbol: "KO") { bars(from: "2016-01-04T00:00:00Z", to: "2016-01-05T00:00:00Z", asOf: $asOf) { close availableAt } } }`;
    const original = rowsOf('KO').find((r) => r.date === '2016-01-04')!;
    const before = await run(q, { asOf: '2016-02-01T11:59:59.999Z' });
    expect(before.instrument.bars).toEqual([{ close: original.close, availableAt: '2016-01-04T21:00:00.000Z' }]);
    const after = await run(q, { asOf: '2016-02-01T12:00:00.000Z' });
    expect(after.instrument.bars).toEqual([{ close: 42.5, availableAt: '2016-02-01T12:00:00.000Z' }]);
    // Before the bar itself was available (its session had not closed), there is no bar at all.
    const early = await run(q, { asOf: '2016-01-04T20:59:59.000Z' });
    expect(early.instrument.bars).toEqual([]);
  });

  it('resamples daily bars to weeks: first open, max high, min low, last close, summed volume', async () => {
    const data = await run(
      `{ instrument(symbol: "MSFT") { bars(from: "2015-03-02T00:00:00Z", to: "2015-03-28T00:00:00Z", resample: WEEK) { time open high low close volume } } }`,
    );
    const weeks = new Map<string, ReturnType<typeof rowsOf>>();
    for (const r of rowsOf('MSFT').filter((r) => r.date >= '2015-03-02' && r.date <= '2015-03-27')) {
      weeks.set(mondayOf(r.date), [...(weeks.get(mondayOf(r.date)) ?? []), r]);
    }
    expect(data.instrument.bars).toEqual(
      [...weeks].map(([monday, rs]) => ({
        time: `${monday}T00:00:00.000Z`,
        open: rs[0]!.open,
        high: Math.max(...rs.map((r) => r.high!)),
        low: Math.min(...rs.map((r) => r.low!)),
        close: rs.at(-1)!.close,
        volume: rs.reduce((n, r) => n + r.volume, 0),
      })),
    );
    expect(data.instrument.bars).toHaveLength(4);
  });

  it('adds simple and log returns, and the first bar of a selection has none', async () => {
    const rs = rowsOf('JPM').filter((r) => r.date >= '2017-06-01' && r.date <= '2017-06-09');
    for (const [kind, f] of [
      ['SIMPLE', (a: number, b: number) => b / a - 1],
      ['LOG', (a: number, b: number) => Math.log(b / a)],
    ] as const) {
      const data = await run(
        `{ instrument(symbol: "JPM") { bars(from: "2017-06-01T00:00:00Z", to: "2017-06-10T00:00:00Z", returns: ${kind}) { close return } } }`,
      );
      const got = data.instrument.bars.map((b: any) => b.return);
      expect(got[0]).toBeNull();
      got.slice(1).forEach((r: number, i: number) => {
        expect(r).toBeCloseTo(f(rs[i]!.close, rs[i + 1]!.close), 12);
      });
    }
  });

  it('pages many instruments by cursor without losing or repeating a bar or a return', async () => {
    const args =
      'symbols: ["XOM", "AAPL", "GE"], from: "2017-01-01T00:00:00Z", to: "2017-03-01T00:00:00Z", returns: SIMPLE';
    const all = (
      await run(
        `{ bars(${args}, first: 10000) { edges { node { symbol time close return } } pageInfo { hasNextPage } } }`,
      )
    ).bars;
    expect(all.pageInfo.hasNextPage).toBe(false);
    const expected = ['AAPL', 'GE', 'XOM'].flatMap((s) =>
      rowsOf(s)
        .filter((r) => r.date >= '2017-01-01' && r.date < '2017-03-01')
        .map((r) => [s, r.date, r.close]),
    );
    expect(all.edges.map((e: any) => [e.node.symbol, e.node.time.slice(0, 10), e.node.close])).toEqual(expected);
    const paged: any[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = (
        await run(
          `query($a: String) { bars(${args}, first: 17, after: $a) { edges { cursor node { symbol time close return } } pageInfo { hasNextPage endCursor } } }`,
          { a: after },
        )
      ).bars;
      paged.push(...page.edges.map((e: any) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(paged).toEqual(all.edges.map((e: any) => e.node));
  });

  it('reports data quality: counts, null rates, calendar gaps and staleness', async () => {
    const report = (
      await run(
        `{ dataQuality { rows versions instruments nullRates { column rate } violations { rule count } gaps worstGaps { symbol missing expected } stalenessSeconds ingestionFindings { rule action rows } } }`,
      )
    ).dataQuality;
    expect(report.instruments).toBe(505);
    expect(report.rows).toBe(619_040);
    expect(report.versions).toBe(619_041); // the KO correction above
    const nullOpen = source.filter((r) => r.open === null).length;
    expect(report.nullRates.find((n: any) => n.column === 'open').rate).toBeCloseTo(nullOpen / 619_040, 12);
    // Independent gap count: the session days are the dates any symbol traded; each symbol
    // should have a bar on every one of them between its first and last bar.
    const days = [...new Set(source.map((r) => r.date))].sort();
    let gaps = 0;
    for (const s of new Set(source.map((r) => r.symbol))) {
      const ds = rowsOf(s)
        .map((r) => r.date)
        .sort();
      gaps += days.filter((d) => d >= ds[0]! && d <= ds.at(-1)!).length - new Set(ds).size;
    }
    expect(report.gaps).toBe(gaps);
    expect(report.stalenessSeconds).toBeGreaterThan(0);
    // The demo load keeps the source's missing values (with warnings) rather than editing them.
    const missing = report.ingestionFindings.find((f: any) => f.rule === 'MISSING_VALUE');
    expect(missing?.rows).toBe(nullOpen);
  });
});
