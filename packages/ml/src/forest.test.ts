import { describe, expect, it } from 'vitest';
import { intrinsicImportance, predict, serializeArtifact, train } from './index.ts';
import { f64, loadFixture, m, names, r2, rocAuc } from './test-support/fixtures.ts';

interface ForestFixture {
  Xtrain: number[][];
  Xtest: number[][];
  yClassificationTrain: number[];
  yClassificationTest: number[];
  yRegressionTrain: number[];
  yRegressionTest: number[];
  informative: number[];
  classifier: { testRocAuc: number; importance: number[] };
  regressor: { testR2: number; importance: number[] };
}
const fx = loadFixture<ForestFixture>('forest.json');

function fitForest(task: 'classification' | 'regression', seed: number, hyperparameters: Record<string, unknown> = {}) {
  return train({
    task,
    algorithm: 'random_forest',
    hyperparameters: { nTrees: 100, maxDepth: 8, ...hyperparameters },
    seed,
    featureNames: names(fx.Xtrain[0]!.length),
    X: m(fx.Xtrain),
    y: f64(task === 'classification' ? fx.yClassificationTrain : fx.yRegressionTrain),
  });
}

/** Feature indices by importance, most important first. */
function ranking(values: number[]): number[] {
  return values
    .map((v, j) => [v, j] as const)
    .sort((a, b) => b[0] - a[0])
    .map(([, j]) => j);
}

describe('random forest against scikit-learn 1.2 (different RNG: statistics, not trees, must agree)', () => {
  it('classifier (100 trees, depth 8, sqrt features): held-out ROC AUC within 0.01 of sklearn', () => {
    const a = fitForest('classification', 42);
    expect(a.hyperparameters.maxFeatures).toBe('sqrt');
    const auc = rocAuc(fx.yClassificationTest, predict(a, m(fx.Xtest)).probability!);
    expect(Math.abs(auc - fx.classifier.testRocAuc)).toBeLessThan(0.01);
  });

  it('regressor (100 trees, depth 8, all features): held-out R^2 within 0.01 of sklearn', () => {
    const a = fitForest('regression', 42);
    expect(a.hyperparameters.maxFeatures).toBe(1);
    const score = r2(fx.yRegressionTest, predict(a, m(fx.Xtest)).prediction);
    expect(Math.abs(score - fx.regressor.testR2)).toBeLessThan(0.01);
  });

  it('impurity importances rank the informative features 0, 1, 2 first, in sklearn order, and sum to 1', () => {
    for (const task of ['classification', 'regression'] as const) {
      const importance = intrinsicImportance(fitForest(task, 42)).map((e) => e.value);
      const ours = ranking(importance).slice(0, 3);
      const sklearn = ranking(task === 'classification' ? fx.classifier.importance : fx.regressor.importance).slice(
        0,
        3,
      );
      expect(ours).toEqual(fx.informative);
      expect(ours).toEqual(sklearn);
      expect(importance.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    }
  });
});

describe('random forest determinism and randomness', () => {
  it('same input and seed: byte-identical artifacts and identical predictions', () => {
    const a = fitForest('classification', 7, { nTrees: 10 });
    const b = fitForest('classification', 7, { nTrees: 10 });
    expect(serializeArtifact(a)).toEqual(serializeArtifact(b));
    expect(predict(a, m(fx.Xtest)).probability).toEqual(predict(b, m(fx.Xtest)).probability);
  });

  it('another seed gives other trees', () => {
    const a = fitForest('classification', 7, { nTrees: 10 });
    const b = fitForest('classification', 8, { nTrees: 10 });
    expect(serializeArtifact(a)).not.toEqual(serializeArtifact(b));
  });

  it('bootstrap false with all features: every tree is the same deterministic CART tree', () => {
    const a = fitForest('regression', 3, { nTrees: 3, bootstrap: false, maxFeatures: 1 });
    if (a.model.kind !== 'trees') throw new Error('expected trees');
    const [t0, t1, t2] = a.model.trees;
    expect(t1).toEqual(t0);
    expect(t2).toEqual(t0);
  });

  it('a forest beats a single tree of the same depth on held-out data (variance reduction)', () => {
    const forest = fitForest('regression', 5, { nTrees: 30 });
    const single = train({
      task: 'regression',
      algorithm: 'decision_tree',
      hyperparameters: { maxDepth: 8 },
      seed: 5,
      featureNames: names(fx.Xtrain[0]!.length),
      X: m(fx.Xtrain),
      y: f64(fx.yRegressionTrain),
    });
    const x = m(fx.Xtest);
    expect(r2(fx.yRegressionTest, predict(forest, x).prediction)).toBeGreaterThan(
      r2(fx.yRegressionTest, predict(single, x).prediction) + 0.02,
    );
  });
});
