import { createHash } from 'node:crypto';
import type { Db } from '@alphagraph/db';
import { featureInputs, trainingSetInputs, trainingSets } from '@alphagraph/db/schema/features';
import { type ColumnSpec, type DatasetContract, type DatasetSpec, defineDataset } from '@alphagraph/lake';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import { type LabelSpec, labelSpecSchema } from './labels/spec.ts';

/** Owner of the datasets in this file. */
const OWNER = 'features';

/** A feature view's columns before its feature columns. */
export const VIEW_KEY_COLUMNS = [
  { name: 'entity', type: 'VARCHAR' },
  { name: 'event_time', type: 'TIMESTAMPTZ' },
  { name: 'available_at', type: 'TIMESTAMPTZ' },
  { name: 'tiebreak', type: 'VARCHAR' },
] as const satisfies readonly ColumnSpec[];

const COLUMN = /^[a-z][a-z0-9_]*$/;
const MAX_IDENTIFIER = 63;

/** The view column holding a feature version's values: `${name}__v${version}` (lower_snake). */
export function featureColumn(name: string, version: number): string {
  const column = `${name}__v${version}`;
  if (!COLUMN.test(column) || column.length > MAX_IDENTIFIER || !Number.isSafeInteger(version) || version < 1) {
    throw new Error(`feature ${name}@${version} has no valid column name (${column})`);
  }
  return column;
}

/**
 * The view (and lake dataset) name for an exact list of feature versions (`name@version`):
 * `fv_<slug>_<hash8>`, the hash over the sorted refs, so the same versions in any order are the
 * same view.
 */
export function viewNameFor(refs: readonly string[], slugHint: string | null): string {
  const sorted = [...new Set(refs)].sort();
  const hash = createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 8);
  const hint = slugHint ?? (sorted.length === 1 ? sorted[0]!.split('@')[0]! : 'adhoc');
  const slug =
    hint
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'adhoc';
  return `fv_${slug}_${hash}`;
}

/**
 * A feature view: every run appends its values; a recomputed value is a new row with the same
 * (entity, event_time) and a later available_at, or the same one and a later run (`tiebreak`, a
 * time-ordered run id).
 */
export function featureViewDataset(view: {
  readonly lakeDataset: string;
  /** The member feature versions, `name@version`, in view order. */
  readonly features: readonly string[];
}): DatasetContract {
  const columns = view.features.map((ref) => {
    const [name, version] = ref.split('@') as [string, string];
    return { name: featureColumn(name, Number(version)), type: 'DOUBLE' };
  });
  return defineDataset({
    name: view.lakeDataset,
    owner: OWNER,
    description: `feature values of ${view.features.length} feature version(s): ${view.features.slice(0, 5).join(', ')}${
      view.features.length > 5 ? ', …' : ''
    }; every run appends`,
    columns: [...VIEW_KEY_COLUMNS, ...columns],
    versionKey: ['entity', 'event_time'],
    availableAt: 'available_at',
    tiebreak: 'tiebreak',
    entity: 'entity',
    eventTime: 'event_time',
  });
}

/** A built training set: one row per spine row, every build overwriting the last (no versions). */
export function trainingSetDataset(name: string, columns: readonly ColumnSpec[]): DatasetSpec {
  return {
    name,
    owner: OWNER,
    description: 'a point-in-time training set (features, labels, split) per spine row',
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
  };
}

/** A training-set column as its build writes it. */
export interface TrainingSetColumn {
  readonly name: string;
  readonly type: 'BIGINT' | 'VARCHAR' | 'TIMESTAMPTZ' | 'DOUBLE';
  readonly kind: 'key' | 'split' | 'feature' | 'label';
  /** `name@version` for a feature column; the label name for a label column. */
  readonly source: string | null;
}

/**
 * A training set as features publishes it to other services (models trains on it, backtests and
 * monitoring read it): what it is, where its latest build is in the lake, and the datasets its
 * features read (for licence checks). Read-only: features alone builds training sets.
 */
