import { describe, expect, it } from 'vitest';
import { distinctEdges, PSI_EPSILON, populationStability } from './psi.ts';

describe('population stability index', () => {
  it('matches a hand-computed case', () => {
    // Reference 50/50 around the median, current 80/20:
    // (0.8 - 0.5) ln(0.8 / 0.5) + (0.2 - 0.5) ln(0.2 / 0.5) = 0.141001 + 0.274887 = 0.415888
    const { psi, bins } = populationStability([5.5], [5, 5], [8, 2]);
    expect(psi).toBeCloseTo(0.415888, 6);
    expect(bins).toEqual([
      expect.objectContaining({ lower: null, upper: 5.5, referenceShare: 0.5, currentShare: 0.8 }),
      expect.objectContaining({ lower: 5.5, upper: null, referenceShare: 0.5, currentShare: 0.2 }),
    ]);
    expect(bins[0]!.contribution).toBeCloseTo(0.141001, 6);
  });

  it('gives an empty bin the share epsilon', () => {
    // Reference shares [1, ε], current [0.5, 0.5]:
    // (0.5 - 1) ln(0.5) + (0.5 - 0.0001) ln(0.5 / 0.0001) = 0.3465736 + 4.2577449 = 4.6043185
    expect(PSI_EPSILON).toBe(1e-4);
    expect(populationStability([3], [10, 0], [5, 5]).psi).toBeCloseTo(4.6043185, 6);
  });

  it('is zero for identical distributions and merges repeated edges', () => {
    expect(populationStability([1, 2, 3], [4, 3, 2, 1], [8, 6, 4, 2]).psi).toBe(0);
    expect(distinctEdges([2, 1, 1, Number.NaN, 3])).toEqual([1, 2, 3]);
  });
});
