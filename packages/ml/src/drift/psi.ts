import { DriftError } from './errors.ts';
import { countAtMost, splitFinite } from './internal/sorted.ts';
import { interiorEdges, type ReferenceProfile } from './profile.ts';

/**
 * Proportion used in place of an empty bin's 0, on either side, so that ln(p_cur / p_ref) stays finite. Evidently's
 * `get_binned_data` (legacy/calculations/stattests/utils.py) uses 0.0001 too; it switches to (smallest non-zero
 * proportion) / 10^6 when that smallest proportion is itself <= 0.0001, which we do not copy: with decile bins of a
 * reference, a non-empty bin holding <= 0.01% of the rows is rare, and one fixed floor is simpler to explain.
 */
export const PSI_EMPTY_BIN_FLOOR = 0.0001;

export interface PsiBin {
  /** Lower edge, null for -Infinity (the bin is [lower, upper)). */
  readonly lower: number | null;
  /** Upper edge, null for +Infinity. */
  readonly upper: number | null;
  /** Share of the reference in the bin, as stored in the profile (before the floor). */
  readonly refProportion: number;
  /** Share of the current finite values in the bin (before the floor). */
  readonly curProportion: number;
  /** Current finite values in the bin. */
  readonly curCount: number;
  /** This bin's term (c - r) ln(c / r), with c and r floored at PSI_EMPTY_BIN_FLOOR. */
  readonly contribution: number;
}

export interface PsiResult {
  readonly value: number;
  readonly bins: readonly PsiBin[];
  /** Current values binned (finite ones). */
  readonly nCur: number;
  /** Current values that were NaN or ±Infinity, left out of the proportions. */
  readonly missingCur: number;
}

/**
 * Population Stability Index of `current` against the profile's bins: sum over bins of (c - r) ln(c / r), c and r the
 * current and reference proportions, each replaced by PSI_EMPTY_BIN_FLOOR when 0. Missing current values (NaN,
 * ±Infinity) are left out and counted. 0 for identical proportions; the usual reading is < 0.1 stable, 0.1 - 0.25
 * moderate, > 0.25 large shift.
 */
export function psi(profile: ReferenceProfile, current: ArrayLike<number>): PsiResult {
  if (current.length === 0) throw new DriftError('EMPTY_INPUT', 'psi: the current column is empty');
  const { finite, missing } = splitFinite(current);
  if (finite.length === 0) {
    throw new DriftError('NO_FINITE_VALUES', `psi: all ${current.length} current values are missing (NaN or infinite)`);
  }
  const interior = interiorEdges(profile);
  const counts = new Array<number>(interior.length + 1).fill(0);
  for (const v of finite) counts[countAtMost(interior, v)]!++;
  let value = 0;
  const bins = counts.map((curCount, i): PsiBin => {
    const refProportion = profile.proportions[i]!;
    const curProportion = curCount / finite.length;
    const r = refProportion === 0 ? PSI_EMPTY_BIN_FLOOR : refProportion;
    const c = curProportion === 0 ? PSI_EMPTY_BIN_FLOOR : curProportion;
    const contribution = (c - r) * Math.log(c / r);
    value += contribution;
    return {
      lower: profile.edges[i]!,
      upper: profile.edges[i + 1]!,
      refProportion,
      curProportion,
      curCount,
      contribution,
    };
  });
  return { value, bins, nCur: finite.length, missingCur: missing };
}
