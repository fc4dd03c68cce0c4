import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { type Algorithm, intrinsicImportance, MlError, predict, serializeArtifact, type Task, train } from './index.ts';
import { f64, m, names } from './test-support/fixtures.ts';

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof MlError) return error.code;
    throw error;
  }
  throw new Error('expected an MlError');
}

const X = [
  [1, 10],
  [2, Number.NaN],
  [3, 30],
  [Number.POSITIVE_INFINITY, 40],
  [5, 50],
  [6, Number.NEGATIVE_INFINITY],
];
const yReg = [1.5, 2.1, 3.2, 3.9, 5.3, 5.8];
const yCls = [0, 0, 1, 0, 1, 1];

describe('missing-value rule: non-finite features -> the training median of their column', () => {
  it('records per column the median of finite values and how many were imputed', () => {
    const a = train({
      task: 'regression',
      algorithm: 'linear_regression',
      hyperparameters: {},
      seed: 0,
      featureNames: ['a', 'b'],
      X: m(X),
      y: f64(yReg),
    });
    // Column a: finite 1,2,3,5,6 -> median 3; column b: 10,30,40,50 -> (30 + 40) / 2 = 35.
    expect(a.imputation).toEqual({
      rule: 'median',
      columns: [
        { name: 'a', median: 3, imputed: 1, allMissing: false },
        { name: 'b', median: 35, imputed: 2, allMissing: false },
      ],
    });
  });

  it('trains as if the medians had been there, and predicts NaN/Inf inputs with the same medians', () => {
    const imputed = [
      [1, 10],
      [2, 35],
      [3, 30],
      [3, 40],
      [5, 50],
      [6, 35],
    ];
    for (const algorithm of ['linear_regression', 'decision_tree'] as const) {
      const spec = {
        task: 'regression' as const,
        algorithm,
        hyperparameters: {},
        seed: 0,
        featureNames: ['a', 'b'],
        y: f64(yReg),
      };
      const withMissing = train({ ...spec, X: m(X) });
      const filled = train({ ...spec, X: m(imputed) });
      expect(withMissing.model).toEqual(filled.model);
      expect(predict(withMissing, m([[Number.NaN, Number.POSITIVE_INFINITY]])).prediction).toEqual(
        predict(filled, m([[3, 35]])).prediction,
      );
    }
  });

  it('an all-missing column is imputed with 0 and flagged', () => {
    const a = train({
      task: 'regression',
      algorithm: 'linear_regression',
      hyperparameters: {},
      seed: 0,
      featureNames: ['a', 'empty'],
      X: m(X.map(([v]) => [Number.isFinite(v!) ? v! : 3, Number.NaN])),
      y: f64(yReg),
    });
    expect(a.imputation.columns[1]).toEqual({ name: 'empty', median: 0, imputed: 6, allMissing: true });
    if (a.model.kind !== 'linear') throw new Error('expected linear');
    expect(a.model.coefficients[1]).toBe(0);
  });
});

describe("labels are the caller's job: BAD_LABEL", () => {
  const base = { hyperparameters: {}, seed: 0, featureNames: ['a', 'b'], X: m(X.map(() => [1, 2])) };
  it.each([
    ['regression', 'linear_regression', [1, 2, Number.NaN, 4, 5, 6]],
    ['regression', 'decision_tree', [1, 2, 3, Number.POSITIVE_INFINITY, 5, 6]],
    ['classification', 'logistic_regression', [0, 1, 2, 0, 1, 0]],
    ['classification', 'random_forest', [0, 1, 0.5, 0, 1, 0]],
    ['classification', 'decision_tree', [1, 1, 1, 1, 1, 1]],
    ['classification', 'logistic_regression', [0, 0, 0, 0, 0, 0]],
  ] as const)('%s / %s with labels %j', (task, algorithm, y) => {
    expect(codeOf(() => train({ ...base, task, algorithm, y: f64(y) }))).toBe('BAD_LABEL');
  });
});

