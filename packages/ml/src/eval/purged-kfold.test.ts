import { describe, expect, it } from 'vitest';
import { EvaluationError } from './errors.ts';
import { errorCode } from './internal/test-support.ts';
import { createPrng } from './prng.ts';
import { type PurgedFold, purgedKFold } from './purged-kfold.ts';

const plain = (f: PurgedFold) => ({
  test: [...f.test],
  train: [...f.train],
  purged: [...f.purged],
  embargoed: [...f.embargoed],
});

/** Ten observations: row i's label starts at t0 = i and becomes known at t1 = i + 2. */
const t0 = Float64Array.from({ length: 10 }, (_, i) => i);
const t1 = Float64Array.from({ length: 10 }, (_, i) => i + 2);

describe('purgedKFold: hand-checked case (10 rows, labels [i, i+2], 3 folds)', () => {
  // array_split(10, 3) -> test folds of 4, 3, 3 rows: [0..3], [4..6], [7..9].
  // Fold 0: span [S, E] = [t0_0, max t1] = [0, 5]. A non-test row is purged when t0 <= 5 and t1 >= 0:
  //   rows 4 (span [4, 6]) and 5 (span [5, 7], touching: t0_5 == E = 5). Train: 6..9.
  // Fold 1: span [4, 8]. Purged: row 2 ([2, 4], touching: t1_2 == S = 4), row 3 ([3, 5]), rows 7 ([7, 9]) and
  //   8 ([8, 10], touching: t0_8 == E). Train: 0, 1, 9.
  // Fold 2: span [7, 11]. Purged: rows 5 ([5, 7], touching: t1_5 == S) and 6 ([6, 8]). Train: 0..4.
  it('purges overlapping and touching labels, without embargo', () => {
    expect(purgedKFold({ t0, t1, k: 3 }).map(plain)).toEqual([
      { test: [0, 1, 2, 3], train: [6, 7, 8, 9], purged: [4, 5], embargoed: [] },
      { test: [4, 5, 6], train: [0, 1, 9], purged: [2, 3, 7, 8], embargoed: [] },
      { test: [7, 8, 9], train: [0, 1, 2, 3, 4], purged: [5, 6], embargoed: [] },
    ]);
  });

  // Embargo 0.1 of 10 rows -> h = 1 row after each test fold's purge:
  //   fold 0: first row with t0 > E = 5 is row 6 -> embargoed; fold 1: first with t0 > 8 is row 9;
  //   fold 2: nothing after the last fold. The embargo never applies before a test fold (rows 0..1 of fold 1 stay).
  it('embargoes floor(0.1 * 10) = 1 row after each test fold', () => {
    expect(purgedKFold({ t0, t1, k: 3, embargo: 0.1 }).map(plain)).toEqual([
      { test: [0, 1, 2, 3], train: [7, 8, 9], purged: [4, 5], embargoed: [6] },
      { test: [4, 5, 6], train: [0, 1], purged: [2, 3, 7, 8], embargoed: [9] },
      { test: [7, 8, 9], train: [0, 1, 2, 3, 4], purged: [5, 6], embargoed: [] },
    ]);
  });

  it('embargoes floor(0.25 * 10) = 2 rows, clipped at the end of the data', () => {
    const folds = purgedKFold({ t0, t1, k: 3, embargo: 0.25 }).map(plain);
    expect(folds.map((f) => f.embargoed)).toEqual([[6, 7], [9], []]);
    expect(folds.map((f) => f.train)).toEqual([
      [8, 9],
      [0, 1],
      [0, 1, 2, 3, 4],
    ]);
  });

  it('embargoes by absolute time: E < t0 <= E + embargoMs', () => {
    // Fold 0: E = 5, embargoMs = 1 -> (5, 6] -> row 6 (closed at the far end); fold 1: E = 8 -> (8, 9] -> row 9.
    expect(purgedKFold({ t0, t1, k: 3, embargoMs: 1 }).map((f) => [...f.embargoed])).toEqual([[6], [9], []]);
    // embargoMs = 0.999 reaches no row start; 2 reaches rows 6 and 7 after fold 0.
    expect(purgedKFold({ t0, t1, k: 3, embargoMs: 0.999 }).map((f) => [...f.embargoed])).toEqual([[], [], []]);
    expect(purgedKFold({ t0, t1, k: 3, embargoMs: 2 }).map((f) => [...f.embargoed])).toEqual([[6, 7], [9], []]);
  });
});

