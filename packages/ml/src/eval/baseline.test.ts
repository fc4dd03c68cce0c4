import { describe, expect, it } from 'vitest';
import { baselinePredictions, type ClassificationBaseline, type RegressionBaseline } from './baseline.ts';
import { classificationMetrics } from './classification.ts';
import { EvaluationError } from './errors.ts';
import { errorCode, expectClose } from './internal/test-support.ts';
import { regressionMetrics } from './regression.ts';

describe('baselinePredictions', () => {
  it('classification: predicts the training base rate and scores it with classificationMetrics', () => {
    const [b] = baselinePredictions('classification', [1, 1, 0, 1], 3, { yTest: [1, 0, 1] }) as [
      ClassificationBaseline,
    ];
    expect(b.name).toBe('majority');
    expect([...b.probability]).toEqual([0.75, 0.75, 0.75]);
    expect([...b.prediction]).toEqual([1, 1, 1]);
    // Every test row predicted 1: tp = 2, fp = 1. All scores tie: AUC 1/2.
    expect(b.metrics?.confusion).toEqual({ tp: 2, fp: 1, tn: 0, fn: 0 });
    expectClose(b.metrics?.accuracy, 2 / 3);
    expect(b.metrics?.rocAuc).toBe(0.5);
    expectClose(b.metrics?.logLoss, -(2 * Math.log(0.75) + Math.log(0.25)) / 3);
  });

  it('classification: a minority-positive training set predicts 0', () => {
    const [b] = baselinePredictions('classification', [0, 0, 1], 2) as [ClassificationBaseline];
    expect([...b.prediction]).toEqual([0, 0]);
    expectClose(b.probability[0], 1 / 3);
    expect(b.metrics).toBeUndefined();
  });

  it('regression: zero, train mean and last value, each with its metrics', () => {
    const yTest = [1, -2, 3];
    const baselines = baselinePredictions('regression', [2, 4], 3, { yTest, lastValue: [0.5, Number.NaN, 2] });
    const byName = new Map(baselines.map((b) => [b.name, b as RegressionBaseline]));
    expect([...byName.keys()]).toEqual(['zero', 'train-mean', 'last-value']);

    const zero = byName.get('zero') as RegressionBaseline;
    expect([...zero.prediction]).toEqual([0, 0, 0]);
    // Errors 1, -2, 3: MSE 14/3, MAE 2; R² = 1 - 14 / SS_tot with mean 2/3 -> SS_tot = 1/9 + 64/9 + 49/9 = 114/9.
    expectClose(zero.metrics?.rmse, Math.sqrt(14 / 3));
    expectClose(zero.metrics?.mae, 2);
    expectClose(zero.metrics?.r2, 1 - 14 / (114 / 9));

    expect([...(byName.get('train-mean') as RegressionBaseline).prediction]).toEqual([3, 3, 3]);

    const last = byName.get('last-value') as RegressionBaseline;
    expect([...last.prediction]).toEqual([0.5, 0, 2]);
    expect(last.missing).toBe(1);
    // Errors 0.5, -2, 1: MSE 5.25/3, MAE 3.5/3.
    expectClose(last.metrics?.rmse, Math.sqrt(5.25 / 3));
    expectClose(last.metrics?.mae, 3.5 / 3);
  });

  it('makes a better model visible: its metrics beat the naive ones on the same split', () => {
    const yTest = [0.2, -0.1, 0.4, -0.3, 0.1];
    const model = regressionMetrics(yTest, [0.15, -0.05, 0.3, -0.2, 0.05]);
    const [zero] = baselinePredictions('regression', [0.1, -0.2], yTest.length, { yTest }) as [RegressionBaseline];
    expect(model.rmse).toBeLessThan(zero.metrics?.rmse as number);
    const clf = classificationMetrics([1, 0, 1, 0], [0.9, 0.2, 0.7, 0.4]);
    const [naive] = baselinePredictions('classification', [1, 0], 4, { yTest: [1, 0, 1, 0] }) as [
      ClassificationBaseline,
    ];
    expect(clf.logLoss).toBeLessThan(naive.metrics?.logLoss as number);
  });

  it('rejects inconsistent input', () => {
    expect(errorCode(() => baselinePredictions('regression', [], 1), EvaluationError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => baselinePredictions('regression', [1], 2, { yTest: [1] }), EvaluationError)).toBe(
      'LENGTH_MISMATCH',
    );
    expect(errorCode(() => baselinePredictions('regression', [1], 2, { lastValue: [1] }), EvaluationError)).toBe(
      'LENGTH_MISMATCH',
    );
    expect(errorCode(() => baselinePredictions('classification', [0, 3], 1), EvaluationError)).toBe('INVALID_LABEL');
    expect(errorCode(() => baselinePredictions('classification', [0, 1], 1, { lastValue: [1] }), EvaluationError)).toBe(
      'INVALID_ARGUMENT',
    );
  });
});
