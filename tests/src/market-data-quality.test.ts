import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

// March 2016 on XNYS: 23 weekdays, less Good Friday (the 25th) = 22 sessions.
const MARCH_2016 = 'from: "2016-03-01T00:00:00Z", to: "2016-04-01T00:00:00Z"';

describe('market-data through the gateway: symbols never silent, data quality by scope, one rule vocabulary', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('matches symbols case-insensitively and answers the canonical symbol', async () => {
    const body = await p.query(
      `{ instrument(symbol: "aapl") { symbol }
         bars(symbols: ["aapl", "AAPL"], from: "2016-03-01T00:00:00Z", to: "2016-03-03T00:00:00Z") { edges { node { symbol time } } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      instrument: { symbol: 'AAPL' },
      bars: {
        edges: [
          { node: { symbol: 'AAPL', time: '2016-03-01T00:00:00.000Z' } },
          { node: { symbol: 'AAPL', time: '2016-03-02T00:00:00.000Z' } },
        ],
      },
    });
  });

  it('refuses an unknown instrument by name instead of answering null', async () => {
    const body = await p.query('{ instrument(symbol: "ZZZZ") { symbol } }');
    expect(body.data).toEqual({ instrument: null });
    expect(body.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.unknownSymbols])).toEqual([
      ['instrument: no instrument has the symbol "ZZZZ"', 'NOT_FOUND', ['ZZZZ']],
    ]);
  });

  it('refuses bars of unknown symbols, naming every one, instead of answering nothing', async () => {
    const body = await p.query('{ bars(symbols: ["aapl", "ZZZZ", "QQQQ"]) { edges { node { symbol } } } }');
    expect(body.data).toEqual({ bars: null });
    expect(body.errors?.map((e) => [e.message, e.extensions?.code, e.extensions?.unknownSymbols])).toEqual([
      [
        'bars: no instrument has the symbols "ZZZZ", "QQQQ" (symbols match case-insensitively; see instruments(search:))',
        'BAD_USER_INPUT',
        ['ZZZZ', 'QQQQ'],
      ],
    ]);
  });

  it('flags a resampled week that covers fewer sessions than its calendar has', async () => {
    const body = await p.query(
      `{ instrument(symbol: "AAPL") { bars(${MARCH_2016}, resample: WEEK) { time sessions complete } } }`,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.instrument.bars).toEqual([
      // Mon 29 Feb is outside the range: 4 of 5 sessions.
      { time: '2016-02-29T00:00:00.000Z', sessions: 4, complete: false },
      { time: '2016-03-07T00:00:00.000Z', sessions: 5, complete: true },
      { time: '2016-03-14T00:00:00.000Z', sessions: 5, complete: true },
      // Good Friday: the week has 4 sessions, all there.
      { time: '2016-03-21T00:00:00.000Z', sessions: 4, complete: true },
      // Fri 1 April is past `to`.
      { time: '2016-03-28T00:00:00.000Z', sessions: 4, complete: false },
    ]);
    const daily = await p.query('{ instrument(symbol: "AAPL") { bars(last: 1) { sessions complete } } }');
    expect(daily.data.instrument.bars).toEqual([{ sessions: 1, complete: true }]);
  });

  it('reports data quality of some symbols, over a period, as of a past instant', async () => {
    const q = `query($asOf: DateTime) {
      dataQuality(symbols: ["aapl"], ${MARCH_2016}, asOf: $asOf) {
        symbols from to asOf rows instruments firstTime lastTime gaps newestAvailableAt stalenessSeconds
        violations { rule count } ingestionFindings { rule action rows }
      }
    }`;
    const now = await p.query(q);
    expect(now.errors).toBeUndefined();
    expect(now.data.dataQuality).toMatchObject({
      symbols: ['AAPL'],
      from: '2016-03-01T00:00:00.000Z',
      to: '2016-04-01T00:00:00.000Z',
      rows: 22,
      instruments: 1,
      firstTime: '2016-03-01T00:00:00.000Z',
      lastTime: '2016-03-31T00:00:00.000Z',
      gaps: 0,
    });
    // As of 15 March 00:00Z: the sessions that had closed by then (1-4, 7-11, 14 March), the newest
    // at the 14th's close (16:00 New York, 20:00Z after the DST change of the 13th); no ingestion
    // batch had been committed then.
    const past = await p.query(q, { asOf: '2016-03-15T00:00:00Z' });
    expect(past.errors).toBeUndefined();
    expect(past.data.dataQuality).toMatchObject({
      asOf: '2016-03-15T00:00:00.000Z',
      rows: 10,
      lastTime: '2016-03-14T00:00:00.000Z',
      newestAvailableAt: '2016-03-14T20:00:00.000Z',
      stalenessSeconds: 4 * 3600,
      ingestionFindings: [],
    });
    const unknown = await p.query('{ dataQuality(symbols: ["ZZZZ"]) { rows } }');
    expect(unknown.errors?.map((e) => [e.message, e.extensions?.unknownSymbols])).toEqual([
      [
        'dataQuality: no instrument has the symbol "ZZZZ" (symbols match case-insensitively; see instruments(search:))',
        ['ZZZZ'],
      ],
    ]);
  });

  it('names rules in data quality exactly as ingestion does', async () => {
    const body = await p.query(
      '{ ingestRules { rule } dataQuality { violations { rule } ingestionFindings { rule action } } }',
    );
    expect(body.errors).toBeUndefined();
    const ingestion = new Set(body.data.ingestRules.map((r: { rule: string }) => r.rule));
    const quality = body.data.dataQuality.violations.map((v: { rule: string }) => v.rule);
    expect(quality).toEqual(['NON_POSITIVE_PRICE', 'HIGH_BELOW_LOW', 'OPEN_CLOSE_OUTSIDE_RANGE', 'NEGATIVE_VOLUME']);
    for (const rule of quality) expect(ingestion.has(rule)).toBe(true);
    // The demo load keeps the source's missing values, with a warning.
    expect(body.data.dataQuality.ingestionFindings).toContainEqual({ rule: 'MISSING_VALUE', action: 'WARN' });
  });
});
