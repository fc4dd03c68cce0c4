import { Matrix as MlMatrix, pseudoInverse } from 'ml-matrix';

/**
 * Solves A x = b for a symmetric positive definite A (d x d, row-major; only the lower triangle is
 * read) by Cholesky factorization A = L L'. Returns null when a pivot is not positive relative to
 * the matrix scale (A singular or indefinite to working precision), so the caller can fall back.
 */
export function choleskySolve(a: Float64Array, b: Float64Array, d: number): Float64Array | null {
  const l = new Float64Array(d * d);
  let maxDiag = 0;
  for (let i = 0; i < d; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * d + i]!));
  const floor = maxDiag * d * 2.220446049250313e-16;
  for (let j = 0; j < d; j++) {
    let diag = a[j * d + j]!;
    for (let k = 0; k < j; k++) diag -= l[j * d + k]! ** 2;
    if (!(diag > floor)) return null;
    const ljj = Math.sqrt(diag);
    l[j * d + j] = ljj;
    for (let i = j + 1; i < d; i++) {
      let s = a[i * d + j]!;
      for (let k = 0; k < j; k++) s -= l[i * d + k]! * l[j * d + k]!;
      l[i * d + j] = s / ljj;
    }
  }
  const z = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * d + k]! * z[k]!;
    z[i] = s / l[i * d + i]!;
  }
  const x = new Float64Array(d);
  for (let i = d - 1; i >= 0; i--) {
    let s = z[i]!;
    for (let k = i + 1; k < d; k++) s -= l[k * d + i]! * x[k]!;
    x[i] = s / l[i * d + i]!;
  }
  return x;
}

/**
 * Minimum-norm solution x = pinv(A) b of a symmetric positive semi-definite system through the SVD
 * (ml-matrix), singular values below 1e-12 * d * the largest treated as zero. For A = X'X
 * and b = X'y this is the minimum-norm least-squares solution pinv(X) y (as numpy's lstsq).
 */
export function pseudoInverseSolve(a: Float64Array, b: Float64Array, d: number): Float64Array {
  const rows: number[][] = [];
  for (let i = 0; i < d; i++) {
    const row: number[] = [];
    for (let j = 0; j < d; j++) row.push(i >= j ? a[i * d + j]! : a[j * d + i]!);
    rows.push(row);
  }
  // The Gram matrix squares the condition number of X, so the cutoff is far above rounding noise.
  const pinv = pseudoInverse(new MlMatrix(rows), 1e-12);
  const x = new Float64Array(d);
  for (let i = 0; i < d; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) s += pinv.get(i, j) * b[j]!;
    x[i] = s;
  }
  return x;
}
