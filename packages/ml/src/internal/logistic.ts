import { choleskySolve } from './linalg.ts';

export interface LogisticFit {
  intercept: number;
  coefficients: number[];
  /** Newton iterations taken. */
  iterations: number;
  /** Whether the gradient criterion was met within maxIter (recorded, never silent). */
  converged: boolean;
  /** Final max |gradient| on scikit-learn's scale: of (sum log loss + ||w||^2 / (2C)) / n. */
  gradientMaxAbs: number;
}

/**
 * L2-penalized binary logistic regression: minimizes f(w, b) = 0.5 ||w||^2 + C * sum_i logloss(y_i, b + x_i w)
 * (scikit-learn's objective; the intercept b is not penalized) by Newton's method (IRLS) with a
 * backtracking Armijo line search. Hessian C X'diag(p(1-p))X + diag(1, .., 1, 0) is positive
 * definite, so each step solves it by Cholesky. Stops when max |grad f| / (C n) <= tol.
 */
export function fitLogistic(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  opts: { C: number; maxIter: number; tol: number; fitIntercept: boolean },
): LogisticFit {
  const { C, maxIter, tol, fitIntercept } = opts;
  // Parameters theta = [w_0 .. w_{p-1}, b]; b stays 0 without an intercept (dimension d = p).
  const d = fitIntercept ? cols + 1 : cols;
  const theta = new Float64Array(d);
  const z = new Float64Array(rows);
  const scale = C * rows;
  let f = objective(theta);
  let iterations = 0;
  let gradientMaxAbs = Number.POSITIVE_INFINITY;
  let converged = false;
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const row = new Float64Array(d);
  for (;;) {
    // Gradient and Hessian at theta (z holds the current margins).
    grad.fill(0);
    hess.fill(0);
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(z[i]!);
      const g = C * (p - y[i]!);
      const h = C * p * (1 - p);
      const base = i * cols;
      for (let j = 0; j < cols; j++) row[j] = x[base + j]!;
      if (fitIntercept) row[cols] = 1;
      for (let a = 0; a < d; a++) {
        const ra = row[a]!;
        grad[a]! += g * ra;
        const hra = h * ra;
        const rowA = a * d;
        for (let b = 0; b <= a; b++) hess[rowA + b]! += hra * row[b]!;
      }
    }
    for (let j = 0; j < cols; j++) {
      grad[j]! += theta[j]!;
      hess[j * d + j]! += 1;
    }
    gradientMaxAbs = 0;
    for (let a = 0; a < d; a++) gradientMaxAbs = Math.max(gradientMaxAbs, Math.abs(grad[a]!) / scale);
    if (gradientMaxAbs <= tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIter) break;
    iterations++;
    const neg = grad.map((g) => -g);
    let step = choleskySolve(hess, neg, d);
    if (step === null) {
      // Only the unpenalized intercept direction can lose definiteness (all p(1-p) underflowed).
      for (let a = 0; a < d; a++) hess[a * d + a]! += 1e-10 * (1 + hess[a * d + a]!);
      step = choleskySolve(hess, neg, d) ?? neg;
    }
    let slope = 0;
    for (let a = 0; a < d; a++) slope += grad[a]! * step[a]!;
    const start = theta.slice();
    let t = 1;
    let accepted = false;
    for (let k = 0; k < 60; k++) {
      for (let a = 0; a < d; a++) theta[a] = start[a]! + t * step[a]!;
      const fNew = objective(theta);
      // Near the optimum f changes by less than its rounding error: a full Newton step is then taken
      // as is (it still shrinks the gradient quadratically).
      const withinRounding = k === 0 && fNew <= f + 1e-14 * Math.abs(f);
      if (fNew <= f + 1e-4 * t * slope || withinRounding) {
        f = fNew;
        accepted = true;
        break;
      }
      t /= 2;
    }
    if (!accepted) {
      // No decrease representable in floating point: theta is optimal to working precision.
      theta.set(start);
      f = objective(theta);
      break;
    }
  }
  return {
    intercept: fitIntercept ? theta[cols]! : 0,
    coefficients: Array.from(theta.subarray(0, cols)),
    iterations,
    converged,
    gradientMaxAbs,
  };

  /** f(theta); also leaves the margins b + x_i w in z. */
  function objective(t: Float64Array): number {
    const b = fitIntercept ? t[cols]! : 0;
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      let m = b;
      const base = i * cols;
      for (let j = 0; j < cols; j++) m += x[base + j]! * t[j]!;
      z[i] = m;
      loss += logLoss(y[i]!, m);
    }
    let penalty = 0;
    for (let j = 0; j < cols; j++) penalty += t[j]! * t[j]!;
    return 0.5 * penalty + C * loss;
  }
}

/** Logistic function 1 / (1 + e^-z), evaluated without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** -[y log s(m) + (1 - y) log(1 - s(m))] = log(1 + e^m) - y m, computed stably. */
function logLoss(y: number, m: number): number {
  const softplus = m > 0 ? m + Math.log1p(Math.exp(-m)) : Math.log1p(Math.exp(m));
  return softplus - y * m;
}
