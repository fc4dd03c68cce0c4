import { describe, expect, it } from 'vitest';
import { driftTest } from './drift-test.ts';
import { DriftError } from './errors.ts';
import { errorCode, expectClose, readDriftFixture, type SamplePair } from './internal/test-support.ts';
import { referenceProfile } from './profile.ts';

// scipy 1.10 ks_2samp / wasserstein_distance / np.std on the same samples (fixtures/make_fixtures.py).
const pairs = readDriftFixture<{ pairs: SamplePair[] }>().pairs;
const pair = (prefix: string): SamplePair => pairs.find((p) => p.name.startsWith(prefix))!;

describe('driftTest', () => {
  it('uses KS for a reference of <= 1,000 rows: no drift between two samples of one distribution', () => {
    const p = pair('n=300 vs 300');
    const r = driftTest(referenceProfile(p.a), p.b);
    expect(r.method).toBe('ks');
    expectClose(r.statistic, p.ks.auto!.statistic, 1e-12);
    expectClose(r.pValue, p.ks.auto!.pvalue, 1e-6);
    expect(r.threshold).toBe(0.05);
    expect(r.drifted).toBe(false);
    expect(r).toMatchObject({ nRef: 300, nRefSample: 300, nCur: 300, missingCur: 0 });
  });

  it('flags KS drift when p <= 0.05 and follows a custom p threshold', () => {
    const p = pair('different scale'); // scipy p = 0.00054
    const profile = referenceProfile(p.a);
    const r = driftTest(profile, p.b);
    expect(r.method).toBe('ks');
    expectClose(r.pValue, p.ks.auto!.pvalue, 1e-6);
    expect(r.drifted).toBe(true);
    expect(driftTest(profile, p.b, { ksPValueThreshold: 0.0001 }).drifted).toBe(false);
  });

  it('uses normed Wasserstein above 1,000 reference rows and flags drift at >= 0.1', () => {
    const p = pair('auto switches to asymp'); // reference 10,001 N(0, 1) values, current N(0.2, 1)
    const profile = referenceProfile(p.a, { sampleSize: 20000 });
    const r = driftTest(profile, p.b);
    expect(r.method).toBe('wasserstein_normed');
    expectClose(r.statistic, p.normedWasserstein);
    expect(r.pValue).toBeUndefined();
    expect(r.threshold).toBe(0.1);
    expect(r.statistic).toBeGreaterThan(0.1);
    expect(r.drifted).toBe(true);
    expect(driftTest(profile, p.b, { wassersteinThreshold: 0.5 }).drifted).toBe(false);
    // The rule is on the reference row count: forcing the small-data rule gives KS, equal to scipy's asymptotic one.
    const ks = driftTest(profile, p.b, { smallReferenceMaxRows: 20000 });
    expect(ks.method).toBe('ks');
    expectClose(ks.pValue, p.ks.auto!.pvalue, 1e-6);
  });

  it('estimates the Wasserstein distance from the default 5,000-value sample of a larger reference', () => {
    const p = pair('auto switches to asymp');
    const r = driftTest(referenceProfile(p.a), p.b);
    expect(r.nRef).toBe(10001);
    expect(r.nRefSample).toBe(5000);
    // A half sample moves the distance by sampling noise only (its standard error here is about 0.01).
    expect(Math.abs(r.statistic - p.normedWasserstein)).toBeLessThan(0.05);
  });

  it('reports PSI with Evidently threshold 0.1 (psiDrifted) and the alert rule > 0.2 (psiAlert)', () => {
    const profile = referenceProfile([1, 2, 3, 4, 5, 6], { bins: 3 });
    const moderate = driftTest(profile, [1, 3, 4, 5, 6, 6]); // PSI ln 3 / 6 = 0.183
    expectClose(moderate.psi, Math.log(3) / 6, 1e-15);
    expect(moderate).toMatchObject({ psiDrifted: true, psiAlert: false });
    expect(moderate.bins).toHaveLength(3);
    const none = driftTest(profile, [6, 5, 4, 3, 2, 1]);
    expect(none).toMatchObject({ psi: 0, psiDrifted: false, psiAlert: false, drifted: false });
    expect(none.statistic).toBe(0);
    const far = driftTest(profile, [100, 101]);
    expect(far).toMatchObject({ psiDrifted: true, psiAlert: true });
    expect(far.statistic).toBe(1);
    expect(driftTest(profile, [1, 3, 4, 5, 6, 6], { psiAlertThreshold: 0.15 }).psiAlert).toBe(true);
  });

  it('drops missing current values and counts them', () => {
    const profile = referenceProfile([1, 2, 3, 4, 5, 6]);
    const r = driftTest(profile, [6, 5, Number.NaN, 4, 3, 2, 1, Number.POSITIVE_INFINITY]);
    expect(r).toMatchObject({ nCur: 6, missingCur: 2, statistic: 0, pValue: 1, drifted: false });
  });

  it('rejects an empty or all-missing current column and bad thresholds', () => {
    const profile = referenceProfile([1, 2, 3]);
    expect(errorCode(() => driftTest(profile, []), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => driftTest(profile, [Number.NaN, Number.NaN]), DriftError)).toBe('NO_FINITE_VALUES');
    expect(errorCode(() => driftTest(profile, [1], { psiThreshold: -1 }), DriftError)).toBe('INVALID_OPTION');
    expect(errorCode(() => driftTest(profile, [1], { ksPValueThreshold: Number.NaN }), DriftError)).toBe(
      'INVALID_OPTION',
    );
    expect(errorCode(() => driftTest(profile, [1], { smallReferenceMaxRows: 1.5 }), DriftError)).toBe('INVALID_OPTION');
  });
});
