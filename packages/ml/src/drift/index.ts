export {
  type DriftMethod,
  type DriftTestOptions,
  type DriftTestResult,
  driftTest,
  EVIDENTLY_KS_P_THRESHOLD,
  EVIDENTLY_PSI_THRESHOLD,
  EVIDENTLY_SMALL_REFERENCE_MAX_ROWS,
  EVIDENTLY_WASSERSTEIN_THRESHOLD,
  PSI_ALERT_THRESHOLD,
} from './drift-test.ts';
export {
  DriftError,
  type DriftErrorCode,
} from './errors.ts';
export { KS_MAX_EXACT_N, type Ks2sampOptions, type KsResult, ks2samp } from './ks.ts';
export {
  DEFAULT_PROFILE_BINS,
  DEFAULT_PROFILE_SAMPLE_SIZE,
  PROFILE_FORMAT_VERSION,
  parseProfile,
  type ReferenceProfile,
  type ReferenceProfileOptions,
  referenceProfile,
} from './profile.ts';
export { PSI_EMPTY_BIN_FLOOR, type PsiBin, type PsiResult, psi } from './psi.ts';
export { normedWasserstein, WASSERSTEIN_MIN_NORM, wassersteinDistance } from './wasserstein.ts';
