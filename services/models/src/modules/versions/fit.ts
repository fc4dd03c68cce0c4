import type { ModelProblem } from '@alphagraph/db/schema/models';
import {
  type Algorithm,
  intrinsicImportance,
  type Matrix,
  predict,
  purgedKFold,
  serializeArtifact,
  train,
} from '@alphagraph/ml';
import { evaluateSplits, headlineScore, type SplitEvaluation, splitMetrics, type Task } from './evaluate.ts';
import type { FoldRecord, TrainingResult } from './result.ts';
import { take, takeRows } from './rows.ts';

export type SplitName = 'train' | 'validation' | 'test';

/** Everything a platform fit needs, as plain data (it crosses to a worker thread). */
export interface FitInput {
  readonly task: Task;
  readonly algorithm: Algorithm;
  readonly hyperparameters: Record<string, unknown>;
  readonly seed: number;
  readonly featureNames: readonly string[];
  readonly problem: ModelProblem;
  readonly crossValidation: { readonly folds: number; readonly embargoSessions: number };
  /** Every labelled, non-embargo row of the training set. */
  readonly X: Matrix;
  readonly y: Float64Array;
  /** Row time and the time its label became known (epoch ms), for purging. */
  readonly t: Float64Array;
  readonly labelKnown: Float64Array;
  /** Row indices (into X) of each split, in spine order. */
  readonly index: Readonly<Record<SplitName, Int32Array>>;
}

export interface FitOutput extends SplitEvaluation {
  readonly artifact: Uint8Array;
  readonly crossValidation: TrainingResult['crossValidation'];
  readonly intrinsic: TrainingResult['importances'];
  readonly missing: TrainingResult['missing'];
  readonly trainingSeconds: number;
}

/** An XNYS session, for the embargo: 7/5 calendar days on average. */
const SESSION_MS = (7 / 5) * 86_400_000;
const dayKeys = (t: Float64Array, index: Int32Array) =>
  Array.from(index, (i) => new Date(t[i]!).toISOString().slice(0, 10));

/** Sample mean and standard deviation (null when undefined). */
function meanStd(values: readonly number[]): { mean: number | null; std: number | null } {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { mean: null, std: null };
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  if (v.length < 2) return { mean, std: null };
  return { mean, std: Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) };
}

/**
 * Trains a platform version and evaluates it, pure computation (no database, no lake): purged
 * k-fold cross-validation over the TRAIN and VALIDATION rows in time order (AFML ch. 7; a
 * training row whose label span [t, known] touches a test fold's span is purged, rows starting
 * within `embargoSessions` sessions after it are embargoed), then the final fit on TRAIN, then
 * the evaluation every version gets (evaluateSplits). Runs on a worker thread (./fit-runner.ts).
 */
export async function fitAndEvaluate(input: FitInput, onProgress: (p: number) => void = () => {}): Promise<FitOutput> {
  const spec = {
    task: input.task,
    algorithm: input.algorithm,
    hyperparameters: input.hyperparameters,
    seed: input.seed,
    featureNames: input.featureNames,
  };
  let crossValidation: FitOutput['crossValidation'] = null;
  if (input.crossValidation.folds >= 2) {
    const pool = [...input.index.train, ...input.index.validation].sort((a, b) => input.t[a]! - input.t[b]! || a - b);
    const folds = purgedKFold({
      t0: take(input.t, pool),
      t1: take(input.labelKnown, pool),
      k: input.crossValidation.folds,
      embargoMs: input.crossValidation.embargoSessions * SESSION_MS,
    });
    const { name, score } = headlineScore(input.task);
    const scores: number[] = [];
    const perFold: FoldRecord[] = [];
    for (const [k, fold] of folds.entries()) {
      const trainIdx = Array.from(fold.train, (j) => pool[j]!);
      const testIdx = Int32Array.from(fold.test, (j) => pool[j]!);
      const fitted = train({ ...spec, X: takeRows(input.X, trainIdx), y: take(input.y, trainIdx) });
      const out = predict(fitted, takeRows(input.X, testIdx));
      const yTest = take(input.y, testIdx);
      scores.push(score(yTest, input.task === 'classification' ? (out.probability ?? out.prediction) : out.prediction));
      perFold.push({
        fold: k + 1,
        trainRows: trainIdx.length,
        testRows: testIdx.length,
        purgedRows: fold.purged.length,
        embargoedRows: fold.embargoed.length,
        metrics: splitMetrics(input.task, yTest, out, dayKeys(input.t, testIdx)),
      });
      onProgress(0.6 * ((k + 1) / folds.length));
    }
    crossValidation = {
      folds: input.crossValidation.folds,
      embargoSessions: input.crossValidation.embargoSessions,
      metric: name,
      ...meanStd(scores),
      perFold,
    };
  }
  const splits = ['train', 'validation', 'test'] as const;
  const X = Object.fromEntries(splits.map((s) => [s, takeRows(input.X, input.index[s])])) as Record<SplitName, Matrix>;
  const y = Object.fromEntries(splits.map((s) => [s, take(input.y, input.index[s])])) as Record<
    SplitName,
    Float64Array
  >;
  const dates = Object.fromEntries(splits.map((s) => [s, dayKeys(input.t, input.index[s])])) as Record<
    SplitName,
    string[]
  >;
  const started = performance.now();
  const fitted = train({ ...spec, X: X.train, y: y.train });
  const trainingSeconds = (performance.now() - started) / 1000;
  onProgress(0.7);
  const evaluation = await evaluateSplits({
    task: input.task,
    predictor: { predict: async (m) => predict(fitted, m) },
    X,
    y,
    dates,
    featureNames: input.featureNames,
    seed: input.seed,
    problem: input.problem,
  });
  onProgress(0.9);
  return {
    ...evaluation,
    artifact: serializeArtifact(fitted),
    crossValidation,
    intrinsic: intrinsicImportance(fitted).map((i) => ({
      feature: i.feature,
      kind: i.kind,
      value: i.value,
      std: null,
    })),
    missing: fitted.imputation.columns.map((c) => ({ column: c.name, imputedInTrain: c.imputed, fill: c.median })),
    trainingSeconds,
  };
}
