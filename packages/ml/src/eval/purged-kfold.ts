import { EvaluationError } from './errors.ts';

export interface PurgedKFoldOptions {
  /** Label start per row (the row's time, epoch ms). Rows must be sorted by t0, non-decreasing. */
  readonly t0: Float64Array;
  /** Time each row's label became known (epoch ms), t1[i] >= t0[i]. */
  readonly t1: Float64Array;
  /** Number of folds, 2 <= k <= rows. */
  readonly k: number;
  /**
   * Primary embargo: a fraction of all rows, as the book's `pctEmbargo`. h = floor(rows * embargo) training rows
   * directly after each test fold (after its purge) are embargoed. In [0, 1); default 0. Exclusive with embargoMs.
   */
  readonly embargo?: number;
  /**
   * Alternative embargo in absolute time: training rows with E < t0 <= E + embargoMs are embargoed, E being the test
   * fold's last label time (max t1). Default 0. Exclusive with a non-zero `embargo`.
   */
  readonly embargoMs?: number;
}

export interface PurgedFold {
  /** Row indices of the test fold, a contiguous ascending block. */
  readonly test: Int32Array;
  /** Row indices left for training, ascending. */
  readonly train: Int32Array;
  /** Non-test rows dropped because their label span overlaps the test fold's span, ascending. */
  readonly purged: Int32Array;
  /** Non-test, non-purged rows dropped by the embargo after the test fold, ascending. */
  readonly embargoed: Int32Array;
}

/**
 * Purged k-fold cross-validation with an embargo (López de Prado, Advances in Financial Machine Learning, ch. 7).
 *
 * Rows must already be in time order of t0 (non-decreasing; a NOT_SORTED error otherwise), so indices refer to the
 * caller's rows. Test folds are contiguous blocks sized as numpy's `array_split`: the first `rows % k` folds get one
 * extra row. Every row is in exactly one of test / train / purged / embargoed for each fold.
 *
 * Purge. The test fold spans [S, E] with S = min t0 and E = max t1 over its rows. A non-test row i is purged when
 * its closed span [t0_i, t1_i] intersects [S, E], i.e. t0_i <= E and t1_i >= S. Both intervals are CLOSED, so
 * touching boundaries are purged:
 *   - t1_i == S (a training label becomes known exactly when the test period starts) -> purged;
 *   - t0_i == E (a training label starts exactly when the last test label becomes known) -> purged.
 * Touching labels share the price at that instant (one ends where the other starts), so their returns are not
 * independent. This follows the book's snippet 7.1 (getTrainTimes, `<=` on both sides), mlfinlab's
 * `ml_get_train_times` and timeseriescv (`eval_time < test start` kept on the left, `pred_time <= end + embargo`
 * dropped on the right). The book's snippet 7.3 (PurgedKFold.split) instead keeps both touching rows
 * (`t1 <= t0_test` on the left, `searchsorted` on the right); skfolio purges a fixed number of rows, not time spans.
 *
 * Embargo (only after the test fold, as in the book). With the fraction `embargo`, h = floor(rows * embargo) (the
 * book's `int(X.shape[0] * pctEmbargo)`) and the first h rows whose t0 > E are embargoed, as the book's
 * `indices[maxT1Idx + mbrg:]`. With `embargoMs`, rows with E < t0 <= E + embargoMs are embargoed.
 */
export function purgedKFold(options: PurgedKFoldOptions): PurgedFold[] {
  const { t0, t1, k } = options;
  const embargo = options.embargo ?? 0;
  const embargoMs = options.embargoMs ?? 0;
  const n = validate(t0, t1, k, embargo, embargoMs);
  const embargoRows = Math.floor(n * embargo);

  const folds: PurgedFold[] = [];
  const base = Math.floor(n / k);
  const extra = n % k;
  let start = 0;
  for (let f = 0; f < k; f++) {
    const end = start + base + (f < extra ? 1 : 0); // test = [start, end)
    const spanStart = t0[start] as number;
    let spanEnd = Number.NEGATIVE_INFINITY;
    for (let i = start; i < end; i++) spanEnd = Math.max(spanEnd, t1[i] as number);

    const train: number[] = [];
    const purged: number[] = [];
    const embargoed: number[] = [];
    let embargoLeft = embargoRows;
    for (let i = 0; i < n; i++) {
      if (i >= start && i < end) continue;
      const a = t0[i] as number;
      const b = t1[i] as number;
      if (a <= spanEnd && b >= spanStart) {
        purged.push(i);
      } else if (a > spanEnd && embargoMs > 0 && a <= spanEnd + embargoMs) {
        embargoed.push(i);
      } else if (a > spanEnd && embargoLeft > 0) {
        // Rows are sorted by t0, so these are the first h rows after the purged region.
        embargoed.push(i);
        embargoLeft--;
      } else {
        train.push(i);
      }
    }
    const test = new Int32Array(end - start);
    for (let i = start; i < end; i++) test[i - start] = i;
    folds.push({
      test,
      train: Int32Array.from(train),
      purged: Int32Array.from(purged),
      embargoed: Int32Array.from(embargoed),
    });
    start = end;
  }
  return folds;
}

function validate(t0: Float64Array, t1: Float64Array, k: number, embargo: number, embargoMs: number): number {
  const what = 'purgedKFold';
  const n = t0.length;
  if (t1.length !== n) {
    throw new EvaluationError('LENGTH_MISMATCH', `${what}: t0 has ${n} values but t1 has ${t1.length}`);
  }
  if (!Number.isInteger(k) || k < 2) {
    throw new EvaluationError('INVALID_ARGUMENT', `${what}: k is ${k}; it must be an integer >= 2`);
  }
  if (k > n) throw new EvaluationError('INVALID_ARGUMENT', `${what}: k = ${k} folds need at least ${k} rows, got ${n}`);
  if (!(embargo >= 0 && embargo < 1)) {
    throw new EvaluationError('INVALID_ARGUMENT', `${what}: embargo is ${embargo}; it is a fraction of rows in [0, 1)`);
  }
  if (!(embargoMs >= 0 && Number.isFinite(embargoMs))) {
    throw new EvaluationError(
      'INVALID_ARGUMENT',
      `${what}: embargoMs is ${embargoMs}; it must be a finite duration >= 0`,
    );
  }
  if (embargo > 0 && embargoMs > 0) {
    throw new EvaluationError(
      'INVALID_ARGUMENT',
      `${what}: give either embargo (fraction of rows) or embargoMs, not both`,
    );
  }
  for (let i = 0; i < n; i++) {
    const a = t0[i] as number;
    const b = t1[i] as number;
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new EvaluationError('NON_FINITE', `${what}: row ${i} has t0 = ${a}, t1 = ${b}; times must be finite`);
    }
    if (b < a) {
      throw new EvaluationError(
        'INVALID_ARGUMENT',
        `${what}: row ${i} has t1 = ${b} before t0 = ${a}; a label is known after it starts`,
      );
    }
    if (i > 0 && a < (t0[i - 1] as number)) {
      throw new EvaluationError(
        'NOT_SORTED',
        `${what}: t0[${i}] = ${a} is before t0[${i - 1}] = ${t0[i - 1]}; sort the rows by t0 before splitting`,
      );
    }
  }
  return n;
}
