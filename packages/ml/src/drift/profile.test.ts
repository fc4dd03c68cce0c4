import { describe, expect, it } from 'vitest';
import { DriftError } from './errors.ts';
import { quantileLinear } from './internal/sorted.ts';
import { errorCode, expectClose, readDriftFixture } from './internal/test-support.ts';
import { parseProfile, referenceProfile } from './profile.ts';

interface QuantileCase {
  name: string;
  values: number[];
  q: number[];
  expected: number[];
}
interface PsiCase {
  name: string;
  ref: number[];
  bins: number;
  interiorEdges: number[];
  refProportions: number[];
  std: number;
  mean: number;
}

// numpy 1.24 np.quantile / np.unique / np.searchsorted / np.std (fixtures/make_fixtures.py).
const fixture = readDriftFixture<{ quantiles: QuantileCase[]; psi: PsiCase[] }>();

describe('quantileLinear', () => {
  it.each(fixture.quantiles.map((c) => [c.name, c] as const))("matches numpy's linear quantiles on %s", (_n, c) => {
    const sorted = Float64Array.from(c.values).sort();
    c.q.forEach((q, i) => {
      expectClose(quantileLinear(sorted, q), c.expected[i]!, 1e-12);
    });
  });
});

describe('referenceProfile', () => {
  it.each(fixture.psi.map((c) => [c.name, c] as const))('bins, proportions and moments match numpy on %s', (_n, c) => {
    const profile = referenceProfile(c.ref, { bins: c.bins });
    expect(profile.edges[0]).toBeNull();
    expect(profile.edges.at(-1)).toBeNull();
    const interior = profile.edges.slice(1, -1) as number[];
    expect(interior).toHaveLength(c.interiorEdges.length);
    interior.forEach((e, i) => {
      expectClose(e, c.interiorEdges[i]!, 1e-12);
    });
    profile.proportions.forEach((p, i) => {
      expectClose(p, c.refProportions[i]!, 1e-12);
    });
    expectClose(profile.mean, c.mean, 1e-12);
    expectClose(profile.std, c.std, 1e-12);
    expect(profile.count).toBe(c.ref.length);
  });

  it('builds a hand-checked 3-bin profile with left-closed bins and counts missing values apart', () => {
    // Tertiles of 1..6 (numpy linear): h = 5/3 -> 2 + 2/3, h = 10/3 -> 4 + 1/3.
    const profile = referenceProfile([6, 1, Number.NaN, 5, 2, 4, 3, Number.POSITIVE_INFINITY], { bins: 3 });
    expect(profile.count).toBe(6);
    expect(profile.missing).toBe(2);
    expectClose(profile.edges[1] as number, 8 / 3, 1e-15);
    expectClose(profile.edges[2] as number, 13 / 3, 1e-15);
    expect(profile.proportions).toEqual([1 / 3, 1 / 3, 1 / 3]);
    expect(profile.mean).toBe(3.5);
    expectClose(profile.std, Math.sqrt(35 / 12), 1e-15);
    expect(profile.sample).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives a constant reference one edge: an empty bin below it and everything in [c, +Infinity)', () => {
    const profile = referenceProfile([2, 2, 2, 2]);
    expect(profile.edges).toEqual([null, 2, null]);
    expect(profile.proportions).toEqual([0, 1]);
    expect(profile.std).toBe(0);
  });

  it('draws a deterministic sorted sample of sampleSize distinct rows when there are more values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    const a = referenceProfile(values, { sampleSize: 100, seed: 7 });
    expect(a.sample).toHaveLength(100);
    expect(new Set(a.sample).size).toBe(100);
    expect(
      a.sample.every((v, i) => Number.isInteger(v) && v >= 0 && v < 1000 && (i === 0 || v > a.sample[i - 1]!)),
    ).toBe(true);
    expect(referenceProfile(values, { sampleSize: 100, seed: 7 }).sample).toEqual(a.sample);
    expect(referenceProfile(values, { sampleSize: 100, seed: 8 }).sample).not.toEqual(a.sample);
    // Moments and bins still use every value.
    expect(a.count).toBe(1000);
    expect(a.mean).toBe(499.5);
  });

  it('round-trips through JSON (jsonb) and parseProfile', () => {
    const profile = referenceProfile([0.5, -1, 3, 3, 7.25, 10], { bins: 4 });
    const text = JSON.stringify(profile);
    expect(text).not.toMatch(/Infinity|NaN/);
    expect(parseProfile(JSON.parse(text))).toEqual(profile);
  });

  it('rejects empty, all-missing input and bad options', () => {
    expect(errorCode(() => referenceProfile([]), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => referenceProfile([Number.NaN, Number.NaN]), DriftError)).toBe('NO_FINITE_VALUES');
    expect(errorCode(() => referenceProfile([1], { bins: 0 }), DriftError)).toBe('INVALID_OPTION');
    expect(errorCode(() => referenceProfile([1], { bins: 2.5 }), DriftError)).toBe('INVALID_OPTION');
    expect(errorCode(() => referenceProfile([1], { sampleSize: 0 }), DriftError)).toBe('INVALID_OPTION');
    expect(errorCode(() => referenceProfile([1], { seed: -1 }), DriftError)).toBe('INVALID_OPTION');
  });
});

describe('parseProfile', () => {
  const good = JSON.parse(JSON.stringify(referenceProfile([1, 2, 3, 4, 5, 6], { bins: 3 })));
  it.each([
    ['a future version', { ...good, version: 2 }],
    ['an interior null edge', { ...good, edges: [null, null, 4, null] }],
    ['a finite outer edge', { ...good, edges: [0, 8 / 3, 13 / 3, null] }],
    ['decreasing edges', { ...good, edges: [null, 5, 4, null] }],
    ['a proportion per bin missing', { ...good, proportions: [0.5, 0.5] }],
    ['an unsorted sample', { ...good, sample: [2, 1, 3] }],
    ['not an object', 'profile'],
  ])('rejects %s with BAD_PROFILE', (_name, json) => {
    expect(errorCode(() => parseProfile(json), DriftError)).toBe('BAD_PROFILE');
  });
});
