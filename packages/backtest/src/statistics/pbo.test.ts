import { describe, expect, it } from 'vitest';
import { probabilityOfBacktestOverfitting, rowsFromColumns } from './index.ts';
import { binomial } from './internal/combinations.ts';
import { noiseMatrix, readFixture, seededNormal } from './internal/fixtures.ts';

interface PboFixture {
  matrices: Record<string, number[][]>;
  cases: {
    blocks: number;
    metric: 'sharpe' | 'mean';
    matrix: string;
    pbo: number;
    logits: number[];
    probabilityOfLoss: number;
    slope: number;
    intercept: number;
    isPerformance: number[];
    oosPerformance: number[];
  }[];
}
const fixture = readFixture<PboFixture>('pbo.json');

/** Rows of a matrix whose block b (of `perBlock` rows) repeats the row `blockRows[b]`. */
function blockMatrix(blockRows: number[][], perBlock: number): number[][] {
  return blockRows.flatMap((row) => Array.from({ length: perBlock }, () => [...row]));
}

describe('probabilityOfBacktestOverfitting: hand-worked cases', () => {
  it('S = 4, N = 2, mean metric: the 6 splits enumerated by hand give PBO 2/3', () => {
    // Config A has block means [4, 0, 0, −4], config B earns 1 in every block (2 rows per block).
    // Split (IS blocks) → IS means A|B → n* → OOS means A|B → OOS rank of n* → λ:
    //   {1,2}: 2|1 → A; OOS {3,4}: −2|1 → rank 1 → ω = 1/3, λ = −ln 2
    //   {1,3}: 2|1 → A; OOS {2,4}: −2|1 → rank 1 → λ = −ln 2
    //   {1,4}: 0|1 → B; OOS {2,3}:  0|1 → rank 2 → ω = 2/3, λ = +ln 2
    //   {2,3}: 0|1 → B; OOS {1,4}:  0|1 → rank 2 → λ = +ln 2
    //   {2,4}: −2|1 → B; OOS {1,3}: 2|1 → rank 1 → λ = −ln 2
    //   {3,4}: −2|1 → B; OOS {1,2}: 2|1 → rank 1 → λ = −ln 2
    // PBO = 4/6. n* loses OOS (mean < 0) in splits {1,2} and {1,3}: probability of loss 2/6.
    // (IS, OOS) pairs (2,−2) ×2 and (1,1) ×4 lie on OOS = 4 − 3·IS exactly.
    const rows = blockMatrix(
      [
        [4, 1],
        [0, 1],
        [0, 1],
        [-4, 1],
      ],
      2,
    );
    const result = probabilityOfBacktestOverfitting(rows, { blocks: 4, metric: 'mean' });
    const ln2 = Math.log(2);
    expect(result.combinations).toBe(6);
    expect(Array.from(result.logits)).toEqual([-ln2, -ln2, ln2, ln2, -ln2, -ln2].map((x) => expect.closeTo(x, 14)));
    expect(result.pbo).toBeCloseTo(4 / 6, 15);
    expect(Array.from(result.bestInSample)).toEqual([0, 0, 1, 1, 1, 1]);
    expect(result.probabilityOfLoss).toBeCloseTo(2 / 6, 15);
    expect(result.performanceDegradation!.slope).toBeCloseTo(-3, 12);
    expect(result.performanceDegradation!.intercept).toBeCloseTo(4, 12);
    expect(result.rowsPerBlock).toBe(2);
    expect(result.rowsDropped).toBe(0);
  });

  it('gives PBO 0 when one configuration has the best Sharpe ratio on every subset of rows', () => {
    // Every configuration is the same noise plus its own constant: on any rows all share one std, so
    // the Sharpe ratios are ordered by the constant. n* is always the last column and ranks N of N OOS:
    // ω = N/(N+1), λ = ln N > 0 in every split.
    const next = seededNormal(11);
    const N = 6;
    const rows = Array.from({ length: 320 }, () => {
      const shock = 0.01 * next();
      return Array.from({ length: N }, (_, n) => shock + 0.0002 * n);
    });
    const result = probabilityOfBacktestOverfitting(rows, { blocks: 8 });
    expect(result.pbo).toBe(0);
    expect(result.combinations).toBe(70);
    for (const logit of result.logits) expect(logit).toBeCloseTo(Math.log(N), 12);
    expect(new Set(result.bestInSample)).toEqual(new Set([N - 1]));
  });

  it('counts λ = 0 (n* exactly at the OOS median) as overfit: identical configurations give PBO 1', () => {
    // Three identical columns tie everywhere: n* = column 0 (lowest index), its OOS rank is the
    // average rank 2 of 3, ω = 2/4, λ = ln 1 = 0.
    const next = seededNormal(3);
    const rows = Array.from({ length: 40 }, () => {
      const r = 0.01 * next();
      return [r, r, r];
    });
    const result = probabilityOfBacktestOverfitting(rows, { blocks: 4 });
    expect(Array.from(result.logits)).toEqual([0, 0, 0, 0, 0, 0]);
    expect(result.pbo).toBe(1);
    expect(new Set(result.bestInSample)).toEqual(new Set([0]));
  });

  it('leaves out the T mod S oldest rows so the blocks are equal', () => {
    const next = seededNormal(5);
    const rows = noiseMatrix(96, 4, next);
    const base = probabilityOfBacktestOverfitting(rows, { blocks: 8 });
    // Five extra rows in front (older than everything else) must not change anything.
    const padded = [...noiseMatrix(5, 4, next, 1), ...rows];
    const withOld = probabilityOfBacktestOverfitting(padded, { blocks: 8 });
    expect(withOld.rowsDropped).toBe(5);
    expect(withOld.rowsPerBlock).toBe(12);
    expect(Array.from(withOld.logits)).toEqual(Array.from(base.logits));
    expect(withOld.pbo).toBe(base.pbo);
  });
});

