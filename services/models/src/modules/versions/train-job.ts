import { readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import type { ModelProblem } from '@alphagraph/db/schema/models';
import { getObject, type Lake, putObject } from '@alphagraph/lake';
import {
  type Algorithm,
  createOnnxScorer,
  intrinsicImportance,
  type Matrix,
  predict,
  purgedKFold,
  serializeArtifact,
  train,
} from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';
import { readVersionRows, take, takeRows, type VersionRows } from './data.ts';
import {
  baselineOutput,
  evaluateCriteria,
  headlineScore,
  type Predictor,
  permutationImportances,
  splitMetrics,
  type Task,
  targetOf,
} from './evaluate.ts';
import type { EvaluationSplitName, FoldRecord, SplitMetrics, TrainingResult } from './result.ts';
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

/** Where a version's artifact lives in the lake's object store. */
export const artifactKey = (model: string, number: number, format: 'json' | 'onnx') =>
  `models/${model}/${number}/model.${format}`;

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

const dateKeys = (rows: VersionRows, index: readonly number[]) =>
  index.map((i) => new Date(rows.t[i]!).toISOString().slice(0, 10));

/** Sample mean and standard deviation (null when undefined). */
function meanStd(values: readonly number[]): { mean: number | null; std: number | null } {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { mean: null, std: null };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, std: null };
  const ss = v.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, std: Math.sqrt(ss / (v.length - 1)) };
}

const SESSION_MS = (7 / 5) * 86_400_000;

/**
 * Trains (platform) or evaluates (external) one version end to end and returns what it records.
 * Platform: purged k-fold CV over the TRAIN and VALIDATION rows (time order), then the final fit
 * on TRAIN; metrics and the naive baseline on every split; success criteria on TEST; permutation
 * importance on TEST and the algorithm's own importances; the artifact stored in the lake.
 */
