import { defaultSubgraphUrl, type EnvSource, loadEnv } from '@alphagraph/config';
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

/**
 * Monitoring (issue 14): where signals read online feature values (the features subgraph,
 * SUBGRAPH_FEATURES_URL, the variable the gateway reads too; its name is subgraphUrlVariable('features')), how often the monitoring job runs
 * (MODELS_MONITOR_INTERVAL_SECONDS, default 300; 0 turns the schedule off: replays run it
 * explicitly) and the NATS server alerts are published to (NATS_URL; unset: no NATS).
 */
const monitoringEnv = z
  .object({
    SUBGRAPH_FEATURES_URL: z.string().url().optional(),
    MODELS_MONITOR_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(300),
    NATS_URL: z.string().optional(),
  })
  .transform((e) => ({
    featuresUrl: e.SUBGRAPH_FEATURES_URL || defaultSubgraphUrl('features'),
    intervalMs: e.MODELS_MONITOR_INTERVAL_SECONDS * 1000,
    natsUrl: e.NATS_URL || null,
  }));

/** models' configuration, validated once at boot. The only place that reads the environment. */
export function loadModelsEnv(source: EnvSource = process.env) {
  return {
    ...loadServiceEnv('models', source),
    ...loadEnv({ workers: workerLeaseEnv('MODELS'), deployment: deploymentEnv, monitoring: monitoringEnv }, source),
  };
}