describe('input validation', () => {
  const ok = {
    task: 'regression' as const,
    algorithm: 'linear_regression' as const,
    hyperparameters: {},
    seed: 0,
    featureNames: ['a', 'b'],
    X: m(X),
    y: f64(yReg),
  };
  it('BAD_INPUT: feature names do not match columns, repeat, or the seed is not an integer; y of wrong length', () => {
    expect(codeOf(() => train({ ...ok, featureNames: ['a'] }))).toBe('BAD_INPUT');
    expect(codeOf(() => train({ ...ok, featureNames: ['a', 'a'] }))).toBe('BAD_INPUT');
    expect(codeOf(() => train({ ...ok, seed: 1.5 }))).toBe('BAD_INPUT');
    expect(codeOf(() => train({ ...ok, y: f64([1, 2]) }))).toBe('BAD_INPUT');
    expect(codeOf(() => train({ ...ok, X: { rows: 6, cols: 2, data: new Float64Array(11) } }))).toBe('BAD_INPUT');
    expect(codeOf(() => train({ ...ok, X: { rows: 0, cols: 2, data: new Float64Array(0) }, y: f64([]) }))).toBe(
      'BAD_INPUT',
    );
  });

  it('spec errors surface from train too (validation before fitting)', () => {
    expect(codeOf(() => train({ ...ok, hyperparameters: { lambda: 1 } }))).toBe('UNKNOWN_HYPERPARAMETER');
    expect(codeOf(() => train({ ...ok, algorithm: 'logistic_regression' }))).toBe('TASK_MISMATCH');
  });

  it('FEATURE_MISMATCH when predicting with another column count', () => {
    const a = train(ok);
    expect(codeOf(() => predict(a, m([[1, 2, 3]])))).toBe('FEATURE_MISMATCH');
  });
});

describe('determinism: same input and seed -> byte-identical artifact, identical predictions', () => {
  const rows = Array.from({ length: 300 }, (_, i) => [Math.sin(i * 1.7), Math.cos(i * 0.37), ((i * 7919) % 101) / 101]);
  const score = rows.map(([a, b, c]) => a! + 0.5 * b! - c! + 0.3 * Math.sin(13 * a!));
  const cases: [Task, Algorithm][] = [
    ['regression', 'linear_regression'],
    ['classification', 'logistic_regression'],
    ['classification', 'decision_tree'],
    ['regression', 'decision_tree'],
    ['classification', 'random_forest'],
    ['regression', 'random_forest'],
  ];
  it.each(cases)('%s / %s', (task, algorithm) => {
    const y = f64(task === 'classification' ? score.map((s) => (s > 0 ? 1 : 0)) : score);
    const input = {
      task,
      algorithm,
      hyperparameters: algorithm === 'random_forest' ? { nTrees: 15 } : {},
      seed: 99,
      featureNames: names(3),
      X: m(rows),
      y,
    };
    const a = train(input);
    const b = train({ ...input, X: m(rows), y: y.slice() });
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    expect(sha(serializeArtifact(a))).toBe(sha(serializeArtifact(b)));
    expect(predict(a, m(rows))).toEqual(predict(b, m(rows)));
  });
});

describe('predict conventions', () => {
  it('classification: prediction = 1 exactly when P(y=1) > 0.5', () => {
    const a = train({
      task: 'classification',
      algorithm: 'logistic_regression',
      hyperparameters: {},
      seed: 0,
      featureNames: ['a', 'b'],
      X: m(X),
      y: f64(yCls),
    });
    const out = predict(a, m(X));
    expect(out.probability).toBeDefined();
    out.probability!.forEach((p, i) => {
      expect(out.prediction[i]).toBe(p > 0.5 ? 1 : 0);
    });
  });

  it('regression returns no probability; intrinsicImportance gives coefficients in feature order', () => {
    const a = train({
      task: 'regression',
      algorithm: 'linear_regression',
      hyperparameters: {},
      seed: 0,
      featureNames: ['a', 'b'],
      X: m(X),
      y: f64(yReg),
    });
    expect(predict(a, m(X)).probability).toBeUndefined();
    if (a.model.kind !== 'linear') throw new Error('expected linear');
    expect(intrinsicImportance(a)).toEqual([
      { feature: 'a', value: a.model.coefficients[0], kind: 'coefficient' },
      { feature: 'b', value: a.model.coefficients[1], kind: 'coefficient' },
    ]);
  });
});
