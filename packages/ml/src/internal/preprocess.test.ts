import { describe, expect, it } from 'vitest';
import { binFeatures, QUANTILE_SAMPLE } from './binning.ts';
import { medianInPlace } from './impute.ts';
import { createRng } from './prng.ts';

describe('medianInPlace (quickselect)', () => {
  it('equals the sort-based median on random arrays of odd and even length, with duplicates', () => {
    const rng = createRng(3);
    for (let trial = 0; trial < 200; trial++) {
      const n = 1 + rng.nextInt(40);
      const a = Float64Array.from({ length: n }, () => rng.nextInt(7) - 3 + (trial % 2 ? rng.nextFloat() : 0));
      const sorted = Array.from(a).sort((x, y) => x - y);
      const expected = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
      expect(medianInPlace(a)).toBe(expected);
    }
  });
});

describe('binFeatures', () => {
  it('few distinct values: one bin per value, edges at midpoints, bins ordered like the values', () => {
    const x = Float64Array.from([3, 1, 2, 1, 10]);
    const b = binFeatures(x, 5, 1, 255);
    expect(Array.from(b.values[0]!)).toEqual([1, 2, 3, 10]);
    expect(Array.from(b.edges[0]!)).toEqual([1.5, 2.5, 6.5]);
    expect(Array.from(b.bins[0]!)).toEqual([2, 0, 1, 0, 3]);
  });

  it('many distinct values: at most maxBins bins, roughly equal counts, and v <= edge[a] <=> bin <= a', () => {
    const rows = 3 * QUANTILE_SAMPLE;
    const rng = createRng(11);
    const x = Float64Array.from({ length: rows }, () => rng.nextFloat() ** 3);
    const maxBins = 64;
    const b = binFeatures(x, rows, 1, maxBins);
    expect(b.values[0]).toBeNull();
    expect(b.nBins[0]).toBeLessThanOrEqual(maxBins);
    expect(b.nBins[0]).toBeGreaterThan(maxBins - 3);
    const edges = b.edges[0]!;
    const counts = new Array(b.nBins[0]).fill(0);
    for (let i = 0; i < rows; i++) {
      const bin = b.bins[0]![i]!;
      counts[bin]++;
      if (bin > 0) expect(x[i]! > edges[bin - 1]!).toBe(true);
      if (bin < edges.length) expect(x[i]! <= edges[bin]!).toBe(true);
    }
    // Quantiles from a 1-in-3 sample: every bin within 25% of n / maxBins.
    for (const c of counts) expect(Math.abs(c - rows / maxBins)).toBeLessThan(0.25 * (rows / maxBins));
  });
});
