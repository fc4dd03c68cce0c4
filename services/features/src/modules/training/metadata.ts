import type { TrainingSetResolution } from './build.ts';
import type { TrainingSetRecord } from './store.ts';
import { SPLIT_NAMES } from './warnings.ts';

export interface InputSnapshot {
  readonly lakeDataset: string;
  readonly snapshotId: number;
  readonly role: 'feature_view' | 'bars' | 'spine';
}

/** The lake snapshots a resolution reads: each feature view once, bars (for labels), the stored spine. */
export function inputSnapshots(r: TrainingSetResolution): InputSnapshot[] {
  const out: InputSnapshot[] = [];
  for (const f of r.features) {
    if (!out.some((i) => i.lakeDataset === f.lakeDataset))
      out.push({ lakeDataset: f.lakeDataset, snapshotId: f.snapshotId, role: 'feature_view' });
  }
  if (r.bars) out.push({ lakeDataset: r.bars.lakeDataset, snapshotId: r.bars.snapshotId, role: 'bars' });
  if (r.spine.kind === 'stored')
    out.push({ lakeDataset: r.spine.lakeDataset, snapshotId: r.spine.snapshotId, role: 'spine' });
  return out;
}

/** Key prefix of everything Alphagraph writes into a downloaded file's Parquet key-value metadata. */
export const METADATA_PREFIX = 'alphagraph.';

/**
 * What a downloaded training-set file records about itself (Parquet key-value metadata, each value
 * JSON): `alphagraph.training_set` (id, name, lake dataset, the split downloaded), `alphagraph.spec` (the
 * spec as submitted), `alphagraph.snapshots` (the lake snapshots the build read),
 * `alphagraph.features` (the pinned feature versions, in column order), `alphagraph.splits` (the
 * split column's vocabulary, as the API spells it, and the boundaries) and `alphagraph.warnings`.
 */
export function downloadMetadata(ts: TrainingSetRecord, split: string | null): Record<string, string> {
  const r = ts.resolution;
  return {
    // Nothing of the build itself (its snapshot id, the build count): a rebuild's file is the same bytes.
    [`${METADATA_PREFIX}training_set`]: JSON.stringify({
      id: ts.id,
      name: ts.name,
      lakeDataset: ts.lakeDataset,
      split,
    }),
    [`${METADATA_PREFIX}spec`]: JSON.stringify(ts.spec),
    [`${METADATA_PREFIX}snapshots`]: JSON.stringify(inputSnapshots(r)),
    [`${METADATA_PREFIX}features`]: JSON.stringify(r.features.map((f) => ({ ref: f.ref, column: f.column }))),
    [`${METADATA_PREFIX}splits`]: JSON.stringify({
      column: r.split ? 'split' : null,
      values: SPLIT_NAMES,
      validationStart: r.split?.validationStart ?? null,
      testStart: r.split?.testStart ?? null,
      embargoSeconds: r.split?.embargoSeconds ?? null,
    }),
    [`${METADATA_PREFIX}warnings`]: JSON.stringify(ts.warnings),
  };
}
