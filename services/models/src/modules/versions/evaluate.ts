import type { ModelProblem } from '@alphagraph/db/schema/models';
import {
  classificationMetrics,
  createPrng,
  informationCoefficient,
  type Matrix,
  permutationImportanceAsync,
  regressionMetrics,
  shuffleInPlace,
} from '@alphagraph/ml';
import type { CriterionOutcome, SplitMetrics } from './result.ts';
import { take, takeRows } from './rows.ts';

export type Task = 'classification' | 'regression';

/** Scores rows: a trained artifact or an ONNX session behind one interface. */
export interface Predictor {
  predict(X: Matrix): Promise<{ prediction: Float64Array; probability?: Float64Array | undefined }>;
}

/**
 * The target a task trains on: classification predicts the label's direction (1 when the label
 * is > 0, else 0; a label already 0/1 is unchanged); regression the label itself.
 */
export function targetOf(task: Task, label: Float64Array): Float64Array {
  if (task === 'regression') return label;
  const y = new Float64Array(label.length);
  for (let i = 0; i < label.length; i++) y[i] = label[i]! > 0 ? 1 : 0;
  return y;
}

const finiteOrNull = (v: number | null | undefined): number | null =>
  v === null || v === undefined || !Number.isFinite(v) ? null : v;

/**
 * Metrics of predictions on one split. Classification: accuracy, precision, recall, F1 and the
 * confusion matrix at probability >= 0.5, ROC AUC and log loss of the probabilities. Regression:
 * RMSE, MAE, R², and the information coefficient over `dates` (Spearman across instruments per
 * date, mean IC and ICIR).
 */
export function splitMetrics(
  task: Task,
  y: Float64Array,
  out: { prediction: Float64Array; probability?: Float64Array | undefined },
  dates: readonly string[],
): SplitMetrics {
  if (y.length === 0) return { rows: 0 };
  if (task === 'classification') {
    const probability = out.probability ?? out.prediction;
    const m = classificationMetrics(y, probability, 0.5);
    return {
      rows: y.length,
      accuracy: finiteOrNull(m.accuracy),
      precision: finiteOrNull(m.precision),
      recall: finiteOrNull(m.recall),
      f1: finiteOrNull(m.f1),
      roc_auc: finiteOrNull(m.rocAuc),
      log_loss: finiteOrNull(m.logLoss),
      confusion: m.confusion,
    };
  }
  const m = regressionMetrics(y, out.prediction);
  const ic = informationCoefficient(dates, y, out.prediction, { minGroupSize: 3 });
  return {
    rows: y.length,
    rmse: finiteOrNull(m.rmse),
    mae: finiteOrNull(m.mae),
    r2: finiteOrNull(m.r2),
    mean_ic: finiteOrNull(ic.meanIc),
    icir: finiteOrNull(ic.icir),
  };
}

/**
 * The naive baseline's predictions for `n` rows: classification predicts the training base rate
 * as probability (so the majority class as label); regression predicts zero (no change).
 */
export function baselineOutput(task: Task, yTrain: Float64Array, n: number) {
  if (task === 'classification') {
    let ones = 0;
    for (const v of yTrain) ones += v;
    const rate = yTrain.length > 0 ? ones / yTrain.length : 0.5;
    return { prediction: new Float64Array(n).fill(rate >= 0.5 ? 1 : 0), probability: new Float64Array(n).fill(rate) };
  }
  return { prediction: new Float64Array(n) };
}

/** The headline score of a task (higher is better): ROC AUC, or R². */
export function headlineScore(task: Task) {
  return task === 'classification'
    ? {
        name: 'roc_auc',
        score: (y: ArrayLike<number>, p: ArrayLike<number>) => classificationMetrics(y, p, 0.5).rocAuc ?? 0.5,
      }
    : { name: 'r2', score: (y: ArrayLike<number>, p: ArrayLike<number>) => regressionMetrics(y, p).r2 };
}

/** Permutation importance scores at most this many TEST rows (a seeded sample above it). */
export const PERMUTATION_MAX_ROWS = 20_000;

/** A seeded sample of at most `max` of `n` row indices, ascending (all of them when n <= max). */
export function sampleRows(n: number, max: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  shuffleInPlace(all, createPrng(seed));
  return all.slice(0, max).sort((a, b) => a - b);
}

/**
 * Permutation importance on the test split (every algorithm): the drop of the headline score
 * when one column is shuffled, mean and standard deviation over `repeats` seeded shuffles. A test
 * split above PERMUTATION_MAX_ROWS is scored on a seeded sample of that many rows (each column x
 * repeat is a full prediction: on 100k rows x 50 features a forest would otherwise spend minutes).
 */
