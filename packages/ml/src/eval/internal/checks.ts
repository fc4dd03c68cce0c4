import { EvaluationError } from '../errors.ts';

/** Throws unless both arrays are non-empty and of equal length; returns that length. */
export function assertSameLength(
  what: string,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  names: [string, string],
): number {
  if (a.length !== b.length) {
    throw new EvaluationError(
      'LENGTH_MISMATCH',
      `${what}: ${names[0]} has ${a.length} values but ${names[1]} has ${b.length}; they must align row by row`,
    );
  }
  if (a.length === 0) throw new EvaluationError('EMPTY_INPUT', `${what}: no rows to evaluate`);
  return a.length;
}

/** Throws unless every value is a finite number. */
export function assertFinite(what: string, name: string, values: ArrayLike<number>): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      throw new EvaluationError(
        'NON_FINITE',
        `${what}: ${name}[${i}] is ${values[i]}; every value must be a finite number`,
      );
    }
  }
}

/** Throws unless every label is exactly 0 or 1. */
export function assertBinaryLabels(what: string, y: ArrayLike<number>): void {
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v !== 0 && v !== 1) {
      throw new EvaluationError('INVALID_LABEL', `${what}: y[${i}] is ${v}; binary labels must be 0 or 1`);
    }
  }
}
