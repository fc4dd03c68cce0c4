import { instruments } from '@alphagraph/db/schema/market';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarketData } from '../service.ts';

const cursor = (text: string) => Buffer.from(text).toString('base64url');
const BAR = { symbol: 'AAPL', time: '2016-01-04', open: 1, high: 1, low: 1, close: 1, volume: 1 };

describe.each(testDatabaseKinds())('market-data arguments checked before Postgres and DuckDB on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createMarketData>>;
  const run = async (query: string, variables?: Record<string, unknown>) =>
    executeSubgraph({
      name: 'market-data',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(['analyst', 'admin'])),
      query,
      variables,
    });

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createMarketData(t);
    await t.database.db.insert(instruments).values({
      symbol: 'AAPL',
      name: 'Apple Inc.',
      exchange: 'XNAS',
      assetClass: 'equity',
      currency: 'USD',
      timezone: 'America/New_York',
      calendar: 'XNYS',
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it.each([
    [
      'a NUL in instrument(symbol)',
      'query($s: String) { instrument(symbol: $s) { id } }',
      { s: 'AA\u0000PL' },
      'instrument: symbol "AA\\u0000PL" contains a control character (such as NUL)',
    ],
    [
      'a NUL in bars(symbols)',
      'query($s: [String!]!) { bars(symbols: $s) { edges { cursor } } }',
      { s: ['AAPL', 'MS\u0000FT'] },
      'bars: symbol "MS\\u0000FT" contains a control character (such as NUL)',
    ],
    [
      'a 1,000-character symbol',
      'query($s: [String!]!) { bars(symbols: $s) { edges { cursor } } }',
      { s: ['A'.repeat(1000)] },
      `bars: symbol "${'A'.repeat(40)}…" is longer than 32 characters`,
    ],
    [
      'a bars cursor in year +275760',
      'query($a: String) { bars(symbols: ["AAPL"], after: $a) { edges { cursor } } }',
      { a: cursor('bar:AAPL|+275760-09-13T00:00:00.000Z') },
      `after: ${cursor('bar:AAPL|+275760-09-13T00:00:00.000Z')} is not a cursor from this list`,
    ],
    [
      'a bars cursor carrying a NUL symbol',
      'query($a: String) { bars(symbols: ["AAPL"], after: $a) { edges { cursor } } }',
      { a: cursor('bar:AA\u0000|2016-01-04T00:00:00.000Z') },
      `after: ${cursor('bar:AA\u0000|2016-01-04T00:00:00.000Z')} is not a cursor from this list`,
    ],
    [
      'an instruments cursor carrying a NUL symbol',
      'query($a: String) { instruments(after: $a) { totalCount } }',
      { a: cursor('instrument:A\u0000') },
      `after: ${cursor('instrument:A\u0000')} is not a cursor from this list`,
    ],
    [
      'a NUL in instruments(search)',
      'query($q: String) { instruments(search: $q) { totalCount } }',
      { q: "a'\u0000--" },
      'instruments: search: contains a control character (such as NUL)',
    ],
    [
      'a corporateActions asOf in year +275760',
      'query($a: DateTime) { instrument(symbol: "AAPL") { corporateActions(asOf: $a) { kind } } }',
      { a: '+275760-09-13T00:00:00.000Z' },
      // An expanded year is not the DateTime scalar's ISO-8601: refused before the resolver.
      'Variable "$a" got invalid value "+275760-09-13T00:00:00.000Z"; DateTime "+275760-09-13T00:00:00.000Z" is not ISO-8601: write YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. "2016-04-01T00:00:00Z"',
    ],
    [
      'a corporateActions asOf in year 9999',
      'query($a: DateTime) { instrument(symbol: "AAPL") { corporateActions(asOf: $a) { kind } } }',
      { a: '9999-01-01T00:00:00Z' },
      'corporateActions: asOf: 9999-01-01T00:00:00.000Z is outside the supported range 1800-01-01T00:00:00.000Z to 2200-01-01T00:00:00.000Z',
    ],
    [
      'a NUL in ingestReports(source)',
      'query($s: String) { ingestReports(source: $s) { id } }',
      { s: 'a\u0000b' },
      'ingestReports: source: contains a control character (such as NUL)',
    ],
    [
      'an ingestReports before in year 9999',
      'query($b: DateTime) { ingestReports(before: $b) { id } }',
      { b: '9999-01-01T00:00:00Z' },
      'ingestReports: before: 9999-01-01T00:00:00.000Z is outside the supported range 1800-01-01T00:00:00.000Z to 2200-01-01T00:00:00.000Z',
    ],
    [
      'a NUL in quarantinedBars(symbol)',
      'query($s: String) { quarantinedBars(symbol: $s) { id } }',
      { s: 'A\u0000' },
      'quarantinedBars: symbol "A\\u0000" contains a control character (such as NUL)',
    ],
    [
      'a NUL in ingestBars(source)',
      'mutation($i: IngestBarsInput!) { ingestBars(input: $i) { ok } }',
      { i: { source: 'x\u0000', interval: 'DAY', rows: [BAR] } },
      'ingestBars: source: contains a control character (such as NUL)',
    ],
    [
      'a time in year 9999',
      'query($to: DateTime) { bars(symbols: ["AAPL"], to: $to) { edges { cursor } } }',
      { to: '9999-01-01T00:00:00Z' },
      'bars: to: 9999-01-01T00:00:00.000Z is outside the supported range 1800-01-01T00:00:00.000Z to 2200-01-01T00:00:00.000Z',
    ],
  ])('refuses %s as BAD_USER_INPUT', async (_what, query, variables, message) => {
    const result = await run(query, variables);
    expect(result.errors?.map((e) => ({ message: e.message, code: e.extensions?.code }))).toEqual([
      { message, code: 'BAD_USER_INPUT' },
    ]);
  });

  it('refuses a batch whose row carries a NUL in its symbol, naming the line, and stores nothing', async () => {
    const result = await run(
      'mutation($i: IngestBarsInput!) { ingestBars(input: $i) { ok report { id } error { code message } } }',
      { i: { source: 'nul-symbol', interval: 'DAY', rows: [BAR, { ...BAR, symbol: 'AA\u0000PL' }] } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      ingestBars: {
        ok: false,
        report: null,
        error: {
          code: 'WRONG_TYPE',
          message: expect.stringMatching(
            /line 2: column "symbol" \(symbol\) "AA\\u0000PL" contains a control character/,
          ),
        },
      },
    });
    const reports = await run('{ ingestReports(source: "graphql:nul-symbol") { id } }');
    expect(reports.data).toEqual({ ingestReports: [] });
  });

  it('answers null, not an error, for an id that is not an instrument id', async () => {
    const result = await run(`{ a: instrument(id: "1; DROP TABLE x") { id } b: instrument(id: "AAPL\u0000") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });
});
