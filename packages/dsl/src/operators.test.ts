import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDuck, type Series, type TestDuck, valuesOf } from './test-support/duck.ts';

/**
 * Hand-computed values for every operator on a 7-row series, run through DuckDB. With N = 3 the
 * first two rows have less history than the window, rows 2-4 have the null inside the window, and
 * the last window [8, 8, 8] has zero variance. The windows of x for N = 3 are
 *   [1] [1,2] [1,2,∅] [2,∅,4] [∅,4,8] [4,8,8] [8,8,8].
 * pandas 1.5 / Qlib give the same numbers (checked once by hand against them, not at test time).
 */
const x = [1, 2, null, 4, 8, 8, 8];
const y = [2, 1, 4, 3, 5, 7, 6];
const data: Series = { close: x, volume: y };
const _ = null;

let duck: TestDuck;
beforeAll(async () => {
  duck = await openTestDuck();
});
afterAll(() => duck?.close());

function expectValues(actual: readonly (number | null)[], expected: readonly (number | null)[]) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => {
    const want = expected[i];
    if (want === null || want === undefined) expect(value, `row ${i}`).toBeNull();
    else expect(value, `row ${i}`).toBeCloseTo(want, 12);
  });
}

const cases: [string, (number | null)[], string][] = [
  ['Ref($close, 1)', [_, 1, 2, _, 4, 8, 8], 'the previous row, null before the first'],
  ['Mean($close, 3)', [1, 1.5, 1.5, 3, 6, 20 / 3, 8], 'mean of the non-null values present'],
  ['Sum($close, 3)', [1, 3, 3, 6, 12, 20, 24], 'sum of the non-null values present'],
  ['Std($close, 3)', [_, Math.SQRT1_2, Math.SQRT1_2, Math.SQRT2, Math.sqrt(8), Math.sqrt(16 / 3), 0], 'ddof 1'],
  ['Var($close, 3)', [_, 0.5, 0.5, 2, 8, 16 / 3, 0], 'ddof 1; one value gives null, a constant window 0'],
  ['Min($close, 3)', [1, 1, 1, 2, 4, 4, 8], ''],
  ['Max($close, 3)', [1, 2, 2, 4, 8, 8, 8], ''],
  ['Med($close, 3)', [1, 1.5, 1.5, 3, 6, 8, 8], 'even counts average the middle two'],
  // windows of 4: [1] [1,2] [1,2,∅] [1,2,∅,4] [2,∅,4,8] [∅,4,8,8] [4,8,8,8]; position (n-1)/4
  ['Quantile($close, 4, 0.25)', [1, 1.25, 1.25, 1.5, 3, 6, 7], 'linear interpolation at (n-1)q'],
  ['Mad($close, 3)', [0, 0.5, 0.5, 1, 2, 16 / 9, 0], '[4,8,8]: |4-20/3| + 2|8-20/3| = 16/3, over 3'],
  ['Count($close, 2)', [1, 2, 1, 1, 2, 2, 2], 'non-null values in the window'],
  ['Delta($close, 2)', [_, _, _, 2, _, 4, 0], 'x - Ref(x, 2), null when either side is'],
  // [4,8,8] at 8: 1 below, 2 equal -> (1 + 3/2) / 3; [8,8,8]: (0 + 4/2) / 3
  ['Rank($close, 3)', [1, 1, _, 1, 1, 5 / 6, 2 / 3], 'pct rank of the current value, ties averaged'],
  ['IdxMax($close, 3)', [1, 2, 3, 2, 1, 2, 1], 'first maximum; a null in the window wins (numpy argmax)'],
  ['IdxMin($close, 3)', [1, 1, 3, 2, 1, 1, 1], 'first minimum; a null in the window wins (numpy argmin)'],
  ['Slope($close, 3)', [_, 1, 1, 1, 4, 2, 0], 'positions keep their slot: [2,∅,4] is (1,2),(3,4)'],
  // [2,∅,4,8] at positions 1,3,4: Sxy = 78/9, Sxx = 42/9, Syy = 168/9; [∅,4,8,8]: 16 / (2 * 96/9)
  ['Rsquare($close, 4)', [_, 1, 1, 1, 6084 / 7056, 0.75, 0.6], 'R² on positions; nulls skipped'],
  // [4,8,8]: fit at position 3 is 20/3 + 2 * 1
  ['Resi($close, 3)', [_, 0, _, 0, 0, 8 - 26 / 3, 0], 'residual of the current row; null when it is null'],
  // pairs (x, y): [(1,2),(2,1)] -> -1; [(4,3),(8,5),(8,7)] -> 8 / sqrt(32/3 * 8) = sqrt(3)/2; x constant -> null
  ['Corr($close, $volume, 3)', [_, -1, -1, 1, 1, Math.sqrt(3) / 2, _], 'pairwise; null when a std is 0'],
  ['Cov($close, $volume, 3)', [_, -0.5, -0.5, 2, 4, 4, 0], 'pairwise, ddof 1'],
  // alpha = 1/2: row 3 = (4 + 2/4 + 1/8) / (1 + 1/4 + 1/8); the null keeps its slot in the decay
  ['EMA($close, 3)', [1, 5 / 3, 5 / 3, 37 / 11, 55 / 9, 421 / 59, 311 / 41], 'pandas ewm(span=3, adjust=True)'],
  ['EMA($close, 0.5)', [1, 5 / 3, 5 / 3, 37 / 11, 55 / 9, 421 / 59, 311 / 41], 'alpha given directly'],
  ['EMA($close, 1)', [1, 2, _, 4, 8, 8, 8], 'alpha 1 is the series itself'],
  // [∅,4,8]: w = [0, 1/3, 2/3], nanmean([∅, 4/3, 16/3]) = 10/3
  ['WMA($close, 3)', [_, 1, 1 / 3, 4 / 3, 10 / 3, 8 / 3, 8 / 3], "Qlib's nanmean(w * x), w = 0..n-1 normalised"],
  ['Skew($close, 3)', [_, _, _, _, _, -Math.sqrt(3), 0], 'needs 3 values; a constant window is 0'],
  ['Kurt($close, 4)', [_, _, _, _, _, _, 4], '[4,8,8,8]: 3/2 * (5 * 21/9 - 9)'],
];

