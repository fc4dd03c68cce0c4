import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stores } from '../../context.ts';
import { createAltData } from '../../service.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationQuery } from './store.ts';

const at = (iso: string) => new Date(iso);

describe.each(testDatabaseKinds())('alternative observations in the lake on %s', (kind) => {
  let t: TestRuntime;
  let stores: Stores;
  let scores: DatasetRecord;
  let closes: DatasetRecord;
  const read = (dataset: DatasetRecord, q: Partial<ObservationQuery> & { asOf: Date }) =>
    stores.observations.page(dataset, { limit: 100, ...q });
  const values = async (dataset: DatasetRecord, q: Partial<ObservationQuery> & { asOf: Date }) =>
    (await read(dataset, q)).rows.map((r) => [r.entity, r.eventTime.toISOString(), r.seq, r.values]);

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    stores = (await createAltData(t)).stores;
    const vendor = await stores.vendors.ensure({ name: 'Test vendor', website: null, licence: 'test' });
    scores = await stores.datasets.ensure(
      {
        name: 'test_scores',
        vendorId: vendor.id,
        description: 'scores',
        licence: 'test',
        licensed: true,
        latencySeconds: 60,
        publication: { kind: 'event_time' },
        entityKind: 'instrument',
        fields: [
          { name: 'score', type: 'float', description: 'a score' },
          { name: 'label', type: 'string', description: 'a label' },
          { name: 'n', type: 'int', description: 'a count' },
          { name: 'flag', type: 'boolean', description: 'a flag' },
        ],
      },
      [],
    );
    closes = await stores.datasets.ensure(
      {
        name: 'test_closes',
        vendorId: vendor.id,
        description: 'a daily market-wide close published at 16:15 New York',
        licence: 'test',
        licensed: false,
        latencySeconds: 0,
        publication: { kind: 'local_time', time: '16:15', timeZone: 'America/New_York' },
        entityKind: 'market',
        fields: [{ name: 'close', type: 'float', description: 'close' }],
      },
      [],
    );
    await stores.observations.append(
      scores,
      [
        { entity: 'AAPL', eventTime: at('2015-03-02T15:00:00Z'), values: { score: 1, label: 'a', n: 3, flag: true } },
        { entity: 'AAPL', eventTime: at('2015-03-02T15:00:00Z'), seq: 1, values: { score: 2 } },
        { entity: 'AAPL', eventTime: at('2015-03-03T15:00:00Z'), values: { score: 5, label: 'b', n: 1, flag: false } },
        { entity: 'MSFT', eventTime: at('2015-03-02T16:00:00Z'), values: { score: -1, label: 'c', n: 0, flag: null } },
      ],
      'test:first',
    );
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('makes an observation known at its publication plus the declared latency, not before', async () => {
    expect(await values(scores, { asOf: at('2015-03-02T15:00:59.999Z') })).toEqual([]);
    expect(await values(scores, { asOf: at('2015-03-02T15:01:00Z') })).toEqual([
      ['AAPL', '2015-03-02T15:00:00.000Z', 0, { score: 1, label: 'a', n: 3, flag: true }],
      ['AAPL', '2015-03-02T15:00:00.000Z', 1, { score: 2, label: null, n: null, flag: null }],
    ]);
    const [row] = (await read(scores, { asOf: at('2015-03-05T00:00:00Z'), entities: ['MSFT'] })).rows;
    expect(row?.availableAt.toISOString()).toBe('2015-03-02T16:01:00.000Z');
  });

  it('reads a correction only as of its own availability, and never lets it displace another key', async () => {
    // The vendor corrects the 2015-03-02 score a week later.
    await stores.observations.append(
      scores,
      [
        {
          entity: 'AAPL',
          eventTime: at('2015-03-02T15:00:00Z'),
          publishedAt: at('2015-03-09T12:00:00Z'),
          values: { score: 1.5, label: 'a2', n: 3, flag: true },
        },
      ],
      'test:correction',
    );
    const before = await values(scores, { asOf: at('2015-03-09T12:00:59Z'), entities: ['AAPL'], fields: ['score'] });
    const after = await values(scores, { asOf: at('2015-03-09T12:01:00Z'), entities: ['AAPL'], fields: ['score'] });
    expect(before).toEqual([
      ['AAPL', '2015-03-02T15:00:00.000Z', 0, { score: 1 }],
      ['AAPL', '2015-03-02T15:00:00.000Z', 1, { score: 2 }],
      ['AAPL', '2015-03-03T15:00:00.000Z', 0, { score: 5 }],
    ]);
    expect(after).toEqual([
      ['AAPL', '2015-03-02T15:00:00.000Z', 0, { score: 1.5 }],
      ['AAPL', '2015-03-02T15:00:00.000Z', 1, { score: 2 }],
      ['AAPL', '2015-03-03T15:00:00.000Z', 0, { score: 5 }],
    ]);
    const [corrected] = (await read(scores, { asOf: at('2016-01-01T00:00:00Z'), entities: ['AAPL'] })).rows;
    expect(corrected?.availableAt.toISOString()).toBe('2015-03-09T12:01:00.000Z');
  });

  it('filters by entity and a half-open event-time range, and pages by key on a pinned snapshot', async () => {
    const asOf = at('2016-01-01T00:00:00Z');
    expect(
      await values(scores, { asOf, from: at('2015-03-02T15:00:00Z'), to: at('2015-03-02T16:00:00Z'), fields: ['n'] }),
    ).toEqual([
      ['AAPL', '2015-03-02T15:00:00.000Z', 0, { n: 3 }],
      ['AAPL', '2015-03-02T15:00:00.000Z', 1, { n: null }],
    ]);
    const first = await read(scores, { asOf, limit: 2 });
    expect(first.hasNextPage).toBe(true);
    const last = first.rows.at(-1)!;
    const second = await read(scores, {
      asOf,
      limit: 2,
      after: [last.entity, last.eventTime.getTime(), last.seq],
      snapshotId: first.snapshotId,
    });
    expect(second.hasNextPage).toBe(false);
    expect([...first.rows, ...second.rows].map((r) => [r.entity, r.seq, r.values.score])).toEqual([
      ['AAPL', 0, 1.5],
      ['AAPL', 1, 2],
      ['AAPL', 0, 5],
      ['MSFT', 0, -1],
    ]);
    // A write after the first page does not change what later pages of that listing read.
    await stores.observations.append(
      scores,
      [{ entity: 'MSFT', eventTime: at('2015-03-02T16:00:00Z'), publishedAt: at('2015-04-01T00:00:00Z'), values: {} }],
      'test:late',
    );
    const pinned = await read(scores, { asOf, entities: ['MSFT'], snapshotId: first.snapshotId });
    expect(pinned.rows.map((r) => r.values.score)).toEqual([-1]);
    const current = await read(scores, { asOf, entities: ['MSFT'] });
    expect(current.rows.map((r) => r.values.score)).toEqual([null]);
  });

  it('publishes a daily close at 16:15 New York of its date, daylight saving included', async () => {
    await stores.observations.append(
      closes,
      [
        { entity: 'MARKET', eventTime: at('2016-01-04T00:00:00Z'), values: { close: 20.7 } },
        { entity: 'MARKET', eventTime: at('2016-03-14T00:00:00Z'), values: { close: 16.92 } },
      ],
      'test:closes',
    );
    const rows = (await read(closes, { asOf: at('2017-01-01T00:00:00Z') })).rows;
    // EST (UTC−5) in January, EDT (UTC−4) after the second Sunday of March.
    expect(rows.map((r) => [r.eventTime.toISOString(), r.availableAt.toISOString()])).toEqual([
      ['2016-01-04T00:00:00.000Z', '2016-01-04T21:15:00.000Z'],
      ['2016-03-14T00:00:00.000Z', '2016-03-14T20:15:00.000Z'],
    ]);
  });

  it('refuses values that do not match the declared schema, and entities that do not fit the dataset', async () => {
    const bad = [
      [scores, { entity: 'AAPL', eventTime: at('2015-01-01T00:00:00Z'), values: { score: 'high' } }, /score/],
      [scores, { entity: 'AAPL', eventTime: at('2015-01-01T00:00:00Z'), values: { nope: 1 } }, /nope/],
      [scores, { entity: 'AAPL', eventTime: at('2015-01-01T00:00:00Z'), values: { n: 1.5 } }, /n:/],
      [scores, { entity: 'not a symbol', eventTime: at('2015-01-01T00:00:00Z'), values: {} }, /entity/],
      [closes, { entity: 'AAPL', eventTime: at('2015-01-01T00:00:00Z'), values: {} }, /entity/],
    ] as const;
    for (const [dataset, row, message] of bad) {
      await expect(stores.observations.append(dataset, [row], 'test:bad')).rejects.toThrow(message);
    }
  });
});
