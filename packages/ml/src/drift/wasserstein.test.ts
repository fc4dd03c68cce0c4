import { describe, expect, it } from 'vitest';
import { DriftError } from './errors.ts';
import { errorCode, expectClose, readDriftFixture, type SamplePair } from './internal/test-support.ts';
import { normedWasserstein, wassersteinDistance } from './wasserstein.ts';

// scipy 1.10 wasserstein_distance, and that divided by max(np.std(a), 0.001) (fixtures/make_fixtures.py).
const fixture = readDriftFixture<{ pairs: SamplePair[] }>();

describe('wassersteinDistance', () => {
  it.each(fixture.pairs.map((p) => [p.name, p] as const))('matches scipy wasserstein_distance on %s', (_n, p) => {
    expectClose(wassersteinDistance(p.a, p.b), p.wasserstein);
    expectClose(wassersteinDistance(p.b, p.a), p.wasserstein);
  });

  it('computes hand-checked cases', () => {
    expect(wassersteinDistance([0], [1])).toBe(1);
    expect(wassersteinDistance([3, 1, 2], [1, 2, 3])).toBe(0);
    // A shift by 5 moves every unit of mass 5.
    expect(wassersteinDistance([0, 1, 3], [5, 6, 8])).toBe(5);
    // Half the mass moves from 0 to 2: 1/2 * 2.
    expect(wassersteinDistance([0, 0], [0, 2])).toBe(1);
  });

  it('rejects empty and non-finite samples', () => {
    expect(errorCode(() => wassersteinDistance([], [1]), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => wassersteinDistance([1], [Number.POSITIVE_INFINITY]), DriftError)).toBe('NON_FINITE');
  });
});

describe('normedWasserstein (Evidently)', () => {
  it.each(fixture.pairs.map((p) => [p.name, p] as const))('matches distance / np.std(ref) on %s', (_n, p) => {
    expectClose(normedWasserstein(p.a, p.b), p.normedWasserstein);
  });

  it('norms by max(std, 0.001) and by a given reference std', () => {
    // Constant reference: std 0, the floor 0.001 applies.
    expectClose(normedWasserstein([1, 1], [1.001, 1.001]), 1, 1e-9);
    // Reference 0, 2 has population std 1.
    expect(normedWasserstein([0, 2], [1, 3])).toBe(1);
    expect(normedWasserstein([0, 2], [1, 3], 4)).toBe(0.25);
    expect(errorCode(() => normedWasserstein([0], [1], Number.NaN), DriftError)).toBe('INVALID_OPTION');
  });
});