describe('rolling operators on a short series with a null', () => {
  it.each(cases)('%s', async (expression, expected) => {
    expectValues(await valuesOf(duck, expression, data), expected);
  });
});

describe('edge cases Qlib defines', () => {
  const constant: Series = { close: [5, 5, 5, 5] };

  it('gives a constant window zero spread, zero skew and kurtosis -3, but no R² or correlation', async () => {
    expectValues(await valuesOf(duck, 'Std($close, 4)', constant), [_, 0, 0, 0]);
    expectValues(await valuesOf(duck, 'Var($close, 4)', constant), [_, 0, 0, 0]);
    expectValues(await valuesOf(duck, 'Skew($close, 4)', constant), [_, _, 0, 0]);
    expectValues(await valuesOf(duck, 'Kurt($close, 4)', constant), [_, _, _, -3]);
    expectValues(await valuesOf(duck, 'Slope($close, 4)', constant), [_, 0, 0, 0]);
    // DuckDB's regr_r2 would say 1 here; Qlib's 0/0 and isclose(std, 0) mask say NaN.
    expectValues(await valuesOf(duck, 'Rsquare($close, 4)', constant), [_, _, _, _]);
    expectValues(await valuesOf(duck, 'Corr($close, $close * 2, 4)', constant), [_, _, _, _]);
    expectValues(await valuesOf(duck, 'Rank($close, 4)', constant), [1, 0.75, 2 / 3, 0.625]);
  });

  it('masks Rsquare and Corr where the rolling std is within 2e-5 of zero, as Qlib does', async () => {
    const flat: Series = { close: [100, 100.00001, 100, 100.00001], volume: [1, 2, 3, 4] };
    expectValues(await valuesOf(duck, 'Rsquare($close, 4)', flat), [_, _, _, _]);
    expectValues(await valuesOf(duck, 'Corr($close, $volume, 4)', flat), [_, _, _, _]);
  });

  it('returns null from window ops over an all-null window, but Count gives 0', async () => {
    const gap: Series = { close: [1, null, null, null, 5] };
    expectValues(await valuesOf(duck, 'Mean($close, 2)', gap), [1, 1, _, _, 5]);
    expectValues(await valuesOf(duck, 'Count($close, 2)', gap), [1, 1, 0, 0, 1]);
    expectValues(await valuesOf(duck, 'IdxMax($close, 2)', gap), [1, 2, _, _, 1]);
    expectValues(await valuesOf(duck, 'Max($close, 2)', gap), [1, 1, _, _, 5]);
    expectValues(await valuesOf(duck, 'Std($close, 3)', gap), [_, _, _, _, _]);
    expectValues(await valuesOf(duck, 'EMA($close, 3)', gap), [1, 1, 1, 1, (5 + 1 / 16) / (1 + 1 / 16)]);
  });

  it('truncates EMA only where the dropped weight is below 1e-16', async () => {
    // 400 rows, span 5 (alpha 1/3): the compiled window keeps 91 rows; compare with the full recursion.
    const values = Array.from({ length: 400 }, (_, i) => (i % 17 === 5 ? null : 100 + 10 * Math.sin(i / 7) + (i % 5)));
    const compiled = await valuesOf(duck, 'EMA($close, 5)', { close: values });
    let num = 0;
    let den = 0;
    values.forEach((v, i) => {
      num = num * (2 / 3) + (v ?? 0);
      den = den * (2 / 3) + (v === null ? 0 : 1);
      expect(compiled[i]! / (num / den) - 1, `row ${i}`).toBeCloseTo(0, 14);
    });
  });
});