export interface PublishedTrainingSet {
  readonly id: string;
  readonly name: string;
  readonly createdBy: string;
  readonly status: 'building' | 'ready' | 'failed';
  readonly lakeDataset: string;
  /** The latest build's snapshot (null until the first build is ready). */
  readonly snapshotId: number | null;
  readonly rowCount: number | null;
  readonly columns: readonly TrainingSetColumn[];
  /** The labels as the training set defined them, in full (see ./labels/spec.ts). */
  readonly labels: readonly LabelSpec[];
  /**
   * The bar interval the labels were computed on (`1d`), part of their definition: what
   * `realizedLabels` needs to label served predictions as this set was labelled. Null without labels.
   */
  readonly labelInterval: string | null;
  /** Feature versions in column order. */
  readonly features: readonly { readonly ref: string; readonly column: string; readonly featureId: string }[];
  /** Split boundaries, when the spec asked for time-ordered splits. */
  readonly split: {
    readonly validationStart: string;
    readonly testStart: string;
    readonly embargoSeconds: number;
  } | null;
  /** The lake snapshots the build read: feature views, bars (for labels) and its stored spine. */
  readonly inputs: readonly { readonly lakeDataset: string; readonly snapshotId: number; readonly role: string }[];
  /** Datasets the features read (their lineage), sorted: what licence checks look at. */
  readonly lineage: readonly string[];
}

const publishedResolution = z.object({
  features: z.array(z.object({ ref: z.string(), featureId: z.string(), column: z.string() }).passthrough()),
  labels: z.array(labelSpecSchema),
  bars: z.object({ interval: z.string() }).passthrough().nullable().optional(),
  split: z
    .object({ validationStart: z.string(), testStart: z.string(), embargoSeconds: z.number() })
    .passthrough()
    .nullable(),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['BIGINT', 'VARCHAR', 'TIMESTAMPTZ', 'DOUBLE']),
      kind: z.enum(['key', 'split', 'feature', 'label']),
      source: z.string().nullable(),
    }),
  ),
});

/** Datasets the feature versions read (their lineage), sorted. */
export async function readFeatureLineage(db: Db, featureIds: readonly string[]): Promise<string[]> {
  if (featureIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ dataset: featureInputs.dataset })
    .from(featureInputs)
    .where(inArray(featureInputs.featureId, [...featureIds]));
  return rows.map((r) => r.dataset).sort();
}

/** Training sets by id (unknown ids and ids that are not UUIDs are left out). */
export async function readTrainingSets(db: Db, ids: readonly string[]): Promise<PublishedTrainingSet[]> {
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  if (uuids.length === 0) return [];
  const rows = await db.select().from(trainingSets).where(inArray(trainingSets.id, uuids));
  const inputs = await db.select().from(trainingSetInputs).where(inArray(trainingSetInputs.trainingSetId, uuids));
  const out: PublishedTrainingSet[] = [];
  for (const row of rows) {
    const resolution = publishedResolution.parse(row.resolution);
    const features = resolution.features.map((f) => ({ ref: f.ref, column: f.column, featureId: f.featureId }));
    out.push({
      id: row.id,
      name: row.name,
      createdBy: row.createdBy,
      status: row.status,
      lakeDataset: row.lakeDataset,
      snapshotId: row.snapshotId,
      rowCount: row.rowCount,
      columns: resolution.columns,
      labels: resolution.labels,
      labelInterval: resolution.bars?.interval ?? null,
      features,
      split: resolution.split
        ? {
            validationStart: resolution.split.validationStart,
            testStart: resolution.split.testStart,
            embargoSeconds: resolution.split.embargoSeconds,
          }
        : null,
      inputs: inputs
        .filter((i) => i.trainingSetId === row.id)
        .map((i) => ({ lakeDataset: i.lakeDataset, snapshotId: i.snapshotId, role: i.role })),
      lineage: await readFeatureLineage(
        db,
        features.map((f) => f.featureId),
      ),
    });
  }
  return out;
}
