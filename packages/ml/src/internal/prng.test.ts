import { describe, expect, it } from 'vitest';
import { loadFixture } from '../test-support/fixtures.ts';
import { createRng, xoshiro128ss } from './prng.ts';

const fx = loadFixture<{ xoshiro128ss: { state: [number, number, number, number]; outputs: number[] }[] }>('prng.json');

describe('xoshiro128**', () => {
  it('matches an independent Python transcription of the reference C code', () => {
    for (const { state, outputs } of fx.xoshiro128ss) {
      const rng = xoshiro128ss(state);
      expect(outputs.map(() => rng.nextUint32())).toEqual(outputs);
    }
  });

  it('starts 11520, 0, 5927040 from state (1, 2, 3, 4) (hand-stepped)', () => {
    const rng = xoshiro128ss([1, 2, 3, 4]);
    expect([rng.nextUint32(), rng.nextUint32(), rng.nextUint32()]).toEqual([11520, 0, 5927040]);
  });

  it('createRng: same (seed, stream) same sequence; other seeds and streams differ', () => {
    const draw = (seed: number, stream: number) => {
      const rng = createRng(seed, stream);
      return Array.from({ length: 8 }, () => rng.nextUint32());
    };
    expect(draw(42, 0)).toEqual(draw(42, 0));
    expect(draw(42, 1)).not.toEqual(draw(42, 0));
    expect(draw(43, 0)).not.toEqual(draw(42, 0));
    expect(draw(2 ** 32 + 42, 0)).not.toEqual(draw(42, 0));
  });

  it('nextFloat lies in [0, 1) with mean 1/2 and nextInt(10) is uniform (chi-square, 9 df, p > 0.001)', () => {
    const rng = createRng(7);
    let sum = 0;
    const n = 100_000;
    const counts = new Array(10).fill(0);
    for (let i = 0; i < n; i++) {
      const u = rng.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      counts[rng.nextInt(10)]++;
    }
    // Standard error of the mean of U(0,1) over 1e5 draws is 0.00091: 5 sigma.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.0046);
    const chi2 = counts.reduce((s, c) => s + (c - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88);
  });
});
