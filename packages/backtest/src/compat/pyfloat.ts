/**
 * Float helpers that reproduce CPython/pandas arithmetic exactly where backtesting.py's results
 * depend on it (order sizing by floor division, pandas' rolling mean).
 */

/**
 * Python's `a // b` for floats (CPython `float_floor_div`): floor of the exact quotient computed
 * through `fmod`, which can differ from `Math.floor(a / b)` when `a / b` rounds up to an integer.
 */
export function pyFloorDiv(a: number, b: number): number {
  let mod = a % b;
  let div = (a - mod) / b;
  if (mod !== 0) {
    if (b < 0 !== mod < 0) {
      mod += b;
      div -= 1;
    }
  }
  if (div !== 0) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  return 0;
}

/**
 * pandas `Series.rolling(n).mean()` (min_periods = n), reproducing its running Kahan-compensated
 * sum with separate add/remove compensations, so crossings of two averages are decided on the same
 * bits as in pandas. The first `n - 1` values (and any window with fewer than `n` valid values) are
 * NaN.
 */
export function rollingMean(values: ArrayLike<number>, n: number): Float64Array {
  const out = new Float64Array(values.length);
  let nobs = 0;
  let sum = 0;
  let negCount = 0;
  let compAdd = 0;
  let compRemove = 0;
  let sameRun = 0;
  let prev = Number.NaN;
  const add = (v: number): void => {
    if (Number.isNaN(v)) return;
    nobs += 1;
    const y = v - compAdd;
    const t = sum + y;
    compAdd = t - sum - y;
    sum = t;
    if (v < 0 || Object.is(v, -0)) negCount += 1;
    sameRun = v === prev ? sameRun + 1 : 1;
    prev = v;
  };
  const remove = (v: number): void => {
    if (Number.isNaN(v)) return;
    nobs -= 1;
    const y = -v - compRemove;
    const t = sum + y;
    compRemove = t - sum - y;
    sum = t;
    if (v < 0 || Object.is(v, -0)) negCount -= 1;
  };
  for (let i = 0; i < values.length; i++) {
    if (i === 0) {
      prev = values[0]!;
      add(values[0]!);
    } else {
      if (i - n >= 0) remove(values[i - n]!);
      add(values[i]!);
    }
    if (nobs >= n && nobs > 0) {
      let result = sum / nobs;
      if (sameRun >= nobs) result = prev;
      else if (negCount === 0 && result < 0) result = 0;
      else if (negCount === nobs && result > 0) result = 0;
      out[i] = result;
    } else {
      out[i] = Number.NaN;
    }
  }
  return out;
}
