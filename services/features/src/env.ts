import { type EnvSource, loadEnv } from '@alphagraph/config';
import { workerLeaseEnv } from '@alphagraph/jobs';
import { loadServiceEnv } from '@alphagraph/service';
import { z } from 'zod';

/** Heartbeat and lease of this process's worker (FEATURES_WORKER_HEARTBEAT_SECONDS, FEATURES_WORKER_LEASE_SECONDS). */
const workersEnv = workerLeaseEnv('FEATURES');

/**
 * What one request may cost: a materialization run's deadline (a run past it is stopped and failed,
 * and the queue moves on) and the size of a training-set spine given as Parquet (an uploaded file
 * or `parquetBase64`).
 */
const limitsEnv = z
  .object({
    FEATURES_RUN_DEADLINE_SECONDS: z.coerce
      .number()
      .positive()
      .max(7 * 86_400)
      .default(900),
    FEATURES_SPINE_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(256 * 1024 * 1024),
  })
  .transform((e) => ({
    runDeadlineMs: Math.round(e.FEATURES_RUN_DEADLINE_SECONDS * 1000),
    spineMaxBytes: e.FEATURES_SPINE_MAX_BYTES,
  }));
export type FeaturesLimits = z.output<typeof limitsEnv>;

/** features' configuration, validated once at boot. The only place that reads the environment. */
export function loadFeaturesEnv(source: EnvSource = process.env) {
  return { ...loadServiceEnv('features', source), ...loadEnv({ workers: workersEnv, work: limitsEnv }, source) };
}
