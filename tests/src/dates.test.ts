import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const ZONELESS = 'DateTime "2016-04-01T00:00:00" has no time zone: add Z for UTC or an offset like +01:00';
const ROLLOVER = 'DateTime "2016-02-30T00:00:00Z" is not a calendar date: 2016-02 has no day 30';
const US_ORDER =
  'DateTime "04-01-2016" is not ISO-8601: write YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. "2016-04-01T00:00:00Z"';
const DATE_ONLY =
  'DateTime "2016-04-01" is a date without a time: write "2016-04-01T00:00:00Z" for the start of that UTC day (or use the argument\'s Date form where there is one)';

describe('dates through the gateway: strict scalars under the caller’s names, one range convention', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it.each([
    ['2016-04-01T00:00:00', ZONELESS],
    ['2016-02-30T00:00:00Z', ROLLOVER],
    ['04-01-2016', US_ORDER],
    ['2016-04-01', DATE_ONLY],
  ])('a literal %j is refused naming the argument', async (value, reason) => {
    const body = await p.query(
      `{ bars(symbols: ["AAPL"], from: ${JSON.stringify(value)}) { edges { node { time } } } }`,
    );
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.message)).toEqual([
      `Argument "from" has invalid value ${JSON.stringify(value)}: ${reason}`,
    ]);
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });

  it('a literal inside a nested field is refused naming that field’s argument', async () => {
    const body = await p.query('{ instrument(symbol: "AAPL") { bars(to: "2016-02-30T00:00:00Z") { time } } }');
    expect(body.errors?.map((e) => e.message)).toEqual([
      `Argument "to" has invalid value "2016-02-30T00:00:00Z": ${ROLLOVER}`,
    ]);
  });

  it.each([
    ['2016-04-01T00:00:00', ZONELESS],
    ['2016-02-30T00:00:00Z', ROLLOVER],
    ['04-01-2016', US_ORDER],
  ])('a variable %j is refused naming the variable', async (value, reason) => {
    const body = await p.query(
      'query($from: DateTime) { bars(symbols: ["AAPL"], from: $from) { edges { node { time } } } }',
      { from: value },
    );
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.map((e) => e.message)).toEqual([
      `Variable "$from" got invalid value ${JSON.stringify(value)}; ${reason}`,
    ]);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('a Date is YYYY-MM-DD and never rolls over', async () => {
    const body = await p.query(
      'mutation($start: Date!) { runBacktest(spec: { name: "x", universe: ["AAPL"], periodStart: $start, periodEnd: "2016-02-30" }) { ok } }',
      { start: '2016-01-04' },
      { token: await p.token(['researcher']) },
    );
    expect(body.errors?.map((e) => e.message)).toEqual([
      'Argument "spec.periodEnd" has invalid value "2016-02-30": Date "2016-02-30" is not a calendar date: 2016-02 has no day 30',
    ]);
  });

  it('Instrument.bars and Query.bars read the same range: from inclusive, to exclusive', async () => {
    const range = 'from: "2016-03-01T00:00:00Z", to: "2016-03-08T00:00:00Z"';
    const body = await p.query(
      `{ instrument(symbol: "AAPL") { bars(${range}) { time close } }
         bars(symbols: ["AAPL"], ${range}) { edges { node { time close } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const nested = body.data.instrument.bars;
    const top = body.data.bars.edges.map((e: { node: unknown }) => e.node);
    expect(nested).toEqual(top);
    // 2016-03-01 (Tue) to 2016-03-07 (Mon): five sessions, the 8th excluded.
    expect(nested.map((b: { time: string }) => b.time)).toEqual([
      '2016-03-01T00:00:00.000Z',
      '2016-03-02T00:00:00.000Z',
      '2016-03-03T00:00:00.000Z',
      '2016-03-04T00:00:00.000Z',
      '2016-03-07T00:00:00.000Z',
    ]);
    const offset = await p.query(
      '{ instrument(symbol: "AAPL") { bars(from: "2016-03-01T00:00:00+01:00", to: "2016-03-02T01:00:00+01:00") { time } } }',
    );
    expect(offset.data.instrument.bars).toEqual([{ time: '2016-03-01T00:00:00.000Z' }]);
  });
});
