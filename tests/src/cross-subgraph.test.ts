import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllStocksCsv, sourceBars } from './source-data.ts';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

export const CROSS_QUERY = /* GraphQL */ `
  query InstrumentOverview($symbol: String!) {
    instrument(symbol: $symbol) {
      symbol
      bars(last: 5) { time open high low close volume availableAt }
      altDatasets { name vendor { name } }
      features { ref expression }
      models { name task features { ref } }
      backtests { name status model { name } }
    }
  }
`;

describe('the graph through the gateway (five subgraph processes)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('one query crosses all five subgraphs and the bars match the source CSV', async () => {
    const body = await p.query(CROSS_QUERY, { symbol: 'AAPL' });
    expect(body.errors).toBeUndefined();
    expect(body.status).toBe(200);
    const instrument = body.data.instrument;
    const expected = sourceBars(readAllStocksCsv(), 'AAPL').slice(-5);
    expect(instrument.bars).toEqual(
      expected.map((e) => ({
        time: `${e.date}T00:00:00.000Z`,
        open: e.open,
        high: e.high,
        low: e.low,
        close: e.close,
        volume: e.volume,
        availableAt: `${e.date}T21:00:00.000Z`,
      })),
    );
    expect(instrument.altDatasets).toEqual([{ name: 'stocknet_tweets', vendor: { name: 'StockNet' } }]);
    expect(instrument.features.map((f: any) => f.ref).sort()).toEqual(['ma_ratio_20@1', 'ret_1d@1', 'vol_20@1']);
    expect(instrument.models).toEqual([
      {
        name: 'demo_direction_logit',
        task: 'CLASSIFICATION',
        features: [{ ref: 'ma_ratio_20@1' }, { ref: 'ret_1d@1' }, { ref: 'vol_20@1' }],
      },
    ]);
    // The demo's top-50 Alpha158 ROC20 portfolio over every symbol trades AAPL; the
    // demo starts it in the background, so it may still be queued or running. No demo backtest
    // trades a model's predictions.
    const backtests = instrument.backtests as { name: string; status: string; model: unknown }[];
    expect(backtests.map((b) => b.name)).toContain('demo_alpha158_roc20_top50');
    for (const b of backtests) {
      expect(['QUEUED', 'RUNNING', 'SUCCEEDED']).toContain(b.status);
      expect(b.model).toBeNull();
    }
  });

  it('an instrument outside every demo catalog still resolves, with empty lists', async () => {
    const body = await p.query(CROSS_QUERY, { symbol: 'ZTS' });
    expect(body.errors).toBeUndefined();
    expect(body.data.instrument.bars).toHaveLength(5);
    expect(body.data.instrument.altDatasets).toEqual([]);
    expect(body.data.instrument.models).toEqual([]);
  });

  it('bad input gets a clear GraphQL error, never a crash or a stack trace', async () => {
    const malformed = await p.query('{ instrument(symbol: "AAPL") { symbol ');
    expect(malformed.errors?.[0]?.message).toMatch(/Syntax Error/);
    const unknown = await p.query('{ instrument(symbol: "AAPL") { nope } }');
    expect(unknown.errors?.[0]?.message).toMatch(/Cannot query field "nope" on type "Instrument"/);
    const wrongType = await p.query(CROSS_QUERY, { symbol: 42 });
    expect(wrongType.errors?.[0]?.message).toMatch(/\$symbol/);
    const domain = await p.query('{ instrument(id: "x", symbol: "AAPL") { symbol } }');
    expect(domain.errors?.[0]?.message).toBe('instrument: pass exactly one of id or symbol');
    for (const b of [malformed, unknown, wrongType, domain]) {
      expect(JSON.stringify(b)).not.toMatch(/stacktrace|\bat .+\.ts:\d+/);
    }
  });

  it('a subgraph that is down yields a partial response naming it, and the gateway recovers', async () => {
    await p.stopService('models');
    const partial = await p.query(CROSS_QUERY, { symbol: 'AAPL' });
    expect(partial.data?.instrument?.bars).toHaveLength(5);
    expect(partial.data?.instrument?.altDatasets).toHaveLength(1);
    expect(partial.data?.instrument?.models).toBeNull();
    expect(partial.errors?.[0]?.message).toMatch(/models/);
    await p.startService('models');
    const recovered = await p.query(CROSS_QUERY, { symbol: 'AAPL' });
    expect(recovered.errors).toBeUndefined();
    expect(recovered.data.instrument.models).toHaveLength(1);
  });

  it('delivers a large selection as a Parquet download only its requester can fetch, before it expires', async () => {
    const alice = await p.token(['analyst'], 'alice');
    const body = await p.query(
      '{ barsDownload(symbols: ["AAPL", "MSFT"], from: "2016-01-01T00:00:00Z", to: "2017-01-01T00:00:00Z", returns: LOG) { url expiresAt rows bytes } }',
      {},
      { token: alice },
    );
    expect(body.errors).toBeUndefined();
    const link = body.data.barsDownload;
    const expected = ['AAPL', 'MSFT'].flatMap((s) =>
      sourceBars(readAllStocksCsv(), s).filter((b) => b.date.startsWith('2016')),
    );
    expect(link.rows).toBe(expected.length);
    expect(link.url.startsWith(p.gatewayUrl.replace('/graphql', '/downloads/market-data/'))).toBe(true);
    expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
    const get = (token: string | null, url = link.url) =>
      fetch(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    const ok = await get(alice);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/vnd.apache.parquet');
    const bytes = Buffer.from(await ok.arrayBuffer());
    expect(bytes.length).toBe(link.bytes);
    expect(bytes.subarray(0, 4).toString()).toBe('PAR1');
    expect((await get(null)).status).toBe(401);
    expect((await get(await p.token(['analyst'], 'bob'))).status).toBe(403);
    expect((await get(await p.token(['viewer'], 'alice'))).status).toBe(403);
    const tampered = link.url.replace(/.$/, (c: string) => (c === 'A' ? 'B' : 'A'));
    expect((await get(alice, tampered)).status).toBe(404);
  });
});
