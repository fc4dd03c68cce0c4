import { sessionClose } from '@alphagraph/calendar';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barTime, daysAgo } from '../../test-support/dates.ts';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const ONLINE = `query($e: [String!]!, $f: [String!]!) {
  onlineFeatures(entities: $e, features: $f) {
    features servedAt
    rows { entity values { feature value eventTime availableAt status } }
  }
}`;
const FIRST_END = daysAgo(9);
const LATER = daysAgo(1);

describe.each(testDatabaseKinds())('online values on %s', (kind) => {
  let h: Harness;
  let bars: Bar[];
  const lastBar = (symbol: string, until: string) => bars.filter((b) => b.symbol === symbol && b.date <= until).at(-1)!;
  const online = async (entities: string[], features: string[], roles: ('trader' | 'service')[] = ['trader']) => {
    const result = await h.gql(roles, ONLINE, { e: entities, f: features });
    expect(result.errors).toBeUndefined();
    return result.data.onlineFeatures;
  };
  const materialize = async (input: Record<string, unknown>) =>
    (
      await h.gql(['service'], MATERIALIZE, {
        i: { features: ['fresh_close', 'stale_prev_close'], waitSeconds: 60, ...input },
      })
    ).data.materializeFeatures.run;

  beforeAll(async () => {
    h = await createHarness(kind);
    bars = syntheticBars(['AAA', 'BBB'], daysAgo(90), LATER, 7);
    await writeBars(
      h.t.lake,
      bars.filter((b) => b.date <= FIRST_END),
    );
    for (const [name, expression, ttlSeconds] of [
      ['fresh_close', '$close', 30 * 86_400],
      ['stale_prev_close', 'Ref($close, 1)', 1],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, { i: { name, expression, ttlSeconds, description: name } });
      expect(r.data.defineFeature.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('serves the latest value per entity after a run, withholding values past their TTL', async () => {
    expect(await materialize({ universe: ['AAA', 'BBB'] })).toMatchObject({ status: 'SUCCEEDED' });
    h.t.queries.length = 0;
    const answer = await online(['AAA', 'BBB', 'ZZZ'], ['fresh_close', 'stale_prev_close@1']);
    // One batched SQL read for every entity × feature (besides resolving the refs and lineage).
    expect(h.t.queries.filter((q) => q.includes('online_values'))).toHaveLength(1);
    expect(answer.features).toEqual(['fresh_close@1', 'stale_prev_close@1']);
    const aaa = lastBar('AAA', FIRST_END);
    const previous = bars.filter((b) => b.symbol === 'AAA' && b.date < aaa.date).at(-1)!;
    expect(answer.rows[0]).toEqual({
      entity: 'AAA',
      values: [
        {
          feature: 'fresh_close@1',
          value: aaa.close,
          eventTime: barTime(aaa.date).toISOString(),
          availableAt: sessionClose('XNYS', aaa.date).toISOString(),
          status: 'CURRENT',
        },
        {
          feature: 'stale_prev_close@1',
          value: null,
          eventTime: barTime(aaa.date).toISOString(),
          availableAt: sessionClose('XNYS', aaa.date).toISOString(),
          status: 'EXPIRED',
        },
      ],
    });
    expect(previous.close).not.toBe(aaa.close);
    expect(answer.rows[1].values[0].value).toBe(lastBar('BBB', FIRST_END).close);
    expect(answer.rows[2]).toEqual({
      entity: 'ZZZ',
      values: ['fresh_close@1', 'stale_prev_close@1'].map((feature) => ({
        feature,
        value: null,
        eventTime: null,
        availableAt: null,
        status: 'MISSING',
      })),
    });
  });

  it('is fresh after each run, and a backfill of an old period does not move it back', async () => {
    await writeBars(
      h.t.lake,
      bars.filter((b) => b.date > FIRST_END),
      'batch-2',
    );
    expect(await materialize({ universe: ['AAA', 'BBB'] })).toMatchObject({ status: 'SUCCEEDED' });
    const newest = lastBar('AAA', LATER);
    const expected = { value: newest.close, eventTime: barTime(newest.date).toISOString(), status: 'CURRENT' };
    expect((await online(['AAA'], ['fresh_close'], ['service'])).rows[0].values[0]).toMatchObject(expected);
    const backfill = await materialize({
      universe: ['AAA'],
      mode: 'BACKFILL',
      from: `${daysAgo(80)}T00:00:00Z`,
      to: `${daysAgo(40)}T00:00:00Z`,
    });
    expect(backfill).toMatchObject({ status: 'SUCCEEDED' });
    expect((await online(['AAA'], ['fresh_close'])).rows[0].values[0]).toMatchObject(expected);
  });

  it('answers researchers, traders and services only, and refuses unknown features', async () => {
    const analyst = await h.gql(['analyst'], ONLINE, { e: ['AAA'], f: ['fresh_close'] });
    expect(analyst.errors?.[0]?.message).toBe(
      'Query.onlineFeatures requires role trader or service or researcher; you have analyst',
    );
    const researcher = await h.gql(['researcher'], ONLINE, { e: ['AAA'], f: ['fresh_close'] });
    expect(researcher.errors).toBeUndefined();
    // Entities are data, never SQL: quotes, commas and backslashes are just names nobody has.
    const odd = await online(['A"B,{C}\\', "O'Neil"], ['fresh_close']);
    expect(odd.rows.map((r: { values: { status: string }[] }) => r.values[0]!.status)).toEqual(['MISSING', 'MISSING']);
    const unknown = await h.gql(['trader'], ONLINE, { e: ['AAA'], f: ['nope@4'] });
    expect(unknown.errors?.[0]).toMatchObject({
      message: 'onlineFeatures: no feature version matches nope@4',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});
