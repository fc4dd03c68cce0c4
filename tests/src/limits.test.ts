import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

/**
 * Issue 12's bombs against the running platform: each refused by the gateway and again by a
 * subgraph called directly, with an error naming its limit; the platform keeps answering.
 */
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Query { instruments { totalCount } }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { ...F${levels} }\n${fragments.join('\n')}`;
}

/** The README's query across all five subgraphs. */
const CROSS_QUERY = /* GraphQL */ `
  query InstrumentOverview($symbol: String!) {
    instrument(symbol: $symbol) {
      symbol
      bars(last: 2) { time open high low close volume availableAt }
      altDatasets { name vendor { name } }
      features { ref expression }
      models { name task }
      backtests { name status }
    }
  }
`;

const FAN_OUT =
  '{ instrument(symbol: "AAPL") { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { symbol } } } } } } } } } }';
const BARS_BOMB = '{ instrument(symbol: "AAPL") { bars(last: 1000) { instrument { bars(last: 1000) { close } } } } }';
const DEEP = `{ instrument(symbol: "AAPL") ${'{ a '.repeat(4000)}{ b }${' }'.repeat(4001)}`;

describe('operation limits on the running platform', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('refuses each bomb at the gateway, naming its limit', async () => {
    const cases: [string, string][] = [
      [FAN_OUT, 'maxCost'],
      [fragmentBomb(30), 'maxFields'],
      [DEEP, 'maxTokens'],
      [aliases(500, 'dataQuality { instruments }'), 'maxAliases'],
      [aliases(33_333, '__typename'), 'maxTokens'],
      [BARS_BOMB, 'maxCost'],
    ];
    for (const [query, limit] of cases) {
      const res = await p.query(query);
      expect(res.status, limit).toBe(400);
      expect(res.errors?.[0]?.extensions, limit).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
      expect(res.errors?.[0]?.message, limit).toMatch(new RegExp(`limit ${limit} = \\d+`));
    }
  });

  it('refuses the bombs at the subgraphs called directly', async () => {
    const token = await p.token(['researcher']);
    const direct: [string, string, keyof TestPlatform['subgraphUrls']][] = [
      [fragmentBomb(30), 'maxFields', 'market-data'],
      [DEEP, 'maxTokens', 'market-data'],
      [aliases(500, 'dataQuality { instruments }'), 'maxAliases', 'market-data'],
      [BARS_BOMB, 'maxCost', 'market-data'],
      [
        '{ datasets { coverage { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { symbol } } } } } } } } }',
        'maxCost',
        'alt-data',
      ],
    ];
    for (const [query, limit, subgraph] of direct) {
      const res = await p.query(query, {}, { url: p.subgraphUrls[subgraph], token });
      expect(res.status, `${subgraph} ${limit}`).toBe(400);
      expect(res.errors?.[0]?.extensions, `${subgraph} ${limit}`).toMatchObject({ limit });
    }
  });

  it('refuses a 20 MB body with HTTP 413 and keeps answering', async () => {
    const response = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await p.token(['analyst'])}` },
      body: JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(20 * 1024 * 1024) } }),
    });
    expect(response.status).toBe(413);
    const body = (await response.json()) as { errors: { extensions: { limit: string } }[] };
    expect(body.errors[0]!.extensions.limit).toBe('maxBodyBytes');
    const after = await p.query(CROSS_QUERY, { symbol: 'AAPL' });
    expect(after.errors).toBeUndefined();
    expect(after.data.instrument.symbol).toBe('AAPL');
  });

  it('answers a legitimate expensive read: one data-quality report with the bars of two instruments', async () => {
    const res = await p.query(
      '{ dataQuality { instruments } bars(symbols: ["AAPL", "MSFT"], first: 2000) { edges { node { close } } } }',
    );
    expect(res.errors).toBeUndefined();
    expect(res.data.dataQuality.instruments).toBeGreaterThan(0);
    expect(res.data.bars.edges.length).toBe(2000);
  });
});
