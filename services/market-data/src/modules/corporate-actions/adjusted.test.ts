import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { demoDataDir } from '@alphagraph/config';
import { quoteLiteral } from '@alphagraph/lake';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarketData } from '../../service.ts';
import { loadDemoCorporateActions } from './load-demo.ts';

const SYMBOLS = ['AAPL', 'JNJ', 'XOM', 'KO', 'MSFT'];

/** stocknet_prices parsed with plain string handling: the reference adj_close. */
const stocknet = gunzipSync(readFileSync(join(demoDataDir(), 'stocknet_prices.csv.gz')))
  .toString('utf8')
  .split('\n')
  .slice(1)
  .filter(Boolean)
  .map((l) => l.trim().split(','))
  .filter((f) => SYMBOLS.includes(f[7]!) && f[4] !== 'null')
  .map((f) => ({ date: f[0]!, close: Number(f[4]), adj: Number(f[5]), symbol: f[7]! }));

describe('prices adjusted on read', () => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createMarketData>>;
  const run = async (query: string) => {
    const r = await executeSubgraph({
      name: 'market-data',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(['analyst'])),
      query,
    });
    expect(r.errors).toBeUndefined();
    return r.data as any;
  };

  beforeAll(async () => {
    t = await createTestRuntime('pglite');
    service = await createMarketData(t);
    await service.stores.instruments.ensure(
      SYMBOLS.map((symbol) => ({
        symbol,
        name: symbol,
        exchange: 'US',
        assetClass: 'equity' as const,
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      })),
    );
    const file = join(demoDataDir(), 'stocknet_prices.csv.gz');
    // The stocknet closes as stored bars (available at 21:00Z, enough for reads as of later dates).
    await t.lake.commit('bars', { mode: 'append' }, async (w) => {
      await w.writeQuery(
        `SELECT ticker AS symbol, '1d' AS interval, timezone('UTC', CAST(date AS DATE)::TIMESTAMP) AS time,
           CAST(open AS DOUBLE) AS open, CAST(high AS DOUBLE) AS high, CAST(low AS DOUBLE) AS low,
           CAST(close AS DOUBLE) AS close, CAST(volume AS DOUBLE) AS volume,
           timezone('UTC', CAST(date AS DATE) + TIME '21:00') AS available_at, 'test' AS batch_id
         FROM read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)
         WHERE ticker IN ('AAPL', 'JNJ', 'XOM', 'KO', 'MSFT') AND close <> 'null'`,
      );
    });
    expect(await loadDemoCorporateActions(t.lake)).toBe(1306 + 17);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('TOTAL_RETURN closes match the vendor adj_close for every bar (AAPL includes a 7:1 split)', async () => {
    for (const symbol of SYMBOLS) {
      const data = await run(`{ instrument(symbol: "${symbol}") { bars(adjust: TOTAL_RETURN) { time close } } }`);
      const got = new Map<string, number>(data.instrument.bars.map((b: any) => [b.time.slice(0, 10), b.close]));
      const expected = stocknet.filter((r) => r.symbol === symbol);
      expect(got.size).toBe(expected.length);
      let worst = 0;
      for (const r of expected) worst = Math.max(worst, Math.abs(got.get(r.date)! / r.adj - 1));
      expect(worst, symbol).toBeLessThan(5e-6);
    }
  });

  it('as of a past time, only the dividends known then adjust the prices', async () => {
    const data = await run(
      `{ instrument(symbol: "KO") { bars(from: "2013-01-02T00:00:00Z", to: "2015-01-01T00:00:00Z", adjust: TOTAL_RETURN, asOf: "2015-01-02T00:00:00Z") { time close } } }`,
    );
    const ko = stocknet.filter((r) => r.symbol === 'KO');
    const m = (date: string) => {
      const r = ko.find((x) => x.date === date)!;
      return r.adj / r.close;
    };
    const mEnd = m('2014-12-31');
    for (const b of data.instrument.bars) {
      const date = b.time.slice(0, 10);
      const r = ko.find((x) => x.date === date)!;
      expect(b.close / (r.close * (m(date) / mEnd)) - 1).toBeCloseTo(0, 5);
    }
    // The last bar before any later dividend is unadjusted as of then.
    expect(data.instrument.bars.at(-1).close).toBeCloseTo(ko.find((x) => x.date === '2014-12-31')!.close, 9);
  });

  it('lists the actions known at a time', async () => {
    const all = await run(
      '{ instrument(symbol: "AAPL") { corporateActions { exDate kind ratio amount availableAt } } }',
    );
    expect(all.instrument.corporateActions.find((a: any) => a.kind === 'SPLIT')).toEqual({
      exDate: '2014-06-09',
      kind: 'SPLIT',
      ratio: 7,
      amount: null,
      availableAt: '2014-06-09T13:30:00.000Z',
    });
    const early = await run(
      '{ instrument(symbol: "AAPL") { corporateActions(asOf: "2014-06-09T13:29:59Z") { kind exDate } } }',
    );
    expect(early.instrument.corporateActions.some((a: any) => a.kind === 'SPLIT')).toBe(false);
  });
});
