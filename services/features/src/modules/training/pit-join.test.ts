import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MARKET_ENTITY } from '@alphagraph/datasets';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { Lake, type LakeSession, type StagedValue } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTrainingSet, TRAINING_SET_PARQUET } from './build.ts';
import { type FeatureSource, pointInTimeJoinSql } from './pit-join.ts';

const T = (iso: string) => new Date(iso);
const DAY = 86_400;

describe('point-in-time join', () => {
  let db: TestDatabase;
  let lake: Lake;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-pit-'));
    lake = await Lake.open({ root, db: db.db, threads: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await db?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  type ValueRow = [entity: string, event: string, available: string, x: number, tiebreak?: string];

  /**
   * Runs the join of the given sources (each a table of rows with one value column x, read as one
   * output column per TTL) onto the spine; returns, per spine row in spine order, the outputs.
   */
  async function joinSources(
    sources: { rows: ValueRow[]; entityKind?: 'instrument' | 'market'; ttlSeconds?: (number | null)[] }[],
    spine: [entity: string, t: string][],
  ): Promise<(number | null)[][]> {
    return lake.withSession(async (s: LakeSession) => {
      await s.run('CREATE TEMP TABLE spine (row_no BIGINT, entity VARCHAR, t TIMESTAMPTZ)');
      await s.append(
        'spine',
        spine.map(([e, t], i): StagedValue[] => [BigInt(i), e, t]),
      );
      const joined: FeatureSource[] = [];
      const outputs: string[] = [];
      for (const [i, src] of sources.entries()) {
        await s.run(
          `CREATE TEMP TABLE fv${i} (entity VARCHAR, event_time TIMESTAMPTZ, available_at TIMESTAMPTZ, tiebreak VARCHAR, x DOUBLE)`,
        );
        await s.append(
          `fv${i}`,
          src.rows.map(([e, ev, av, x, k]): StagedValue[] => [e, T(ev), T(av), k ?? 'run1', x]),
        );
        const features = (src.ttlSeconds ?? [365 * DAY]).map((ttlSeconds, j) => ({
          column: 'x',
          as: `x${i}_${j}`,
          ttlSeconds,
        }));
        outputs.push(...features.map((f) => f.as));
        joined.push({ relation: `(SELECT rowid AS row_id, * FROM fv${i})`, entityKind: src.entityKind, features });
      }
      const rows = await s.all<Record<string, number | bigint | null>>(pointInTimeJoinSql('spine', joined));
      expect(rows.map((r) => Number(r.row_no))).toEqual(spine.map((_, i) => i));
      return rows.map((r) => outputs.map((o) => r[o] as number | null));
    });
  }

  /** Runs the join over the given values and spine; returns x per spine row, in spine order. */
  async function join1(values: ValueRow[], spine: [entity: string, t: string][], ttlSeconds = 365 * DAY) {
    const rows = await joinSources([{ rows: values, ttlSeconds: [ttlSeconds] }], spine);
    return rows.map(([x]) => x ?? null);
  }

  it('ignores a correction until it is available, then uses it', async () => {
    const v: ValueRow[] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1],
      ['A', '2016-01-04', '2016-01-08T12:00:00Z', 2],
    ];
    expect(
      await join1(v, [
        ['A', '2016-01-06T00:00:00Z'],
        ['A', '2016-01-08T11:59:59.999999Z'],
        ['A', '2016-01-08T12:00:00Z'],
      ]),
    ).toEqual([1, 1, 2]);
  });

  it('a late correction of an old period never replaces a newer period (plain ASOF would)', async () => {
    const v: ValueRow[] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1],
      ['A', '2016-01-05', '2016-01-05T21:00:00Z', 3],
      ['A', '2016-01-04', '2016-01-07T12:00:00Z', 2],
    ];
    expect(await join1(v, [['A', '2016-01-08T00:00:00Z']])).toEqual([3]);
  });

  it('a period published out of order does not hide a newer one', async () => {
    const v: ValueRow[] = [
      ['A', '2016-01-06', '2016-01-06T21:00:00Z', 6],
      ['A', '2016-01-05', '2016-01-07T09:00:00Z', 5],
    ];
    expect(
      await join1(v, [
        ['A', '2016-01-06T22:00:00Z'],
        ['A', '2016-01-08T00:00:00Z'],
      ]),
    ).toEqual([6, 6]);
  });

  it('alternative data published with latency exists only from its availability', async () => {
    const v: ValueRow[] = [['TW', '2015-03-02T14:00:00Z', '2015-03-02T14:01:00Z', 0.7]];
    const got = await join1(v, [
      ['TW', '2015-03-02T14:00:30Z'],
      ['TW', '2015-03-02T14:00:59.999999Z'],
      ['TW', '2015-03-02T14:01:00Z'],
    ]);
    expect(got).toEqual([null, null, 0.7]);
  });

  it('TTL: exactly at t - TTL is valid, one microsecond older is null', async () => {
    const v: ValueRow[] = [['A', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', 1]];
    expect(await join1(v, [['A', '2016-01-05T00:00:00Z']], DAY)).toEqual([1]);
    expect(await join1(v, [['A', '2016-01-05T00:00:00.000001Z']], DAY)).toEqual([null]);
  });

  it('no TTL (null): a value stays valid however old, beside a bounded feature of the same source', async () => {
    const v: ValueRow[] = [['A', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', 1]];
    const spine: [string, string][] = [
      ['A', '2016-01-03T00:00:00Z'],
      ['A', '2016-01-05T00:00:00.000001Z'],
      ['A', '2096-01-04T00:00:00Z'],
    ];
    expect(await joinSources([{ rows: v, ttlSeconds: [null] }], spine)).toEqual([[null], [1], [1]]);
    expect(await joinSources([{ rows: v, ttlSeconds: [DAY, null] }], spine)).toEqual([
      [null, null],
      [null, 1],
      [null, 1],
    ]);
  });

  it('breaks exact ties deterministically: the greatest tiebreak wins, whatever the input order', async () => {
    const a: ValueRow[] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1, 'run-b'],
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 2, 'run-a'],
    ];
    expect(await join1(a, [['A', '2016-01-05T00:00:00Z']])).toEqual([1]);
    expect(await join1([...a].reverse(), [['A', '2016-01-05T00:00:00Z']])).toEqual([1]);
  });

  it('keeps entities with no value yet, and duplicate spine rows one for one', async () => {
    const v: ValueRow[] = [['A', '2016-01-04', '2016-01-04T21:00:00Z', 1]];
    const spine: [string, string][] = [
      ['A', '2016-01-04T20:00:00Z'],
      ['B', '2016-01-05T00:00:00Z'],
      ['A', '2016-01-05T00:00:00Z'],
      ['A', '2016-01-05T00:00:00Z'],
    ];
    expect(await join1(v, spine)).toEqual([null, null, 1, 1]);
  });

  it('entities whose keys concatenate to the same string stay apart', async () => {
    const v: ValueRow[] = [
      ['A1', '2016-01-04', '2016-01-04T00:00:00Z', 1],
      ['A', '2016-01-04', '2016-01-04T00:00:00Z', 2],
      ['A1|x', '2016-01-04', '2016-01-04T00:00:00Z', 3],
    ];
    expect(
      await join1(v, [
        ['A', '2016-01-05T00:00:00Z'],
        ['A1', '2016-01-05T00:00:00Z'],
        ['A1|x', '2016-01-05T00:00:00Z'],
      ]),
    ).toEqual([2, 1, 3]);
  });

  it('spine times across a daylight-saving change see the right session', async () => {
    // NYSE closes 16:00 New York: 21:00Z on Friday 2016-03-11 (EST), 20:00Z on Monday 2016-03-14 (EDT).
    const v: ValueRow[] = [
      ['A', '2016-03-11', '2016-03-11T21:00:00Z', 11],
      ['A', '2016-03-14', '2016-03-14T20:00:00Z', 14],
    ];
    // Spine at 16:30 New York each day (21:30Z then 20:30Z) and at 15:30 (before the close).
    const spine: [string, string][] = [
      ['A', '2016-03-11T21:30:00Z'],
      ['A', '2016-03-14T20:30:00Z'],
      ['A', '2016-03-14T19:30:00Z'],
    ];
    expect(await join1(v, spine)).toEqual([11, 14, 11]);
  });

  it('folds only the entities that need it: a corrected entity next to a clean one in the same source', async () => {
    const v: ValueRow[] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1],
      ['A', '2016-01-05', '2016-01-05T21:00:00Z', 3],
      ['A', '2016-01-04', '2016-01-07T12:00:00Z', 2],
      ['B', '2016-01-04', '2016-01-04T21:00:00Z', 10],
      ['B', '2016-01-05', '2016-01-05T21:00:00Z', 30],
      ['B', '2016-01-05', '2016-01-06T12:00:00Z', 31],
    ];
    const spine: [string, string][] = [
      ['A', '2016-01-08T00:00:00Z'],
      ['B', '2016-01-06T00:00:00Z'],
      ['B', '2016-01-08T00:00:00Z'],
      ['A', '2016-01-05T00:00:00Z'],
    ];
    expect(await join1(v, spine)).toEqual([3, 30, 31, 1]);
  });

  it('rows published at one instant count together; exact duplicate rows count once', async () => {
    const v: ValueRow[] = [
      ['A', '2016-01-05', '2016-01-06T09:00:00Z', 5],
      ['A', '2016-01-04', '2016-01-06T09:00:00Z', 4],
      ['A', '2016-01-06', '2016-01-06T21:00:00Z', 6],
      ['A', '2016-01-06', '2016-01-06T21:00:00Z', 6],
    ];
    expect(
      await join1(v, [
        ['A', '2016-01-06T10:00:00Z'],
        ['A', '2016-01-07T00:00:00Z'],
      ]),
    ).toEqual([5, 6]);
  });
  it('features read from one source with different TTLs each apply their own', async () => {
    const v: ValueRow[] = [['A', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', 1]];
    const ttls = [DAY, 2 * DAY, 10 * DAY];
    expect(
      await joinSources(
        [{ rows: v, ttlSeconds: ttls }],
        [
          ['A', '2016-01-05T00:00:00Z'],
          ['A', '2016-01-05T00:00:00.000001Z'],
          ['A', '2016-01-06T00:00:00Z'],
          ['A', '2016-01-06T00:00:00.000001Z'],
          ['A', '2016-01-14T00:00:00.000001Z'],
        ],
      ),
    ).toEqual([
      [1, 1, 1],
      [null, 1, 1],
      [null, 1, 1],
      [null, null, 1],
      [null, null, null],
    ]);
  });

  it('a MARKET feature gives every spine row the MARKET value known at t, by the same rules', async () => {
    const market: ValueRow[] = [
      [MARKET_ENTITY, '2016-01-04', '2016-01-04T21:00:00Z', 16],
      [MARKET_ENTITY, '2016-01-05', '2016-01-05T21:00:00Z', 18],
      // A correction of the newest period, then a late correction of an older one (never wins).
      [MARKET_ENTITY, '2016-01-05', '2016-01-06T12:00:00Z', 19],
      [MARKET_ENTITY, '2016-01-04', '2016-01-07T12:00:00Z', 99],
      // Not a MARKET row: a market source ignores it, even for spine rows of entity A.
      ['A', '2016-01-06', '2016-01-06T21:00:00Z', 555],
    ];
    const instrument: ValueRow[] = [['A', '2016-01-05', '2016-01-05T21:00:00Z', 1]];
    const spine: [string, string][] = [
      ['A', '2016-01-04T20:00:00Z'],
      ['B', '2016-01-05T00:00:00Z'],
      ['A', '2016-01-06T00:00:00Z'],
      ['B', '2016-01-06T12:00:00Z'],
      ['B', '2016-01-08T00:00:00Z'],
      ['B', '2016-01-08T00:00:00Z'],
      ['A', '2016-01-08T00:00:00.000001Z'],
    ];
    const got = await joinSources(
      [
        { rows: instrument, ttlSeconds: [365 * DAY] },
        { rows: market, entityKind: 'market', ttlSeconds: [3 * DAY] },
      ],
      spine,
    );
    expect(got).toEqual([
      [null, null],
      [null, 16],
      [1, 18],
      [null, 19],
      [null, 19],
      [null, 19],
      // Three days after the 01-05 period: the MARKET value is one microsecond too old.
      [1, null],
    ]);
    // A clean MARKET series (no correction) gives the same values as one folded.
    const clean = market.slice(0, 2);
    const cleanGot = await joinSources([{ rows: clean, entityKind: 'market', ttlSeconds: [3 * DAY] }], spine);
    expect(cleanGot.map(([x]) => x)).toEqual([null, 16, 18, 18, 18, 18, null]);
  });

  it('a build reads views written in several files, a MARKET view and a split, row for row', async () => {
    const viewColumns = [
      { name: 'entity', type: 'VARCHAR' },
      { name: 'event_time', type: 'TIMESTAMPTZ' },
      { name: 'available_at', type: 'TIMESTAMPTZ' },
      { name: 'tiebreak', type: 'VARCHAR' },
      { name: 'x__v1', type: 'DOUBLE' },
    ];
    /** A view written one file per day: rows of different files share file row numbers. */
    async function view(name: string, days: [entity: string, x: number][][]) {
      await lake.registerDataset({ name, owner: 'test', description: 'a feature view', columns: viewColumns });
      let id = 0;
      for (const [d, rows] of days.entries()) {
        const day = `2016-01-0${d + 4}`;
        const snapshot = await lake.commit(name, { mode: 'append' }, async (w) => {
          await w.writeQuery(
            `SELECT entity, $1::TIMESTAMPTZ AS event_time, $2::TIMESTAMPTZ AS available_at, 'run1' AS tiebreak, x AS x__v1
            FROM (VALUES ${rows.map(([e, x]) => `('${e}', ${x})`).join(', ')}) v(entity, x)`,
            [`${day}T00:00:00Z`, `${day}T21:00:00Z`],
          );
        });
        id = snapshot.id;
      }
      expect((await lake.snapshot(name, id)).files).toHaveLength(days.length);
      return id;
    }
    const px = await view('build_px', [
      [
        ['A', 1],
        ['B', 10],
      ],
      [
        ['B', 20],
        ['A', 2],
      ],
    ]);
    const vix = await view('build_vix', [[[MARKET_ENTITY, 15]], [[MARKET_ENTITY, 16]]]);
    const feature = (ref: string, lakeDataset: string, snapshotId: number, entityKind?: 'market') => ({
      ref,
      featureId: ref,
      column: ref.replace('@', '__v'),
      lakeDataset,
      snapshotId,
      viewColumn: 'x__v1',
      ttlSeconds: 3 * DAY,
      ...(entityKind ? { entityKind } : {}),
    });
    const built = await buildTrainingSet({
      lake,
      lakeDataset: 'build_out',
      resolution: {
        // A resolution recorded before entity kinds: px has none, so it is per instrument.
        features: [feature('px@1', 'build_px', px), feature('vix@1', 'build_vix', vix, 'market')],
        labels: [],
        bars: null,
        spine: { kind: 'schedule', instants: ['2016-01-04T22:00:00Z', '2016-01-05T22:00:00Z'], entities: ['A', 'B'] },
        split: { validationStart: '2016-01-05T22:00:00Z', testStart: '2016-01-06T22:00:00Z', embargoSeconds: 0 },
        columns: [
          { name: 'row_no', type: 'BIGINT', kind: 'key', source: null },
          { name: 'entity', type: 'VARCHAR', kind: 'key', source: null },
          { name: 't', type: 'TIMESTAMPTZ', kind: 'key', source: null },
          { name: 'split', type: 'VARCHAR', kind: 'split', source: null },
          { name: 'px__v1', type: 'DOUBLE', kind: 'feature', source: 'px@1' },
          { name: 'vix__v1', type: 'DOUBLE', kind: 'feature', source: 'vix@1' },
        ],
      },
    });
    expect(built.rows).toBe(4);
    const out = await lake.snapshot('build_out', built.snapshotId);
    expect(out.summary.parquet).toEqual(TRAINING_SET_PARQUET);
    const rows = await lake.query(
      `SELECT row_no, entity, split, px__v1, vix__v1 FROM read_parquet($1) ORDER BY file_row_number`,
      [out.files[0]!],
    );
    expect(rows.map((r) => ({ ...r, row_no: Number(r.row_no) }))).toEqual([
      { row_no: 0, entity: 'A', split: 'TRAIN', px__v1: 1, vix__v1: 15 },
      { row_no: 1, entity: 'B', split: 'TRAIN', px__v1: 10, vix__v1: 15 },
      { row_no: 2, entity: 'A', split: 'VALIDATION', px__v1: 2, vix__v1: 16 },
      { row_no: 3, entity: 'B', split: 'VALIDATION', px__v1: 20, vix__v1: 16 },
    ]);
  });
});

