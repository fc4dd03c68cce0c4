import { MlError } from './errors.ts';

/**
 * Row-major dense matrix: element (i, j) is `data[i * cols + j]`. NaN and ±Infinity are allowed on
 * input to `train`/`predict`; they are imputed by the documented missing-value rule (see README).
 */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Builds a `Matrix` from an array of equally long rows (copying). Throws BAD_INPUT on ragged rows. */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new MlError('BAD_INPUT', `row ${i} has ${row.length} values; row 0 has ${cols}`);
    }
    data.set(row, i * cols);
  });
  return { rows: rows.length, cols, data };
}

/** Throws BAD_INPUT unless `m` is a well-formed matrix (integer shape, data length rows * cols). */
export function assertMatrix(m: Matrix, what: string): void {
  if (!Number.isSafeInteger(m.rows) || !Number.isSafeInteger(m.cols) || m.rows < 0 || m.cols < 0) {
    throw new MlError('BAD_INPUT', `${what}: rows and cols must be non-negative integers (got ${m.rows} x ${m.cols})`);
  }
  if (!(m.data instanceof Float64Array) || m.data.length !== m.rows * m.cols) {
    throw new MlError(
      'BAD_INPUT',
      `${what}: data must be a Float64Array of rows * cols = ${m.rows * m.cols} values (got ${m.data?.length})`,
    );
  }
}
