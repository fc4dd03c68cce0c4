import { describe, expect, it } from 'vitest';
import { predict, train } from './index.ts';
import { f64, firstMismatch, loadFixture, m, names } from './test-support/fixtures.ts';

interface LinearFixture {
  X: number[][];
  y: number[];
  ols: { intercept: number; coef: number[] };
  ridge: { alpha: number; intercept: number; coef: number[] };
  olsNoIntercept: { coef: number[] };
  ridgeNoIntercept: { alpha: number; coef: number[] };
  duplicated: { X: number[][]; intercept: number; coef: number[] };
}
const fx = loadFixture<LinearFixture>('linear.json');

function fit(X: number[][], y: number[], hyperparameters: Record<string, unknown> = {}) {
  const artifact = train({
    task: 'regression',
    algorithm: 'linear_regression',
    hyperparameters,
    seed: 0,
    featureNames: names(X[0]!.length),
    X: m(X),
    y: f64(y),
  });
  if (artifact.model.kind !== 'linear') throw new Error('expected a linear model');
  return { artifact, model: artifact.model };
}

describe('linear regression: hand-computed cases', () => {
  it('OLS through 4 points: x = 0,1,2,3, y = 1,3,2,5 gives slope 1.1, intercept 1.1', () => {
    // Sxx = 5, Sxy = 5.5, mean x = 1.5, mean y = 2.75: slope 5.5 / 5 = 1.1, intercept 2.75 - 1.65.
    const { model, artifact } = fit([[0], [1], [2], [3]], [1, 3, 2, 5]);
    expect(model.coefficients[0]).toBeCloseTo(1.1, 12);
    expect(model.intercept).toBeCloseTo(1.1, 12);
    expect(Array.from(predict(artifact, m([[10]])).prediction)).toEqual([expect.closeTo(12.1, 10)]);
  });

  it('ridge alpha = 5 on the same points: slope Sxy / (Sxx + alpha) = 0.55, intercept unpenalized', () => {
    const { model } = fit([[0], [1], [2], [3]], [1, 3, 2, 5], { alpha: 5 });
    expect(model.coefficients[0]).toBeCloseTo(0.55, 12);
    expect(model.intercept).toBeCloseTo(2.75 - 0.55 * 1.5, 12);
  });

  it('without an intercept: w = sum(xy) / sum(x^2) = 22 / 14', () => {
    const { model } = fit([[0], [1], [2], [3]], [1, 3, 2, 5], { fitIntercept: false });
    expect(model.coefficients[0]).toBeCloseTo(22 / 14, 12);
    expect(model.intercept).toBe(0);
  });

  it('an exact plane is recovered: y = 2 - x0 + 3 x1', () => {
    const X = [
      [0, 0],
      [1, 0],
      [0, 1],
      [2, 5],
      [-1, 3],
    ];
    const { model } = fit(
      X,
      X.map(([a, b]) => 2 - a! + 3 * b!),
    );
    expect(model.intercept).toBeCloseTo(2, 10);
    expect(model.coefficients[0]).toBeCloseTo(-1, 10);
    expect(model.coefficients[1]).toBeCloseTo(3, 10);
  });
});

describe('linear regression against scikit-learn 1.2 (fixtures/linear.json)', () => {
  it('LinearRegression coefficients and intercept within 1e-6 relative', () => {
    const { model } = fit(fx.X, fx.y);
    expect(firstMismatch(model.coefficients, fx.ols.coef, 1e-6)).toBe(-1);
    expect(firstMismatch([model.intercept], [fx.ols.intercept], 1e-6)).toBe(-1);
    expect(model.solver).toBe('cholesky');
  });

  it('Ridge(alpha = 2.5) coefficients and intercept within 1e-6 relative', () => {
    const { model } = fit(fx.X, fx.y, { alpha: fx.ridge.alpha });
    expect(firstMismatch(model.coefficients, fx.ridge.coef, 1e-6)).toBe(-1);
    expect(firstMismatch([model.intercept], [fx.ridge.intercept], 1e-6)).toBe(-1);
  });

  it('fit_intercept = False for OLS and ridge', () => {
    expect(
      firstMismatch(fit(fx.X, fx.y, { fitIntercept: false }).model.coefficients, fx.olsNoIntercept.coef, 1e-6),
    ).toBe(-1);
    const ridge = fit(fx.X, fx.y, { fitIntercept: false, alpha: fx.ridgeNoIntercept.alpha }).model;
    expect(firstMismatch(ridge.coefficients, fx.ridgeNoIntercept.coef, 1e-6)).toBe(-1);
  });

  it("a duplicated column (singular X'X) gives the minimum-norm solution, as lstsq", () => {
    const { model } = fit(fx.duplicated.X, fx.y);
    expect(model.solver).toBe('pseudoinverse');
    expect(firstMismatch(model.coefficients, fx.duplicated.coef, 1e-6)).toBe(-1);
    expect(firstMismatch([model.intercept], [fx.duplicated.intercept], 1e-6)).toBe(-1);
  });
});
