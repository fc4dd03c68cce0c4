import { describe, expect, it } from 'vitest';
import { PERMUTATION_MAX_ROWS, sampleRows } from './evaluate.ts';

describe('permutation importance sample', () => {
  it('scores every TEST row up to the cap, and a seeded, ascending, duplicate-free sample above it', () => {
    expect(sampleRows(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
    const a = sampleRows(PERMUTATION_MAX_ROWS + 5_000, PERMUTATION_MAX_ROWS, 7);
    expect(a).toHaveLength(PERMUTATION_MAX_ROWS);
    expect(new Set(a).size).toBe(PERMUTATION_MAX_ROWS);
    expect(a.every((v, i) => i === 0 || v > a[i - 1]!)).toBe(true);
    expect(a.at(-1)!).toBeLessThan(PERMUTATION_MAX_ROWS + 5_000);
    expect(sampleRows(PERMUTATION_MAX_ROWS + 5_000, PERMUTATION_MAX_ROWS, 7)).toEqual(a);
    expect(sampleRows(PERMUTATION_MAX_ROWS + 5_000, PERMUTATION_MAX_ROWS, 8)).not.toEqual(a);
  });
});
