import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/**
 * Reads fixtures/drift.json, written by fixtures/make_fixtures.py with numpy/scipy. Regenerate with
 * `cd packages/ml/src/drift/fixtures && /usr/bin/python3 make_fixtures.py`.
 */
export function readDriftFixture<T>(): T {
  return JSON.parse(readFileSync(new URL('../fixtures/drift.json', import.meta.url), 'utf8')) as T;
}

/** Expects |actual - expected| <= rel * |expected| (absolute rel when expected is 0). */
export function expectClose(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expect(actual).not.toBeNull();
  expect(actual).not.toBeUndefined();
  const tolerance = rel * Math.max(Math.abs(expected), expected === 0 ? 1 : 0);
  expect(Math.abs((actual as number) - expected), `actual ${actual} vs expected ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

/** Runs f and returns the code of the error it throws ('no error' when it returns), checking the error's class. */
export function errorCode(f: () => unknown, errorClass: new (...args: never[]) => Error & { code: string }): string {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(errorClass);
    return (e as { code: string }).code;
  }
  return 'no error';
}

export interface SamplePair {
  name: string;
  a: number[];
  b: number[];
  ks: Partial<Record<'auto' | 'exact' | 'asymp', { statistic: number; pvalue: number }>>;
  wasserstein: number;
  normedWasserstein: number;
}
