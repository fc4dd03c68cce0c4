import { EvaluationError } from './errors.ts';
import { assertFinite, assertSameLength } from './internal/checks.ts';
import { spearman } from './internal/ranks.ts';

export interface GroupIc {
  readonly group: string;
  readonly ic: number;
  readonly n: number;
}

export interface InformationCoefficient {
  /** One entry per group that was scored, in ascending order of the group key (code-unit order). */
  readonly perGroup: readonly GroupIc[];
  /** Mean of the per-group ICs; null when no group could be scored. */
  readonly meanIc: number | null;
  /** Sample standard deviation (n - 1) of the per-group ICs; null with fewer than two groups. */
  readonly stdIc: number | null;
  /** meanIc / stdIc; null when stdIc is null or 0. */
  readonly icir: number | null;
  /** Number of groups scored (perGroup.length). */
  readonly groups: number;
  /** Groups skipped because they had fewer than minGroupSize rows. */
  readonly skippedSmall: number;
  /** Groups skipped because the labels or the predictions were constant within them (rank correlation undefined). */
  readonly skippedConstant: number;
}

export interface InformationCoefficientOptions {
  /** Groups with fewer rows are skipped. Default 3. */
  readonly minGroupSize?: number;
}

/**
 * Cross-sectional information coefficient: for each group (typically a date, one row per instrument), the Spearman
 * rank correlation of prediction and label across the group's rows, with average ranks for ties (scipy's
 * `spearmanr`). Groups with fewer than `minGroupSize` rows, or whose labels or predictions are all equal, are skipped
 * and counted. Summary: mean, sample standard deviation and their ratio (ICIR, not annualised).
 */
export function informationCoefficient(
  groups: readonly string[],
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  options: InformationCoefficientOptions = {},
): InformationCoefficient {
  const what = 'informationCoefficient';
  const minGroupSize = options.minGroupSize ?? 3;
  if (!Number.isInteger(minGroupSize) || minGroupSize < 2) {
    throw new EvaluationError(
      'INVALID_ARGUMENT',
      `${what}: minGroupSize is ${minGroupSize}; it must be an integer >= 2`,
    );
  }
  const n = assertSameLength(what, y, yhat, ['y', 'yhat']);
  if (groups.length !== n) {
    throw new EvaluationError('LENGTH_MISMATCH', `${what}: groups has ${groups.length} entries but y has ${n}`);
  }
  assertFinite(what, 'y', y);
  assertFinite(what, 'yhat', yhat);

  const rowsByGroup = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const key = groups[i] as string;
    let rows = rowsByGroup.get(key);
    if (rows === undefined) rowsByGroup.set(key, (rows = []));
    rows.push(i);
  }

  const perGroup: GroupIc[] = [];
  let skippedSmall = 0;
  let skippedConstant = 0;
  const keys = [...rowsByGroup.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const group of keys) {
    const rows = rowsByGroup.get(group) as number[];
    if (rows.length < minGroupSize) {
      skippedSmall++;
      continue;
    }
    const ic = spearman(
      rows.map((i) => yhat[i] as number),
      rows.map((i) => y[i] as number),
    );
    if (ic === null) {
      skippedConstant++;
      continue;
    }
    perGroup.push({ group, ic, n: rows.length });
  }

  const count = perGroup.length;
  let meanIc: number | null = null;
  let stdIc: number | null = null;
  if (count > 0) {
    meanIc = perGroup.reduce((s, g) => s + g.ic, 0) / count;
    if (count > 1) {
      const m = meanIc;
      stdIc = Math.sqrt(perGroup.reduce((s, g) => s + (g.ic - m) ** 2, 0) / (count - 1));
    }
  }
  const icir = meanIc !== null && stdIc !== null && stdIc > 0 ? meanIc / stdIc : null;
  return { perGroup, meanIc, stdIc, icir, groups: count, skippedSmall, skippedConstant };
}
