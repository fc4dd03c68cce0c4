import { type EnvSource, loadEnv } from '@alphagraph/config';
import { workerLeaseEnv } from '@alphagraph/jobs';
import { loadServiceEnv } from '@alphagraph/service';
import { z } from 'zod';

/**
 * Deployment limits: MODELS_CANARY_MAX_FRACTION caps the capital a CANARY version may carry
 * (default 0.1 of the model's allocation).
 */
const deploymentEnv = z
  .object({ MODELS_CANARY_MAX_FRACTION: z.coerce.number().gt(0).max(1).default(0.1) })
  .transform((e) => ({ canaryMaxFraction: e.MODELS_CANARY_MAX_FRACTION }));

/** models' configuration, validated once at boot. The only place that reads the environment. */
export function loadModelsEnv(source: EnvSource = process.env) {
  return {
    ...loadServiceEnv('models', source),
    ...loadEnv({ workers: workerLeaseEnv('MODELS'), deployment: deploymentEnv }, source),
  };
}
