import { DriftError } from './errors.ts';
import { splitFinite } from './internal/sorted.ts';
import { ksOfSorted } from './ks.ts';
import type { ReferenceProfile } from './profile.ts';
import { type PsiBin, psi } from './psi.ts';
import { WASSERSTEIN_MIN_NORM, wassersteinOfSorted } from './wasserstein.ts';

/**
 * Evidently's defaults for a numerical column (legacy docs "Data drift algorithm",
 * docs.evidentlyai.com/reference/data-drift-algorithm, and the stattest sources under
 * src/evidently/legacy/calculations/stattests/):
 * - reference with <= 1,000 observations: two-sample KS, "0.95 confidence level", drift when p <= 0.05
 *   (ks_stattest.py: `p_value <= threshold`, default_threshold 0.05);
 * - more than 1,000: "Wasserstein distance (normed)", "threshold = 0.1", drift when distance >= 0.1
 *   (wasserstein_distance_norm.py: `wd_norm_value >= threshold`, norm max(np.std(reference), 0.001));
 * - PSI (psi.py): default_threshold 0.1, drift when psi >= 0.1. Evidently's own PSI bins are a Sturges histogram of
 *   both samples (when the reference has > 20 distinct values); ours are the reference quantile bins of the profile.
 * Evidently applies KS / Wasserstein only to numerical columns with more than 5 distinct values (chi-squared or
 * Jensen-Shannon below that); this function does not look at distinct counts.
 */
export const EVIDENTLY_SMALL_REFERENCE_MAX_ROWS = 1000;
export const EVIDENTLY_KS_P_THRESHOLD = 0.05;
export const EVIDENTLY_WASSERSTEIN_THRESHOLD = 0.1;
export const EVIDENTLY_PSI_THRESHOLD = 0.1;
/** Our alert rule: a PSI above 0.2 raises a drift alert on the models service. */
export const PSI_ALERT_THRESHOLD = 0.2;

export type DriftMethod = 'ks' | 'wasserstein_normed';

export interface DriftTestOptions {
  /** Largest reference count tested with KS; above it normed Wasserstein. Default 1,000 (Evidently). */
  readonly smallReferenceMaxRows?: number;
  /** KS drift when p-value <= this. Default 0.05 (Evidently). */
  readonly ksPValueThreshold?: number;
  /** Normed Wasserstein drift when distance >= this. Default 0.1 (Evidently). */
  readonly wassersteinThreshold?: number;
  /** psiDrifted when PSI >= this. Default 0.1 (Evidently's PSI stattest). */
  readonly psiThreshold?: number;
  /** psiAlert when PSI > this. Default 0.2 (our alert rule). */
  readonly psiAlertThreshold?: number;
}

export interface DriftTestResult {
  readonly method: DriftMethod;
  /** KS D, or the normed Wasserstein distance. */
  readonly statistic: number;
  /** KS p-value (method 'ks' only). */
  readonly pValue?: number;
  /** The threshold `drifted` was decided with (a p-value for KS, a distance for Wasserstein). */
  readonly threshold: number;
  /** KS: pValue <= threshold; Wasserstein: statistic >= threshold. */
  readonly drifted: boolean;
  readonly psi: number;
  /** psi >= psiThreshold (Evidently's rule). */
  readonly psiDrifted: boolean;
  /** psi > psiAlertThreshold (our alert rule). */
  readonly psiAlert: boolean;
  readonly bins: readonly PsiBin[];
  /** Finite reference values the profile was built from (decides the method). */
  readonly nRef: number;
  /** Reference values the statistic used: the profile's sample (all of them when nRef <= its sample size). */
  readonly nRefSample: number;
  /** Finite current values tested. */
  readonly nCur: number;
  /** Current values that were NaN or ±Infinity, left out of every statistic. */
  readonly missingCur: number;
}

/**
 * Tests a current window of one column against its training profile with Evidently's default numerical rule (see
 * the constants above): KS on the profile's sample when the reference had <= smallReferenceMaxRows finite values,
 * else Wasserstein between the profile's sample and the current values divided by max(profile.std, 0.001) - the
 * std of the full reference; with more than sampleSize reference values the distance is that of the sample, an
 * estimate. PSI over the profile's bins is always computed. Missing current values are dropped and counted.
 */
export function driftTest(
  profile: ReferenceProfile,
  current: ArrayLike<number>,
  options: DriftTestOptions = {},
): DriftTestResult {
  const smallMax = options.smallReferenceMaxRows ?? EVIDENTLY_SMALL_REFERENCE_MAX_ROWS;
  const ksThreshold = checkThreshold('ksPValueThreshold', options.ksPValueThreshold ?? EVIDENTLY_KS_P_THRESHOLD);
  const wdThreshold = checkThreshold(
    'wassersteinThreshold',
    options.wassersteinThreshold ?? EVIDENTLY_WASSERSTEIN_THRESHOLD,
  );
  const psiThreshold = checkThreshold('psiThreshold', options.psiThreshold ?? EVIDENTLY_PSI_THRESHOLD);
  const alertThreshold = checkThreshold('psiAlertThreshold', options.psiAlertThreshold ?? PSI_ALERT_THRESHOLD);
  if (!Number.isInteger(smallMax) || smallMax < 0) {
    throw new DriftError('INVALID_OPTION', `driftTest: smallReferenceMaxRows is ${smallMax}; use an integer >= 0`);
  }
  const p = psi(profile, current); // validates current: EMPTY_INPUT, NO_FINITE_VALUES
  const cur = splitFinite(current).finite.sort();
  const ref = profile.sample;
  const common = {
    psi: p.value,
    psiDrifted: p.value >= psiThreshold,
    psiAlert: p.value > alertThreshold,
    bins: p.bins,
    nRef: profile.count,
    nRefSample: ref.length,
    nCur: cur.length,
    missingCur: p.missingCur,
  };
  if (profile.count <= smallMax) {
    const ks = ksOfSorted(ref, cur);
    const drifted = ks.pValue <= ksThreshold;
    return { method: 'ks', statistic: ks.statistic, pValue: ks.pValue, threshold: ksThreshold, drifted, ...common };
  }
  const statistic = wassersteinOfSorted(ref, cur) / Math.max(profile.std, WASSERSTEIN_MIN_NORM);
  return {
    method: 'wasserstein_normed',
    statistic,
    threshold: wdThreshold,
    drifted: statistic >= wdThreshold,
    ...common,
  };
}

function checkThreshold(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new DriftError('INVALID_OPTION', `driftTest: ${name} is ${value}; it must be a finite number >= 0`);
  }
  return value;
}
