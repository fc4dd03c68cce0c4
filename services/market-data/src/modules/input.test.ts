import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarketData } from '../service.ts';

const cursor = (text: string) => Buffer.from(text).toString('base64url');

describe.each(testDatabaseKinds())('market-data arguments checked before Postgres and DuckDB on %s', (kind) => {
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

  it('answers null, not an error, for an id that is not an instrument id', async () => {
    const result = await run(`{ a: instrument(id: "1; DROP TABLE x") { id } b: instrument(id: "AAPL\u0000") { id } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ a: null, b: null });
  });
});
