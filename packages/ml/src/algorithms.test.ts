import { describe, expect, it } from 'vitest';
import { ALGORITHMS, algorithmsFor, MlError, resolveTrainingSpec } from './index.ts';

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof MlError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an MlError');
}

describe('resolveTrainingSpec', () => {
  it('fills defaults and reports the tier', () => {
    expect(resolveTrainingSpec({ task: 'regression', algorithm: 'linear_regression', hyperparameters: {} })).toEqual({
      task: 'regression',
      algorithm: 'linear_regression',
      tier: 'LOW',
      hyperparameters: { alpha: 0, fitIntercept: true },
    });
    const forest = resolveTrainingSpec({
      task: 'classification',
      algorithm: 'random_forest',
      hyperparameters: { nTrees: 5 },
    });
    expect(forest.tier).toBe('HIGH');
    expect(forest.hyperparameters).toEqual({
      nTrees: 5,
      maxDepth: null,
      minSamplesSplit: 2,
      minSamplesLeaf: 1,
      maxFeatures: 'sqrt',
      bootstrap: true,
      maxBins: 255,
    });
  });

  it("random forest maxFeatures defaults like scikit-learn: 'sqrt' for classification, 1 (all) for regression", () => {
    const reg = resolveTrainingSpec({ task: 'regression', algorithm: 'random_forest', hyperparameters: {} });
    expect(reg.hyperparameters).toMatchObject({ maxFeatures: 1 });
    const explicit = resolveTrainingSpec({
      task: 'regression',
      algorithm: 'random_forest',
      hyperparameters: { maxFeatures: 'log2' },
    });
    expect(explicit.hyperparameters).toMatchObject({ maxFeatures: 'log2' });
  });

  it('tiers: linear models LOW, a tree MEDIUM, a forest HIGH; nothing in-platform is VERY_HIGH', () => {
    expect(Object.fromEntries(Object.entries(ALGORITHMS).map(([k, v]) => [k, v.tier]))).toEqual({
      linear_regression: 'LOW',
      logistic_regression: 'LOW',
      decision_tree: 'MEDIUM',
      random_forest: 'HIGH',
    });
    expect(algorithmsFor('classification')).toEqual(['logistic_regression', 'decision_tree', 'random_forest']);
    expect(algorithmsFor('regression')).toEqual(['linear_regression', 'decision_tree', 'random_forest']);
  });

  it('UNKNOWN_ALGORITHM lists the known algorithms', () => {
    const e = codeOf(() => resolveTrainingSpec({ task: 'regression', algorithm: 'xgboost', hyperparameters: {} }));
    expect(e.code).toBe('UNKNOWN_ALGORITHM');
    expect(e.message).toContain("'xgboost'");
    expect(e.message).toContain('linear_regression, logistic_regression, decision_tree, random_forest');
  });

  it('UNKNOWN_ALGORITHM for inherited object keys too', () => {
    expect(
      codeOf(() => resolveTrainingSpec({ task: 'regression', algorithm: 'toString', hyperparameters: {} })).code,
    ).toBe('UNKNOWN_ALGORITHM');
  });

  it('TASK_MISMATCH: logistic regression for regression, linear regression for classification', () => {
    const e = codeOf(() =>
      resolveTrainingSpec({ task: 'regression', algorithm: 'logistic_regression', hyperparameters: {} }),
    );
    expect(e.code).toBe('TASK_MISMATCH');
    expect(e.message).toContain('linear_regression, decision_tree, random_forest');
    expect(
      codeOf(() => resolveTrainingSpec({ task: 'classification', algorithm: 'linear_regression', hyperparameters: {} }))
        .code,
    ).toBe('TASK_MISMATCH');
  });

  it('UNKNOWN_HYPERPARAMETER names it and lists the allowed ones', () => {
    const e = codeOf(() =>
      resolveTrainingSpec({
        task: 'classification',
        algorithm: 'logistic_regression',
        hyperparameters: { penalty: 'l1' },
      }),
    );
    expect(e.code).toBe('UNKNOWN_HYPERPARAMETER');
    expect(e.message).toContain("'penalty'");
    expect(e.message).toContain('allowed: C, maxIter, tol, fitIntercept');
  });

  it.each([
    ['linear_regression', 'regression', { alpha: -1 }, 'alpha'],
    ['linear_regression', 'regression', { alpha: Number.NaN }, 'alpha'],
    ['logistic_regression', 'classification', { C: 0 }, 'C'],
    ['logistic_regression', 'classification', { maxIter: 2.5 }, 'maxIter'],
    ['decision_tree', 'regression', { maxDepth: 0 }, 'maxDepth'],
    ['decision_tree', 'regression', { minSamplesSplit: 1 }, 'minSamplesSplit'],
    ['decision_tree', 'regression', { maxBins: 256 }, 'maxBins'],
    ['random_forest', 'classification', { maxFeatures: 1.5 }, 'maxFeatures'],
    ['random_forest', 'classification', { maxFeatures: 'half' }, 'maxFeatures'],
    ['random_forest', 'classification', { nTrees: '100' }, 'nTrees'],
    ['random_forest', 'classification', { bootstrap: 1 }, 'bootstrap'],
  ] as const)('BAD_HYPERPARAMETER: %s %s %j names %s', (algorithm, task, hyperparameters, name) => {
    const e = codeOf(() => resolveTrainingSpec({ task, algorithm, hyperparameters }));
    expect(e.code).toBe('BAD_HYPERPARAMETER');
    expect(e.message).toContain(`'${name}'`);
  });

  it('BAD_INPUT for a task that is not classification or regression', () => {
    expect(
      codeOf(() => resolveTrainingSpec({ task: 'ranking' as never, algorithm: 'decision_tree', hyperparameters: {} }))
        .code,
    ).toBe('BAD_INPUT');
  });
});
