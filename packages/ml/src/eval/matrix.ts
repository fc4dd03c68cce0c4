/** A dense row-major matrix: element (i, j) is `data[i * cols + j]`. Shared with the trainers. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}
