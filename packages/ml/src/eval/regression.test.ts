import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors.ts';
import { errorCode, expectClose, readFixture } from './internal/test-support.ts';
import { regressionMetrics } from './regression.ts';

interface RegressionCase {
  name: string;
  y: number[];
  yhat: number[];
  expected: { rmse: number; mae: number; r2: number; n: number };
}

const fixtures = readFixture<{ regression: RegressionCase[] }>('metrics.json').regression;

describe('regressionMetrics', () => {
  it.each(fixtures.map((c) => [c.name, c] as const))('matches scikit-learn on %s', (_name, c) => {
    const m = regressionMetrics(Float64Array.from(c.y), c.yhat);
    expect(m.n).toBe(c.expected.n);
    expectClose(m.rmse, c.expected.rmse);
    expectClose(m.mae, c.expected.mae);
    expectClose(m.r2, c.expected.r2);
  });

  it('computes a hand-checked case', () => {
    // Errors 0, 0, -1: MSE 1/3, MAE 1/3; SS_tot = 1 + 0 + 1 = 2, SS_res = 1, R² = 1/2.
    const m = regressionMetrics([1, 2, 3], [1, 2, 4]);
    expectClose(m.rmse, Math.sqrt(1 / 3));
    expectClose(m.mae, 1 / 3);
    expect(m.r2).toBe(0.5);
    expect(m.n).toBe(3);
  });

  it('gives R² = 1 for a perfect fit of a constant label and 0 otherwise (sklearn force_finite)', () => {
    expect(regressionMetrics([2, 2], [2, 2]).r2).toBe(1);
    expect(regressionMetrics([2, 2], [2, 3]).r2).toBe(0);
  });

  it('rejects mismatched, empty and non-finite input', () => {
    expect(errorCode(() => regressionMetrics([1, 2], [1]), EvaluationError)).toBe('LENGTH_MISMATCH');
    expect(errorCode(() => regressionMetrics([], []), EvaluationError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => regressionMetrics([1, Number.NaN], [1, 2]), EvaluationError)).toBe('NON_FINITE');
  });
});
