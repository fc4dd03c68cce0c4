import { choleskySolve, pseudoInverseSolve } from './linalg.ts';

export interface LinearFit {
  intercept: number;
  coefficients: number[];
  /** 'cholesky' normally; 'pseudoinverse' when the (penalized) Gram matrix was singular. */
  solver: 'cholesky' | 'pseudoinverse';
}

/**
 * Ridge / ordinary least squares in closed form: minimizes ||y - b - X w||^2 + alpha ||w||^2.
 * With an intercept, X and y are centered first (so b is not penalized) and b = mean(y) - mean(X) w.
 * Solves (Xc'Xc + alpha I) w = Xc'yc by Cholesky; when that matrix is singular (collinear features
 * with alpha = 0) the minimum-norm solution through the pseudo-inverse, as scikit-learn's lstsq.
 */
export function fitLinear(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  alpha: number,
  fitIntercept: boolean,
): LinearFit {
  const xMean = new Float64Array(cols);
  let yMean = 0;
  if (fitIntercept) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) xMean[j]! += x[i * cols + j]!;
      yMean += y[i]!;
    }
    for (let j = 0; j < cols; j++) xMean[j]! /= rows;
    yMean /= rows;
  }
  const gram = new Float64Array(cols * cols);
  const rhs = new Float64Array(cols);
  const r = new Float64Array(cols);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let j = 0; j < cols; j++) r[j] = x[base + j]! - xMean[j]!;
    const yi = y[i]! - yMean;
    for (let a = 0; a < cols; a++) {
      const ra = r[a]!;
      rhs[a]! += ra * yi;
      const rowA = a * cols;
      for (let b = 0; b <= a; b++) gram[rowA + b]! += ra * r[b]!;
    }
  }
  for (let a = 0; a < cols; a++) gram[a * cols + a]! += alpha;
  let solver: LinearFit['solver'] = 'cholesky';
  let w = cols === 0 ? new Float64Array(0) : choleskySolve(gram, rhs, cols);
  if (w === null) {
    solver = 'pseudoinverse';
    w = pseudoInverseSolve(gram, rhs, cols);
  }
  let intercept = 0;
  if (fitIntercept) {
    intercept = yMean;
    for (let j = 0; j < cols; j++) intercept -= xMean[j]! * w[j]!;
  }
  return { intercept, coefficients: Array.from(w), solver };
}
