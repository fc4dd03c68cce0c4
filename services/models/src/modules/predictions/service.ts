import { predictionsDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { predictionBatches } from '@alphagraph/db/schema/models';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { changeOf, DomainError, type RequestScope } from '@alphagraph/service';
import type { ModelStore } from '../models/store.ts';
import { readVersionRows } from '../versions/data.ts';
import type { Versions } from '../versions/service.ts';
import type { PredictionBatchRecord } from '../versions/store.ts';

export interface PredictionDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly models: ModelStore;
  readonly versions: Versions;
}

/**
 * Batch predictions (issue 10 item 8): a ready version scores every row of a training set it may
 * read, and the predictions are appended to the model's lake dataset with available_at = t (the
 * features a prediction read were known at t, point in time), in one snapshot whose publication
 * also records the batch, so a batch is either wholly there or not at all.
 */
export function createPredictions(deps: PredictionDeps) {
  return {
    async score(scope: RequestScope, versionId: string, trainingSetId: string): Promise<PredictionBatchRecord> {
      const { actor } = changeOf(scope);
      const version = await deps.versions.versionById(versionId);
      const [model] = await deps.models.byIds([version.modelId]);
      if (!model) throw new DomainError('NOT_FOUND', `model of version ${versionId} is gone`);
      if (version.status !== 'ready') {
        throw new DomainError(
          'FAILED_PRECONDITION',
          `version ${version.number} of ${model.name} is ${version.status}, not ready`,
        );
      }
      const ts = await deps.versions.readableTrainingSet(scope, trainingSetId, 'scoreVersion');
      const present = new Set(ts.columns.map((c) => c.name));
      const absent = version.features.filter((f) => !present.has(f.column));
      if (absent.length > 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `training set ${ts.id} lacks features version ${version.number} reads: ${absent.map((f) => f.ref).join(', ')}`,
        );
      }
      // The label is read when the set has it (for monitoring later); scoring needs only features.
      const label = ts.labels.find((l) => l.name === version.label) ?? null;
      const rows = await readVersionRows(
        deps.lake,
        ts,
        version.features.map((f) => f.column),
        label ?? { kind: 'expression', name: '__none', expression: '$close' },
        { labelOptional: true },
      );
      if (rows.n === 0) throw new DomainError('FAILED_PRECONDITION', `training set ${ts.id} has no rows to score`);
      const { predictor, close } = await deps.versions.predictorOf(version, model.task);
      let out: Awaited<ReturnType<typeof predictor.predict>>;
      try {
        out = await predictor.predict(rows.X);
      } finally {
        await close();
      }
      const contract = predictionsDataset(model.name);
      await deps.lake.registerDataset(contract);
      const batchId = `${new Date().toISOString()}-${versionId.slice(0, 8)}`;
      let batch: PredictionBatchRecord | undefined;
      await deps.lake.commit(
        contract.name,
        {
          mode: 'append',
          summary: { model: model.name, version: version.number, trainingSet: ts.id },
          onPublish: async (tx, snapshot) => {
            [batch] = await tx
              .insert(predictionBatches)
              .values({
                versionId,
                trainingSetId: ts.id,
                lakeDataset: contract.name,
                snapshotId: snapshot.id,
                rows: snapshot.addedRows,
                createdBy: actor.userId,
              })
              .returning();
          },
        },
        async (w) => {
          await w.session.run(
            'CREATE OR REPLACE TEMP TABLE scored (entity VARCHAR, t TIMESTAMPTZ, prediction DOUBLE, probability DOUBLE)',
          );
          const staged = function* (): Generator<StagedValue[]> {
            for (let i = 0; i < rows.n; i++) {
              const p = out.prediction[i]!;
              const q = out.probability?.[i];
              yield [
                rows.entity[i]!,
                new Date(rows.t[i]!),
                Number.isFinite(p) ? p : null,
                q !== undefined && Number.isFinite(q) ? q : null,
              ];
            }
          };
          await w.session.append('scored', staged());
          await w.writeQuery(
            `SELECT entity, t, prediction, probability, CAST(? AS INTEGER) AS version, t AS available_at, ? AS batch_id
             FROM scored`,
            [version.number, batchId],
          );
        },
      );
      await deps.versions.audit(scope, 'mutation:scoreVersion', `model-version:${versionId}`, {
        model: model.name,
        number: version.number,
        trainingSet: ts.id,
        rows: rows.n,
        dataset: contract.name,
      });
      return batch!;
    },
  };
}
export type Predictions = ReturnType<typeof createPredictions>;
