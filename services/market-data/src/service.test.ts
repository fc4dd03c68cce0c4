import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir } from '@alphagraph/config';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoBars } from './demo/load-demo.ts';
import { createMarketData } from './service.ts';

/** The source CSV parsed with plain string handling: an independent reading of the demo data. */
function sourceRows(symbol: string) {
  const text = gunzipSync(readFileSync(join(demoDataDir(), 'all_stocks_5yr.csv.gz'))).toString('utf8');
  return text
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((f) => f[6] === symbol)
    .map(([date, open, high, low, close, volume]) => ({
      date: date!,
      open: open === '' ? null : Number(open),
      high: high === '' ? null : Number(high),
      low: low === '' ? null : Number(low),
      close: Number(close),
      volume: Number(volume),
    }));
}

describe.each(testDatabaseKinds())('market-data on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createMarketData>>;
  const run = async (query: string, variables?: Record<string, unknown>) =>
    executeSubgraph({
      name: 'market-data',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(['analyst'])),
      query,
      variables,
    });

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createMarketData(t);
    const loaded = await loadDemoBars({ lake: t.lake, ingest: service.stores.ingest, log: () => {} });
    expect({ loaded: loaded.loaded, rows: loaded.rows }).toEqual({ loaded: true, rows: 619_040 });
    expect(loaded.files[0]?.registered).toHaveLength(505);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('loads the demo data once: a second load is a no-op', async () => {
    const again = await loadDemoBars({ lake: t.lake, ingest: service.stores.ingest, log: () => {} });
    expect(again.loaded).toBe(false);
    expect((await t.lake.currentSnapshot('bars'))?.rowCount).toBe(619_040);
  });

  it('serves an instrument and its bars exactly as the source CSV has them', async () => {
    const result = await run(
      `query($s: String) { instrument(symbol: $s) { symbol bars(from: "2016-01-01T00:00:00Z", to: "2016-04-01T00:00:00Z") { time open high low close volume availableAt } } }`,
      { s: 'GE' },
    );
    expect(result.errors).toBeUndefined();
    const bars = (result.data as any).instrument.bars as any[];
    const expected = sourceRows('GE').filter((r) => r.date >= '2016-01-01' && r.date <= '2016-03-31');
    expect(bars.length).toBe(expected.length);
    expect(bars.length).toBeGreaterThan(55);
    bars.forEach((b, i) => {
      const e = expected[i]!;
      expect(b.time).toBe(`${e.date}T00:00:00.000Z`);
      expect([b.open, b.high, b.low, b.close, b.volume]).toEqual([e.open, e.high, e.low, e.close, e.volume]);
    });
    // Session close, 16:00 New York: 21:00Z in winter, 20:00Z after the March DST change.
    expect(bars.find((b) => b.time.startsWith('2016-01-04')).availableAt).toBe('2016-01-04T21:00:00.000Z');
    expect(bars.find((b) => b.time.startsWith('2016-03-14')).availableAt).toBe('2016-03-14T20:00:00.000Z');
  });

  it('keeps missing prices missing (the source has empty open/high/low for some rows)', async () => {
    const result = await run(
      `{ instrument(symbol: "DHR") { bars(from: "2016-01-12T00:00:00Z", to: "2016-01-13T00:00:00Z") { open high low close volume } } }`,
    );
    expect((result.data as any).instrument.bars).toEqual([
      { open: null, high: null, low: null, close: 88.55, volume: 0 },
    ]);
  });

  it('resolves a batch of 60 entity references with one storage query per key kind', async () => {
    const page = await run('{ instruments(first: 50) { edges { node { id symbol } } } }');
    const nodes = (page.data as any).instruments.edges.map((e: any) => e.node);
    const representations = [
      ...nodes.slice(0, 40).map((n: any) => ({ __typename: 'Instrument', symbol: n.symbol })),
      ...nodes.slice(40, 50).map((n: any) => ({ __typename: 'Instrument', id: n.id })),
      { __typename: 'Instrument', symbol: 'NOT_LISTED' },
      ...nodes.slice(0, 9).map((n: any) => ({ __typename: 'Instrument', symbol: n.symbol })),
    ];
    t.queries.length = 0;
    const result = await run(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { id symbol } } }',
      { r: representations },
    );
    expect(result.errors).toBeUndefined();
    const entities = (result.data as any)._entities;
    expect(entities).toHaveLength(60);
    expect(entities[40].symbol).toBe(nodes[40].symbol);
    expect(entities[50]).toBeNull();
    expect(t.queries.filter((q) => q.includes('"market"."instruments"'))).toHaveLength(2);
  });

  it('pages instruments with cursors and rejects a foreign cursor', async () => {
    const first = await run(
      '{ instruments(first: 2, search: "aa") { totalCount edges { cursor node { symbol } } pageInfo { hasNextPage endCursor } } }',
    );
    const conn = (first.data as any).instruments;
    expect(conn.edges.map((e: any) => e.node.symbol)).toEqual(['AAL', 'AAP']);
    const next = await run(
      `{ instruments(first: 2, search: "aa", after: "${conn.pageInfo.endCursor}") { edges { node { symbol } } } }`,
    );
    expect((next.data as any).instruments.edges.map((e: any) => e.node.symbol)).toEqual(['AAPL', 'MAA']);
    const bad = await run('{ instruments(after: "bm9wZQ") { totalCount } }');
    expect(bad.errors?.[0]?.message).toMatch(/is not a cursor from this list/);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