describe('probabilityOfBacktestOverfitting: against a brute-force numpy CSCV', () => {
  it.each(fixture.cases.map((c, i) => [i, c] as const))('case %i matches PBO, logits, loss and degradation', (_, c) => {
    const result = probabilityOfBacktestOverfitting(fixture.matrices[c.matrix]!, {
      blocks: c.blocks,
      metric: c.metric,
    });
    expect(result.combinations).toBe(c.logits.length);
    expect(result.pbo).toBe(c.pbo);
    expect(result.probabilityOfLoss).toBe(c.probabilityOfLoss);
    c.logits.forEach((logit, i) => {
      expect(result.logits[i], `logit ${i}`).toBeCloseTo(logit, 12);
    });
    c.isPerformance.forEach((v, i) => {
      expect(result.inSamplePerformance[i]).toBeCloseTo(v, 12);
      expect(result.outOfSamplePerformance[i]).toBeCloseTo(c.oosPerformance[i]!, 12);
    });
    expect(result.performanceDegradation!.slope).toBeCloseTo(c.slope, 9);
    expect(result.performanceDegradation!.intercept).toBeCloseTo(c.intercept, 9);
  });
});

describe('probabilityOfBacktestOverfitting: statistical behaviour and invariants', () => {
  it('gives PBO near 1/2 for configurations that are pure noise (40 seeded sweeps)', () => {
    // With no configuration better than another, the IS winner's OOS rank is uniform: E[PBO] = 1/2.
    // One sweep's PBO varies a lot (sd ≈ 0.2, splits share data), so the test averages 40 sweeps
    // (sd of the mean ≈ 0.03) and accepts ±0.1.
    const pbos: number[] = [];
    for (let seed = 1; seed <= 40; seed++) {
      pbos.push(probabilityOfBacktestOverfitting(noiseMatrix(240, 20, seededNormal(seed)), { blocks: 8 }).pbo);
    }
    const mean = pbos.reduce((a, b) => a + b, 0) / pbos.length;
    expect(mean).toBeGreaterThan(0.4);
    expect(mean).toBeLessThan(0.6);
  });

  it('has C(S, S/2) logits, each within ±ln N, for S = 2 … 16', () => {
    const rows = noiseMatrix(160, 5, seededNormal(99));
    for (let S = 2; S <= 16; S += 2) {
      const result = probabilityOfBacktestOverfitting(rows, { blocks: S });
      expect(result.combinations).toBe(binomial(S, S / 2));
      expect(result.logits.length).toBe(result.combinations);
      expect(result.blocks).toBe(S);
      for (const logit of result.logits) expect(Math.abs(logit)).toBeLessThanOrEqual(Math.log(5) + 1e-12);
    }
    expect(probabilityOfBacktestOverfitting(rows).combinations).toBe(12_870);
  });

  it('scores a split and its mirror image symmetrically', () => {
    // Split c and its complement swap IS and OOS; with S = 2 there are exactly the two of them.
    const rows = blockMatrix(
      [
        [1, 2, 3],
        [3, 1, 2],
      ],
      1,
    );
    const result = probabilityOfBacktestOverfitting(rows, { blocks: 2, metric: 'mean' });
    // IS block 0 → n* = 2 (3), OOS block 1 gives it 2, rank 2 of 3 → λ = 0.
    // IS block 1 → n* = 0 (3), OOS block 0 gives it 1, rank 1 of 3 → ω = 1/4, λ = ln(1/3).
    expect(Array.from(result.logits)).toEqual([0, expect.closeTo(Math.log(1 / 3), 14)]);
    expect(Array.from(result.bestInSample)).toEqual([2, 0]);
    expect(result.pbo).toBe(1);
  });
});

