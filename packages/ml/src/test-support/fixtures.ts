import { readFileSync } from 'node:fs';
import type { Matrix } from '../matrix.ts';
import { matrixFromRows } from '../matrix.ts';

/** Reads packages/ml/fixtures/<name> (written by fixtures/make_fixtures.py with scikit-learn). */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

export function m(rows: number[][]): Matrix {
  return matrixFromRows(rows);
}

export function f64(values: readonly number[]): Float64Array {
  return Float64Array.from(values);
}

export function names(p: number): string[] {
  return Array.from({ length: p }, (_, j) => `f${j}`);
}

/** ROC AUC as the Mann-Whitney statistic: P(score of a positive > score of a negative), ties count 1/2. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  // Average ranks over ties.
  const rank = new Float64Array(labels.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && scores[order[j + 1]!] === scores[order[i]!]) j++;
    for (let k = i; k <= j; k++) rank[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      positives++;
      rankSum += rank[i]!;
    }
  }
  const negatives = labels.length - positives;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Coefficient of determination 1 - SS_res / SS_tot. */
export function r2(y: ArrayLike<number>, yHat: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i]!;
  mean /= y.length;
  let res = 0;
  let tot = 0;
  for (let i = 0; i < y.length; i++) {
    res += (y[i]! - yHat[i]!) ** 2;
    tot += (y[i]! - mean) ** 2;
  }
  return 1 - res / tot;
}

/** |a - b| <= rel * max(|a|, |b|) + abs, element-wise; returns the first offending index or -1. */
export function firstMismatch(a: ArrayLike<number>, b: ArrayLike<number>, rel: number, abs = 0): number {
  if (a.length !== b.length) return 0;
  for (let i = 0; i < a.length; i++) {
    if (!(Math.abs(a[i]! - b[i]!) <= rel * Math.max(Math.abs(a[i]!), Math.abs(b[i]!)) + abs)) return i;
  }
  return -1;
}
