import { sessionClose } from '@alphagraph/calendar';
import { seedInstruments } from '@alphagraph/datasets/testing';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoAltDatasets } from '../../test-support/alt.ts';
import { barTime, sessions } from '../../test-support/dates.ts';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, type Harness } from '../../test-support/harness.ts';

const PREVIEW = `query($x: String!, $s: [String!]!, $p: PeriodInput!) {
  previewFeature(expression: $x, symbols: $s, period: $p) {
    ok expression inputs lookback
    rows { symbol time value availableAt }
    error { code message reason line column field }
  }
}`;
const MARCH = { from: '2017-03-01T00:00:00Z', to: '2017-04-01T00:00:00Z' };

describe.each(testDatabaseKinds())('previewing an expression without registering it on %s', (kind) => {
  let h: Harness;
  let bars: Bar[];
  const preview = (
    expression: string,
    symbols: string[],
    period = MARCH,
    roles: ('researcher' | 'trader')[] = ['researcher'],
  ) => h.gql(roles, PREVIEW, { x: expression, s: symbols, p: period }, 'rita');

  beforeAll(async () => {
    h = await createHarness(kind);
    await seedInstruments(h.t.handle.db, ['AAA', 'BBB']);
    await registerDemoAltDatasets(h.t.handle.db, h.t.lake);
    bars = syntheticBars(['AAA', 'BBB'], '2017-02-01', '2017-04-28', 5);
    await writeBars(h.t.lake, bars);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('computes the values over the period, warm-up read before it, each with its availability', async () => {
    const r = await preview('$close - Ref($close,  1)', ['bbb', 'AAA']);
    expect(r.errors).toBeUndefined();
    const answer = r.data.previewFeature;
    expect(answer).toMatchObject({
      ok: true,
      expression: '$close - Ref($close, 1)',
      inputs: ['bars'],
      lookback: 1,
      error: null,
    });
    // By hand: each March session's close minus the previous session's (February's last for 1 March).
    const expected = ['AAA', 'BBB'].flatMap((symbol) => {
      const mine = bars.filter((b) => b.symbol === symbol);
      return sessions('2017-03-01', '2017-03-31').map((date) => {
        const i = mine.findIndex((b) => b.date === date);
        return {
          symbol,
          time: barTime(date).toISOString(),
          value: mine[i]!.close - mine[i - 1]!.close,
          availableAt: sessionClose('XNYS', date).toISOString(),
        };
      });
    });
    expect(answer.rows).toHaveLength(expected.length);
    answer.rows.forEach((row: (typeof expected)[number], i: number) => {
      expect({ ...row, value: 0 }).toEqual({ ...expected[i]!, value: 0 });
      expect(row.value).toBeCloseTo(expected[i]!.value, 10);
    });
    // Nothing was registered.
    expect((await h.gql(['analyst'], '{ features { ref } }')).data.features).toEqual([]);
  });

  it('refuses a bad expression as defineFeature does, with the closest operator suggested', async () => {
    const r = await preview('Reff($close, 1)', ['AAA']);
    expect(r.data.previewFeature).toEqual({
      ok: false,
      expression: null,
      inputs: [],
      lookback: null,
      rows: [],
      error: {
        code: 'BAD_EXPRESSION',
        message:
          "unknown operator 'Reff' (did you mean Ref?): fields start with $, operators are called like Mean($close, 5) at 1:1",
        reason: 'UNKNOWN_OPERATOR',
        line: 1,
        column: 1,
        field: 'expression',
      },
    });
    const ahead = await preview('Ref($close, -1)', ['AAA']);
    expect(ahead.data.previewFeature.error).toMatchObject({ code: 'BAD_EXPRESSION', reason: 'LOOKAHEAD' });
  });

  it.each([
    [['AAA', 'zzz', 'YYY'], MARCH, 'previewFeature: symbols: no instrument has the symbol zzz, YYY', 'symbols'],
    [
      Array.from({ length: 21 }, (_, i) => `S${i}`),
      MARCH,
      'previewFeature: symbols: 21 symbols is more than the 20 a preview computes; materialize the feature for more',
      'symbols',
    ],
    [[], MARCH, 'previewFeature: symbols: give at least one symbol', 'symbols'],
    [
      ['AAA'],
      { from: '2015-01-01T00:00:00Z', to: '2017-01-01T00:00:00Z' },
      'previewFeature: period: 731 days is longer than the 366 a preview computes; shorten the period or materialize the feature',
      'period',
    ],
    [
      ['AAA'],
      { from: MARCH.to, to: MARCH.from },
      'previewFeature: period: from must be before to (from is inclusive, to exclusive)',
      'period',
    ],
  ])('refuses symbols %j over %j, naming the argument', async (symbols, period, message, argument) => {
    const r = await preview('$close', symbols, period);
    expect(r.errors?.[0]?.message).toBe(message);
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
  });

  it('is for researchers, and an expression over licensed data needs the entitlement', async () => {
    const trader = await preview('$close', ['AAA'], MARCH, ['trader']);
    expect(trader.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const licensed = await preview('$stocknet_tweets.count + $close', ['AAA']);
    expect(licensed.data?.previewFeature ?? null).toBeNull();
    expect(licensed.errors?.[0]?.message).toContain(
      'Query.previewFeature: the feature reads dataset stocknet_tweets, licensed from StockNet',
    );
    await h.t.entitlements.grant({
      subject: 'user:rita',
      resource: 'dataset:stocknet_tweets',
      grantedBy: 'ada',
      reason: 'test',
    });
    const entitled = await preview('$stocknet_tweets.count + $close', ['AAA']);
    expect(entitled.errors).toBeUndefined();
    expect(entitled.data.previewFeature).toMatchObject({ ok: true, inputs: ['bars', 'stocknet_tweets'] });
    const reads = (await h.t.audit.query({ actor: 'rita', limit: 10 })).filter(
      (e) => e.action === 'read:licensed-data',
    );
    expect(reads[0]?.details).toMatchObject({ view: 'Query.previewFeature', symbols: ['AAA'] });
  });
});
