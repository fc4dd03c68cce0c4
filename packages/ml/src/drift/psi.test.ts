import { describe, expect, it } from 'vitest';
import { DriftError } from './errors.ts';
import { errorCode, expectClose, readDriftFixture } from './internal/test-support.ts';
import { referenceProfile } from './profile.ts';
import { PSI_EMPTY_BIN_FLOOR, psi } from './psi.ts';

interface PsiCase {
  name: string;
  ref: number[];
  cur: number[];
  bins: number;
  curProportions: number[];
  psi: number;
}

// PSI computed with numpy alone: np.quantile edges, np.unique, np.searchsorted(side='right'), floor 0.0001.
const fixture = readDriftFixture<{ psi: PsiCase[] }>();

describe('psi', () => {
  it.each(fixture.psi.map((c) => [c.name, c] as const))('matches a numpy computation on %s', (_n, c) => {
    const r = psi(referenceProfile(c.ref, { bins: c.bins }), c.cur);
    expectClose(r.value, c.psi);
    expect(r.bins.map((b) => b.curProportion)).toEqual(c.curProportions);
    expect(r.nCur).toBe(c.cur.length);
  });

  // Profile of 1..6 in tertiles: bins (-inf, 8/3), [8/3, 13/3), [13/3, +inf), 1/3 each.
  const profile = referenceProfile([1, 2, 3, 4, 5, 6], { bins: 3 });

  it('is 0 when the current proportions equal the reference ones', () => {
    expect(psi(profile, [6, 5, 4, 3, 2, 1]).value).toBe(0);
    expect(psi(profile, [1.5, 3.5, 5.5]).value).toBe(0);
  });

  it('computes a hand-checked 3-bin case', () => {
    // Current 1 | 3 4 | 5 6 6 -> 1/6, 2/6, 3/6:
    // (1/6 - 1/3) ln(1/2) + 0 + (1/2 - 1/3) ln(3/2) = (ln 2 + ln 1.5) / 6 = ln 3 / 6.
    const r = psi(profile, [1, 3, 4, 5, 6, 6]);
    expectClose(r.value, Math.log(3) / 6, 1e-15);
    expect(r.bins.map((b) => b.curCount)).toEqual([1, 2, 3]);
    expect(r.bins[0]).toMatchObject({ lower: null, refProportion: 1 / 3 });
    expect(r.bins[2]!.upper).toBeNull();
    expectClose(r.bins[1]!.contribution, 0, 0);
  });

  it('floors an empty current bin at 0.0001 (as Evidently does) instead of taking ln 0', () => {
    // Current 1 2 | 3 4 | (none): the third bin counts as 0.0001.
    const r = psi(profile, [1, 2, 3, 4]);
    const expected = 2 * (1 / 6) * Math.log(1.5) + (PSI_EMPTY_BIN_FLOOR - 1 / 3) * Math.log(PSI_EMPTY_BIN_FLOOR * 3);
    expect(PSI_EMPTY_BIN_FLOOR).toBe(0.0001);
    expectClose(r.value, expected, 1e-15);
    expect(r.bins[2]!.curProportion).toBe(0);
    expect(Number.isFinite(r.value)).toBe(true);
  });

  it('floors an empty reference bin too (a constant reference)', () => {
    // Reference all 2: bins (-inf, 2) = 0 and [2, inf) = 1; current half below 2.
    const r = psi(referenceProfile([2, 2, 2]), [1, 3]);
    expectClose(
      r.value,
      (0.5 - PSI_EMPTY_BIN_FLOOR) * Math.log(0.5 / PSI_EMPTY_BIN_FLOOR) + -0.5 * Math.log(0.5),
      1e-15,
    );
  });

  it('leaves missing current values out and counts them', () => {
    const r = psi(profile, [1, 3, 4, 5, 6, 6, Number.NaN, Number.NEGATIVE_INFINITY]);
    expectClose(r.value, Math.log(3) / 6, 1e-15);
    expect(r.nCur).toBe(6);
    expect(r.missingCur).toBe(2);
  });

  it('rejects an empty or all-missing current column', () => {
    expect(errorCode(() => psi(profile, []), DriftError)).toBe('EMPTY_INPUT');
    expect(errorCode(() => psi(profile, [Number.NaN]), DriftError)).toBe('NO_FINITE_VALUES');
  });
});