describe('probabilityOfBacktestOverfitting: errors', () => {
  const rows = noiseMatrix(64, 3, seededNormal(1));
  it.each([
    ['an odd number of blocks', () => probabilityOfBacktestOverfitting(rows, { blocks: 5 }), 'INVALID_BLOCKS'],
    ['too many blocks', () => probabilityOfBacktestOverfitting(rows, { blocks: 26 }), 'INVALID_BLOCKS'],
    [
      'more blocks than rows',
      () => probabilityOfBacktestOverfitting(rows.slice(0, 6), { blocks: 8 }),
      'INVALID_BLOCKS',
    ],
    [
      'halves too short for a Sharpe ratio',
      () => probabilityOfBacktestOverfitting(rows.slice(0, 2), { blocks: 2 }),
      'TOO_FEW_OBSERVATIONS',
    ],
    [
      'a single configuration',
      () => probabilityOfBacktestOverfitting([[1], [2], [3], [4]], { blocks: 2 }),
      'TOO_FEW_CONFIGURATIONS',
    ],
    ['a ragged matrix', () => probabilityOfBacktestOverfitting([[1, 2], [3]], { blocks: 2 }), 'RAGGED_MATRIX'],
    ['no rows', () => probabilityOfBacktestOverfitting([], { blocks: 2 }), 'RAGGED_MATRIX'],
    [
      'a NaN return',
      () =>
        probabilityOfBacktestOverfitting(
          [
            [1, 2],
            [3, Number.NaN],
          ],
          { blocks: 2 },
        ),
      'NON_FINITE',
    ],
  ])('rejects %s', (_, run, code) => {
    expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe('rowsFromColumns', () => {
  it('transposes per-configuration series into rows and rejects unequal lengths', () => {
    expect(
      rowsFromColumns([
        [1, 2, 3],
        [4, 5, 6],
      ]).map((r) => Array.from(r)),
    ).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(() => rowsFromColumns([[1, 2], [3]])).toThrow(expect.objectContaining({ code: 'RAGGED_MATRIX' }));
  });
});