describe('purgedKFold: touching boundaries are closed (purged)', () => {
  // Four rows, two folds: test [0, 1] then [2, 3].
  it('purges a training label that becomes known exactly when the test fold starts (t1_i == S)', () => {
    // Fold 1: S = t0_2 = 2. Row 1 spans [1, 2]: touches S -> purged. Row 0 spans [0, 1.5] -> train.
    const touching = purgedKFold({ t0: Float64Array.of(0, 1, 2, 3), t1: Float64Array.of(1.5, 2, 2.5, 3.5), k: 2 });
    expect(plain(touching[1] as PurgedFold)).toEqual({ test: [2, 3], train: [0], purged: [1], embargoed: [] });
    // A millisecond earlier the label is known before the test starts: kept.
    const before = purgedKFold({ t0: Float64Array.of(0, 1, 2, 3), t1: Float64Array.of(1.5, 1.999, 2.5, 3.5), k: 2 });
    expect(plain(before[1] as PurgedFold)).toEqual({ test: [2, 3], train: [0, 1], purged: [], embargoed: [] });
  });

  it('purges a training label that starts exactly when the last test label becomes known (t0_i == E)', () => {
    // Fold 0: E = max(t1_0, t1_1) = 2. Row 2 starts at 2 == E -> purged; row 3 starts at 3 -> train.
    const touching = purgedKFold({ t0: Float64Array.of(0, 1, 2, 3), t1: Float64Array.of(0.5, 2, 2.5, 3.5), k: 2 });
    expect(plain(touching[0] as PurgedFold)).toEqual({ test: [0, 1], train: [3], purged: [2], embargoed: [] });
    const after = purgedKFold({ t0: Float64Array.of(0, 1, 2, 3), t1: Float64Array.of(0.5, 1.999, 2.5, 3.5), k: 2 });
    expect(plain(after[0] as PurgedFold)).toEqual({ test: [0, 1], train: [2, 3], purged: [], embargoed: [] });
  });

  it("takes the test span's end from the longest test label, not the last row's", () => {
    // Five rows, two folds: test = rows 0..2. Row 0's label runs to 10, so the test span is [0, 10] although the
    // last test row's label ends at 2.5: row 3 (t0 = 3) is purged, row 4 (t0 = 11) trains.
    const folds = purgedKFold({
      t0: Float64Array.of(0, 1, 2, 3, 11),
      t1: Float64Array.of(10, 1.5, 2.5, 3.5, 12),
      k: 2,
    });
    expect(plain(folds[0] as PurgedFold)).toEqual({ test: [0, 1, 2], train: [4], purged: [3], embargoed: [] });
  });

  it('purges a training label that envelops the whole test fold', () => {
    // Row 0 spans [0, 100]; fold 1 = rows [3, 4] spans [3, 4.5] inside it.
    const folds = purgedKFold({
      t0: Float64Array.of(0, 1, 2, 3, 4),
      t1: Float64Array.of(100, 1.5, 2.5, 3.5, 4.5),
      k: 2,
    });
    expect(plain(folds[1] as PurgedFold)).toEqual({ test: [3, 4], train: [1, 2], purged: [0], embargoed: [] });
  });
});

describe('purgedKFold: structure', () => {
  it('sizes test folds like numpy array_split (first n % k folds one row longer)', () => {
    const n = 11;
    const folds = purgedKFold({
      t0: Float64Array.from({ length: n }, (_, i) => i),
      t1: Float64Array.from({ length: n }, (_, i) => i),
      k: 3,
    });
    expect(folds.map((f) => [...f.test])).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9, 10],
    ]);
    // Instantaneous labels (t1 = t0) at distinct times overlap nothing: train is the complement of test.
    expect(folds.map((f) => f.train.length)).toEqual([7, 7, 8]);
  });

  it('partitions every row and never trains on a label overlapping the closed test span (random spans)', () => {
    const prng = createPrng(7);
    const n = 200;
    const starts = Float64Array.from({ length: n }, () => Math.floor(prng.nextFloat() * 1000)).sort();
    const ends = starts.map((s) => s + Math.floor(prng.nextFloat() * 40));
    for (const options of [{}, { embargo: 0.05 }, { embargoMs: 15 }]) {
      for (const fold of purgedKFold({ t0: starts, t1: ends, k: 5, ...options })) {
        const all = [...fold.test, ...fold.train, ...fold.purged, ...fold.embargoed].sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: n }, (_, i) => i));
        const s = Math.min(...[...fold.test].map((i) => starts[i] as number));
        const e = Math.max(...[...fold.test].map((i) => ends[i] as number));
        for (const i of fold.train) expect((starts[i] as number) > e || (ends[i] as number) < s).toBe(true);
        for (const i of fold.purged) expect((starts[i] as number) <= e && (ends[i] as number) >= s).toBe(true);
        for (const i of fold.embargoed) expect(starts[i] as number).toBeGreaterThan(e);
      }
    }
  });

  it('rejects unsorted rows, inverted labels and bad parameters', () => {
    const code = (f: () => unknown) => errorCode(f, EvaluationError);
    expect(code(() => purgedKFold({ t0: Float64Array.of(1, 0), t1: Float64Array.of(1, 1), k: 2 }))).toBe('NOT_SORTED');
    expect(code(() => purgedKFold({ t0: Float64Array.of(0, 1), t1: Float64Array.of(0, 0.5), k: 2 }))).toBe(
      'INVALID_ARGUMENT',
    );
    expect(code(() => purgedKFold({ t0, t1, k: 11 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => purgedKFold({ t0, t1, k: 1 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => purgedKFold({ t0, t1, k: 3, embargo: 1 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => purgedKFold({ t0, t1, k: 3, embargo: 0.1, embargoMs: 5 }))).toBe('INVALID_ARGUMENT');
    expect(code(() => purgedKFold({ t0, t1: t1.subarray(1), k: 3 }))).toBe('LENGTH_MISMATCH');
    expect(code(() => purgedKFold({ t0: Float64Array.of(0, Number.NaN), t1: Float64Array.of(0, 1), k: 2 }))).toBe(
      'NON_FINITE',
    );
  });
});
