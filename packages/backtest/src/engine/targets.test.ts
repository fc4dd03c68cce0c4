import { describe, expect, it } from 'vitest';
import { selectFirst } from './targets.ts';

// A small deterministic generator (mulberry32), so a failure reproduces.
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('selectFirst (the top-k partial selection)', () => {
  it('picks exactly the names a full sort puts first and last, ties by symbol order', () => {
    const rnd = random(7);
    for (let trial = 0; trial < 300; trial++) {
      const m = 1 + Math.floor(rnd() * 60);
      // Few distinct values, so ties are common; some infinities.
      const signal = Float64Array.from({ length: m }, () =>
        rnd() < 0.05 ? Number.POSITIVE_INFINITY : Math.floor(rnd() * 6),
      );
      const before = (a: number, b: number) => {
        const d = signal[b]! - signal[a]!;
        return d < 0 || ((d === 0 || Number.isNaN(d)) && a < b);
      };
      const sorted = Array.from({ length: m }, (_, i) => i).sort((a, b) => signal[b]! - signal[a]! || a - b);
      const nLong = Math.floor(rnd() * (m + 1));
      const nShort = Math.min(Math.floor(rnd() * (m + 1)), m - nLong);
      const idx = Int32Array.from({ length: m }, (_, i) => i);
      // Shuffled start, as the eligible names come in any order.
      for (let i = m - 1; i > 0; i--) {
        const j = Math.floor(rnd() * (i + 1));
        [idx[i], idx[j]] = [idx[j]!, idx[i]!];
      }
      if (nLong > 0 && nLong < m) selectFirst(idx, 0, m, nLong, before);
      if (nShort > 0 && m - nShort > nLong) selectFirst(idx, nLong, m, m - nShort, before);
      const top = [...idx.subarray(0, nLong)].sort((a, b) => a - b);
      const bottom = [...idx.subarray(m - nShort)].sort((a, b) => a - b);
      expect(top).toEqual(sorted.slice(0, nLong).sort((a, b) => a - b));
      expect(bottom).toEqual(sorted.slice(m - nShort).sort((a, b) => a - b));
      expect([...idx].sort((a, b) => a - b)).toEqual(Array.from({ length: m }, (_, i) => i));
    }
  });
});
