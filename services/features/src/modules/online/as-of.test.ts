import { sessionClose } from '@alphagraph/calendar';
import { seedInstruments } from '@alphagraph/datasets/testing';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barTime } from '../../test-support/dates.ts';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const AS_OF = `query($e: [String!]!, $f: [String!]!, $t: DateTime) {
  onlineFeatures(entities: $e, features: $f, asOf: $t) {
    features asOf unknownEntities
    rows { entity vector statuses values { feature value eventTime availableAt status } }
  }
}`;

describe.each(testDatabaseKinds())('online values as of a past instant on %s', (kind) => {
  let h: Harness;
  let bars: Bar[];
  const close = (symbol: string, date: string) => bars.find((b) => b.symbol === symbol && b.date === date)!.close;
  const read = async (entities: string[], asOf: string | null, features = ['close_as_of', 'prev_close_as_of']) => {
    const r = await h.gql(['trader'], AS_OF, { e: entities, f: features, t: asOf });
    expect(r.errors).toBeUndefined();
    return r.data.onlineFeatures;
  };
  const materialize = async () => {
    const r = await h.gql(['service'], MATERIALIZE, {
      i: { features: ['close_as_of', 'prev_close_as_of'], universe: ['AAA', 'BBB'], waitSeconds: 60 },
    });
    expect(r.data.materializeFeatures.run.status).toBe('SUCCEEDED');
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    await seedInstruments(h.t.handle.db, ['AAA', 'BBB']);
    bars = syntheticBars(['AAA', 'BBB'], '2017-03-01', '2017-03-31', 11);
    await writeBars(h.t.lake, bars, 'first');
    for (const [name, expression, ttlSeconds] of [
      ['close_as_of', '$close', 5 * 86_400],
      ['prev_close_as_of', 'Ref($close, 1)', undefined],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, { i: { name, expression, ttlSeconds, description: name } });
      expect(r.data.defineFeature.ok).toBe(true);
    }
    await materialize();
    // A correction of the last bar, published on 3 April: the online store changed then.
    const last = bars.find((b) => b.symbol === 'AAA' && b.date === '2017-03-31')!;
    await writeBars(h.t.lake, [{ ...last, close: 999, availableAt: new Date('2017-04-03T12:00:00Z') }], 'fix');
    await materialize();
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('reads the values known at the instant: the bar of that session, before and after a correction', async () => {
    const mid = await read(['AAA'], '2017-03-15T21:00:00Z');
    expect(mid.asOf).toBe('2017-03-15T21:00:00.000Z');
    expect(mid.rows[0].values).toEqual([
      {
        feature: 'close_as_of@1',
        value: close('AAA', '2017-03-15'),
        eventTime: '2017-03-15T00:00:00.000Z',
        availableAt: sessionClose('XNYS', '2017-03-15').toISOString(),
        status: 'CURRENT',
      },
      {
        feature: 'prev_close_as_of@1',
        value: close('AAA', '2017-03-14'),
        eventTime: '2017-03-15T00:00:00.000Z',
        availableAt: sessionClose('XNYS', '2017-03-15').toISOString(),
        status: 'CURRENT',
      },
    ]);
    // One second before the 15th's close, the 14th's bar is the latest known.
    const before = new Date(sessionClose('XNYS', '2017-03-15').getTime() - 1000).toISOString();
    expect((await read(['AAA'], before)).rows[0].vector).toEqual([
      close('AAA', '2017-03-14'),
      close('AAA', '2017-03-13'),
    ]);

    expect((await read(['AAA'], '2017-04-01T00:00:00Z')).rows[0].vector[0]).toBe(close('AAA', '2017-03-31'));
    const corrected = (await read(['AAA'], '2017-04-04T00:00:00Z')).rows[0].values[0];
    expect(corrected).toMatchObject({ value: 999, eventTime: barTime('2017-03-31').toISOString(), status: 'CURRENT' });
    expect(corrected.availableAt).toBe('2017-04-03T12:00:00.000Z');
    // Without asOf: the online store's current value, the same correction.
    const now = await read(['AAA'], null);
    expect(now.rows[0].values[0]).toMatchObject({ value: null, status: 'EXPIRED' });
    expect(now.rows[0].values[0].eventTime).toBe(barTime('2017-03-31').toISOString());
  });

  it('judges TTLs against asOf, and answers MISSING before anything was known', async () => {
    // close_as_of keeps 5 days; prev_close_as_of the default 4: on 4 April 20:00 the 31 March
    // value is 4 days 20 hours old.
    const later = await read(['BBB'], '2017-04-04T20:00:00Z');
    expect(later.rows[0].statuses).toEqual(['CURRENT', 'EXPIRED']);
    expect(later.rows[0].vector).toEqual([close('BBB', '2017-03-31'), null]);
    const early = await read(['BBB'], '2017-02-01T00:00:00Z');
    expect(early.rows[0]).toMatchObject({ entity: 'BBB', vector: [null, null], statuses: ['MISSING', 'MISSING'] });
  });

  it('answers canonical symbols, lists unknown ones, and refuses an instant in the future', async () => {
    const answer = await read(['aaa', 'ZZZ', 'Bbb'], '2017-03-15T21:00:00Z');
    expect(answer.unknownEntities).toEqual(['ZZZ']);
    expect(answer.rows.map((r: { entity: string }) => r.entity)).toEqual(['AAA', 'ZZZ', 'BBB']);
    expect(answer.rows[0].vector[0]).toBe(close('AAA', '2017-03-15'));
    expect(answer.rows[1].statuses).toEqual(['MISSING', 'MISSING']);
    const current = await read(['bbb', 'nope'], null);
    expect(current.unknownEntities).toEqual(['nope']);
    expect(current.rows[0].entity).toBe('BBB');

    const future = await h.gql(['trader'], AS_OF, { e: ['AAA'], f: ['close_as_of'], t: '2999-01-01T00:00:00Z' });
    expect(future.errors?.[0]?.message).toBe(
      'onlineFeatures: asOf 2999-01-01T00:00:00.000Z is in the future; give a past instant, or omit asOf for the current values',
    );
    expect(future.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});
