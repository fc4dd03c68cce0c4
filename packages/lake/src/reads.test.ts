import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineDataset, Lake, type LakeParam, latestAsOf, type Snapshot, sessionAggregates } from './index.ts';

const OBSERVATIONS = defineDataset({
  name: 'contract_obs',
  owner: 'test',
  description: 'observations with corrections',
  columns: [
    { name: 'entity', type: 'VARCHAR' },
    { name: 'event_time', type: 'TIMESTAMPTZ' },
    { name: 'seq', type: 'INTEGER' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
    { name: 'batch_id', type: 'VARCHAR' },
    { name: 'x', type: 'DOUBLE' },
  ],
  versionKey: ['entity', 'event_time', 'seq'],
  availableAt: 'available_at',
  tiebreak: 'batch_id',
  entity: 'entity',
  eventTime: 'event_time',
});

type Row = [entity: string, eventTime: string, seq: number, availableAt: string, batch: string, x: number];

/** Every version: a correction is a row with the same (entity, event_time, seq) and a later available_at. */
const VERSIONS: Row[] = [
  ['A', '2024-03-01T15:00:00Z', 0, '2024-03-01T16:00:00Z', 'b1', 1],
  ['A', '2024-03-01T15:00:00Z', 0, '2024-03-02T12:00:00Z', 'b2', 2],
  // Same availability as b2: the greater batch id wins.
  ['A', '2024-03-01T15:00:00Z', 0, '2024-03-02T12:00:00Z', 'b3', 3],
  ['A', '2024-03-01T15:00:00Z', 1, '2024-03-01T16:00:00Z', 'b1', 5],
  ['A', '2024-03-04T15:00:00Z', 0, '2024-03-04T16:00:00Z', 'b1', 10],
  ['B', '2024-03-01T15:00:00Z', 0, '2024-03-01T16:00:00Z', 'b1', 100],
];

/**
 * XNYS sessions around the 2024 DST change (Fri 8 March closes 21:00Z, Mon 11 March 20:00Z) and
 * the early close after Thanksgiving (Fri 29 November closes 13:00 New York = 18:00Z).
 */
const SESSION_OBSERVATIONS: Row[] = [
  ['A', '2024-03-08T20:59:00Z', 0, '2024-03-08T21:00:00Z', 'b1', 1], // session 8 March
  ['A', '2024-03-08T21:00:00Z', 0, '2024-03-08T21:05:00Z', 'b1', 2], // at the close: the next session (11 March)
  ['A', '2024-03-09T12:00:00Z', 0, '2024-03-09T12:00:00Z', 'b1', 4], // Saturday: 11 March
  ['A', '2024-03-11T19:59:00Z', 0, '2024-03-11T23:30:00Z', 'b1', 16], // 11 March, published late
  ['A', '2024-03-11T20:30:00Z', 0, '2024-03-11T20:30:00Z', 'b1', 8], // after the EDT close: 12 March
  ['A', '2024-03-08T20:59:00Z', 0, '2024-03-20T00:00:00Z', 'b2', 1000], // a later correction of the first
  ['B', '2024-11-28T15:00:00Z', 0, '2024-11-28T15:00:00Z', 'b1', 128], // Thanksgiving: 29 November
  ['B', '2024-11-29T17:30:00Z', 0, '2024-11-29T17:30:00Z', 'b1', 32], // before the early close: 29 November
  ['B', '2024-11-29T18:30:00Z', 0, '2024-11-29T18:30:00Z', 'b1', 64], // after it: Monday 2 December
];

describe.each(testDatabaseKinds())('lake reads on %s', (kind) => {
  let t: TestDatabase;
  let root: string;
  let lake: Lake;

  async function write(name: string, rows: readonly Row[]): Promise<Snapshot> {
    await lake.registerDataset({ ...OBSERVATIONS, name });
    return lake.commit(name, { mode: 'append' }, async (w) => {
      await w.session.run(
        'CREATE TEMP TABLE staged (entity VARCHAR, event_time TIMESTAMPTZ, seq INTEGER, available_at TIMESTAMPTZ, batch_id VARCHAR, x DOUBLE)',
      );
      await w.session.append(
        'staged',
        rows.map(([e, t, s, a, b, x]) => [e, new Date(t), s, new Date(a), b, x]),
      );
      await w.writeQuery('SELECT * FROM staged');
    });
  }

  const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : d);
  async function latest(snapshot: Snapshot, asOf: string | null, where: string[] = []) {
    const params: LakeParam[] = asOf ? [new Date(asOf)] : [];
    const rows = await lake.query<Record<string, unknown>>(
      `SELECT entity, event_time, seq, x, first_at, versions FROM ${latestAsOf(snapshot, {
        dataset: OBSERVATIONS,
        ...(asOf ? { asOf: '$1::TIMESTAMPTZ' } : {}),
        where,
        firstAvailableAs: 'first_at',
        versionsAs: 'versions',
      })} ORDER BY entity, event_time, seq`,
      params,
    );
    return rows.map((r) => [r.entity, iso(r.event_time), r.seq, r.x, iso(r.first_at), r.versions]);
  }

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    root = mkdtempSync(join(tmpdir(), 'ag-lake-reads-'));
    lake = await Lake.open({ root, db: t.db, threads: 2 });
  });
  afterAll(async () => {
    await lake?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('latestAsOf: per version key, the latest version available at as-of, ties to the greater tiebreak', async () => {
    const snapshot = await write('contract_latest', VERSIONS);
    expect(await latest(snapshot, '2024-03-01T00:00:00Z')).toEqual([]);
    // Between the first version and the corrections.
    expect(await latest(snapshot, '2024-03-01T20:00:00Z')).toEqual([
      ['A', '2024-03-01T15:00:00.000Z', 0, 1, '2024-03-01T16:00:00.000Z', 1],
      ['A', '2024-03-01T15:00:00.000Z', 1, 5, '2024-03-01T16:00:00.000Z', 1],
      ['B', '2024-03-01T15:00:00.000Z', 0, 100, '2024-03-01T16:00:00.000Z', 1],
    ]);
    const after = [
      ['A', '2024-03-01T15:00:00.000Z', 0, 3, '2024-03-01T16:00:00.000Z', 3],
      ['A', '2024-03-01T15:00:00.000Z', 1, 5, '2024-03-01T16:00:00.000Z', 1],
      ['A', '2024-03-04T15:00:00.000Z', 0, 10, '2024-03-04T16:00:00.000Z', 1],
      ['B', '2024-03-01T15:00:00.000Z', 0, 100, '2024-03-01T16:00:00.000Z', 1],
    ];
    expect(await latest(snapshot, '2024-03-05T00:00:00Z')).toEqual(after);
    // Without an as-of: the latest version stored.
    expect(await latest(snapshot, null)).toEqual(after);
    expect(await latest(snapshot, '2024-03-05T00:00:00Z', ["entity = 'A'", 'seq = 0'])).toEqual([after[0], after[2]]);
  });

  it('latestAsOf reads an empty snapshot as no rows', async () => {
    const snapshot = await write('contract_empty', []);
    expect(snapshot.files).toEqual([]);
    expect(await latest(snapshot, '2024-03-05T00:00:00Z')).toEqual([]);
  });

  async function sessions(snapshot: Snapshot, asOf: string, from: string, to: string) {
    const params: LakeParam[] = [new Date(asOf)];
    const relation = sessionAggregates(snapshot, {
      dataset: OBSERVATIONS,
      params,
      asOf: '$1::TIMESTAMPTZ',
      columns: ['x'],
      aggregates: ['CAST(count(*) AS INTEGER) AS n', 'sum(k.x) AS total'],
      calendar: 'XNYS',
      from: new Date(from),
      to: new Date(to),
      latencySeconds: 3600,
    });
    const rows = await lake.query<Record<string, unknown>>(
      `SELECT entity, CAST(session AS VARCHAR) AS session, session_close, available_at, n, total
       FROM ${relation} WHERE session >= CAST($${params.push(from)} AS TIMESTAMPTZ)::DATE ORDER BY entity, session`,
      params,
    );
    return rows.map((r) => [r.entity, r.session, iso(r.session_close), iso(r.available_at), r.n, r.total]);
  }

  it('aggregates sessions [close(D-1), close(D)) across a DST change and an early close, with latency', async () => {
    const snapshot = await write('contract_sessions', SESSION_OBSERVATIONS);
    // available_at: greatest(close + 1 h latency, the latest observation used).
    expect(await sessions(snapshot, '2024-12-31T00:00:00Z', '2024-03-08T00:00:00Z', '2024-12-02T00:00:00Z')).toEqual([
      ['A', '2024-03-08', '2024-03-08T21:00:00.000Z', '2024-03-20T00:00:00.000Z', 1, 1000],
      ['A', '2024-03-11', '2024-03-11T20:00:00.000Z', '2024-03-11T23:30:00.000Z', 3, 22],
      ['A', '2024-03-12', '2024-03-12T20:00:00.000Z', '2024-03-12T21:00:00.000Z', 1, 8],
      ['B', '2024-11-29', '2024-11-29T18:00:00.000Z', '2024-11-29T19:00:00.000Z', 2, 160],
      ['B', '2024-12-02', '2024-12-02T21:00:00.000Z', '2024-12-02T22:00:00.000Z', 1, 64],
    ]);
    // As of before the correction of 8 March's observation, and before anything of November.
    expect(await sessions(snapshot, '2024-03-15T00:00:00Z', '2024-03-08T00:00:00Z', '2024-03-12T00:00:00Z')).toEqual([
      ['A', '2024-03-08', '2024-03-08T21:00:00.000Z', '2024-03-08T22:00:00.000Z', 1, 1],
      ['A', '2024-03-11', '2024-03-11T20:00:00.000Z', '2024-03-11T23:30:00.000Z', 3, 22],
      ['A', '2024-03-12', '2024-03-12T20:00:00.000Z', '2024-03-12T21:00:00.000Z', 1, 8],
    ]);
  });

  it('aggregates an empty snapshot as no sessions', async () => {
    const snapshot = await write('contract_sessions_empty', []);
    expect(await sessions(snapshot, '2024-12-31T00:00:00Z', '2024-03-08T00:00:00Z', '2024-12-02T00:00:00Z')).toEqual(
      [],
    );
  });
});

describe('defineDataset', () => {
  it('refuses a contract naming a column the dataset does not declare', () => {
    expect(() => defineDataset({ ...OBSERVATIONS, versionKey: ['entity', 'evnt_time'] })).toThrow(
      'dataset contract_obs declares unknown columns: evnt_time',
    );
  });
});
