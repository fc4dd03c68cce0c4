import { readFileSync } from 'node:fs';
import { errorCode, expectClose as expectCloseTo } from '../../eval/internal/test-support.ts';

/**
 * Reads fixtures/drift.json, written by fixtures/make_fixtures.py with numpy/scipy. Regenerate with
 * `cd packages/ml/src/drift/fixtures && /usr/bin/python3 make_fixtures.py`.
 */
export function readDriftFixture<T>(): T {
  return JSON.parse(readFileSync(new URL('../fixtures/drift.json', import.meta.url), 'utf8')) as T;
}

/** As the evaluation tests' expectClose, at a default relative tolerance of 1e-9 (scipy's own precision here). */
export function expectClose(actual: number | null | undefined, expected: number, rel = 1e-9): void {
  expectCloseTo(actual, expected, rel);
}

export { errorCode };

export interface SamplePair {
  name: string;
  a: number[];
  b: number[];
  ks: Partial<Record<'auto' | 'exact' | 'asymp', { statistic: number; pvalue: number }>>;
  wasserstein: number;
  normedWasserstein: number;
}
