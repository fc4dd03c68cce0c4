import { type Dirent, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '@alphagraph/db';
import { lakeDatasets, lakeSnapshotFiles, lakeSnapshots } from '@alphagraph/db/schema/lake';
import { and, eq, inArray } from 'drizzle-orm';
import { LakeError } from './errors.ts';

/** How old an unreferenced file must be before a sweep removes it, unless told otherwise: 1 hour. */
export const DEFAULT_SWEEP_GRACE_MS = 60 * 60 * 1000;

export interface OrphanSweepOptions {
  /** The lake root (`Lake.root`). */
  readonly root: string;
  /** The catalog the lake publishes to. */
  readonly db: Db;
  /** Only the directories of datasets this service owns (`DatasetSpec.owner`) are swept. */
  readonly owner: string;
  /**
   * Files modified less than this long ago are left alone: a write in flight has files no snapshot
   * lists yet. Default 1 hour; it must exceed the longest write (files to publish).
   */
  readonly graceMs?: number | undefined;
  /** The current time (epoch ms); tests pin it. */
  readonly now?: number | undefined;
}

export interface OrphanSweepResult {
  /** Removed files, relative to the root (`<dataset>/<file>`). */
  readonly removed: readonly string[];
  readonly removedBytes: number;
  /** Unreferenced files left because they are younger than the grace period. */
  readonly keptYoung: number;
}

// Dataset names never start with `_`, so `_exports/`, `_uploads/` and `_objects/` are never swept.
const DATASET_DIR = /^[a-z][a-z0-9_]{0,62}$/;
const CHUNK = 500;

/**
 * Removes what a killed or failed write leaves in the lake: `.parquet` files no snapshot of their
 * dataset lists (of any age of snapshot: a reader pinned to an old snapshot id keeps reading it) and
 * `.parquet.tmp` files, both only when older than the grace period. Only regular files directly in
 * the directories of `owner`'s datasets are considered; symbolic links, subdirectories and anything
 * else under the root (downloads in `_exports/`, which expire on their own; uploads in `_uploads/`;
 * stored objects in `_objects/`) are never touched.
 */
export async function sweepOrphanFiles(options: OrphanSweepOptions): Promise<OrphanSweepResult> {
  const graceMs = options.graceMs ?? DEFAULT_SWEEP_GRACE_MS;
  if (!Number.isFinite(graceMs) || graceMs < 0) {
    throw new LakeError('DATASET_INVALID', `a sweep's grace period must be 0 or more milliseconds, not ${graceMs}`);
  }
  const now = options.now ?? Date.now();
  const datasets = await options.db
    .select({ name: lakeDatasets.name })
    .from(lakeDatasets)
    .where(eq(lakeDatasets.owner, options.owner));
  const removed: string[] = [];
  let removedBytes = 0;
  let keptYoung = 0;
  for (const { name } of datasets) {
    if (!DATASET_DIR.test(name)) continue;
    const candidates = oldCandidates(join(options.root, name), now - graceMs);
    keptYoung += candidates.young;
    if (candidates.old.length === 0) continue;
    // The files were listed before the catalog is read: a write published meanwhile is seen as referenced.
    const referenced = await referencedPaths(
      options.db,
      name,
      candidates.old.filter((f) => f.name.endsWith('.parquet')).map((f) => `${name}/${f.name}`),
    );
    for (const file of candidates.old) {
      const path = `${name}/${file.name}`;
      if (referenced.has(path)) continue;
      rmSync(join(options.root, name, file.name), { force: true });
      removed.push(path);
      removedBytes += file.bytes;
    }
  }
  return { removed, removedBytes, keptYoung };
}

/** Regular `.parquet`/`.parquet.tmp` files directly in `dir`, split by age; nothing when `dir` is no directory. */
function oldCandidates(dir: string, cutoffMs: number): { old: { name: string; bytes: number }[]; young: number } {
  const old: { name: string; bytes: number }[] = [];
  let young = 0;
  let entries: Dirent[];
  try {
    // lstat: a dataset "directory" that is a symbolic link leads out of the lake and is not swept.
    if (!lstatSync(dir).isDirectory()) return { old, young };
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return { old, young };
  }
  for (const entry of entries) {
    if (!entry.isFile() || !(entry.name.endsWith('.parquet') || entry.name.endsWith('.parquet.tmp'))) continue;
    let stat: ReturnType<typeof lstatSync>;
    try {
      stat = lstatSync(join(dir, entry.name));
    } catch {
      continue; // renamed or removed since it was listed
    }
    if (stat.mtimeMs > cutoffMs) young += 1;
    else old.push({ name: entry.name, bytes: stat.size });
  }
  return { old, young };
}

async function referencedPaths(db: Db, dataset: string, paths: readonly string[]): Promise<Set<string>> {
  const out = new Set<string>();
  for (let i = 0; i < paths.length; i += CHUNK) {
    const rows = await db
      .selectDistinct({ path: lakeSnapshotFiles.path })
      .from(lakeSnapshotFiles)
      .innerJoin(lakeSnapshots, eq(lakeSnapshots.id, lakeSnapshotFiles.snapshotId))
      .where(and(eq(lakeSnapshots.dataset, dataset), inArray(lakeSnapshotFiles.path, paths.slice(i, i + CHUNK))));
    for (const r of rows) out.add(r.path);
  }
  return out;
}
