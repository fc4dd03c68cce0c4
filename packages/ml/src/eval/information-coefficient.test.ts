import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors.ts';
import { informationCoefficient } from './information-coefficient.ts';
import { errorCode, expectClose, readFixture } from './internal/test-support.ts';

interface IcFixture {
  groups: string[];
  y: number[];
  yhat: number[];
  minGroupSize: number;
  expected: {
    perGroup: { group: string; ic: number; n: number }[];
    meanIc: number;
    stdIc: number;
    icir: number;
    groups: number;
    skippedSmall: number;
    skippedConstant: number;
  };
}

const fixture = readFixture<{ ic: IcFixture }>('metrics.json').ic;

describe('informationCoefficient', () => {
  it('matches scipy spearmanr per date, with ties, a small date and a constant prediction skipped', () => {
    const r = informationCoefficient(fixture.groups, fixture.y, Float64Array.from(fixture.yhat), {
      minGroupSize: fixture.minGroupSize,
    });
    const e = fixture.expected;
    expect(r.perGroup.map((g) => [g.group, g.n])).toEqual(e.perGroup.map((g) => [g.group, g.n]));
    for (const [i, g] of r.perGroup.entries()) expectClose(g.ic, e.perGroup[i]?.ic as number);
    expectClose(r.meanIc, e.meanIc);
    expectClose(r.stdIc, e.stdIc);
    expectClose(r.icir, e.icir);
    expect([r.groups, r.skippedSmall, r.skippedConstant]).toEqual([e.groups, e.skippedSmall, e.skippedConstant]);
  });

  it('computes a hand-checked case', () => {
    // Date A: predictions in reverse order of labels -> IC = -1.
    // Date B: prediction ranks 1.5 1.5 3 4 (tie), label ranks 1 2 3 4; deviations from 2.5:
    //   d_hat = -1 -1 0.5 1.5, d_y = -1.5 -0.5 0.5 1.5 -> sum(d_hat d_y) = 4.5, sum(d_hat²) = 4.5, sum(d_y²) = 5,
    //   IC = 4.5 / sqrt(22.5) = 3 / sqrt(10).
    // Date C has two rows (< 3): skipped.
    const groups = ['B', 'A', 'A', 'C', 'B', 'A', 'B', 'C', 'B'];
    const y = [1, 1, 2, 5, 2, 3, 3, 6, 4];
    const yhat = [10, 3, 2, 1, 10, 1, 20, 2, 30];
    const r = informationCoefficient(groups, y, yhat);
    const icB = 3 / Math.sqrt(10);
    expect(r.perGroup.map((g) => g.group)).toEqual(['A', 'B']);
    expect(r.perGroup[0]).toEqual({ group: 'A', ic: -1, n: 3 });
    expectClose(r.perGroup[1]?.ic, icB);
    expectClose(r.meanIc, (icB - 1) / 2);
    expectClose(r.stdIc, (icB + 1) / Math.SQRT2);
    expectClose(r.icir, (icB - 1) / 2 / ((icB + 1) / Math.SQRT2));
    expect([r.groups, r.skippedSmall, r.skippedConstant]).toEqual([2, 1, 0]);
  });

  it('returns null summaries when too few dates can be scored', () => {
    const one = informationCoefficient(['d', 'd', 'd'], [1, 2, 3], [1, 2, 3]);
    expect(one.meanIc).toBe(1);
    expect(one.stdIc).toBeNull();
    expect(one.icir).toBeNull();
    const none = informationCoefficient(['d', 'd', 'd'], [1, 1, 1], [1, 2, 3]);
    expect(none).toMatchObject({ meanIc: null, stdIc: null, icir: null, groups: 0, skippedConstant: 1 });
  });

  it('honours minGroupSize and rejects bad input', () => {
    expect(informationCoefficient(['d', 'd'], [1, 2], [1, 2], { minGroupSize: 2 }).groups).toBe(1);
    expect(errorCode(() => informationCoefficient(['d'], [1, 2], [1, 2]), EvaluationError)).toBe('LENGTH_MISMATCH');
    expect(
      errorCode(() => informationCoefficient(['d', 'd'], [1, 2], [1, 2], { minGroupSize: 1 }), EvaluationError),
    ).toBe('INVALID_ARGUMENT');
  });
});
