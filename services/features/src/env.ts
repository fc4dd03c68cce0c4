import { type EnvSource, loadEnv } from '@alphagraph/config';
import { workerLeaseEnv } from '@alphagraph/jobs';
import { loadServiceEnv } from '@alphagraph/service';

/** Heartbeat and lease of this process's worker (FEATURES_WORKER_HEARTBEAT_SECONDS, FEATURES_WORKER_LEASE_SECONDS). */
const workersEnv = workerLeaseEnv('FEATURES');

/** features' configuration, validated once at boot. The only place that reads the environment. */
export function loadFeaturesEnv(source: EnvSource = process.env) {
  return { ...loadServiceEnv('features', source), ...loadEnv({ workers: workersEnv }, source) };
}
