import { sessionClose } from '@alphagraph/calendar';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoAltDatasets, TWEETS, VIX } from '../../test-support/alt.ts';
import { sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars, writeObservations } from '../../test-support/fixtures.ts';
import { createHarness, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import { ensureBuiltinSet } from '../sets/builtin.ts';

const at = (iso: string) => new Date(iso);
const DAYS = sessions('2015-01-02', '2015-01-16');
const vixClose = (date: string) => 15 + DAYS.indexOf(date) * 0.5 + (date === '2015-01-08' ? 2 : 0);

describe.each(testDatabaseKinds())('alternative data aligned to sessions on %s', (kind) => {
  let h: Harness;
  let rows: Record<string, Record<string, unknown>>;

  beforeAll(async () => {
    h = await createHarness(kind);
    const { db } = h.t.handle;
    const { lake } = h.t;
    await writeBars(lake, syntheticBars(['AAA', 'BBB'], DAYS[0]!, DAYS.at(-1)!));
    await registerDemoAltDatasets(db, lake);
    await writeObservations(lake, TWEETS, [
      // Session 2015-01-06 collects [close 01-05, close 01-06) = [21:00Z 01-05, 21:00Z 01-06).
      {
        entity: 'AAA',
        eventTime: at('2015-01-06T14:00:00Z'),
        availableAt: at('2015-01-06T14:01:00Z'),
        values: [0.5, 4],
      },
      {
        entity: 'AAA',
        eventTime: at('2015-01-06T20:59:59Z'),
        availableAt: at('2015-01-06T21:00:59Z'),
        values: [-0.1, 9],
      },
      // 16:00:00 New York exactly: the next session's.
      {
        entity: 'AAA',
        eventTime: at('2015-01-06T21:00:00Z'),
        availableAt: at('2015-01-06T21:01:00Z'),
        values: [0.9, 3],
      },
      // A Saturday: Monday's session.
      {
        entity: 'AAA',
        eventTime: at('2015-01-10T15:00:00Z'),
        availableAt: at('2015-01-10T15:01:00Z'),
        values: [0.3, 5],
      },
      // A tweet about an instrument outside the universe.
      { entity: 'ZZZ', eventTime: at('2015-01-06T15:00:00Z'), availableAt: at('2015-01-06T15:01:00Z'), values: [1, 1] },
    ]);
    // A late correction of the first tweet: the run reads the latest version it knows.
    await writeObservations(lake, TWEETS, [
      {
        entity: 'AAA',
        eventTime: at('2015-01-06T14:00:00Z'),
        availableAt: at('2015-01-08T12:00:00Z'),
        values: [0.7, 4],
      },
    ]);
    await writeObservations(
      lake,
      VIX,
      DAYS.map((d) => ({
        entity: 'MARKET',
        eventTime: at(`${d}T00:00:00Z`),
        // Published 16:15 New York on the date (winter: 21:15Z).
        availableAt: at(`${d}T21:15:00Z`),
        values: [null, null, null, vixClose(d)],
      })),
    );
    expect(await ensureBuiltinSet(db, h.service.featureStore, 'alt_demo')).toBe(true);
    const result = await h.gql(['researcher'], MATERIALIZE, {
      i: { set: 'alt_demo', universe: ['AAA', 'BBB'], waitSeconds: 60 },
    });
    expect(result.data.materializeFeatures.run).toMatchObject({ status: 'SUCCEEDED', rowsWritten: DAYS.length * 2 });
    expect(result.data.materializeFeatures.run.inputSnapshots.map((s: { dataset: string }) => s.dataset)).toEqual([
      'alt_cboe_vix_daily',
      'alt_stocknet_tweets',
      'bars',
    ]);
    const dataset = result.data.materializeFeatures.run.view.lakeDataset;
    const snapshot = (await lake.currentSnapshot(dataset))!;
    const read = await lake.query(`SELECT * FROM ${lake.scan(snapshot)}`);
    rows = Object.fromEntries(read.map((r) => [`${r.entity} ${(r.event_time as Date).toISOString().slice(0, 10)}`, r]));
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('aggregates tweets per NYSE session: [previous close, close), latest versions', () => {
    const pick = (key: string) => ({
      mean: rows[key]!.tweet_sentiment_mean__v1,
      count: rows[key]!.tweet_count__v1,
    });
    expect(pick('AAA 2015-01-06')).toEqual({ mean: (0.7 + -0.1) / 2, count: 2 });
    expect(pick('AAA 2015-01-07')).toEqual({ mean: 0.9, count: 1 });
    expect(pick('AAA 2015-01-08')).toEqual({ mean: null, count: null });
    expect(pick('AAA 2015-01-12')).toEqual({ mean: 0.3, count: 1 });
    expect(pick('BBB 2015-01-06')).toEqual({ mean: null, count: null });
  });

  it('joins the market-wide VIX to every instrument by session date', () => {
    for (const entity of ['AAA', 'BBB']) {
      expect(rows[`${entity} 2015-01-08`]!.vix_level__v1).toBe(vixClose('2015-01-08'));
      expect(rows[`${entity} 2015-01-08`]!.vix_change__v1).toBe(vixClose('2015-01-08') - vixClose('2015-01-07'));
      expect(rows[`${entity} 2015-01-02`]!.vix_change__v1).toBeNull();
    }
  });

  it('stamps each value with the latest input it could have read', () => {
    // A session's inputs: its bar (close), the VIX print (16:15 New York) and its tweets (the
    // session's close + 60 s latency, or the latest version used). vix_change also reads the
    // previous session's row, and a view row carries one stamp for all its features.
    const source = (entity: string, date: string) => {
      const times = [sessionClose('XNYS', date).getTime(), at(`${date}T21:15:00Z`).getTime()];
      const tweets: Record<string, string[]> = {
        'AAA 2015-01-06': ['2015-01-06T21:01:00Z', '2015-01-08T12:00:00Z', '2015-01-06T21:00:59Z'],
        'AAA 2015-01-07': ['2015-01-07T21:01:00Z', '2015-01-06T21:01:00Z'],
        'AAA 2015-01-12': ['2015-01-12T21:01:00Z', '2015-01-10T15:01:00Z'],
      };
      for (const t of tweets[`${entity} ${date}`] ?? []) times.push(at(t).getTime());
      return Math.max(...times);
    };
    for (const entity of ['AAA', 'BBB']) {
      DAYS.forEach((date, i) => {
        const expected = Math.max(source(entity, date), i > 0 ? source(entity, DAYS[i - 1]!) : 0);
        expect((rows[`${entity} ${date}`]!.available_at as Date).getTime(), `${entity} ${date}`).toBe(expected);
      });
    }
    expect((rows['AAA 2015-01-07']!.available_at as Date).toISOString()).toBe('2015-01-08T12:00:00.000Z');
  });
});
