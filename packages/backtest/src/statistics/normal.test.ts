import { describe, expect, it } from 'vitest';
import { normalCdf, normalQuantile, normalSurvival, StatisticsError } from './index.ts';
import { readFixture, relativeError } from './internal/fixtures.ts';

interface NormalFixture {
  cdf: { x: number; cdf: number; sf: number }[];
  quantile: { p: number; z: number }[];
}
const fixture = readFixture<NormalFixture>('normal.json');

/**
 * Relative tolerance at x: exp(−x²/2) turns a rounding of x² into a relative error of about x²/2
 * ulps, so no double-precision Φ does better than that far in the tails (scipy included).
 */
const tolerance = (x: number): number => 4e-16 * Math.max(4, x * x);

describe('normalCdf / normalSurvival', () => {
  it("matches scipy's norm.cdf and norm.sf to ~1e-15 relative (x²·4e-16 in the far tails)", () => {
    for (const { x, cdf, sf } of fixture.cdf) {
      expect(relativeError(normalCdf(x), cdf), `Φ(${x})`).toBeLessThan(tolerance(x));
      expect(relativeError(normalSurvival(x), sf), `1 − Φ(${x})`).toBeLessThan(tolerance(x));
    }
  });

  it('has the textbook values and limits', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 15);
    expect(normalCdf(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(normalCdf(Number.POSITIVE_INFINITY)).toBe(1);
    expect(normalCdf(-40)).toBe(0);
    expect(normalSurvival(10)).toBeGreaterThan(7.6e-24);
    expect(normalSurvival(10)).toBeLessThan(7.7e-24);
  });

  it('is symmetric: Φ(−x) = 1 − Φ(x)', () => {
    for (const x of [0.1, 0.6, 0.7, 1.3, 2.5, 4, 5.6, 5.7]) {
      expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
    }
  });

  it('rejects NaN with a NON_FINITE error', () => {
    expect(() => normalCdf(Number.NaN)).toThrow(StatisticsError);
    expect(() => normalCdf(Number.NaN)).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
});

describe('normalQuantile', () => {
  it("matches scipy's norm.ppf to 1e-15 relative from p = 1e-300 to 1 − 1e-12", () => {
    for (const { p, z } of fixture.quantile) {
      if (z === 0) expect(normalQuantile(p)).toBe(0);
      else expect(relativeError(normalQuantile(p), z), `Φ⁻¹(${p})`).toBeLessThan(1e-15);
    }
  });

  it('inverts normalCdf', () => {
    for (const p of [1e-200, 1e-15, 1e-6, 0.01, 0.3, 0.5, 0.8, 0.99, 0.999999]) {
      const z = normalQuantile(p);
      expect(relativeError(normalCdf(z), p), `Φ(Φ⁻¹(${p}))`).toBeLessThan(tolerance(z));
    }
  });

  it('maps 0 and 1 to the infinities and rejects probabilities outside [0, 1]', () => {
    expect(normalQuantile(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(normalQuantile(1)).toBe(Number.POSITIVE_INFINITY);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(() => normalQuantile(1.5)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => normalQuantile(-0.1)).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => normalQuantile(Number.NaN)).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
});
