import { choleskySolve } from './linalg.ts';

/** Rows in the Hessian subsample on large data (see fitLogistic). */
const HESSIAN_SUBSAMPLE = 20_000;

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
 * definite, so each step solves it by Cholesky. Stops when max |grad f| / (C n) <= tol. With more
 * than 80,000 rows the Hessian is computed on a systematic subsample of 20,000 rows (see below).
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
  if (fitIntercept) {
    // Start from the intercept-only optimum of the unpenalized loss: logit of the positive rate.
    let positives = 0;
    for (let i = 0; i < rows; i++) positives += y[i]!;
    const rate = Math.min(Math.max(positives / rows, 1e-12), 1 - 1e-12);
    theta[cols] = Math.log(rate / (1 - rate));
  }
  let f = objective(theta);
  let iterations = 0;
  let gradientMaxAbs = Number.POSITIVE_INFINITY;
  let converged = false;
  const grad = new Float64Array(d);
  const hess = new Float64Array(d * d);
  const r = new Float64Array(rows);
  const h = new Float64Array(rows);
  const subsampleStep = Math.floor(rows / HESSIAN_SUBSAMPLE);
  let useSubsample = subsampleStep >= 4;
  let previousGradient = 0;
  for (;;) {
    // Gradient at theta (z holds the current margins): X'r + penalty, r_i = C (p_i - y_i).
    grad.fill(0);
    for (let i = 0; i < rows; i++) {
      const p = sigmoid(z[i]!);
      r[i] = C * (p - y[i]!);
      h[i] = C * p * (1 - p);
    }
    for (let i = 0; i < rows; i++) {
      const ri = r[i]!;
      const base = i * cols;
      for (let j = 0; j < cols; j++) grad[j]! += ri * x[base + j]!;
      if (fitIntercept) grad[cols]! += ri;
    }
    for (let j = 0; j < cols; j++) grad[j]! += theta[j]!;
    gradientMaxAbs = 0;
    for (let a = 0; a < d; a++) gradientMaxAbs = Math.max(gradientMaxAbs, Math.abs(grad[a]!) / scale);
    if (gradientMaxAbs <= tol) {
      converged = true;
      break;
    }
    if (iterations >= maxIter) break;
    iterations++;
    // On large data the Hessian comes from a systematic subsample (every step-th row, rescaled):
    // the gradient and the stopping rule stay exact, so the optimum is the same; only the step is
    // approximate (linear instead of quadratic convergence, each step ~step times cheaper). When a
    // step shrinks the gradient by less than half, the full Hessian is used from then on.
    if (useSubsample && previousGradient > 0 && gradientMaxAbs > 0.5 * previousGradient) useSubsample = false;
    previousGradient = gradientMaxAbs;
    if (useSubsample) {
      const sampled = Math.ceil(rows / subsampleStep);
      weightedGram(x, rows, cols, h, fitIntercept, hess, subsampleStep, rows / sampled);
    } else weightedGram(x, rows, cols, h, fitIntercept, hess);
    for (let j = 0; j < cols; j++) hess[j * d + j]! += 1;
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

/**
 * Lower triangle of s * X_S'diag(h)X_S into `out` (d x d; a ones column last when `intercept`),
 * over the rows S = {0, step, 2 step, ...} (step 1: all rows; s = scale). Rows are taken four at
 * a time so each entry is loaded and stored once per four rows.
 */
export function weightedGram(
  x: Float64Array,
  rows: number,
  cols: number,
  h: Float64Array,
  intercept: boolean,
  out: Float64Array,
  step = 1,
  scale = 1,
) {
  const d = intercept ? cols + 1 : cols;
  out.fill(0);
  let i = 0;
  for (; i + 3 * step < rows; i += 4 * step) {
    const b0 = i * cols;
    const b1 = b0 + step * cols;
    const b2 = b1 + step * cols;
    const b3 = b2 + step * cols;
    const h0 = h[i]!;
    const h1 = h[i + step]!;
    const h2 = h[i + 2 * step]!;
    const h3 = h[i + 3 * step]!;
    for (let a = 0; a < cols; a++) {
      const c0 = h0 * x[b0 + a]!;
      const c1 = h1 * x[b1 + a]!;
      const c2 = h2 * x[b2 + a]!;
      const c3 = h3 * x[b3 + a]!;
      const rowA = a * d;
      for (let b = 0; b <= a; b++) {
        out[rowA + b]! += c0 * x[b0 + b]! + c1 * x[b1 + b]! + c2 * x[b2 + b]! + c3 * x[b3 + b]!;
      }
    }
    if (intercept) {
      const rowA = cols * d;
      for (let b = 0; b < cols; b++)
        out[rowA + b]! += h0 * x[b0 + b]! + h1 * x[b1 + b]! + h2 * x[b2 + b]! + h3 * x[b3 + b]!;
      out[rowA + cols]! += h0 + h1 + h2 + h3;
    }
  }
  for (; i < rows; i += step) {
    const b0 = i * cols;
    const h0 = h[i]!;
    for (let a = 0; a < cols; a++) {
      const c0 = h0 * x[b0 + a]!;
      const rowA = a * d;
      for (let b = 0; b <= a; b++) out[rowA + b]! += c0 * x[b0 + b]!;
    }
    if (intercept) {
      const rowA = cols * d;
      for (let b = 0; b < cols; b++) out[rowA + b]! += h0 * x[b0 + b]!;
      out[rowA + cols]! += h0;
    }
  }
  if (scale !== 1) for (let k = 0; k < out.length; k++) out[k]! *= scale;
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
