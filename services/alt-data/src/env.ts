import type { EnvSource } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';

/** alt-data's configuration, validated once at boot. The only place that reads the environment. */
export function loadAltDataEnv(source: EnvSource = process.env) {
  return loadServiceEnv('alt-data', source);
}
