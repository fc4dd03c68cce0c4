import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake, sweepOrphanFiles } from './index.ts';

const columns = [
  { name: 'k', type: 'BIGINT' },
  { name: 'v', type: 'DOUBLE' },
];
const HOUR = 60 * 60 * 1000;

/** Writes a file and sets its modification time `ageMs` in the past. */
function fileAged(path: string, ageMs: number, content = 'not really parquet'): string {
  writeFileSync(path, content);
  const at = new Date(Date.now() - ageMs);
  utimesSync(path, at, at);
  return path;
}

describe.each(testDatabaseKinds())('orphan sweep on %s', (kind) => {
  let t: TestDatabase;
  let base: string;
  let root: string;
  let lake: Lake;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    base = mkdtempSync(join(tmpdir(), 'ag-sweep-'));
    root = join(base, 'lake');
    lake = await Lake.open({ root, db: t.db, threads: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await t?.dispose();
    rmSync(base, { recursive: true, force: true });
  });

  it('removes old unreferenced files and temporaries of its own datasets, and nothing else', async () => {
    await lake.registerDataset({ name: 'prices', owner: 'svc', description: '', columns });
    await lake.registerDataset({ name: 'theirs', owner: 'other', description: '', columns });
    const first = await lake.commit('prices', { mode: 'append' }, async (w) => {
      await w.writeQuery('SELECT i AS k, i * 2.0 AS v FROM range(0, 10) t(i)');
    });
    // An overwrite: the first snapshot's file is no longer current, but a pinned reader still reads it.
    const second = await lake.commit('prices', { mode: 'overwrite' }, async (w) => {
      await w.writeQuery('SELECT 1 AS k, 1.0 AS v');
    });
    const pinnedFile = first.files[0]!;
    const currentFile = second.files[0]!;
    expect(second.files).not.toContain(pinnedFile);
    // Both written files look old: only the catalog keeps them.
    for (const f of [pinnedFile, currentFile])
      utimesSync(f, new Date(Date.now() - 5 * HOUR), new Date(Date.now() - 5 * HOUR));

    const dir = join(root, 'prices');
    const oldOrphan = fileAged(join(dir, '00000000-0000-4000-8000-000000000001.parquet'), 2 * HOUR);
    const oldTmp = fileAged(join(dir, '00000000-0000-4000-8000-000000000002.parquet.tmp'), 2 * HOUR);
    const youngOrphan = fileAged(join(dir, '00000000-0000-4000-8000-000000000003.parquet'), 10 * 60 * 1000);
    const youngTmp = fileAged(join(dir, '00000000-0000-4000-8000-000000000004.parquet.tmp'), 60 * 1000);
    const notParquet = fileAged(join(dir, 'README.txt'), 5 * HOUR);
    mkdirSync(join(dir, 'nested'), { recursive: true });
    const nested = fileAged(join(dir, 'nested', 'deep.parquet'), 5 * HOUR);
    // Another service's dataset, and the lake's own folders: never swept by this owner.
    mkdirSync(join(root, 'theirs'), { recursive: true });
    const othersOrphan = fileAged(join(root, 'theirs', 'orphan.parquet'), 5 * HOUR);
    const kept: string[] = [othersOrphan, notParquet, nested, youngOrphan, youngTmp];
    for (const folder of ['_exports', '_uploads', '_objects']) {
      mkdirSync(join(root, folder), { recursive: true });
      kept.push(fileAged(join(root, folder, 'x.parquet'), 5 * HOUR));
      kept.push(fileAged(join(root, folder, 'x.parquet.tmp'), 5 * HOUR));
    }
    // Outside the lake root, reached through a link inside the dataset's directory.
    const outside = fileAged(join(base, 'outside.parquet'), 5 * HOUR);
    const link = join(dir, '00000000-0000-4000-8000-000000000005.parquet');
    symlinkSync(outside, link);
    kept.push(outside, link);

    const result = await sweepOrphanFiles({ root: lake.root, db: t.db, owner: 'svc', graceMs: HOUR });
    expect([...result.removed].sort()).toEqual([`prices/${basename(oldOrphan)}`, `prices/${basename(oldTmp)}`]);
    expect(result.removedBytes).toBe(2 * 'not really parquet'.length);
    expect(result.keptYoung).toBe(2);
    expect(existsSync(oldOrphan)).toBe(false);
    expect(existsSync(oldTmp)).toBe(false);
    for (const path of [pinnedFile, currentFile, ...kept])
      expect({ path, exists: existsSync(path) }).toEqual({ path, exists: true });

    // The old snapshot is still readable by id (rerunBacktest pins snapshot ids).
    const pinned = await lake.snapshot('prices', first.id);
    const [row] = await lake.query<{ n: bigint; s: number }>(`SELECT count(*) n, sum(v) s FROM ${lake.scan(pinned)}`);
    expect({ n: Number(row?.n), s: row?.s }).toEqual({ n: 10, s: 90 });

    // A second sweep finds nothing more; with no grace the young orphans go too.
    expect((await sweepOrphanFiles({ root: lake.root, db: t.db, owner: 'svc', graceMs: HOUR })).removed).toEqual([]);
    const now = await sweepOrphanFiles({ root: lake.root, db: t.db, owner: 'svc', graceMs: 0 });
    expect([...now.removed].sort()).toEqual([`prices/${basename(youngOrphan)}`, `prices/${basename(youngTmp)}`]);
    expect(readdirSync(dir).sort()).toEqual(
      [basename(pinnedFile), basename(currentFile), basename(link), 'README.txt', 'nested'].sort(),
    );
  });

  it('does not follow a dataset directory that is a symbolic link out of the lake', async () => {
    await lake.registerDataset({ name: 'linked', owner: 'svc2', description: '', columns });
    const elsewhere = join(base, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const victim = fileAged(join(elsewhere, 'victim.parquet'), 5 * HOUR);
    symlinkSync(elsewhere, join(root, 'linked'));
    const result = await sweepOrphanFiles({ root: lake.root, db: t.db, owner: 'svc2', graceMs: 0 });
    expect(result.removed).toEqual([]);
    expect(existsSync(victim)).toBe(true);
  });

  it('refuses a negative grace period', async () => {
    await expect(sweepOrphanFiles({ root: lake.root, db: t.db, owner: 'svc', graceMs: -1 })).rejects.toThrow(
      /grace period must be 0 or more milliseconds, not -1/,
    );
  });
});
