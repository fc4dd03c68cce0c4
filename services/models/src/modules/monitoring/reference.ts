import { type LabelSpec, readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { modelVersions } from '@alphagraph/db/schema/models';
import type { Lake } from '@alphagraph/lake';
import { type ReferenceProfile, referenceProfile } from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';
import { eq } from 'drizzle-orm';
import type { ModelRecord } from '../models/store.ts';
import { readVersionRows } from '../versions/data.ts';
import type { Predictor } from '../versions/evaluate.ts';
import type { VersionRecord } from '../versions/store.ts';

/** A version's training distribution: per feature ref, and for the prediction. */
export interface VersionReference {
  readonly features: Readonly<Record<string, ReferenceProfile>>;
  readonly prediction: ReferenceProfile;
  /** TRAIN rows it was computed from, and the training-set snapshot they were read at. */
  readonly rows: number;
  readonly snapshotId: number;
}

/**
 * The distribution monitoring compares a version with (issue 14 item 4): its TRAIN rows of the
 * training-set build it was trained on (the snapshot recorded with the version, not a later
 * rebuild), per feature and for the version's own predictions on those rows. PSI bins are fixed
 * here, once; the profile is stored on the version and never recomputed from live data. Versions
 * trained before monitoring existed get theirs on first monitoring, from the same pinned rows.
 */
export async function referenceOf(
  deps: { db: Db; lake: Lake; predictorOf: (v: VersionRecord, task: ModelRecord['task']) => Promise<Predictor> },
  model: ModelRecord,
  version: VersionRecord,
): Promise<VersionReference> {
  if (version.reference) return version.reference as unknown as VersionReference;
  const pinned = version.result?.trainingSet;
  const [ts] = await readTrainingSets(deps.db, [version.trainingSetId]);
  if (!ts || !pinned) {
    throw new DomainError(
      'FAILED_PRECONDITION',
      `version ${version.number} of ${model.name} has no training set to profile`,
    );
  }
  const label: LabelSpec = ts.labels.find((l) => l.name === version.label) ?? {
    kind: 'expression',
    name: '__none',
    expression: '0',
  };
  const rows = await readVersionRows(
    deps.lake,
    { ...ts, status: 'ready', snapshotId: pinned.snapshotId },
    version.features.map((f) => f.column),
    label,
    { labelOptional: true },
  );
  const train: number[] = [];
  for (let i = 0; i < rows.n; i++) if (rows.split[i] === 'train' || rows.split[i] === null) train.push(i);
  const p = rows.X.cols;
  const data = new Float64Array(train.length * p);
  train.forEach((r, i) => {
    data.set(rows.X.data.subarray(r * p, r * p + p), i * p);
  });
  const out = await (await deps.predictorOf(version, model.task)).predict({ rows: train.length, cols: p, data });
  const features: Record<string, ReferenceProfile> = {};
  version.features.forEach((f, j) => {
    features[f.ref] = referenceProfile(Float64Array.from(train, (_r, i) => data[i * p + j]!));
  });
  const reference: VersionReference = {
    features,
    prediction: referenceProfile(model.task === 'classification' && out.probability ? out.probability : out.prediction),
    rows: train.length,
    snapshotId: pinned.snapshotId,
  };
  await deps.db
    .update(modelVersions)
    .set({ reference: reference as unknown as Record<string, unknown> })
    .where(eq(modelVersions.id, version.id));
  return reference;
}