export async function permutationImportances(options: {
  task: Task;
  predictor: Predictor;
  X: Matrix;
  y: Float64Array;
  featureNames: readonly string[];
  seed: number;
  repeats?: number;
}) {
  const { score } = headlineScore(options.task);
  const rows = sampleRows(options.X.rows, PERMUTATION_MAX_ROWS, options.seed);
  const sampled = rows.length < options.X.rows;
  return permutationImportanceAsync({
    X: sampled ? takeRows(options.X, rows) : options.X,
    y: sampled ? take(options.y, rows) : options.y,
    featureNames: options.featureNames,
    repeats: options.repeats ?? 3,
    seed: options.seed,
    predict: async (X: Matrix) => {
      const out = await options.predictor.predict(X);
      return options.task === 'classification' ? (out.probability ?? out.prediction) : out.prediction;
    },
    score,
  });
}

/**
 * Evaluates the problem's success criteria on the test split's metrics (and the baseline's), and
 * its scoring-latency constraint (`scoring_ms_per_1000`, measured scoring TEST) when it has one:
 * a constraint is part of the gate like any criterion.
 */
export function evaluateCriteria(
  problem: ModelProblem,
  test: SplitMetrics,
  baseline: SplitMetrics,
  scoringMsPer1000: number | null = null,
): CriterionOutcome[] {
  const latency = problem.constraints.maxScoringLatencyMs;
  const constraint: CriterionOutcome[] =
    latency !== null && scoringMsPer1000 !== null
      ? [
          {
            metric: 'scoring_ms_per_1000',
            op: 'lte',
            threshold: latency,
            againstBaseline: false,
            value: scoringMsPer1000,
            met: scoringMsPer1000 <= latency,
          },
        ]
      : [];
  return problem.successCriteria
    .map((c) => {
      const value = (test as unknown as Record<string, number | null | undefined>)[c.metric] ?? null;
      const threshold =
        c.threshold ?? (baseline as unknown as Record<string, number | null | undefined>)[c.metric] ?? null;
      const met = value !== null && threshold !== null && (c.op === 'gte' ? value >= threshold : value <= threshold);
      return { metric: c.metric, op: c.op, threshold, againstBaseline: c.threshold === null, value, met };
    })
    .concat(constraint);
}

/** What evaluating a predictor on the splits gives: per-split metrics, the baseline's, permutation importance, criteria. */
export interface SplitEvaluation {
  readonly metrics: Record<'train' | 'validation' | 'test', SplitMetrics>;
  readonly baseline: Record<'train' | 'validation' | 'test', SplitMetrics>;
  readonly scoringMsPer1000: number;
  readonly permutation: readonly { feature: string; mean: number; std: number }[];
  readonly criteria: CriterionOutcome[];
}

/**
 * Evaluates a predictor (a trained artifact, or an ONNX session) the same way whatever made it:
 * metrics and the naive baseline on each split (the baseline learns only from TRAIN), the
 * scoring latency on TEST, permutation importance on TEST, and the success criteria on TEST.
 */
export async function evaluateSplits(options: {
  task: Task;
  predictor: Predictor;
  X: Record<'train' | 'validation' | 'test', Matrix>;
  y: Record<'train' | 'validation' | 'test', Float64Array>;
  dates: Record<'train' | 'validation' | 'test', readonly string[]>;
  featureNames: readonly string[];
  seed: number;
  problem: ModelProblem;
}): Promise<SplitEvaluation> {
  const splits = ['train', 'validation', 'test'] as const;
  const metrics = {} as SplitEvaluation['metrics'];
  const baseline = {} as SplitEvaluation['baseline'];
  let scoringMsPer1000 = 0;
  for (const s of splits) {
    const started = performance.now();
    const out = await options.predictor.predict(options.X[s]);
    if (s === 'test') scoringMsPer1000 = ((performance.now() - started) / Math.max(1, options.X[s].rows)) * 1000;
    metrics[s] = splitMetrics(options.task, options.y[s], out, options.dates[s]);
    baseline[s] = splitMetrics(
      options.task,
      options.y[s],
      baselineOutput(options.task, options.y.train, options.y[s].length),
      options.dates[s],
    );
  }
  const permutation = await permutationImportances({
    task: options.task,
    predictor: options.predictor,
    X: options.X.test,
    y: options.y.test,
    featureNames: options.featureNames,
    seed: options.seed,
  });
  return {
    metrics,
    baseline,
    scoringMsPer1000,
    permutation,
    criteria: evaluateCriteria(options.problem, metrics.test, baseline.test, scoringMsPer1000),
  };
}
