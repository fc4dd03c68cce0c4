import { seedInstruments } from '@alphagraph/datasets/testing';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendViewRows,
  CREATE,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  ROWS,
  registerAltDataset,
  startFeaturesHarness,
} from './test-support.ts';

const DAY = 86_400;

/**
 * The point-in-time cases of issue 5 item 9, end to end through the features subgraph: GraphQL
 * input, a spine stored in the lake, feature views read by snapshot, the DuckDB build, the paged
 * preview. Every expected value is written by hand from the fixture rows.
 */
describe.each(testDatabaseKinds())('training sets on %s', (kind) => {
  let h: FeaturesHarness;
  let refs: Record<string, string>;

  beforeAll(async () => {
    h = await startFeaturesHarness(kind);
    const px = await createFixtureView(h.deps, { view: 'px', features: [{ name: 'px', ttlSeconds: 365 * DAY }] });
    await appendViewRows(h.deps, px.lakeDataset, [
      // A: session values, a correction of 01-04 published 01-08 12:00, a late correction of an old period.
      ['A', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [1]],
      ['A', '2016-01-04T00:00:00Z', '2016-01-08T12:00:00Z', [2]],
      ['A', '2016-01-11T00:00:00Z', '2016-01-11T21:00:00Z', [11]],
      ['A', '2016-01-04T00:00:00Z', '2016-01-12T12:00:00Z', [99]],
      // Exact ties on (entity, event_time, available_at): the greater tiebreak (later run) wins.
      ['T', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [1], 'run-b'],
      ['T', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [2], 'run-a'],
      // Keys that concatenate to the same string.
      ['A1', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', [101]],
      ['A1|x', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', [102]],
      // Around the March 2016 DST change: closes at 21:00Z (EST) then 20:00Z (EDT).
      ['D', '2016-03-11T00:00:00Z', '2016-03-11T21:00:00Z', [311]],
      ['D', '2016-03-14T00:00:00Z', '2016-03-14T20:00:00Z', [314]],
    ]);
    const ttl = await createFixtureView(h.deps, { view: 'ttl', features: [{ name: 'one_day', ttlSeconds: DAY }] });
    await appendViewRows(h.deps, ttl.lakeDataset, [['A', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', [7]]]);
    // Tweets (a public dataset here): event at 14:00, published with a declared latency of one minute.
    await registerAltDataset(h.deps.db, { name: 'tweets_fixture', vendor: 'Fixture', licensed: false });
    const tw = await createFixtureView(h.deps, {
      view: 'tw',
      features: [{ name: 'tweet_score', ttlSeconds: DAY, inputs: ['tweets_fixture'] }],
    });
    await appendViewRows(h.deps, tw.lakeDataset, [['A', '2015-03-02T14:00:00Z', '2015-03-02T14:01:00Z', [0.7]]]);
    refs = { px: px.refs[0]!, ttl: ttl.refs[0]!, tw: tw.refs[0]! };
    // An instrument with no feature value at all.
    await seedInstruments(h.deps.db, ['NEW']);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const spine = (rows: [string, string][]) => ({ rows: rows.map(([entity, t]) => ({ entity, t })) });
  const values = (rows: any[], column: string) => rows.map((r) => r.values[column]);

  it('ignores a correction until it is available, and never lets an old period replace a newer one', async () => {
    const { rows } = await createAndRead(h, {
      name: 'corrections',
      features: [refs.px],
      spine: spine([
        ['A', '2016-01-06T00:00:00Z'],
        ['A', '2016-01-08T11:59:59.999999Z'],
        ['A', '2016-01-08T12:00:00Z'],
        ['A', '2016-01-12T00:00:00Z'],
        ['A', '2016-01-13T00:00:00Z'],
      ]),
    });
    expect(values(rows, 'px__v1')).toEqual([1, 1, 2, 11, 11]);
  });

  it('alternative data published with latency exists only from its availability', async () => {
    const { rows } = await createAndRead(h, {
      name: 'latency',
      features: [refs.tw],
      spine: spine([
        ['A', '2015-03-02T14:00:30Z'],
        ['A', '2015-03-02T14:00:59.999999Z'],
        ['A', '2015-03-02T14:01:00Z'],
      ]),
    });
    expect(values(rows, 'tweet_score__v1')).toEqual([null, null, 0.7]);
  });

  it('TTL: a value exactly TTL old is valid, one microsecond older is null', async () => {
    const { rows } = await createAndRead(h, {
      name: 'ttl',
      features: [refs.ttl],
      spine: spine([
        ['A', '2016-01-05T00:00:00Z'],
        ['A', '2016-01-05T00:00:00.000001Z'],
      ]),
    });
    expect(values(rows, 'one_day__v1')).toEqual([7, null]);
    expect(rows.map((r) => r.t)).toEqual(['2016-01-05T00:00:00.000000Z', '2016-01-05T00:00:00.000001Z']);
  });

  it('keeps spine rows one for one: order, duplicates, entities without values, ties, concatenating keys', async () => {
    const { ts, rows } = await createAndRead(h, {
      name: 'one-for-one',
      features: [refs.px],
      spine: spine([
        ['A1', '2016-01-05T00:00:00Z'],
        ['T', '2016-01-05T00:00:00Z'],
        ['A', '2016-01-04T20:00:00Z'],
        ['NEW', '2016-01-05T00:00:00Z'],
        ['A1|x', '2016-01-05T00:00:00Z'],
        ['T', '2016-01-05T00:00:00Z'],
        ['A', '2016-01-04T20:00:00Z'],
      ]),
    });
    expect(ts.rowCount).toBe(7);
    expect(rows.map((r) => [r.rowNumber, r.entity])).toEqual([
      [0, 'A1'],
      [1, 'T'],
      [2, 'A'],
      [3, 'NEW'],
      [4, 'A1|x'],
      [5, 'T'],
      [6, 'A'],
    ]);
    expect(values(rows, 'px__v1')).toEqual([101, 1, null, null, 102, 1, null]);
  });

  it('a schedule spine at 16:30 New York crosses the DST change and sees each session', async () => {
    const { ts, rows } = await createAndRead(h, {
      name: 'dst',
      features: [refs.px],
      entities: ['D'],
      spine: { schedule: { calendar: 'XNYS', times: ['15:30', '16:30'] } },
      period: { from: '2016-03-11', to: '2016-03-14' },
    });
    expect(rows.map((r) => r.t)).toEqual([
      '2016-03-11T20:30:00.000000Z',
      '2016-03-11T21:30:00.000000Z',
      '2016-03-14T19:30:00.000000Z',
      '2016-03-14T20:30:00.000000Z',
    ]);
    expect(values(rows, 'px__v1')).toEqual([null, 311, 311, 314]);
    expect(ts.inputs).toEqual([
      { lakeDataset: 'fv_px_00000000', snapshotId: expect.any(Number), role: 'FEATURE_VIEW' },
    ]);
  });

  it('pages the preview with cursors', async () => {
    const { ts } = await createAndRead(h, {
      name: 'paging',
      features: [refs.px],
      spine: spine(Array.from({ length: 5 }, (_, i): [string, string] => ['A', `2016-01-1${i}T00:00:00Z`])),
    });
    const first = await h.run(ROWS, { id: ts.id, first: 2 });
    const page = first.data.trainingSet.rows;
    expect(page.edges.map((e: any) => e.node.rowNumber)).toEqual([0, 1]);
    expect(page.hasNextPage).toBe(true);
    const next = await h.run(ROWS, { id: ts.id, first: 10, after: page.endCursor });
    expect(next.data.trainingSet.rows.edges.map((e: any) => e.node.rowNumber)).toEqual([2, 3, 4]);
    expect(next.data.trainingSet.rows.hasNextPage).toBe(false);
  });

  it('refuses invalid specs with a message naming the problem', async () => {
    const cases: [Record<string, unknown>, RegExp, string][] = [
      [
        { features: ['Ref($close, -5) / $close - 1'], spine: spine([['A', '2016-01-05T00:00:00Z']]) },
        /features.0: expected a feature name or name@version/,
        'INVALID_SPEC',
      ],
      [
        { features: ['nope@1'], spine: spine([['A', '2016-01-05T00:00:00Z']]) },
        /no feature version matches nope@1/,
        'NOT_FOUND',
      ],
      [{ features: [refs.px], spine: spine([['A', '2016-01-05']]) }, /ISO-8601 instant/, 'INVALID_SPEC'],
      [{ features: [refs.px], spine: { uploadedFile: '../../etc/passwd' } }, /bare file name/, 'INVALID_SPEC'],
      [
        { features: [refs.px], spine: { uploadedFile: 'missing.parquet' } },
        /no uploaded spine named missing.parquet/,
        'INVALID_SPEC',
      ],
      [
        { features: [refs.px], spine: { parquetBase64: Buffer.from('not parquet').toString('base64') } },
        /not a Parquet file/,
        'INVALID_SPEC',
      ],
      [
        { features: [refs.px], spine: { rows: [], schedule: { times: ['16:30'] } } },
        /exactly one of rows/,
        'INVALID_SPEC',
      ],
      [
        {
          features: [refs.px],
          spine: spine([['A', '2017-01-05T00:00:00Z']]),
          period: { from: '2016-01-01', to: '2016-12-31' },
        },
        /1 spine rows fall outside the period/,
        'INVALID_SPEC',
      ],
    ];
    for (const [input, message, code] of cases) {
      const r = await h.run(CREATE, { i: { name: 'bad', ...input } });
      expect(r.errors).toBeUndefined();
      expect(r.data.createTrainingSet).toMatchObject({ ok: false, trainingSet: null, error: { code } });
      expect(r.data.createTrainingSet.error.message).toMatch(message);
    }
  });

  it('is for researchers: an analyst can neither build nor read training sets', async () => {
    const r = await h.run(
      CREATE,
      { i: { name: 'x', features: [refs.px], spine: spine([['A', '2016-01-05T00:00:00Z']]) } },
      ['analyst'],
      'ann',
    );
    expect(r.errors?.[0]?.message).toMatch(/requires role researcher; you have analyst/);
    const list = await h.run('{ trainingSets { id } }', {}, ['analyst'], 'ann');
    expect(list.errors?.[0]?.message).toMatch(/requires role researcher/);
  });
});
