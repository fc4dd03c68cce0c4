import { describe, expect, it } from 'vitest';
import { readFixture } from './internal/test-support.ts';
import { createPrng, shuffleInPlace, splitMix64 } from './prng.ts';

const reference = readFixture<{ splitmix64Seed0First: string; xoshiro128ss: Record<string, number[]> }>('prng.json');

describe('createPrng (xoshiro128** seeded by SplitMix64)', () => {
  it("reproduces SplitMix64's published first output for state 0", () => {
    expect(splitMix64(0n).value).toBe(0xe220a8397b1dcdafn);
    expect(reference.splitmix64Seed0First).toBe('e220a8397b1dcdaf');
  });

  it.each(Object.entries(reference.xoshiro128ss))(
    'matches the independent Python implementation for seed %s',
    (seed, expected) => {
      const prng = createPrng(Number(seed));
      expect(Array.from({ length: expected.length }, () => prng.nextUint32())).toEqual(expected);
    },
  );

  it('spreads floats evenly over [0, 1) (chi-square over 10 bins below the 0.1% critical value)', () => {
    const prng = createPrng(42);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = prng.nextFloat();
      if (!(u >= 0 && u < 1)) outside++;
      else bins[Math.floor(u * 10)]! += 1;
    }
    expect(outside).toBe(0);
    const chi2 = bins.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });

  it('shuffles into a permutation, deterministically per seed', () => {
    const a = Float64Array.from({ length: 50 }, (_, i) => i);
    const b = Float64Array.from(a);
    const c = Float64Array.from(a);
    shuffleInPlace(a, createPrng(1));
    shuffleInPlace(b, createPrng(1));
    shuffleInPlace(c, createPrng(2));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect([...a]).toEqual([...b]);
    expect([...a]).not.toEqual([...c]);
    expect([...a]).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createPrng(0.5)).toThrow(/safe integer/);
  });
});
