import type { EnvSource } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';

/** backtests' configuration, validated once at boot. The only place that reads the environment. */
export function loadBacktestsEnv(source: EnvSource = process.env) {
  return loadServiceEnv('backtests', source);
}
