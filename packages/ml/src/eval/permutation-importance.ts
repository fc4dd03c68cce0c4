import { EvaluationError } from './errors.ts';
import type { Matrix } from './matrix.ts';
import { createPrng, type Prng, shuffleInPlace } from './prng.ts';

export interface FeatureImportance {
  readonly feature: string;
  /** Mean drop in score over the repeats: score(original) - score(column shuffled). */
  readonly mean: number;
  /** Population standard deviation (ddof = 0, as scikit-learn's importances_std) of the drops. */
  readonly std: number;
}

interface PermutationImportanceBase {
  readonly X: Matrix;
  readonly y: ArrayLike<number>;
  /** Higher is better, e.g. R², accuracy, or a negated loss. */
  readonly score: (y: ArrayLike<number>, prediction: Float64Array) => number;
  /** One name per column of X. */
  readonly featureNames: readonly string[];
  /** Shuffles per feature. Default 5. */
  readonly repeats?: number;
  /** Seed of the xoshiro128** generator (see createPrng). */
  readonly seed: number;
}

export interface PermutationImportanceOptions extends PermutationImportanceBase {
  /** The fitted model. It receives a scratch matrix: it must not keep a reference to it after returning. */
  readonly predict: (X: Matrix) => Float64Array;
}

export interface PermutationImportanceAsyncOptions extends PermutationImportanceBase {
  /** The fitted model (e.g. an ONNX scorer). It must not keep a reference to the scratch matrix after resolving. */
  readonly predict: (X: Matrix) => Promise<Float64Array>;
}

/**
 * Permutation importance (Breiman 2001; scikit-learn's `permutation_importance`): for each feature column j and each
 * repeat, shuffle column j of X (rows of the other columns untouched), predict, and record
 * score(y, predict(X)) - score(y, predict(X with column j shuffled)). Returns one entry per column, in column order.
 *
 * Determinism: one xoshiro128** stream seeded with `seed` is consumed column by column, repeat by repeat, each
 * shuffle a Fisher-Yates pass (shuffleInPlace). The same inputs and seed give the same result. X is not modified.
 */
export function permutationImportance(options: PermutationImportanceOptions): FeatureImportance[] {
  const plan = planPermutations(options);
  const baseline = options.score(options.y, checkPrediction(options.predict(options.X), options.X.rows));
  return plan.run(
    (scratch) => options.score(options.y, checkPrediction(options.predict(scratch), options.X.rows)),
    baseline,
  );
}

/** permutationImportance for a model whose predict is asynchronous; predictions run one at a time. */
export async function permutationImportanceAsync(
  options: PermutationImportanceAsyncOptions,
): Promise<FeatureImportance[]> {
  const plan = planPermutations(options);
  const baseline = options.score(options.y, checkPrediction(await options.predict(options.X), options.X.rows));
  return plan.runAsync(
    async (scratch) => options.score(options.y, checkPrediction(await options.predict(scratch), options.X.rows)),
    baseline,
  );
}

function checkPrediction(prediction: Float64Array, rows: number): Float64Array {
  if (prediction.length !== rows) {
    throw new EvaluationError(
      'LENGTH_MISMATCH',
      `permutationImportance: predict returned ${prediction.length} values for ${rows} rows`,
    );
  }
  return prediction;
}

function planPermutations(options: PermutationImportanceBase) {
  const what = 'permutationImportance';
  const { X, y, featureNames } = options;
  const repeats = options.repeats ?? 5;
  if (!Number.isInteger(X.rows) || !Number.isInteger(X.cols) || X.rows < 1 || X.data.length !== X.rows * X.cols) {
    throw new EvaluationError('INVALID_MATRIX', `${what}: X is ${X.rows}x${X.cols} but holds ${X.data.length} values`);
  }
  if (y.length !== X.rows)
    throw new EvaluationError('LENGTH_MISMATCH', `${what}: X has ${X.rows} rows but y has ${y.length}`);
  if (featureNames.length !== X.cols) {
    throw new EvaluationError(
      'LENGTH_MISMATCH',
      `${what}: X has ${X.cols} columns but ${featureNames.length} feature names`,
    );
  }
  if (!Number.isInteger(repeats) || repeats < 1) {
    throw new EvaluationError('INVALID_ARGUMENT', `${what}: repeats is ${repeats}; it must be an integer >= 1`);
  }
  const prng: Prng = createPrng(options.seed);
  const scratch: Matrix = { rows: X.rows, cols: X.cols, data: Float64Array.from(X.data) };
  const column = new Float64Array(X.rows);

  /** Shuffles column j of the scratch matrix from the original values. */
  const shuffleColumn = (j: number): void => {
    for (let i = 0; i < X.rows; i++) column[i] = X.data[i * X.cols + j] as number;
    shuffleInPlace(column, prng);
    for (let i = 0; i < X.rows; i++) scratch.data[i * X.cols + j] = column[i] as number;
  };
  const restoreColumn = (j: number): void => {
    for (let i = 0; i < X.rows; i++) scratch.data[i * X.cols + j] = X.data[i * X.cols + j] as number;
  };
  const summarize = (j: number, drops: number[]): FeatureImportance => {
    const mean = drops.reduce((s, d) => s + d, 0) / drops.length;
    const variance = drops.reduce((s, d) => s + (d - mean) ** 2, 0) / drops.length;
    return { feature: featureNames[j] as string, mean, std: Math.sqrt(variance) };
  };

  return {
    run(scoreOf: (m: Matrix) => number, baseline: number): FeatureImportance[] {
      const out: FeatureImportance[] = [];
      for (let j = 0; j < X.cols; j++) {
        const drops: number[] = [];
        for (let r = 0; r < repeats; r++) {
          shuffleColumn(j);
          drops.push(baseline - scoreOf(scratch));
        }
        restoreColumn(j);
        out.push(summarize(j, drops));
      }
      return out;
    },
    async runAsync(scoreOf: (m: Matrix) => Promise<number>, baseline: number): Promise<FeatureImportance[]> {
      const out: FeatureImportance[] = [];
      for (let j = 0; j < X.cols; j++) {
        const drops: number[] = [];
        for (let r = 0; r < repeats; r++) {
          shuffleColumn(j);
          drops.push(baseline - (await scoreOf(scratch)));
        }
        restoreColumn(j);
        out.push(summarize(j, drops));
      }
      return out;
    },
  };
}