describe('point-in-time join at scale', () => {
  let db: TestDatabase;
  let lake: Lake;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-pit-scale-'));
    // More threads than this machine may have cores: DuckDB splits the join, the sort and the write
    // into many parallel tasks, so an order that depended on scheduling would show.
    lake = await Lake.open({ root, db: db.db, threads: 4 });
  });
  afterAll(async () => {
    await lake?.close();
    await db?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes 400,000 spine rows physically in row_no order over several row groups, right values, same bytes twice', async () => {
    const [entities, instants] = [200, 2000];
    await lake.registerDataset({
      name: 'pit_order',
      owner: 'test',
      description: 'the point-in-time join written at scale',
      columns: [
        { name: 'row_no', type: 'BIGINT' },
        { name: 'entity', type: 'VARCHAR' },
        { name: 't', type: 'TIMESTAMPTZ' },
        { name: 'x', type: 'DOUBLE' },
        { name: 'y', type: 'DOUBLE' },
      ],
    });
    const build = () =>
      lake.commit('pit_order', { mode: 'overwrite' }, async (w) => {
        const s = w.session;
        // Entity j has a value j * 10000 + d for day d (event at 00:00 UTC, published 21:00), except
        // on the days where (d + j) % 5 = 0, so values go stale and TTLs bite.
        await s.run(`CREATE TEMP TABLE fv AS
        SELECT printf('E%03d', j) AS entity, to_timestamp(1262304000 + d * 86400) AS event_time,
          to_timestamp(1262304000 + d * 86400 + 21 * 3600) AS available_at, 'run1' AS tiebreak,
          (j * 10000 + d)::DOUBLE AS x
        FROM range(${entities}) e(j), range(1100) days(d) WHERE (d + j) % 5 <> 0`);
        // Instant i is 10:00 or 22:00 UTC (every 12 hours); row_no = i x entities + j. The rows are
        // stored shuffled, so only the join can put them in row_no order.
        await s.run(`CREATE TEMP TABLE spine AS
        SELECT i * ${entities} + j AS row_no, printf('E%03d', j) AS entity,
          to_timestamp(1262304000 + (i * 12 + 10) * 3600) AS t
        FROM range(${instants}) a(i), range(${entities}) b(j) ORDER BY hash(i * ${entities} + j)`);
        const source: FeatureSource = {
          relation: '(SELECT rowid AS row_id, * FROM fv)',
          features: [
            { column: 'x', as: 'x', ttlSeconds: 2 * DAY },
            { column: 'x', as: 'y', ttlSeconds: 1.5 * DAY },
          ],
        };
        await w.writeQuery(pointInTimeJoinSql('spine', [source]), [], TRAINING_SET_PARQUET);
      });
    const snapshot = await build();
    expect(snapshot.rowCount).toBe(entities * instants);
    const [file] = snapshot.files;
    expect(snapshot.files).toHaveLength(1);

    const [groups] = await lake.query<{ n: bigint }>(
      'SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata($1)',
      [file!],
    );
    expect(Number(groups!.n)).toBeGreaterThanOrEqual(3);
    // Expected values by arithmetic, not by a join: at hour h = i * 12 + 10 (since day 0), the last
    // published day is the day of h - 21 hours, or the one before when that day was skipped; a
    // value of day d is fresh under a TTL of k hours when d * 24 >= h - k.
    const [check] = await lake.query<Record<string, bigint>>(
      `WITH r AS (
        SELECT row_no, file_row_number, entity, t, x, y, row_no // ${entities} AS i, row_no % ${entities} AS j
        FROM read_parquet($1)),
      e AS (SELECT *, i * 12 + 10 AS h, floor((i * 12 + 10 - 21) / 24)::BIGINT AS cand FROM r),
      l AS (SELECT *, CASE WHEN (cand + j) % 5 = 0 THEN cand - 1 ELSE cand END AS last FROM e WHERE cand >= 0
        UNION ALL SELECT *, NULL AS last FROM e WHERE cand < 0)
      SELECT count(*) AS n,
        count(*) FILTER (WHERE row_no <> file_row_number) AS misplaced,
        count(*) FILTER (WHERE entity <> printf('E%03d', j) OR t <> to_timestamp(1262304000 + h * 3600)) AS wrong_keys,
        count(*) FILTER (WHERE x IS DISTINCT FROM
          CASE WHEN last >= 0 AND last * 24 >= h - 48 THEN (j * 10000 + last)::DOUBLE END) AS wrong_x,
        count(*) FILTER (WHERE y IS DISTINCT FROM
          CASE WHEN last >= 0 AND last * 24 >= h - 36 THEN (j * 10000 + last)::DOUBLE END) AS wrong_y,
        count(*) FILTER (WHERE x IS NULL) AS null_x,
        count(*) FILTER (WHERE y IS NULL) AS null_y
      FROM l`,
      [file!],
    );
    const counts = Object.fromEntries(Object.entries(check!).map(([k, v]) => [k, Number(v)]));
    expect(counts).toMatchObject({ n: entities * instants, misplaced: 0, wrong_keys: 0, wrong_x: 0, wrong_y: 0 });
    // Both TTLs null some values and keep others, so the checks above compare more than nulls.
    expect(counts.null_x).toBeGreaterThan(0);
    expect(counts.null_y).toBeGreaterThan(counts.null_x!);
    expect(counts.null_y).toBeLessThan((entities * instants) / 2);

    // Built again from the same inputs, on as many threads: the same bytes.
    const again = await build();
    expect(again.files).toHaveLength(1);
    expect(readFileSync(again.files[0]!).equals(readFileSync(file!))).toBe(true);
  });
});
