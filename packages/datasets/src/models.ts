import type { Db } from '@alphagraph/db';
import { models, modelVersions } from '@alphagraph/db/schema/models';
import { type DatasetContract, defineDataset } from '@alphagraph/lake';
import { and, eq, inArray } from 'drizzle-orm';

/** Owner of the datasets in this file. */
const OWNER = 'models';

/** The lake dataset of a model's batch predictions: `predictions_<model>`. */
export const predictionsDatasetName = (model: string): string => `predictions_${model}`.slice(0, 63);

/**
 * A model's batch predictions, every batch appended: one row per (entity, t) scored by a version.
 * `available_at` = t, the instant the features the prediction read were known (DESIGN section 4):
 * a backtest may act on a prediction from its `available_at` on. Scoring the same rows again
 * (another batch, another version) is a new row; readers pick a version and take the latest batch.
 */
export function predictionsDataset(model: string): DatasetContract {
  return defineDataset({
    name: predictionsDatasetName(model),
    owner: OWNER,
    description: `batch predictions of model ${model}: entity, t, prediction, P(y=1) for classifiers, version`,
    columns: [
      { name: 'entity', type: 'VARCHAR' },
      { name: 't', type: 'TIMESTAMPTZ' },
      { name: 'prediction', type: 'DOUBLE' },
      { name: 'probability', type: 'DOUBLE' },
      { name: 'version', type: 'INTEGER' },
      { name: 'available_at', type: 'TIMESTAMPTZ' },
      { name: 'batch_id', type: 'VARCHAR' },
    ],
    versionKey: ['entity', 't', 'version'],
    availableAt: 'available_at',
    tiebreak: 'batch_id',
    entity: 'entity',
    eventTime: 't',
  });
}

/**
 * A model version as models publishes it to other services (backtests trade its predictions and
 * retrain its algorithm walk-forward). Read-only: models alone trains and deploys versions.
 */
export interface PublishedModelVersion {
  readonly model: string;
  readonly task: 'classification' | 'regression';
  readonly number: number;
  readonly source: 'platform' | 'external';
  readonly status: 'queued' | 'training' | 'ready' | 'failed';
  /** registered, validated, paper, canary, production, retired or rejected. */
  readonly stage: string;
  readonly trainingSetId: string;
  readonly algorithm: string;
  readonly hyperparameters: Record<string, unknown>;
  readonly seed: number;
  /** Training-set columns the version reads, in order. */
  readonly features: readonly { readonly ref: string; readonly column: string }[];
  readonly label: string;
}

/** Stages whose versions every reader may see (analysts and traders see only these). */
export const DEPLOYED_STAGES: readonly string[] = ['canary', 'production'];

/** Model versions by (model name, version number); unknown ones are left out. */
export async function readModelVersions(
  db: Db,
  refs: readonly { readonly model: string; readonly version: number }[],
): Promise<PublishedModelVersion[]> {
  const names = [...new Set(refs.map((r) => r.model))];
  if (names.length === 0) return [];
  const rows = await db
    .select({ model: models.name, task: models.task, v: modelVersions })
    .from(modelVersions)
    .innerJoin(models, eq(models.id, modelVersions.modelId))
    .where(
      and(
        inArray(models.name, names),
        inArray(
          modelVersions.number,
          refs.map((r) => r.version).filter((n) => Number.isSafeInteger(n) && n > 0 && n < 2 ** 31),
        ),
      ),
    );
  const wanted = new Set(refs.map((r) => `${r.model}@${r.version}`));
  return rows
    .filter((r) => wanted.has(`${r.model}@${r.v.number}`))
    .map((r) => ({
      model: r.model,
      task: r.task,
      number: r.v.number,
      source: r.v.source,
      status: r.v.status,
      stage: r.v.stage,
      trainingSetId: r.v.trainingSetId,
      algorithm: r.v.algorithm,
      hyperparameters: r.v.hyperparameters,
      seed: r.v.seed,
      features: r.v.features,
      label: r.v.label,
    }));
}

/** The lake dataset of a model's prediction log: `prediction_log_<model>`. */
export const predictionLogDatasetName = (model: string): string => `prediction_log_${model}`.slice(0, 63);

/**
 * A model's prediction log (issue 14): every signal the platform served and every prediction an
 * external model posted, one row per (request, entity, version). `t` is the instant the prediction
 * speaks for (the signal's as-of instant); `available_at` = when it was logged. `features` is the
 * feature vector used, in the order of `feature_refs` (`name@version`; null values were MISSING
 * or EXPIRED; `map(feature_refs, features)` pairs them); both null for a posted prediction that
 * came without its features. `status` is the signal's (OK, FEATURE_EXPIRED, FEATURE_MISSING; OK for posted
 * predictions); rows without a prediction are logged too. Append-only: nothing is ever rewritten.
 */
export function predictionLogDataset(model: string): DatasetContract {
  return defineDataset({
    name: predictionLogDatasetName(model),
    owner: OWNER,
    description: `prediction log of model ${model}: every served signal and posted prediction, with its feature vector`,
    columns: [
      { name: 'request_id', type: 'VARCHAR' },
      { name: 'source', type: 'VARCHAR' },
      { name: 'entity', type: 'VARCHAR' },
      { name: 't', type: 'TIMESTAMPTZ' },
      { name: 'version', type: 'INTEGER' },
      { name: 'stage', type: 'VARCHAR' },
      { name: 'prediction', type: 'DOUBLE' },
      { name: 'probability', type: 'DOUBLE' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'features', type: 'DOUBLE[]' },
      { name: 'feature_refs', type: 'VARCHAR[]' },
      { name: 'scoring_ms', type: 'DOUBLE' },
      { name: 'available_at', type: 'TIMESTAMPTZ' },
    ],
    versionKey: ['request_id', 'entity', 'version'],
    availableAt: 'available_at',
    tiebreak: 'request_id',
    entity: 'entity',
    eventTime: 't',
  });
}
