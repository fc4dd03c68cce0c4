import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendViewRows,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  startFeaturesHarness,
} from './test-support.ts';

const DAY = 86_400;

const CREATE_CHECKED = `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) {
  ok error { code message } warnings { code message column split }
  trainingSet { id featureRefs rowCount splitRows { split rows } warnings { code column split } } } }`;
const READ_BACK = `query($id: ID!) { trainingSet(id: $id) {
  featureRefs splitRows { split rows } warnings { code message column split } } }`;

/**
 * What createTrainingSet refuses or warns about (issue 13 items 3 and 4): unknown entities named,
 * symbols matched case-insensitively, bare feature names pinned, all-null columns and empty splits
 * warned about in the result and on the stored set, rows counted per split.
 */
describe.each(testDatabaseKinds())('training set checks on %s', (kind) => {
  let h: FeaturesHarness;
  let px: string;

  beforeAll(async () => {
    h = await startFeaturesHarness(kind);
    const view = await createFixtureView(h.deps, { view: 'px', features: [{ name: 'px', ttlSeconds: 365 * DAY }] });
    await appendViewRows(h.deps, view.lakeDataset, [
      ['AAPL', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [1]],
      ['AAPL', '2016-01-05T00:00:00Z', '2016-01-05T21:00:00Z', [2]],
      ['MSFT', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [10]],
    ]);
    px = view.refs[0]!;
    // A later version of the same feature in a view of its own: bare `px` means this one.
    const v2 = await createFixtureView(h.deps, {
      view: 'px2',
      features: [{ name: 'px', version: 2, ttlSeconds: 365 * DAY }],
    });
    await appendViewRows(h.deps, v2.lakeDataset, [
      ['AAPL', '2016-01-05T00:00:00Z', '2016-01-05T21:00:00Z', [200]],
      ['MSFT', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [1000]],
    ]);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const rows = (entities: string[], t: string) => ({ rows: entities.map((entity) => ({ entity, t })) });
  const create = async (input: Record<string, unknown>) => {
    const r = await h.run(CREATE_CHECKED, { i: { name: 'checks', ...input } });
    expect(r.errors).toBeUndefined();
    return r.data.createTrainingSet;
  };

  it('refuses unknown spine entities by name (twenty, then how many more), and builds nothing', async () => {
    const unknown = Array.from({ length: 25 }, (_, i) => `ZZ${String(i).padStart(2, '0')}`);
    const refused = await create({ features: [px], spine: rows(['AAPL', ...unknown], '2016-01-06T00:00:00Z') });
    expect(refused).toMatchObject({ ok: false, trainingSet: null, warnings: [] });
    expect(refused.error).toEqual({
      code: 'INVALID_SPEC',
      message:
        'spine.rows: 25 unknown entities (no instrument has these symbols): ' +
        `${unknown.slice(0, 20).join(', ')} and 5 more`,
    });
    const schedule = await create({
      features: [px],
      entities: ['aapl', 'NOPE'],
      spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
      period: { from: '2016-01-06', to: '2016-01-06' },
    });
    expect(schedule.error).toEqual({
      code: 'INVALID_SPEC',
      message: 'entities: 1 unknown entity (no instrument has this symbol): NOPE',
    });
    const list = await h.run('{ trainingSets { id } }');
    expect(list.data.trainingSets).toEqual([]);
  });

  it('reads lower-case symbols as the instrument, and pins a bare feature name to its latest version', async () => {
    const { ts, rows: out } = await createAndRead(h, {
      name: 'lower',
      features: ['px'],
      spine: rows(['aapl', 'Msft'], '2016-01-06T00:00:00Z'),
    });
    expect(out.map((r) => [r.entity, r.values.px__v2])).toEqual([
      ['AAPL', 200],
      ['MSFT', 1000],
    ]);
    const read = await h.run(READ_BACK, { id: ts.id });
    expect(read.data.trainingSet.featureRefs).toEqual(['px@2']);
    const schedule = await createAndRead(h, {
      name: 'lower-schedule',
      features: ['px@1'],
      entities: ['msft', 'aapl'],
      spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
      period: { from: '2016-01-06', to: '2016-01-06' },
    });
    expect(schedule.rows.map((r) => [r.entity, r.values.px__v1])).toEqual([
      ['AAPL', 2],
      ['MSFT', 10],
    ]);
  });

  it('warns of a feature null in every row and of an empty split, in the result and on the stored set', async () => {
    // Every spine time is before the first value was available (2016-01-04 21:00Z).
    const early = ['2015-12-01', '2015-12-02', '2015-12-03', '2015-12-04'].map((d) => `${d}T21:00:00Z`);
    const created = await create({
      features: [px],
      spine: { rows: early.flatMap((t) => ['AAPL', 'MSFT'].map((entity) => ({ entity, t }))) },
      split: { validationStart: '2015-12-03T00:00:00Z', testStart: '2016-02-01T00:00:00Z', embargoSeconds: DAY },
    });
    expect(created.ok).toBe(true);
    const allNull = {
      code: 'ALL_NULL_COLUMN',
      message:
        'feature column px__v1 (px@1) is null in all 8 rows: no value of it was known at any spine time ' +
        '(the spine is before its first materialized value, or every value was older than its TTL)',
      column: 'px__v1',
      split: null,
    };
    const emptyTest = {
      code: 'EMPTY_SPLIT',
      message:
        'split TEST has no rows: no spine time falls in it (validation starts 2015-12-03T00:00:00Z, ' +
        'test starts 2016-02-01T00:00:00Z, embargo 86400 seconds)',
      column: null,
      split: 'TEST',
    };
    expect(created.warnings).toEqual([allNull, emptyTest]);
    // 12-01 is TRAIN; 12-02 21:00 is within a day of 12-03: EMBARGO; 12-03 and 12-04 are VALIDATION.
    const splitRows = [
      { split: 'TRAIN', rows: 2 },
      { split: 'VALIDATION', rows: 4 },
      { split: 'TEST', rows: 0 },
      { split: 'EMBARGO', rows: 2 },
    ];
    expect(created.trainingSet).toMatchObject({ featureRefs: ['px@1'], rowCount: 8, splitRows });
    const read = await h.run(READ_BACK, { id: created.trainingSet.id });
    expect(read.data.trainingSet).toEqual({ featureRefs: ['px@1'], splitRows, warnings: [allNull, emptyTest] });
  });

  it('warns of nothing when every column has values and every split rows', async () => {
    const created = await create({
      features: [px],
      spine: rows(['AAPL'], '2016-01-06T00:00:00Z'),
    });
    expect(created).toMatchObject({ ok: true, warnings: [], trainingSet: { splitRows: null, warnings: [] } });
  });
});
