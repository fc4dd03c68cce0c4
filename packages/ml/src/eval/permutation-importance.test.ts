import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors.ts';
import { errorCode } from './internal/test-support.ts';
import type { Matrix } from './matrix.ts';
import { permutationImportance, permutationImportanceAsync } from './permutation-importance.ts';
import { createPrng } from './prng.ts';
import { regressionMetrics } from './regression.ts';

/** 400 rows: x0 drives y = 3 x0, x1 is pure noise; both standard-uniform-ish. */
function dataset(): { X: Matrix; y: Float64Array } {
  const prng = createPrng(99);
  const rows = 400;
  const data = new Float64Array(rows * 2);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    data[i * 2] = prng.nextFloat() - 0.5;
    data[i * 2 + 1] = prng.nextFloat() - 0.5;
    y[i] = 3 * (data[i * 2] as number);
  }
  return { X: { rows, cols: 2, data }, y };
}

/** A fitted model: 3 x0 + 0.01 x1 (a small weight on the noise feature). */
const predict = (X: Matrix): Float64Array => {
  const out = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++)
    out[i] = 3 * (X.data[i * X.cols] as number) + 0.01 * (X.data[i * X.cols + 1] as number);
  return out;
};
const r2 = (y: ArrayLike<number>, p: Float64Array) => regressionMetrics(y, p).r2;

describe('permutationImportance', () => {
  it('finds the driving feature and gives the noise feature ~0', () => {
    const { X, y } = dataset();
    const before = Float64Array.from(X.data);
    const result = permutationImportance({
      X,
      y,
      predict,
      score: r2,
      featureNames: ['signal', 'noise'],
      repeats: 5,
      seed: 1,
    });
    expect(result.map((r) => r.feature)).toEqual(['signal', 'noise']);
    const [signal, noise] = result as [(typeof result)[0], (typeof result)[0]];
    // Shuffling x0 breaks a prediction that explains y: E[R² after] = 1 - 2 Var(3 x0)/Var(y) = -1, a drop of ~2.
    expect(signal.mean).toBeGreaterThan(1.7);
    expect(signal.mean).toBeLessThan(2.3);
    expect(signal.std).toBeGreaterThan(0);
    // The 0.01 weight on x1 barely changes predictions: the drop is tiny but not exactly 0.
    expect(Math.abs(noise.mean)).toBeLessThan(1e-3);
    expect(X.data).toEqual(before);
  });

  it('gives exactly 0 to a feature the model ignores', () => {
    const { X, y } = dataset();
    const onlyX0 = (m: Matrix) => Float64Array.from({ length: m.rows }, (_, i) => 3 * (m.data[i * m.cols] as number));
    const [, ignored] = permutationImportance({ X, y, predict: onlyX0, score: r2, featureNames: ['a', 'b'], seed: 3 });
    expect(ignored).toEqual({ feature: 'b', mean: 0, std: 0 });
  });

  it('is deterministic for a seed and changes with the seed', () => {
    const { X, y } = dataset();
    const run = (seed: number) =>
      permutationImportance({ X, y, predict, score: r2, featureNames: ['a', 'b'], repeats: 3, seed });
    expect(run(5)).toEqual(run(5));
    expect(run(5)[0]?.mean).not.toBe(run(6)[0]?.mean);
  });

  it('computes the drop by hand on a tiny case', () => {
    // Two rows, one column; the only non-identity permutation swaps them. Score = -sum|y - p|.
    // Original: p = x = y -> score 0. Swapped: p = [2, 1] vs y = [1, 2] -> score -2, drop 2.
    // Each Fisher-Yates pass on two values swaps with probability 1/2, so each repeat's drop is 0 or 2.
    const X: Matrix = { rows: 2, cols: 1, data: Float64Array.of(1, 2) };
    const y = Float64Array.of(1, 2);
    const score = (t: ArrayLike<number>, p: Float64Array) =>
      -(Math.abs((t[0] as number) - (p[0] as number)) + Math.abs((t[1] as number) - (p[1] as number)));
    const [imp] = permutationImportance({
      X,
      y,
      predict: (m) => Float64Array.from(m.data),
      score,
      featureNames: ['x'],
      repeats: 20,
      seed: 11,
    });
    const swaps = (imp?.mean as number) / 2; // share of repeats that swapped
    expect(swaps).toBeGreaterThan(0);
    expect(swaps).toBeLessThan(1);
    expect(Number.isInteger(swaps * 20)).toBe(true);
    // Population std of a 0/2 sample with swap share q is 2 sqrt(q (1 - q)).
    expect(imp?.std).toBeCloseTo(2 * Math.sqrt(swaps * (1 - swaps)), 12);
  });

  it('gives the same result for an asynchronous predict', async () => {
    const { X, y } = dataset();
    const options = { X, y, score: r2, featureNames: ['a', 'b'], repeats: 2, seed: 8 };
    const sync = permutationImportance({ ...options, predict });
    const async = await permutationImportanceAsync({ ...options, predict: async (m: Matrix) => predict(m) });
    expect(async).toEqual(sync);
  });

  it('rejects inconsistent shapes', () => {
    const { X, y } = dataset();
    const base = { X, y, predict, score: r2, featureNames: ['a', 'b'], seed: 1 };
    expect(errorCode(() => permutationImportance({ ...base, featureNames: ['a'] }), EvaluationError)).toBe(
      'LENGTH_MISMATCH',
    );
    expect(errorCode(() => permutationImportance({ ...base, y: y.subarray(1) }), EvaluationError)).toBe(
      'LENGTH_MISMATCH',
    );
    expect(errorCode(() => permutationImportance({ ...base, repeats: 0 }), EvaluationError)).toBe('INVALID_ARGUMENT');
    expect(
      errorCode(
        () => permutationImportance({ ...base, X: { rows: 3, cols: 2, data: new Float64Array(5) } }),
        EvaluationError,
      ),
    ).toBe('INVALID_MATRIX');
  });
});
