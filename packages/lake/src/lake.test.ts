import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type DatabaseHandle, openDatabase } from '@alphagraph/db';
import { lakeSnapshotFiles } from '@alphagraph/db/schema/lake';
import { type EmbeddedServer, serveEmbeddedPostgres } from '@alphagraph/db/server';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake, LakeError } from './index.ts';

const worker = fileURLToPath(new URL('../test/lake-worker.ts', import.meta.url));
const columns = [
  { name: 'k', type: 'BIGINT' },
  { name: 'v', type: 'DOUBLE' },
];

function run(args: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

function outputOf(child: ChildProcess): Promise<{ code: number | null; out: string; err: string }> {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d) => (out += d));
  child.stderr?.on('data', (d) => (err += d));
  return new Promise((res) => child.on('exit', (code) => res({ code, out, err })));
}

describe.each(testDatabaseKinds())('lake on %s', (kind) => {
  let t: TestDatabase;
  let server: EmbeddedServer | undefined;
  let url: string;
  let root: string;
  let lake: Lake;
  let other: DatabaseHandle;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    if (t.url) {
      url = t.url;
    } else {
      // Separate processes reach embedded PGlite through the socket server, as in the dev launcher.
      server = await serveEmbeddedPostgres({ pglite: t.pglite });
      url = server.url;
    }
    root = mkdtempSync(join(tmpdir(), 'ag-lake-'));
    lake = await Lake.open({ root, db: t.db, threads: 2 });
    other = await openDatabase({ url, prepare: false, poolSize: 2, pgliteDir: '' }, { migrate: false });
  });
  afterAll(async () => {
    await lake?.close();
    await other?.close();
    await server?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("runs DuckDB with the allocator's background threads, so a job's peak memory goes back to the OS", async () => {
    const rows = await lake.query<{ value: string }>(
      "SELECT value FROM duckdb_settings() WHERE name = 'allocator_background_threads'",
    );
    expect(rows.map((r) => r.value)).toEqual(['true']);
  });

  it('publishes appends as snapshots; a pinned reader keeps its snapshot', async () => {
    await lake.registerDataset({ name: 'pinning', owner: 'test', description: 'pin test', columns });
    const first = await lake.commit('pinning', { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT i AS k, i * 1.5 AS v FROM range(0, 10) t(i)');
    });
    const second = await lake.commit('pinning', { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT i AS k, 0 AS v FROM range(100, 105) t(i)');
    });
    expect(second.parentId).toBe(first.id);
    expect(second.rowCount).toBe(15);
    const pinned = await lake.snapshot('pinning', first.id);
    const [old] = await lake.query<{ n: bigint; s: number }>(`SELECT count(*) n, sum(v) s FROM ${lake.scan(pinned)}`);
    expect(Number(old?.n)).toBe(10);
    expect(old?.s).toBeCloseTo(67.5);
    const current = await lake.currentSnapshot('pinning');
    expect(current?.id).toBe(second.id);
    const overwrite = await lake.commit('pinning', { mode: 'overwrite' }, async (w) => {
      await w.writeQuery('SELECT 7 AS k, 7.0 AS v');
    });
    expect(overwrite.rowCount).toBe(1);
    const [again] = await lake.query<{ n: bigint }>(`SELECT count(*) n FROM ${lake.scan(pinned)}`);
    expect(Number(again?.n)).toBe(10);
  });

  it('reads back only what an append added (added), whatever was appended before or after it', async () => {
    await lake.registerDataset({ name: 'shared', owner: 'test', description: 'many writers', columns });
    const before = await lake.commit('shared', { mode: 'append' }, (w) =>
      w.writeQuery('SELECT i AS k, 1.0 AS v FROM range(0, 3) t(i)').then(() => {}),
    );
    const mine = await lake.commit('shared', { mode: 'append' }, (w) =>
      w.writeQuery('SELECT i AS k, 2.0 AS v FROM range(10, 14) t(i)').then(() => {}),
    );
    await lake.commit('shared', { mode: 'append' }, (w) =>
      w.writeQuery('SELECT i AS k, 3.0 AS v FROM range(20, 25) t(i)').then(() => {}),
    );
    const added = await lake.added(mine);
    expect(added.rowCount).toBe(4);
    const rows = await lake.query<{ k: bigint; v: number }>(`SELECT k, v FROM ${lake.scan(added)} ORDER BY k`);
    expect(rows.map((r) => [Number(r.k), r.v])).toEqual([
      [10, 2],
      [11, 2],
      [12, 2],
      [13, 2],
    ]);
    // A first snapshot, and an overwrite, are wholly their own.
    expect((await lake.added(before)).files).toEqual(before.files);
    const replaced = await lake.commit('shared', { mode: 'overwrite' }, (w) =>
      w.writeQuery('SELECT 1 AS k, 9.0 AS v').then(() => {}),
    );
    expect((await lake.added(replaced)).files).toEqual(replaced.files);
  });

  it('names every row of a snapshot with a row_id that is unique across its files and stable', async () => {
    await lake.registerDataset({ name: 'numbered', owner: 'test', description: '', columns });
    const empty = await lake.commit('numbered', { mode: 'append' }, async () => {});
    expect(await lake.query(`SELECT row_id FROM ${lake.scan(empty, { rowId: true })}`)).toEqual([]);
    await lake.commit('numbered', { mode: 'append' }, (w) =>
      w.writeQuery('SELECT i AS k, i * 1.0 AS v FROM range(0, 3000) t(i)').then(() => undefined),
    );
    const two = await lake.commit('numbered', { mode: 'append' }, (w) =>
      w.writeQuery('SELECT i AS k, i * 1.0 AS v FROM range(3000, 5000) t(i)').then(() => undefined),
    );
    expect(two.files).toHaveLength(2);
    const read = () =>
      lake.query<{ k: bigint; row_id: bigint }>(`SELECT k, row_id FROM ${lake.scan(two, { rowId: true })} ORDER BY k`);
    const first = await read();
    expect(first).toHaveLength(5000);
    expect(new Set(first.map((r) => r.row_id)).size).toBe(5000);
    // The same row gets the same id on every read, and fetching by id finds exactly that row.
    expect(await read()).toEqual(first);
    const picked = first[4321]!;
    const [fetched] = await lake.query<{ k: bigint }>(
      `SELECT k FROM ${lake.scan(two, { rowId: true })} WHERE row_id = ${picked.row_id}`,
    );
    expect(fetched?.k).toBe(picked.k);
  });

  it('writes with the Parquet settings a caller asks for, and zstd with dictionaries by default', async () => {
    await lake.registerDataset({ name: 'encoded', owner: 'test', description: '', columns });
    // Few distinct values: a column a dictionary would encode when one is tried.
    const rows = 'SELECT i AS k, (i % 3)::DOUBLE AS v FROM range(0, 5000) t(i)';
    const written = await lake.commit('encoded', { mode: 'append' }, async (w) => {
      await w.writeQuery(rows);
      await w.writeQuery(rows, [], { compression: 'lz4', dictionary: false });
      await w.writeQuery(rows, [], { compression: 'zstd', compressionLevel: 1, dictionary: false });
    });
    const described = await Promise.all(
      written.files.map(async (file) => {
        const meta = await lake.query<{ compression: string; encodings: string }>(
          "SELECT compression, encodings FROM parquet_metadata($1) WHERE path_in_schema = 'v'",
          [file],
        );
        const [n] = await lake.query<{ n: bigint }>('SELECT count(*) AS n FROM read_parquet($1)', [file]);
        return { ...meta[0], rows: Number(n?.n) };
      }),
    );
    // Files are listed by their random names; compare as a set.
    expect(described).toHaveLength(3);
    expect(described).toEqual(
      expect.arrayContaining([
        { compression: 'ZSTD', encodings: expect.stringContaining('DICTIONARY'), rows: 5000 },
        { compression: 'LZ4_RAW', encodings: 'PLAIN', rows: 5000 },
        { compression: 'ZSTD', encodings: 'PLAIN', rows: 5000 },
      ]),
    );
    await expect(
      lake.commit('encoded', { mode: 'append' }, (w) =>
        w.writeQuery(rows, [], { compression: 'lz4', compressionLevel: 3 }).then(() => undefined),
      ),
    ).rejects.toThrow(/compression level must be an integer from 1 to 22, with zstd only/);
    expect((await lake.currentSnapshot('encoded'))?.id).toBe(written.id);

    // Exports (downloads) take the same settings.
    const exported = await lake.exportQuery(rows, [], { compression: 'zstd', compressionLevel: 1, dictionary: false });
    const [meta] = await lake.query<{ compression: string; encodings: string }>(
      "SELECT compression, encodings FROM parquet_metadata($1) WHERE path_in_schema = 'v'",
      [exported.path],
    );
    expect({ ...meta, rows: exported.rows }).toEqual({ compression: 'ZSTD', encodings: 'PLAIN', rows: 5000 });
  });

  it('refuses a different column layout for a registered dataset', async () => {
    await lake.registerDataset({ name: 'layout', owner: 'test', description: '', columns });
    await expect(
      lake.registerDataset({
        name: 'layout',
        owner: 'test',
        description: '',
        columns: [{ name: 'k', type: 'VARCHAR' }],
      }),
    ).rejects.toThrow(/already registered with columns k BIGINT, v DOUBLE/);
    await expect(
      lake.registerDataset({ name: 'Bad Name;', owner: 'test', description: '', columns }),
    ).rejects.toBeInstanceOf(LakeError);
  });

  it('takes list and map column types and refuses a type that is not one', async () => {
    const typed = [
      { name: 'k', type: 'BIGINT' },
      { name: 'm', type: 'MAP(VARCHAR, DOUBLE)' },
      { name: 'l', type: 'DOUBLE[]' },
      { name: 'd', type: 'DECIMAL(18, 4)' },
    ];
    await lake.registerDataset({ name: 'typed', owner: 'test', description: '', columns: typed });
    await lake.commit('typed', { mode: 'append' }, async (w) => {
      await w.writeQuery(
        "SELECT 1::BIGINT AS k, MAP(['a', 'b'], [1.5, NULL]) AS m, [2.5] AS l, 3.25::DECIMAL(18, 4) AS d",
      );
    });
    const snapshot = await lake.currentSnapshot('typed');
    expect(
      await lake.query(
        `SELECT k, CAST(to_json(m) AS VARCHAR) AS m, l, CAST(d AS DOUBLE) AS d FROM ${lake.scan(snapshot!)}`,
      ),
    ).toEqual([{ k: 1n, m: '{"a":1.5,"b":null}', l: [2.5], d: 3.25 }]);
    for (const type of ['MAP(VARCHAR)', 'DOUBLE); DROP TABLE x; --', 'MAP(VARCHAR, DOUBLE', 'double']) {
      await expect(
        lake.registerDataset({ name: 'typed_bad', owner: 'test', description: '', columns: [{ name: 'x', type }] }),
      ).rejects.toThrow(/has an unsupported type/);
    }
  });

  it('a write that fails midway publishes nothing and leaves no file behind', async () => {
    await lake.registerDataset({ name: 'failing', owner: 'test', description: '', columns });
    const before = await lake.commit('failing', { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT 1 AS k, 1.0 AS v');
    });
    const filesBefore = readdirSync(join(root, 'failing')).sort();
    await expect(
      lake.commit('failing', { mode: 'append' }, async (w) => {
        await w.writeQuery('SELECT i AS k, 1.0 AS v FROM range(0, 1000) t(i)');
        await w.writeQuery("SELECT 'not a number' AS k, 1.0 AS v");
      }),
    ).rejects.toThrow(/write to failing failed and was discarded/);
    expect((await lake.currentSnapshot('failing'))?.id).toBe(before.id);
    expect(readdirSync(join(root, 'failing')).sort()).toEqual(filesBefore);
  });

  it('commits control state with the snapshot, or neither (onPublish)', async () => {
    await lake.registerDataset({ name: 'hooked', owner: 'test', description: '', columns });
    const seen: number[] = [];
    const published = await lake.commit(
      'hooked',
      { mode: 'append', onPublish: async (_tx, snapshot) => void seen.push(snapshot.addedRows) },
      async (w) => void (await w.writeQuery('SELECT i AS k, 1.0 AS v FROM range(0, 3) t(i)')),
    );
    expect(seen).toEqual([3]);
    const files = readdirSync(join(root, 'hooked')).sort();
    await expect(
      lake.commit(
        'hooked',
        {
          mode: 'append',
          onPublish: async () => {
            throw new Error('control state refused');
          },
        },
        async (w) => void (await w.writeQuery('SELECT 9 AS k, 9.0 AS v')),
      ),
    ).rejects.toThrow(/control state refused/);
    expect((await lake.currentSnapshot('hooked'))?.id).toBe(published.id);
    expect(readdirSync(join(root, 'hooked')).sort()).toEqual(files);
  });
  it('a writer killed mid-write leaves the catalog unchanged and every listed file present', async () => {
    await lake.registerDataset({ name: 'killed', owner: 'test', description: '', columns });
    const before = await lake.commit('killed', { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT 1 AS k, 1.0 AS v');
    });
    const child = run(['write-forever', url, root, 'killed']);
    const done = outputOf(child);
    await new Promise<void>((res) => child.stdout?.on('data', (d: Buffer) => d.includes('writing') && res()));
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGKILL');
    await done;
    expect((await lake.currentSnapshot('killed'))?.id).toBe(before.id);
    const listed = await other.db.select({ path: lakeSnapshotFiles.path }).from(lakeSnapshotFiles);
    for (const f of listed) expect(existsSync(join(root, f.path)), f.path).toBe(true);
    const [n] = await lake.query<{ n: bigint }>(`SELECT count(*) n FROM ${lake.scan(before)}`);
    expect(Number(n?.n)).toBe(1);
  });

  it('two reading processes see only whole snapshots while a third writes', async () => {
    await lake.registerDataset({ name: 'concurrent', owner: 'test', description: '', columns });
    const readers = [
      run(['read-loop', url, root, 'concurrent', '4000']),
      run(['read-loop', url, root, 'concurrent', '4000']),
    ];
    const writer = run(['append-batches', url, root, 'concurrent', '15']);
    const results = await Promise.all([...readers, writer].map(outputOf));
    for (const r of results) expect(r.code, r.out + r.err).toBe(0);
    const reports = results.slice(0, 2).map((r) => JSON.parse(r.out.trim()) as { reads: number; snapshots: number });
    expect(reports.every((r) => r.reads > 0)).toBe(true);
    expect((await lake.currentSnapshot('concurrent'))?.rowCount).toBe(15_000);
  });
});
