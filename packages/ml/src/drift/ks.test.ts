import { describe, expect, it } from 'vitest';
import { DriftError } from './errors.ts';
import { kolmogorovSf } from './internal/kolmogorov.ts';
import { errorCode, expectClose, readDriftFixture, type SamplePair } from './internal/test-support.ts';
import { ks2samp } from './ks.ts';

// Reference values: scipy 1.10 ks_2samp / kstwo.sf (fixtures/make_fixtures.py; see test-support for the command).
const fixture = readDriftFixture<{ pairs: SamplePair[]; kstwo: { n: number; x: number; sf: number }[] }>();

describe('ks2samp', () => {
  const cases = fixture.pairs.flatMap((p) =>
    (['auto', 'exact', 'asymp'] as const).flatMap((method) => {
      const expected = p.ks[method];
      return expected ? [[`${p.name}, method ${method}`, p, method, expected] as const] : [];
    }),
  );
  it.each(cases)('matches scipy ks_2samp on %s', (_name, p, method, expected) => {
    const r = ks2samp(p.a, p.b, { method });
    expectClose(r.statistic, expected.statistic, 1e-12);
    expectClose(r.pValue, expected.pvalue, 1e-6);
    // The test is symmetric in its two samples.
    expectClose(ks2samp(p.b, p.a, { method }).pValue, expected.pvalue, 1e-6);
  });

  it('picks exact up to 10,000 values per sample and asymptotic above, as scipy does', () => {
    const big = fixture.pairs.find((p) => p.a.length > 10000)!;
    expect(ks2samp(big.a, big.b).method).toBe('asymp');
    expect(ks2samp(big.a.slice(0, 10000), big.b).method).toBe('exact');
  });

  it('gives D 0 and p 1 for identical samples and D 1 for disjoint ones', () => {
    const same = ks2samp([3, 1, 2, 5, 4], [1, 2, 3, 4, 5]);
    expect(same.statistic).toBe(0);
    expect(same.pValue).toBe(1);
    // Disjoint, n = m = 3: only the 2 of C(6, 3) = 20 orderings that separate the samples reach D = 1.
    const apart = ks2samp([1, 2, 3], [10, 11, 12]);
    expect(apart.statistic).toBe(1);
    expectClose(apart.pValue, 2 / 20, 1e-12);
  });

  it('rejects empty and non-finite samples', () => {
    expect(errorCode(() => ks2samp([], [1]), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => ks2samp([1], []), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => ks2samp([1, Number.NaN], [1]), DriftError)).toBe('NON_FINITE');
  });
});

describe('kolmogorovSf (the asymptotic p-value)', () => {
  it.each(fixture.kstwo.map((c) => [c.n, c.x, c] as const))('matches scipy kstwo.sf at n=%i, x=%f', (_n, _x, c) => {
    expectClose(kolmogorovSf(c.n, c.x), c.sf, 1e-6);
  });
});
