import { describe, expect, it } from 'vitest';
import { intrinsicImportance, predict, train } from './index.ts';
import { f64, firstMismatch, loadFixture, m, names } from './test-support/fixtures.ts';

interface TreeFixture {
  X: number[][];
  Xtest: number[][];
  yClassification: number[];
  yRegression: number[];
  cases: {
    params: { max_depth?: number | null; min_samples_leaf?: number; min_samples_split?: number };
    classifierVariants: {
      randomState: number;
      probaTest: number[];
      probaTrain: number[];
      nodeCount: number;
      importance: number[];
    }[];
    regressor: { predictTest: number[]; predictTrain: number[]; nodeCount: number; importance: number[] };
  }[];
}
const fx = loadFixture<TreeFixture>('tree.json');

function hyperparameters(params: TreeFixture['cases'][number]['params']) {
  return {
    maxDepth: params.max_depth ?? null,
    minSamplesLeaf: params.min_samples_leaf ?? 1,
    minSamplesSplit: params.min_samples_split ?? 2,
  };
}

function fitTree(task: 'classification' | 'regression', X: number[][], y: number[], hp: Record<string, unknown>) {
  return train({
    task,
    algorithm: 'decision_tree',
    hyperparameters: hp,
    seed: 1,
    featureNames: names(X[0]!.length),
    X: m(X),
    y: f64(y),
  });
}

function nodeCount(a: ReturnType<typeof fitTree>) {
  if (a.model.kind !== 'trees') throw new Error('expected trees');
  return a.model.trees[0]!.feature.length;
}

describe('decision tree against scikit-learn 1.2 on 120 rows with distinct values (fixtures/tree.json)', () => {
  for (const c of fx.cases) {
    const hp = hyperparameters(c.params);
    it(`DecisionTreeClassifier(${JSON.stringify(c.params)}): equals one of sklearn's trees (gini ties broken by its feature order)`, () => {
      const a = fitTree('classification', fx.X, fx.yClassification, hp);
      const trainProba = predict(a, m(fx.X)).probability!;
      const testProba = predict(a, m(fx.Xtest)).probability!;
      const importance = intrinsicImportance(a).map((e) => e.value);
      const same = c.classifierVariants.filter(
        (v) =>
          v.nodeCount === nodeCount(a) &&
          firstMismatch(trainProba, v.probaTrain, 1e-12) === -1 &&
          firstMismatch(testProba, v.probaTest, 1e-12) === -1 &&
          firstMismatch(importance, v.importance, 1e-9, 1e-12) === -1,
      );
      expect(same.map((v) => v.randomState)).not.toEqual([]);
    });

    it(`DecisionTreeRegressor(${JSON.stringify(c.params)}): same node count, same predictions on train and test`, () => {
      const a = fitTree('regression', fx.X, fx.yRegression, hp);
      expect(nodeCount(a)).toBe(c.regressor.nodeCount);
      expect(firstMismatch(predict(a, m(fx.X)).prediction, c.regressor.predictTrain, 1e-12)).toBe(-1);
      expect(firstMismatch(predict(a, m(fx.Xtest)).prediction, c.regressor.predictTest, 1e-12)).toBe(-1);
      const importance = intrinsicImportance(a).map((e) => e.value);
      expect(firstMismatch(importance, c.regressor.importance, 1e-9, 1e-12)).toBe(-1);
    });
  }
});

describe('decision tree: hand-checked cases', () => {
  it('XOR: the root split has zero gini gain, but like CART it is taken and depth 2 separates perfectly', () => {
    const X = [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ];
    const y = [0, 1, 1, 0];
    const a = fitTree('classification', X, y, { maxDepth: 2 });
    expect(Array.from(predict(a, m(X)).prediction)).toEqual(y);
    expect(nodeCount(a)).toBe(7);
  });

  it('one split on x <= 2.5 (midpoint of 2 and 3): leaf means 1 and 10', () => {
    const a = fitTree('regression', [[1], [2], [3], [4]], [1, 1, 10, 10], {});
    if (a.model.kind !== 'trees') throw new Error('expected trees');
    const t = a.model.trees[0]!;
    expect(t.feature).toEqual([0, -1, -1]);
    expect(t.threshold[0]).toBe(2.5);
    expect(Array.from(predict(a, m([[2.5], [2.50001]])).prediction)).toEqual([1, 10]);
  });

  it('the threshold is the midpoint of the values present in the node, not of the global neighbours', () => {
    // Rows x = 0 and 1 carry label 0; the right node holds x = 2 and 10 and splits between them at 6.
    const a = fitTree('regression', [[0], [1], [2], [10]], [0, 0, 5, 7], {});
    if (a.model.kind !== 'trees') throw new Error('expected trees');
    expect(a.model.trees[0]!.threshold).toContain(6);
  });

  it('minSamplesLeaf and maxDepth bound the tree', () => {
    const X = Array.from({ length: 40 }, (_, i) => [i]);
    const y = X.map(([v]) => Math.sin(v!));
    const a = fitTree('regression', X, y, { minSamplesLeaf: 10 });
    if (a.model.kind !== 'trees') throw new Error('expected trees');
    const t = a.model.trees[0]!;
    const leafWeights = t.weight.filter((_, i) => t.feature[i] === -1);
    expect(Math.min(...leafWeights)).toBeGreaterThanOrEqual(10);
    expect(nodeCount(fitTree('regression', X, y, { maxDepth: 1 }))).toBe(3);
  });

  it('more than maxBins distinct values: quantile bins, every split threshold lies between training values', () => {
    const X = Array.from({ length: 600 }, (_, i) => [(i * 7919) % 600]);
    const y = X.map(([v]) => (v! < 123.5 ? 0 : v! < 400 ? 1 : 3));
    const a = fitTree('regression', X, y, { maxDepth: 3 });
    // Quantile bins of ~2.35 values: the exact cut points 123.5 and 399.5 may be off by one bin.
    const p = predict(a, m(X)).prediction;
    let wrong = 0;
    p.forEach((v, i) => {
      if (Math.abs(v - y[i]!) > 1e-9) wrong++;
    });
    expect(wrong).toBeLessThanOrEqual(4);
  });
});
