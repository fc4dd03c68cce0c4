import { type DatasetContract, defineDataset } from '@alphagraph/lake';

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
