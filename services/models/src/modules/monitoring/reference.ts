import { type LabelSpec, readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { versionReferences } from '@alphagraph/db/schema/models';
import type { Lake } from '@alphagraph/lake';
import { type ReferenceProfile, referenceProfile } from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';
import { eq } from 'drizzle-orm';
import type { ModelRecord } from '../models/store.ts';
import { readVersionRows } from '../versions/data.ts';
import type { Predictor } from '../versions/evaluate.ts';
import type { VersionRecord } from '../versions/store.ts';

/**
 * Reference values kept per feature for KS and Wasserstein: all of them up to 1,000 (where KS is
 * used, exactly), a seeded sample of 1,000 above (where Wasserstein is estimated on it). Alpha158's
 * 158 features then keep about 3 MB per version.
 */
const REFERENCE_SAMPLE = 1_000;

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
 * here, once; the profile is stored beside the version (models.version_references) and never recomputed from live data. Versions
 * trained before monitoring existed get theirs on first monitoring, from the same pinned rows.
 */
export async function referenceOf(
  deps: { db: Db; lake: Lake; predictorOf: (v: VersionRecord, task: ModelRecord['task']) => Promise<Predictor> },
  model: ModelRecord,
  version: VersionRecord,
): Promise<VersionReference> {
  const [stored] = await deps.db
    .select({ reference: versionReferences.reference })
    .from(versionReferences)
    .where(eq(versionReferences.versionId, version.id));
  if (stored) return stored.reference as unknown as VersionReference;
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
    features[f.ref] = referenceProfile(
      Float64Array.from(train, (_r, i) => data[i * p + j]!),
      { sampleSize: REFERENCE_SAMPLE },
    );
  });
  const reference: VersionReference = {
    features,
    prediction: referenceProfile(model.task === 'classification' && out.probability ? out.probability : out.prediction),
    rows: train.length,
    snapshotId: pinned.snapshotId,
  };
  await deps.db
    .insert(versionReferences)
    .values({ versionId: version.id, reference: reference as unknown as Record<string, unknown> })
    .onConflictDoNothing();
  return reference;
}
