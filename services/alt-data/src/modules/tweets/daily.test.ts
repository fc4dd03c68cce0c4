import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../context.ts';
import { createAltData } from '../../service.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { DailySentimentQuery } from './daily.ts';

const at = (iso: string) => new Date(iso);
const tweet = (entity: string, iso: string, sentiment: number, seq = 0) => ({
  entity,
  eventTime: at(iso),
  seq,
  values: { sentiment, tokens: 5 },
});

/**
 * Hand-checked cases around the session boundary (XNYS close 16:00 New York: 21:00Z in winter,
 * 20:00Z in summer; 13:00 on early-close days) with a 60 s publication latency.
 */
describe.each(testDatabaseKinds())('daily tweet sentiment on %s', (kind) => {
  let t: TestRuntime;
  let stores: Stores;
  let tweets: DatasetRecord;
  const days = async (q: Partial<DailySentimentQuery> & { asOf: Date }) =>
    (await stores.tweets.page(tweets, { limit: 100, ...q })).rows.map((r) => [
      r.entity,
      r.session,
      r.tweetCount,
      r.meanSentiment,
      r.availableAt.toISOString(),
    ]);

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    stores = (await createAltData(t)).stores;
    const vendor = await stores.vendors.ensure({ name: 'StockNet', website: null, licence: 'MIT' });
    tweets = await stores.datasets.ensure(
      {
        name: 'stocknet_tweets',
        vendorId: vendor.id,
        description: 'tweets',
        licence: 'MIT',
        licensed: true,
        latencySeconds: 60,
        publication: { kind: 'event_time' },
        entityKind: 'instrument',
        fields: [
          { name: 'sentiment', type: 'float', description: 'score' },
          { name: 'tokens', type: 'int', description: 'tokens' },
        ],
      },
      [],
    );
    await stores.observations.append(
      tweets,
      [
        // Friday 2015-01-02 (EST): 15:59:59 counts for Friday, 16:00:00 for Monday.
        tweet('AAPL', '2015-01-02T14:30:00Z', 0.5),
        tweet('AAPL', '2015-01-02T20:59:59Z', 0.25),
        tweet('AAPL', '2015-01-02T21:00:00Z', -1),
        // Saturday and Sunday count for Monday 2015-01-05.
        tweet('AAPL', '2015-01-03T12:00:00Z', 0),
        tweet('AAPL', '2015-01-04T23:00:00Z', 0.5),
        tweet('AAPL', '2015-01-04T23:00:00Z', 0.25, 1),
        // Thursday 2015-07-02 (EDT); Friday 2015-07-03 is a holiday (Independence Day observed).
        tweet('MSFT', '2015-07-02T19:59:59Z', 1),
        tweet('MSFT', '2015-07-02T20:00:00Z', 0.5),
        tweet('MSFT', '2015-07-03T15:00:00Z', 0),
        // Friday 2015-11-27 closes early at 13:00 New York (18:00Z).
        tweet('MSFT', '2015-11-27T17:59:59Z', 0.2),
        tweet('MSFT', '2015-11-27T18:00:00Z', 0.4),
      ],
      'test:tweets',
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('assigns tweets at or after the close, on weekends and on holidays to the next session', async () => {
    expect(await days({ asOf: at('2016-01-01T00:00:00Z') })).toEqual([
      ['AAPL', '2015-01-02', 2, 0.375, '2015-01-02T21:01:00.000Z'],
      ['AAPL', '2015-01-05', 4, -0.0625, '2015-01-05T21:01:00.000Z'],
      ['MSFT', '2015-07-02', 1, 1, '2015-07-02T20:01:00.000Z'],
      ['MSFT', '2015-07-06', 2, 0.25, '2015-07-06T20:01:00.000Z'],
      ['MSFT', '2015-11-27', 1, 0.2, '2015-11-27T18:01:00.000Z'],
      ['MSFT', '2015-11-30', 1, 0.4, '2015-11-30T21:01:00.000Z'],
    ]);
  });

  it('knows a session only once it is over and its last tweet is published', async () => {
    const friday = { entities: ['AAPL'], to: at('2015-01-03T00:00:00Z') };
    expect(await days({ ...friday, asOf: at('2015-01-02T21:00:59Z') })).toEqual([]);
    expect(await days({ ...friday, asOf: at('2015-01-02T21:01:00Z') })).toEqual([
      ['AAPL', '2015-01-02', 2, 0.375, '2015-01-02T21:01:00.000Z'],
    ]);
  });

  it('folds in a correction only as of its availability, and marks the day known from then', async () => {
    await stores.observations.append(
      tweets,
      [{ ...tweet('AAPL', '2015-01-02T20:59:59Z', 0.75), publishedAt: at('2015-02-01T00:00:00Z') }],
      'test:correction',
    );
    const friday = { entities: ['AAPL'], from: at('2015-01-02T00:00:00Z'), to: at('2015-01-03T00:00:00Z') };
    expect(await days({ ...friday, asOf: at('2015-01-31T23:59:59Z') })).toEqual([
      ['AAPL', '2015-01-02', 2, 0.375, '2015-01-02T21:01:00.000Z'],
    ]);
    expect(await days({ ...friday, asOf: at('2015-02-01T00:01:00Z') })).toEqual([
      ['AAPL', '2015-01-02', 2, 0.625, '2015-02-01T00:01:00.000Z'],
    ]);
  });

  it('pages by (entity, session)', async () => {
    const asOf = at('2016-01-01T00:00:00Z');
    const first = await stores.tweets.page(tweets, { asOf, limit: 4 });
    expect(first.hasNextPage).toBe(true);
    const last = first.rows.at(-1)!;
    const rest = await stores.tweets.page(tweets, {
      asOf,
      limit: 4,
      after: [last.entity, last.eventTime.getTime()],
      snapshotId: first.snapshotId,
    });
    expect([...first.rows, ...rest.rows].map((r) => `${r.entity} ${r.session}`)).toEqual([
      'AAPL 2015-01-02',
      'AAPL 2015-01-05',
      'MSFT 2015-07-02',
      'MSFT 2015-07-06',
      'MSFT 2015-11-27',
      'MSFT 2015-11-30',
    ]);
    expect(rest.hasNextPage).toBe(false);
  });
});