export async function runTrainingJob(options: {
  db: Db;
  lake: Lake;
  version: VersionRecord;
  model: TrainingModel;
  onProgress: (progress: number) => Promise<void>;
}): Promise<TrainingResult> {
  const { lake, version, model } = options;
  const [ts] = await readTrainingSets(options.db, [version.trainingSetId]);
  if (!ts) throw new DomainError('NOT_FOUND', `training set ${version.trainingSetId} no longer exists`);
  const label = ts.labels.find((l) => l.name === version.label);
  if (!label) throw new DomainError('BAD_USER_INPUT', `training set ${ts.id} has no label ${version.label}`);
  const columns = version.features.map((f) => f.column);
  const rows = await readVersionRows(lake, ts, columns, label);
  const y = targetOf(model.task, rows.label);
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
  const Xs = Object.fromEntries(SPLITS.map((s) => [s, takeRows(rows.X, index[s])])) as Record<
    EvaluationSplitName,
    Matrix
  >;
  const ys = Object.fromEntries(SPLITS.map((s) => [s, take(y, index[s])])) as Record<EvaluationSplitName, Float64Array>;

  let predictor: Predictor;
  let crossValidation: TrainingResult['crossValidation'] = null;
  let intrinsic: TrainingResult['importances'] = [];
  let missing: TrainingResult['missing'];
  let artifact: TrainingResult['artifact'];
  let trainingSeconds = 0;
  let close = async () => {};

  if (version.source === 'platform') {
    const spec = {
      task: model.task,
      algorithm: version.algorithm as Algorithm,
      hyperparameters: version.hyperparameters,
      seed: version.seed,
      featureNames: columns,
    };
    const cv = version.crossValidation as { folds: number; embargoSessions: number };
    if (cv.folds >= 2) {
      const pool = [...index.train, ...index.validation].sort((a, b) => rows.t[a]! - rows.t[b]! || a - b);
      const folds = purgedKFold({
        t0: take(rows.t, pool),
        t1: take(rows.labelKnown, pool),
        k: cv.folds,
        embargoMs: cv.embargoSessions * SESSION_MS,
      });
      const perFold: FoldRecord[] = [];
      const { name, score } = headlineScore(model.task);
      const scores: number[] = [];
      for (const [k, fold] of folds.entries()) {
        const trainIdx = Array.from(fold.train, (j) => pool[j]!);
        const testIdx = Array.from(fold.test, (j) => pool[j]!);
        const fitted = train({ ...spec, X: takeRows(rows.X, trainIdx), y: take(y, trainIdx) });
        const out = predict(fitted, takeRows(rows.X, testIdx));
        const yTest = take(y, testIdx);
        const metrics = splitMetrics(model.task, yTest, out, dateKeys(rows, testIdx));
        scores.push(
          score(yTest, model.task === 'classification' ? (out.probability ?? out.prediction) : out.prediction),
        );
        perFold.push({
          fold: k + 1,
          trainRows: trainIdx.length,
          testRows: testIdx.length,
          purgedRows: fold.purged.length,
          embargoedRows: fold.embargoed.length,
          metrics,
        });
        await options.onProgress(0.6 * ((k + 1) / folds.length));
      }
      crossValidation = {
        folds: cv.folds,
        embargoSessions: cv.embargoSessions,
        metric: name,
        ...meanStd(scores),
        perFold,
      };
    }
    const started = performance.now();
    const fitted = train({ ...spec, X: Xs.train, y: ys.train });
    trainingSeconds = (performance.now() - started) / 1000;
    await options.onProgress(0.7);
    predictor = { predict: async (X) => predict(fitted, X) };
    intrinsic = intrinsicImportance(fitted).map((i) => ({
      feature: i.feature,
      kind: i.kind,
      value: i.value,
      std: null,
    }));
    missing = fitted.imputation.columns.map((c) => ({ column: c.name, imputedInTrain: c.imputed, fill: c.median }));
    const stored = putObject(lake.root, artifactKey(model.name, version.number, 'json'), serializeArtifact(fitted));
    artifact = { ...stored, format: 'json' };
  } else {
    if (!version.artifactPath || !version.artifactSha256) {
      throw new DomainError('FAILED_PRECONDITION', `version ${version.id} has no uploaded ONNX file`);
    }
    const bytes = getObject(lake.root, { path: version.artifactPath, sha256: version.artifactSha256 });
    const scorer = await createOnnxScorer(bytes, { features: columns, task: model.task });
    predictor = { predict: (X) => scorer.score(X) };
    close = async () => scorer.close();
    missing = columns.map((column, j) => {
      let n = 0;
      for (let i = 0; i < Xs.train.rows; i++) if (!Number.isFinite(Xs.train.data[i * Xs.train.cols + j]!)) n++;
      return { column, imputedInTrain: n, fill: Number.NaN };
    });
    artifact = { path: version.artifactPath, sha256: version.artifactSha256, bytes: bytes.length, format: 'onnx' };
  }

  try {
    const metrics = {} as Record<EvaluationSplitName, SplitMetrics>;
    const baseline = {} as Record<EvaluationSplitName, SplitMetrics>;
    let scoringMsPer1000 = 0;
    for (const s of SPLITS) {
      const started = performance.now();
      const out = await predictor.predict(Xs[s]);
      if (s === 'test') scoringMsPer1000 = ((performance.now() - started) / Math.max(1, Xs[s].rows)) * 1000;
      const dates = dateKeys(rows, index[s]);
      metrics[s] = splitMetrics(model.task, ys[s], out, dates);
      baseline[s] = splitMetrics(model.task, ys[s], baselineOutput(model.task, ys.train, ys[s].length), dates);
    }
    await options.onProgress(0.8);
    const permutation = await permutationImportances({
      task: model.task,
      predictor,
      X: Xs.test,
      y: ys.test,
      featureNames: columns,
      seed: version.seed,
    });
    const entities = [...new Set(rows.entity)].sort();
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    for (const i of index.train.concat(index.validation, index.test)) {
      first = Math.min(first, rows.t[i]!);
      last = Math.max(last, rows.t[i]!);
    }
    return {
      trainingSet: { id: ts.id, lakeDataset: ts.lakeDataset, snapshotId: ts.snapshotId! },
      inputs: ts.inputs,
      period: {
        from: Number.isFinite(first) ? new Date(first).toISOString() : null,
        to: Number.isFinite(last) ? new Date(last).toISOString() : null,
      },
      universe: entities,
      rowCounts: {
        train: index.train.length,
        validation: index.validation.length,
        test: index.test.length,
        embargo,
        droppedUnlabeled,
      },
      missing,
      metrics,
      baseline,
      crossValidation,
      importances: [
        ...permutation.map((p) => ({ feature: p.feature, kind: 'permutation' as const, value: p.mean, std: p.std })),
        ...intrinsic,
      ],
      criteria: evaluateCriteria(model.problem, metrics.test, baseline.test),
      artifact,
      trainingSeconds,
      scoringMsPer1000,
    };
  } finally {
    await close();
  }
}
