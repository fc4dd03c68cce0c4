import type { EnvSource } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';

/** features' configuration, validated once at boot. The only place that reads the environment. */
export function loadFeaturesEnv(source: EnvSource = process.env) {
  return loadServiceEnv(4003, source);
}
