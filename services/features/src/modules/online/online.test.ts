import { sessionClose } from '@alphagraph/calendar';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barTime, daysAgo } from '../../test-support/dates.ts';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import type { FeatureRecord } from '../features/store.ts';
import { OnlineCache, onlineValue } from './cache.ts';

const ONLINE = `query($e: [String!]!, $f: [String!]!) {
  onlineFeatures(entities: $e, features: $f) {
    features servedAt
    rows { entity values { feature value eventTime availableAt status } }
  }
}`;
const DENSE = `query($e: [String!]!, $f: [String!]!) {
  onlineFeatures(entities: $e, features: $f) { features rows { entity vector statuses eventTimes } }
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

  it('answers the dense form with the same data as the objects, in feature order', async () => {
    const refs = ['stale_prev_close@1', 'fresh_close'];
    const objects = await online(['BBB', 'ZZZ', 'BBB'], refs);
    const dense = (await h.gql(['trader'], DENSE, { e: ['BBB', 'ZZZ', 'BBB'], f: refs })).data.onlineFeatures;
    expect(dense.features).toEqual(['stale_prev_close@1', 'fresh_close@1']);
    expect(dense.rows).toEqual(
      objects.rows.map(
        (r: { entity: string; values: { value: number | null; status: string; eventTime: string }[] }) => ({
          entity: r.entity,
          vector: r.values.map((v) => v.value),
          statuses: r.values.map((v) => v.status),
          eventTimes: r.values.map((v) => v.eventTime),
        }),
      ),
    );
    expect(dense.rows[0].statuses).toEqual(['EXPIRED', 'CURRENT']);
    expect(dense.rows[0].vector).toEqual([null, lastBar('BBB', FIRST_END).close]);
    expect(dense.rows[1]).toEqual({
      entity: 'ZZZ',
      vector: [null, null],
      statuses: ['MISSING', 'MISSING'],
      eventTimes: [null, null],
    });
  });

  it('serves from its copy while nothing is published: one small query per read', async () => {
    await online(['AAA'], ['fresh_close']);
    h.t.queries.length = 0;
    await online(['AAA', 'BBB'], ['fresh_close', 'stale_prev_close@1']);
    expect(h.t.queries.filter((q) => q.includes('online_values'))).toHaveLength(0);
    expect(h.t.queries.filter((q) => q.includes('online_generations'))).toHaveLength(1);
  });

  it('is fresh after each run, and a backfill of an old period does not move it back', async () => {
    // A second process's copy (another replica), filled before the new run is published.
    const replica = new OnlineCache(h.t.handle.db);
    const [fresh] = await h.service.featureStore.features.resolveRefs(['fresh_close@1']).then((m) => [...m.values()]);
    const before = await replica.read({ entities: ['AAA'], features: [fresh!], now: new Date() });
    expect(before.cells.get('AAA')![0]!.value).toBe(lastBar('AAA', FIRST_END).close);

    await writeBars(
      h.t.lake,
      bars.filter((b) => b.date > FIRST_END),
      'batch-2',
    );
    expect(await materialize({ universe: ['AAA', 'BBB'] })).toMatchObject({ status: 'SUCCEEDED' });
    const newest = lastBar('AAA', LATER);
    const expected = { value: newest.close, eventTime: barTime(newest.date).toISOString(), status: 'CURRENT' };
    expect((await online(['AAA'], ['fresh_close'], ['service'])).rows[0].values[0]).toMatchObject(expected);
    // The replica did not take part in the publish, and still never serves its old copy.
    const after = await replica.read({ entities: ['AAA'], features: [fresh!], now: new Date() });
    expect(onlineValue(after, after.cells.get('AAA')![0]!, 0)).toMatchObject({
      ...expected,
      eventTime: barTime(newest.date),
    });
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

describe('online TTL bound', () => {
  const feature = { id: 'f', name: 'x', version: 2, ttlSeconds: 3600 } as FeatureRecord;
  const nowUs = Date.parse('2024-03-10T12:00:00Z') * 1000 + 123;
  const read = (eventUs: number) => {
    const cell = { value: 1.5, eventUs, availableUs: eventUs };
    return onlineValue({ features: [feature], cells: new Map([['E', [cell]]]), nowUs }, cell, 0);
  };
  it('keeps a value whose event time is exactly now - TTL, and withholds one a microsecond older', () => {
    expect(read(nowUs - 3600 * 1_000_000)).toMatchObject({ feature: 'x@2', value: 1.5, status: 'CURRENT' });
    expect(read(nowUs - 3600 * 1_000_000 - 1)).toMatchObject({ feature: 'x@2', value: null, status: 'EXPIRED' });
  });
});
