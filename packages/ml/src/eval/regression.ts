import { assertFinite, assertSameLength } from './internal/checks.ts';

export interface RegressionMetrics {
  readonly rmse: number;
  readonly mae: number;
  readonly r2: number;
  readonly n: number;
}

/**
 * Regression metrics of predictions `yhat` against labels `y`:
 * rmse = sqrt(mean((y - yhat)^2)), mae = mean(|y - yhat|), r2 = 1 - SS_res / SS_tot with SS_tot = sum((y - mean y)^2).
 * When y is constant (SS_tot = 0), r2 is 1 for a perfect prediction and 0 otherwise (scikit-learn's
 * `force_finite=True`). Throws EvaluationError for mismatched lengths, an empty input or non-finite values.
 */
export function regressionMetrics(y: ArrayLike<number>, yhat: ArrayLike<number>): RegressionMetrics {
  const what = 'regressionMetrics';
  const n = assertSameLength(what, y, yhat, ['y', 'yhat']);
  assertFinite(what, 'y', y);
  assertFinite(what, 'yhat', yhat);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] as number;
  mean /= n;
  let ssRes = 0;
  let absSum = 0;
  let ssTot = 0;
  for (let i = 0; i < n; i++) {
    const e = (y[i] as number) - (yhat[i] as number);
    ssRes += e * e;
    absSum += Math.abs(e);
    const d = (y[i] as number) - mean;
    ssTot += d * d;
  }
  const r2 = ssTot === 0 ? (ssRes === 0 ? 1 : 0) : 1 - ssRes / ssTot;
  return { rmse: Math.sqrt(ssRes / n), mae: absSum / n, r2, n };
}
