import type { Matrix } from '@alphagraph/ml';

/** The rows of `rows` at `index` (a copy). */
export function takeRows(X: Matrix, index: ArrayLike<number>): Matrix {
  const p = X.cols;
  const data = new Float64Array(index.length * p);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    data.set(X.data.subarray(i * p, i * p + p), k * p);
  }
  return { rows: index.length, cols: p, data };
}

export function take(values: Float64Array, index: ArrayLike<number>): Float64Array {
  const out = new Float64Array(index.length);
  for (let k = 0; k < index.length; k++) out[k] = values[index[k]!]!;
  return out;
}
