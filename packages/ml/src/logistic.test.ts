import { describe, expect, it } from 'vitest';
import { predict, train } from './index.ts';
import { f64, firstMismatch, loadFixture, m, names } from './test-support/fixtures.ts';

interface LogisticFixture {
  X: number[][];
  y: number[];
  Xtest: number[][];
  cases: {
    C: number;
    intercept: number;
    coef: number[];
    probaTest: number[];
    predictTest: number[];
    lbfgs: { intercept: number; coef: number[] };
  }[];
}
const fx = loadFixture<LogisticFixture>('logistic.json');

function fit(X: number[][], y: number[], hyperparameters: Record<string, unknown>) {
  const artifact = train({
    task: 'classification',
    algorithm: 'logistic_regression',
    hyperparameters,
    seed: 0,
    featureNames: names(X[0]!.length),
    X: m(X),
    y: f64(y),
  });
  if (artifact.model.kind !== 'logistic') throw new Error('expected a logistic model');
  return { artifact, model: artifact.model };
}

/** 0.5 ||w||^2 + C sum log(1 + e^m) - y m, written independently of the trainer. */
function objective(w: number[], b: number, C: number): number {
  let loss = 0;
  fx.X.forEach((row, i) => {
    const margin = row.reduce((s, v, j) => s + v * w[j]!, b);
    loss += Math.log(1 + Math.exp(margin)) - fx.y[i]! * margin;
  });
  return 0.5 * w.reduce((s, v) => s + v * v, 0) + C * loss;
}

describe('logistic regression against scikit-learn 1.2 LogisticRegression(newton-cg, tol=1e-12)', () => {
  for (const c of fx.cases) {
    it(`C = ${c.C}: coefficients, intercept and test probabilities within 1e-6 relative`, () => {
      const { artifact, model } = fit(fx.X, fx.y, { C: c.C, tol: 1e-10 });
      expect(model.converged).toBe(true);
      expect(firstMismatch(model.coefficients, c.coef, 1e-6, 1e-12)).toBe(-1);
      expect(firstMismatch([model.intercept], [c.intercept], 1e-6)).toBe(-1);
      const out = predict(artifact, m(fx.Xtest));
      expect(firstMismatch(out.probability!, c.probaTest, 1e-6)).toBe(-1);
      expect(Array.from(out.prediction)).toEqual(c.predictTest);
    });

    it(`C = ${c.C}: objective no worse than scikit-learn's lbfgs solution (which stops on its ftol)`, () => {
      const { model } = fit(fx.X, fx.y, { C: c.C });
      const ours = objective(model.coefficients, model.intercept, c.C);
      expect(ours).toBeLessThanOrEqual(objective(c.lbfgs.coef, c.lbfgs.intercept, c.C) + 1e-9);
      expect(firstMismatch(model.coefficients, c.lbfgs.coef, 1e-3)).toBe(-1);
    });
  }

  it('default tol (1e-8) converges in a few Newton steps, within 1e-6 of the optimum', () => {
    const { model } = fit(fx.X, fx.y, {});
    expect(model.converged).toBe(true);
    expect(model.iterations).toBeLessThanOrEqual(10);
    expect(firstMismatch(model.coefficients, fx.cases[0]!.coef, 1e-6, 1e-9)).toBe(-1);
  });
});

describe('logistic regression on large data (subsampled Hessian path)', () => {
  it('the fixture repeated 300 times with C / 300 has the same optimum: sklearn C = 1 within 1e-6', () => {
    // 0.5 ||w||^2 + (C / k) * k * sum(loss) is the original objective, so the solution must not move.
    const k = 300;
    const X = Array.from({ length: k }, () => fx.X).flat();
    const y = Array.from({ length: k }, () => fx.y).flat();
    const reference = fx.cases.find((c) => c.C === 1)!;
    const { model } = fit(X, y, { C: 1 / k, tol: 1e-10 });
    expect(model.converged).toBe(true);
    expect(firstMismatch(model.coefficients, reference.coef, 1e-6)).toBe(-1);
    expect(firstMismatch([model.intercept], [reference.intercept], 1e-6)).toBe(-1);
  });
});

describe('logistic regression: hand-checked cases', () => {
  it('intercept only (no features): sigmoid(b) is the positive rate, here 3/4 => b = ln 3', () => {
    const { model } = fit([[], [], [], []], [1, 1, 1, 0], { tol: 1e-12 });
    expect(model.intercept).toBeCloseTo(Math.log(3), 10);
  });

  it('symmetric data: two points x = -1 (label 0) and x = +1 (label 1), C = 1', () => {
    // By symmetry b = 0; the stationarity condition w = C * sum (y - p) x gives w = 2 (1 - sigmoid(w)).
    const { model } = fit([[-1], [1]], [0, 1], { C: 1, tol: 1e-12 });
    const w = model.coefficients[0]!;
    expect(model.intercept).toBeCloseTo(0, 10);
    expect(w).toBeCloseTo(2 * (1 - 1 / (1 + Math.exp(-w))), 10);
    expect(w).toBeGreaterThan(0.5);
  });

  it('records non-convergence instead of hiding it (maxIter = 1)', () => {
    const { model } = fit(fx.X, fx.y, { maxIter: 1, tol: 1e-14 });
    expect(model.converged).toBe(false);
    expect(model.iterations).toBe(1);
    expect(model.gradientMaxAbs).toBeGreaterThan(1e-14);
  });

  it('separable data with a large C stays finite and classifies every training row', () => {
    const X = [[-3], [-2], [-1], [1], [2], [3]];
    const y = [0, 0, 0, 1, 1, 1];
    const { artifact, model } = fit(X, y, { C: 1e6 });
    expect(Number.isFinite(model.coefficients[0]!)).toBe(true);
    expect(Array.from(predict(artifact, m(X)).prediction)).toEqual(y);
  });
});