describe('elementwise operators', () => {
  it.each([
    ['$close + $volume * 2 - 1', [4, 3, _, 9, 17, 21, 19]],
    ['-$close / 2', [-0.5, -1, _, -2, -4, -4, -4]],
    ['$close / ($volume - $volume)', [_, _, _, _, _, _, _]],
    ['Abs($close - 3)', [2, 1, _, 1, 5, 5, 5]],
    ['Sign($close - 2)', [-1, 0, _, 1, 1, 1, 1]],
    ['Log($close - 2)', [_, _, _, Math.LN2, Math.log(6), Math.log(6), Math.log(6)]],
    ['Power($close, 2)', [1, 4, _, 16, 64, 64, 64]],
    ['Power($close - 3, 0.5)', [_, _, _, 1, Math.sqrt(5), Math.sqrt(5), Math.sqrt(5)]],
    ['Power($close - 1, -1)', [_, 1, _, 1 / 3, 1 / 7, 1 / 7, 1 / 7]],
    ['Greater($close, $volume)', [2, 2, _, 4, 8, 8, 8]],
    ['Less($close, 3)', [1, 2, _, 3, 3, 3, 3]],
    ['$close > 2', [0, 0, 0, 1, 1, 1, 1]],
    ['$close >= 2', [0, 1, 0, 1, 1, 1, 1]],
    ['$close < 2', [1, 0, 0, 0, 0, 0, 0]],
    ['$close <= 2', [1, 1, 0, 0, 0, 0, 0]],
    ['$close == 2', [0, 1, 0, 0, 0, 0, 0]],
    ['$close != 2', [1, 0, 1, 1, 1, 1, 1]],
    ['($close > 2) & ($volume > 4)', [0, 0, 0, 0, 1, 1, 1]],
    ['($close > 2) | ($volume > 3)', [0, 0, 1, 1, 1, 1, 1]],
    ['If($close > $volume, $close, -$volume)', [-2, 2, -4, 4, 8, 8, 8]],
    ['If($close > 2, Mean($close, 3), Ref($volume, 1))', [_, 2, 1, 3, 6, 20 / 3, 8]],
    ['Mean($close > 2, 3)', [0, 0, 0, 1 / 3, 2 / 3, 1, 1]],
  ])('%s', async (expression, expected) => {
    expectValues(await valuesOf(duck, expression, data), expected);
  });
});
