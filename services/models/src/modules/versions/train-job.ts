import { readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { ModelProblem } from '@alphagraph/db/schema/models';
import { getObject, type Lake, putObject } from '@alphagraph/lake';
import { type Algorithm, createOnnxScorer, type Matrix } from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';
import { readVersionRows, type VersionRows } from './data.ts';
import { evaluateSplits, type Task, targetOf } from './evaluate.ts';
import type { FitInput, SplitName } from './fit.ts';
import { fitOnThread } from './fit-runner.ts';
import type { EvaluationSplitName, TrainingResult } from './result.ts';
import { take, takeRows } from './rows.ts';
import type { VersionRecord } from './store.ts';

/** What a training job needs to know of the model (read by the caller from the registry). */
export interface TrainingModel {
  readonly name: string;
  readonly task: Task;
  readonly problem: ModelProblem;
}

const SPLITS: readonly EvaluationSplitName[] = ['train', 'validation', 'test'];
/** Below this many labelled training rows a fit means nothing; the job fails and says so. */
export const MIN_TRAIN_ROWS = 30;

/** Where a platform version's artifact lives in the lake's object store. */
export const artifactKey = (model: string, number: number) => `models/${model}/${number}/model.json`;

/** Labelled rows per split, and the rows left out (embargo, unknown label). */
export function partition(rows: VersionRows) {
  const index: Record<EvaluationSplitName, number[]> = { train: [], validation: [], test: [] };
  let embargo = 0;
  let droppedUnlabeled = 0;
  for (let i = 0; i < rows.n; i++) {
    const split = rows.split[i];
    if (split === 'embargo') {
      embargo++;
      continue;
    }
    if (!Number.isFinite(rows.label[i]!)) {
      droppedUnlabeled++;
      continue;
    }
    index[split ?? 'train'].push(i);
  }
  return { index, embargo, droppedUnlabeled };
}

/**
 * Trains (platform, on a worker thread: ./fit.ts) or evaluates (an uploaded ONNX file, scored
 * by onnxruntime off the event loop) one version end to end, and returns what it records. The
 * artifact of a platform version is stored in the lake's object store with its sha256.
 */
export async function runTrainingJob(options: {
  db: Db;
  lake: Lake;
  version: VersionRecord;
  model: TrainingModel;
  onProgress: (progress: number) => void;
}): Promise<TrainingResult> {
  const { lake, version, model } = options;
  const [ts] = await readTrainingSets(options.db, [version.trainingSetId]);
  if (!ts) throw new DomainError('NOT_FOUND', `training set ${version.trainingSetId} no longer exists`);
  const label = ts.labels.find((l) => l.name === version.label);
  if (!label) throw new DomainError('BAD_USER_INPUT', `training set ${ts.id} has no label ${version.label}`);
  const columns = version.features.map((f) => f.column);
  const rows = await readVersionRows(lake, ts, columns, label);
  const { index, embargo, droppedUnlabeled } = partition(rows);
  if (index.test.length === 0) {
    throw new DomainError(
      'FAILED_PRECONDITION',
      `training set ${ts.id} has no labelled TEST rows: build it with split boundaries (validationStart, testStart)`,
    );
  }
  if (version.source === 'platform' && index.train.length < MIN_TRAIN_ROWS) {
    throw new DomainError(
      'FAILED_PRECONDITION',
      `training set ${ts.id} has ${index.train.length} labelled TRAIN rows; at least ${MIN_TRAIN_ROWS} are needed`,
    );
  }
  const y = targetOf(model.task, rows.label);
  const outcome: Pick<
    TrainingResult,
    | 'metrics'
    | 'baseline'
    | 'crossValidation'
    | 'importances'
    | 'criteria'
    | 'missing'
    | 'artifact'
    | 'trainingSeconds'
    | 'scoringMsPer1000'
  > = await (async () => {
    if (version.source === 'platform') {
      // Only the labelled rows cross to the thread, re-indexed.
      const used = [...index.train, ...index.validation, ...index.test];
      let k = 0;
      const local = Object.fromEntries(SPLITS.map((s) => [s, Int32Array.from(index[s], () => k++)])) as Record<
        SplitName,
        Int32Array
      >;
      const input: FitInput = {
        task: model.task,
        algorithm: version.algorithm as Algorithm,
        hyperparameters: version.hyperparameters,
        seed: version.seed,
        featureNames: columns,
        problem: model.problem,
        crossValidation: version.crossValidation as FitInput['crossValidation'],
        X: takeRows(rows.X, used),
        y: take(y, used),
        t: take(rows.t, used),
        labelKnown: take(rows.labelKnown, used),
        index: local,
      };
      const fit = await fitOnThread(input, options.onProgress);
      const stored = putObject(lake.root, artifactKey(model.name, version.number), fit.artifact);
      return {
        metrics: fit.metrics,
        baseline: fit.baseline,
        crossValidation: fit.crossValidation,
        importances: [
          ...fit.permutation.map((p) => ({
            feature: p.feature,
            kind: 'permutation' as const,
            value: p.mean,
            std: p.std,
          })),
          ...fit.intrinsic,
        ],
        criteria: fit.criteria,
        missing: fit.missing,
        artifact: { ...stored, format: 'json' as const },
        trainingSeconds: fit.trainingSeconds,
        scoringMsPer1000: fit.scoringMsPer1000,
      };
    }
    if (!version.artifactPath || !version.artifactSha256) {
      throw new DomainError('FAILED_PRECONDITION', `version ${version.id} has no uploaded ONNX file`);
    }
    const bytes = getObject(lake.root, { path: version.artifactPath, sha256: version.artifactSha256 });
    const scorer = await createOnnxScorer(bytes, { features: columns, task: model.task });
    try {
      const X = Object.fromEntries(SPLITS.map((s) => [s, takeRows(rows.X, index[s])])) as Record<SplitName, Matrix>;
      const evaluation = await evaluateSplits({
        task: model.task,
        predictor: { predict: (m) => scorer.score(m) },
        X,
        y: Object.fromEntries(SPLITS.map((s) => [s, take(y, index[s])])) as Record<SplitName, Float64Array>,
        dates: Object.fromEntries(
          SPLITS.map((s) => [s, index[s].map((i) => new Date(rows.t[i]!).toISOString().slice(0, 10))]),
        ) as Record<SplitName, string[]>,
        featureNames: columns,
        seed: version.seed,
        problem: model.problem,
      });
      return {
        metrics: evaluation.metrics,
        baseline: evaluation.baseline,
        crossValidation: null,
        importances: evaluation.permutation.map((p) => ({
          feature: p.feature,
          kind: 'permutation' as const,
          value: p.mean,
          std: p.std,
        })),
        criteria: evaluation.criteria,
        // ONNX models receive values as stored (NaN for missing): counted, not imputed.
        missing: columns.map((column, j) => {
          let n = 0;
          for (let i = 0; i < X.train.rows; i++) if (!Number.isFinite(X.train.data[i * X.train.cols + j]!)) n++;
          return { column, imputedInTrain: n, fill: Number.NaN };
        }),
        artifact: {
          path: version.artifactPath,
          sha256: version.artifactSha256,
          bytes: bytes.length,
          format: 'onnx' as const,
        },
        trainingSeconds: 0,
        scoringMsPer1000: evaluation.scoringMsPer1000,
      };
    } finally {
      await scorer.close();
    }
  })();

  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const s of SPLITS) {
    for (const i of index[s]) {
      first = Math.min(first, rows.t[i]!);
      last = Math.max(last, rows.t[i]!);
    }
  }
  return {
    trainingSet: { id: ts.id, lakeDataset: ts.lakeDataset, snapshotId: ts.snapshotId! },
    inputs: ts.inputs,
    period: {
      from: Number.isFinite(first) ? new Date(first).toISOString() : null,
      to: Number.isFinite(last) ? new Date(last).toISOString() : null,
    },
    universe: [...new Set(rows.entity)].sort(),
    rowCounts: {
      train: index.train.length,
      validation: index.validation.length,
      test: index.test.length,
      embargo,
      droppedUnlabeled,
    },
    ...outcome,
  };
}
