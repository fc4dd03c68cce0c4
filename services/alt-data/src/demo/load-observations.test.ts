import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { nextSessionDay, sessionClose, sessionOn } from '@alphagraph/calendar';
import { demoDataDir } from '@alphagraph/config';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../context.ts';
import type { DatasetRecord } from '../modules/datasets/store.ts';
import { createAltData } from '../service.ts';
import { loadDemoObservations } from './load-observations.ts';
import { seedDemoCatalog } from './seed.ts';

const FAR = new Date('2100-01-01T00:00:00Z');
const csvRows = (file: string) =>
  gunzipSync(readFileSync(join(demoDataDir(), file)))
    .toString('utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','));

const nyDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });

/**
 * An independent reading of the session rule: a tweet belongs to the session of its New York date
 * when that date has a session that has not closed yet, else to the next session.
 */
function sessionOfTweet(created: Date): string {
  const date = nyDate.format(created);
  const s = sessionOn('XNYS', date);
  return s && created < s.close ? date : nextSessionDay('XNYS', date);
}

describe.each(testDatabaseKinds())('demo alternative data, loaded from the shipped files, on %s', (kind) => {
  let t: TestRuntime;
  let stores: Stores;
  let datasets: Map<string, DatasetRecord>;
  let logged: string[];

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    stores = (await createAltData(t)).stores;
    datasets = await seedDemoCatalog(stores);
    logged = [];
    const loaded = await loadDemoObservations({ stores, datasets, log: (l) => logged.push(l) });
    expect(loaded).toEqual({
      stocknet_tweets: { loaded: true, rows: 106_338 },
      cboe_vix_daily: { loaded: true, rows: 9_235 },
      eia_wti_spot_daily: { loaded: true, rows: 10_226 },
    });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('reports progress and loads only once', async () => {
    expect(logged).toContain(
      'demo data [1/3] stocknet_tweets: writing observations from stocknet_tweets_sentiment.csv.gz',
    );
    expect(logged).toContain(
      'demo data [1/3] stocknet_tweets: 87 entities with observations; 58 are the declared coverage, ' +
        'the other 29 are not in the demo instrument master',
    );
    const again: string[] = [];
    const second = await loadDemoObservations({ stores, datasets, log: (l) => again.push(l) });
    expect(Object.values(second).every((r) => !r.loaded)).toBe(true);
    expect(again[0]).toBe(
      'demo data [1/3] stocknet_tweets: already loaded from stocknet_tweets_sentiment.csv.gz; skipping',
    );
    const tweets = datasets.get('stocknet_tweets')!;
    expect((await stores.observations.snapshot(tweets))?.rowCount).toBe(106_338);
    expect(await stores.datasets.coverageOf([tweets.id])).toHaveLength(58);
    const tickers = new Set(csvRows('stocknet_tweets_sentiment.csv.gz').map((r) => r[0]));
    expect(await stores.observations.entities(tweets)).toEqual([...tickers].sort());
  });

  it('keeps every tweet, with its values, available 60 s after it was created', async () => {
    const source = csvRows('stocknet_tweets_sentiment.csv.gz').filter((r) => r[0] === 'GE');
    const page = await stores.observations.page(datasets.get('stocknet_tweets')!, {
      entities: ['GE'],
      asOf: FAR,
      limit: 10_000,
    });
    expect(page.rows).toHaveLength(source.length);
    const key = (entity: string, time: string, sentiment: number, tokens: number) =>
      `${entity} ${time} ${sentiment} ${tokens}`;
    const expected = source.map(([e, c, s, n]) => key(e!, new Date(c!).toISOString(), Number(s), Number(n))).sort();
    const actual = page.rows.map((r) =>
      key(r.entity, r.eventTime.toISOString(), r.values.sentiment as number, r.values.tokens as number),
    );
    expect(actual.sort()).toEqual(expected);
    for (const r of page.rows) expect(r.availableAt.getTime() - r.eventTime.getTime()).toBe(60_000);
  });

  it('serves VIX closes known at 16:15 New York and WTI prices ten days after their date', async () => {
    const vix = await stores.observations.page(datasets.get('cboe_vix_daily')!, {
      asOf: FAR,
      from: new Date('2016-01-04T00:00:00Z'),
      to: new Date('2016-01-05T00:00:00Z'),
      limit: 10,
    });
    expect(vix.rows.map((r) => [r.entity, r.availableAt.toISOString(), r.values])).toEqual([
      ['MARKET', '2016-01-04T21:15:00.000Z', { open: 22.48, high: 23.36, low: 20.67, close: 20.7 }],
    ]);
    const july = await stores.observations.page(datasets.get('cboe_vix_daily')!, {
      asOf: new Date('2016-07-01T20:15:00Z'),
      from: new Date('2016-07-01T00:00:00Z'),
      limit: 10,
    });
    expect(july.rows.map((r) => r.values.close)).toEqual([14.77]);
    const wti = await stores.observations.page(datasets.get('eia_wti_spot_daily')!, {
      asOf: FAR,
      from: new Date('2020-04-20T00:00:00Z'),
      to: new Date('2020-04-21T00:00:00Z'),
      limit: 10,
    });
    expect(wti.rows.map((r) => [r.availableAt.toISOString(), r.values])).toEqual([
      ['2020-04-30T00:00:00.000Z', { price: -36.98 }],
    ]);
  });

  it('aggregates tweets per NYSE session exactly as an independent count of the source does', async () => {
    const tweets = datasets.get('stocknet_tweets')!;
    const expected = new Map<string, { n: number; sum: number }>();
    for (const [ticker, created, sentiment] of csvRows('stocknet_tweets_sentiment.csv.gz')) {
      if (ticker !== 'AAPL') continue;
      const session = sessionOfTweet(new Date(created!));
      const day = expected.get(session) ?? { n: 0, sum: 0 };
      expected.set(session, { n: day.n + 1, sum: day.sum + Number(sentiment) });
    }
    const { rows } = await stores.tweets.page(tweets, { entities: ['AAPL'], asOf: FAR, limit: 10_000 });
    expect(rows.map((r) => r.session)).toEqual([...expected.keys()].sort());
    for (const r of rows) {
      const e = expected.get(r.session)!;
      expect(r.tweetCount, r.session).toBe(e.n);
      expect(r.meanSentiment!, r.session).toBeCloseTo(e.sum / e.n, 12);
      expect(r.availableAt.getTime()).toBe(sessionClose('XNYS', r.session).getTime() + 60_000);
    }
    const all = await stores.tweets.page(tweets, { asOf: FAR, limit: 100_000 });
    expect(all.rows.reduce((n, r) => n + r.tweetCount, 0)).toBe(106_338);
  });
});
