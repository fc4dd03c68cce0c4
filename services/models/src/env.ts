import type { EnvSource } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';

/** models' configuration, validated once at boot. The only place that reads the environment. */
export function loadModelsEnv(source: EnvSource = process.env) {
  return loadServiceEnv('models', source);
}
