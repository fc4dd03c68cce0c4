import { readFileSync } from 'node:fs';

/** Reads a JSON fixture written by fixtures/make_fixtures.py (tests only). */
export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** |actual − expected| <= tolerance · max(|expected|, floor): a relative check that survives zeros. */
export function relativeError(actual: number, expected: number, floor = Number.MIN_VALUE): number {
  if (actual === expected) return 0;
  return Math.abs(actual - expected) / Math.max(Math.abs(expected), floor);
}

/** A seeded source of standard normal draws (mulberry32 + Box–Muller), for reproducible test data. */
export function seededNormal(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** A T × N matrix of independent N(mean, sd²) draws from `next`. */
export function noiseMatrix(rows: number, columns: number, next: () => number, sd = 0.01, mean = 0): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: columns }, () => mean + sd * next()));
}
