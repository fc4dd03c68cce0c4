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

  it('appends and reads timestamps and flags exactly: before 1970, sub-millisecond, past 2255, NULL', async () => {
    // Three chunks; the bulk copy writes epoch micros as 32-bit halves and reads them back the
    // same way, so a sign or carry slip would show as a wrong instant here. SQL (epoch_us) is the
    // independent reading.
    const n = 5000;
    const base = Date.parse('1950-06-01T12:00:00Z');
    const far = Date.parse('2400-01-01T00:00:00Z') + 0.5;
    const k = Int32Array.from({ length: n }, (_, i) => i);
    const t = Float64Array.from({ length: n }, (_, i) =>
      i % 13 === 0 ? Number.NaN : i === 7 ? far : base + i * 604_800_000 + (i % 1000) * 0.001,
    );
    const late = Uint8Array.from({ length: n }, (_, i) => (i % 5 === 0 ? 2 : i % 2));
    const { rows, back } = await lake.withSession(async (session) => {
      await session.run('CREATE TEMP TABLE stamped (k INTEGER, t TIMESTAMPTZ, late BOOLEAN)');
      await session.appendColumns('stamped', [k, t, late]);
      return {
        rows: await session.all<{ k: number; us: bigint | null; late: boolean }>(
          'SELECT k, epoch_us(t) AS us, late FROM stamped ORDER BY k',
        ),
        back: await session.columns('SELECT t, late FROM stamped ORDER BY k'),
      };
    });
    expect(rows).toHaveLength(n);
    const readT = back.columns.t as Float64Array;
    const readLate = back.columns.late as Uint8Array;
    for (let i = 0; i < n; i++) {
      const row = rows[i]!;
      const us = Number.isNaN(t[i]!) ? null : BigInt(Math.round(t[i]! * 1000));
      expect(row.us, `row ${i}`).toBe(us);
      expect(row.late, `row ${i}`).toBe(late[i] !== 0);
      if (us === null) expect(Number.isNaN(readT[i]!), `row ${i}`).toBe(true);
      else expect(readT[i], `row ${i}`).toBe(Number(us) / 1000);
      expect(readLate[i], `row ${i}`).toBe(late[i] === 0 ? 0 : 1);
    }
    expect(rows[1]!.us).toBe(BigInt(base + 604_800_000) * 1000n + 1n);
    expect(rows[7]!.us).toBe(BigInt(far - 0.5) * 1000n + 500n);
    await expect(lake.queryColumns('SELECT CAST(NULL AS BOOLEAN) AS b FROM range(3)')).rejects.toThrow(
      /column b holds NULL/,
    );
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
