import { describe, expect, it } from 'vitest';
import { classificationMetrics } from './classification.ts';
import { EvaluationError } from './errors.ts';
import { errorCode, expectClose, readFixture } from './internal/test-support.ts';

interface ClassificationCase {
  name: string;
  threshold: number;
  y: number[];
  probability: number[];
  expected: {
    accuracy: number;
    precision: number;
    recall: number;
    f1: number;
    rocAuc: number | null;
    logLoss: number;
    confusion: { tp: number; fp: number; tn: number; fn: number };
    n: number;
  };
}

const fixtures = readFixture<{ classification: ClassificationCase[] }>('metrics.json').classification;

describe('classificationMetrics', () => {
  it.each(fixtures.map((c) => [c.name, c] as const))('matches scikit-learn on %s', (_name, c) => {
    const m = classificationMetrics(c.y, Float64Array.from(c.probability), c.threshold);
    expect(m.confusion).toEqual(c.expected.confusion);
    expect(m.n).toBe(c.expected.n);
    expectClose(m.accuracy, c.expected.accuracy);
    expectClose(m.precision, c.expected.precision);
    expectClose(m.recall, c.expected.recall);
    expectClose(m.f1, c.expected.f1);
    expectClose(m.rocAuc, c.expected.rocAuc as number);
    expectClose(m.logLoss, c.expected.logLoss);
  });

  it('computes a hand-checked case', () => {
    // Scores 0.1 0.4 0.35 0.8 for labels 0 0 1 1: of the 4 (positive, negative) pairs, 3 are ordered correctly
    // (0.35 > 0.1, 0.8 > 0.1, 0.8 > 0.4; not 0.35 > 0.4), so AUC = 3/4. At 0.5 only 0.8 is predicted positive.
    const m = classificationMetrics([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
    expect(m.confusion).toEqual({ tp: 1, fp: 0, tn: 2, fn: 1 });
    expect(m.accuracy).toBe(0.75);
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.5);
    expectClose(m.f1, 2 / 3);
    expect(m.rocAuc).toBe(0.75);
    expectClose(m.logLoss, -(Math.log(0.9) + Math.log(0.6) + Math.log(0.35) + Math.log(0.8)) / 4);
  });

  it('counts tied scores of a positive and a negative as one half in the AUC', () => {
    // Pairs: (0.5 vs 0.5) tie -> 1/2, (0.9 vs 0.5) -> 1; two pairs -> 0.75.
    expect(classificationMetrics([0, 1, 1], [0.5, 0.5, 0.9]).rocAuc).toBe(0.75);
    expect(classificationMetrics([0, 1, 0, 1], [0.3, 0.3, 0.3, 0.3]).rocAuc).toBe(0.5);
  });

  it('predicts the positive class when the probability equals the threshold', () => {
    const m = classificationMetrics([1, 0], [0.3, 0.29], 0.3);
    expect(m.confusion).toEqual({ tp: 1, fp: 0, tn: 1, fn: 0 });
  });

  it('returns a null AUC with a single class and 0 for an undefined precision or F1', () => {
    const m = classificationMetrics([0, 0, 0], [0.1, 0.2, 0.3]);
    expect(m.rocAuc).toBeNull();
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.accuracy).toBe(1);
  });

  it('clips probabilities at 1e-15 so a confidently wrong prediction has a finite loss', () => {
    const m = classificationMetrics([1], [0]);
    expectClose(m.logLoss, -Math.log(1e-15));
    expect(classificationMetrics([1], [1]).logLoss).toBeCloseTo(0, 14);
  });

  it('rejects invalid input with a typed error', () => {
    const code = (f: () => unknown) => errorCode(f, EvaluationError);
    expect(code(() => classificationMetrics([0, 2], [0.1, 0.2]))).toBe('INVALID_LABEL');
    expect(code(() => classificationMetrics([0, 1], [0.1, 1.2]))).toBe('INVALID_PROBABILITY');
    expect(code(() => classificationMetrics([0, 1], [0.1, Number.NaN]))).toBe('INVALID_PROBABILITY');
    expect(code(() => classificationMetrics([0, 1], [0.1]))).toBe('LENGTH_MISMATCH');
    expect(code(() => classificationMetrics([], []))).toBe('EMPTY_INPUT');
    expect(code(() => classificationMetrics([0], [0.1], 2))).toBe('INVALID_ARGUMENT');
  });
});
