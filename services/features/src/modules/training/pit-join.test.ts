import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { Lake, type LakeSession, type StagedValue } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pointInTimeJoinSql } from './pit-join.ts';

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

  /** Runs the join over the given values and spine; returns x per spine row, in spine order. */
  async function join1(
    values: [entity: string, event: string, available: string, x: number, tiebreak?: string][],
    spine: [entity: string, t: string][],
    ttlSeconds = 365 * DAY,
  ): Promise<(number | null)[]> {
    return lake.withSession(async (s: LakeSession) => {
      await s.run(
        'CREATE TEMP TABLE fv (entity VARCHAR, event_time TIMESTAMPTZ, available_at TIMESTAMPTZ, tiebreak VARCHAR, x DOUBLE)',
      );
      await s.run('CREATE TEMP TABLE spine (row_no BIGINT, entity VARCHAR, t TIMESTAMPTZ)');
      await s.append(
        'fv',
        values.map(([e, ev, av, x, k]): StagedValue[] => [e, T(ev), T(av), k ?? 'run1', x]),
      );
      await s.append(
        'spine',
        spine.map(([e, t], i): StagedValue[] => [BigInt(i), e, t]),
      );
      const sql = pointInTimeJoinSql('spine', [{ relation: 'fv', features: [{ column: 'x', as: 'x', ttlSeconds }] }]);
      const rows = await s.all<{ row_no: bigint; x: number | null }>(sql);
      expect(rows.map((r) => Number(r.row_no))).toEqual(spine.map((_, i) => i));
      return rows.map((r) => r.x);
    });
  }

  it('ignores a correction until it is available, then uses it', async () => {
    const v: Parameters<typeof join1>[0] = [
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
    const v: Parameters<typeof join1>[0] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1],
      ['A', '2016-01-05', '2016-01-05T21:00:00Z', 3],
      ['A', '2016-01-04', '2016-01-07T12:00:00Z', 2],
    ];
    expect(await join1(v, [['A', '2016-01-08T00:00:00Z']])).toEqual([3]);
  });

  it('a period published out of order does not hide a newer one', async () => {
    const v: Parameters<typeof join1>[0] = [
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
    const v: Parameters<typeof join1>[0] = [['TW', '2015-03-02T14:00:00Z', '2015-03-02T14:01:00Z', 0.7]];
    const got = await join1(v, [
      ['TW', '2015-03-02T14:00:30Z'],
      ['TW', '2015-03-02T14:00:59.999999Z'],
      ['TW', '2015-03-02T14:01:00Z'],
    ]);
    expect(got).toEqual([null, null, 0.7]);
  });

  it('TTL: exactly at t - TTL is valid, one microsecond older is null', async () => {
    const v: Parameters<typeof join1>[0] = [['A', '2016-01-04T00:00:00Z', '2016-01-04T00:00:00Z', 1]];
    expect(await join1(v, [['A', '2016-01-05T00:00:00Z']], DAY)).toEqual([1]);
    expect(await join1(v, [['A', '2016-01-05T00:00:00.000001Z']], DAY)).toEqual([null]);
  });

  it('breaks exact ties deterministically: the greatest tiebreak wins, whatever the input order', async () => {
    const a: Parameters<typeof join1>[0] = [
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 1, 'run-b'],
      ['A', '2016-01-04', '2016-01-04T21:00:00Z', 2, 'run-a'],
    ];
    expect(await join1(a, [['A', '2016-01-05T00:00:00Z']])).toEqual([1]);
    expect(await join1([...a].reverse(), [['A', '2016-01-05T00:00:00Z']])).toEqual([1]);
  });

  it('keeps entities with no value yet, and duplicate spine rows one for one', async () => {
    const v: Parameters<typeof join1>[0] = [['A', '2016-01-04', '2016-01-04T21:00:00Z', 1]];
    const spine: [string, string][] = [
      ['A', '2016-01-04T20:00:00Z'],
      ['B', '2016-01-05T00:00:00Z'],
      ['A', '2016-01-05T00:00:00Z'],
      ['A', '2016-01-05T00:00:00Z'],
    ];
    expect(await join1(v, spine)).toEqual([null, null, 1, 1]);
  });

  it('entities whose keys concatenate to the same string stay apart', async () => {
    const v: Parameters<typeof join1>[0] = [
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
    const v: Parameters<typeof join1>[0] = [
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
    const v: Parameters<typeof join1>[0] = [
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
    const v: Parameters<typeof join1>[0] = [
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
});
