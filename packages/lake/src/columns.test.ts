import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake, LakeError } from './index.ts';

// Columnar reads and appends are DuckDB work: PGlite is enough to open the lake.
describe('columnar reads and appends', () => {
  let t: TestDatabase;
  let root: string;
  let lake: Lake;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-lake-columns-'));
    lake = await Lake.open({ root, db: t.db, threads: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads each type into its typed array, NULL as NaN or null, across many chunks', async () => {
    // 5,000 rows span three of DuckDB's 2,048-row chunks.
    const { rowCount, columns } = await lake.queryColumns(
      `SELECT CAST(i AS INTEGER) AS i,
              CASE WHEN i % 7 = 0 THEN NULL ELSE i / 4 END AS x,
              CAST(i AS BIGINT) * 3000000000 AS big,
              i % 2 = 0 AS even,
              CASE WHEN i % 5 = 0 THEN NULL ELSE 's' || i END AS s,
              CASE WHEN i % 11 = 0 THEN NULL
                   ELSE TIMESTAMPTZ '2024-03-01 00:00:00+00' + to_microseconds(i * 1000 + 1) END AS at,
              DATE '2024-01-01' + CAST(i AS INTEGER) AS day
       FROM range($1) r(i) ORDER BY i`,
      [5000],
    );
    expect(rowCount).toBe(5000);
    const { i, x, big, even, s, at, day } = columns as Record<string, unknown>;
    expect(i).toBeInstanceOf(Int32Array);
    expect(x).toBeInstanceOf(Float64Array);
    expect(big).toBeInstanceOf(BigInt64Array);
    expect(even).toBeInstanceOf(Uint8Array);
    expect(Array.isArray(s)).toBe(true);
    expect(at).toBeInstanceOf(Float64Array);
    expect(day).toBeInstanceOf(Float64Array);
    const I = i as Int32Array;
    const X = x as Float64Array;
    const At = at as Float64Array;
    let sum = 0;
    for (let k = 0; k < 5000; k++) sum += I[k]!;
    expect(sum).toBe((4999 * 5000) / 2);
    expect(X[4999]).toBe(4999 / 4);
    expect(Number.isNaN(X[4998 - (4998 % 7)]!)).toBe(true);
    expect(X.filter((v) => Number.isNaN(v)).length).toBe(Math.floor(4999 / 7) + 1);
    expect((big as BigInt64Array)[4999]).toBe(4999n * 3000000000n);
    expect((even as Uint8Array)[4998]).toBe(1);
    expect((even as Uint8Array)[4999]).toBe(0);
    expect((s as (string | null)[])[4999]).toBe('s4999');
    expect((s as (string | null)[])[4995]).toBeNull();
    // Epoch ms keeps the microsecond as a fraction.
    expect(At[3]).toBe(Date.parse('2024-03-01T00:00:00Z') + 3 + 0.001);
    expect(Number.isNaN(At[4994]!)).toBe(true);
    expect((day as Float64Array)[60]).toBe(Date.parse('2024-03-01T00:00:00Z'));
  });

  it('refuses an integer column holding NULL and a type it cannot hold, naming the column', async () => {
    const nullInt = lake.queryColumns('SELECT CAST(NULL AS INTEGER) AS n FROM range(3)');
    await expect(nullInt).rejects.toThrow(LakeError);
    await expect(nullInt).rejects.toThrow(/column n holds NULL.*cast it to DOUBLE/);
    await expect(lake.queryColumns('SELECT [1, 2] AS pair')).rejects.toThrow(
      /column pair has DuckDB type LIST, which a columnar read does not support/,
    );
    await expect(lake.queryColumns('SELECT 1 AS a, 2 AS a')).rejects.toThrow(/column name a repeats/);
  });

  it('appends typed-array columns and reads back the same values, NaN as NULL', async () => {
    const n = 4500;
    const j = Int32Array.from({ length: n }, (_, k) => k);
    const v = Float64Array.from({ length: n }, (_, k) => (k % 9 === 0 ? Number.NaN : k * 0.25));
    const at = Float64Array.from({ length: n }, (_, k) => Date.parse('2020-01-01T00:00:00Z') + k * 86_400_000);
    const flag = Uint8Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 1 : 0));
    const big = BigInt64Array.from({ length: n }, (_, k) => BigInt(k) * 10_000_000_000n);
    const name = Array.from({ length: n }, (_, k) => (k % 4 === 0 ? null : `n${k}`));
    const back = await lake.withSession(async (session) => {
      await session.run(
        'CREATE TEMP TABLE staged (j INTEGER, v DOUBLE, t TIMESTAMPTZ, flag BOOLEAN, big BIGINT, name VARCHAR)',
      );
      expect(await session.appendColumns('staged', [j, v, at, flag, big, name])).toBe(n);
      const [agg] = await session.all<Record<string, bigint | number | string>>(
        `SELECT count(*) AS rows, count(v) AS values, sum(v) AS total, count(name) AS names,
                CAST(max(t) AS VARCHAR) AS last, count(*) FILTER (WHERE flag) AS flagged, max(big) AS big
         FROM staged`,
      );
      expect(Number(agg!.rows)).toBe(n);
      expect(Number(agg!.values)).toBe(n - Math.ceil(n / 9));
      let total = 0;
      for (let k = 0; k < n; k++) if (k % 9 !== 0) total += k * 0.25;
      expect(agg!.total).toBe(total);
      expect(Number(agg!.names)).toBe(n - Math.ceil(n / 4));
      expect(agg!.last).toBe('2032-04-26 00:00:00+00');
      expect(Number(agg!.flagged)).toBe(1500);
      expect(BigInt(agg!.big!)).toBe(4499n * 10_000_000_000n);
      return session.columns('SELECT j, v, t, name FROM staged ORDER BY j');
    });
    expect(Array.from(back.columns.j as Int32Array)).toEqual(Array.from(j));
    expect(Array.from(back.columns.v as Float64Array)).toEqual(Array.from(v));
    expect(Array.from(back.columns.t as Float64Array)).toEqual(Array.from(at));
    expect(back.columns.name).toEqual(name);
  });

  it('refuses columns that do not match the table', async () => {
    await lake.withSession(async (session) => {
      await session.run('CREATE TEMP TABLE two (a INTEGER, b DOUBLE)');
      await expect(session.appendColumns('two', [new Int32Array(2)])).rejects.toThrow(
        /two has 2 columns and 1 were given/,
      );
      await expect(session.appendColumns('two', [new Float64Array(2), new Float64Array(2)])).rejects.toThrow(
        /column 1 of two \(INTEGER\) was given the wrong kind of array/,
      );
      await expect(session.appendColumns('two', [new Int32Array(2), new Float64Array(3)])).rejects.toThrow(
        /differ in length/,
      );
      const [row] = await session.all<{ n: bigint }>('SELECT count(*) AS n FROM two');
      expect(Number(row!.n)).toBe(0);
    });
  });
});
