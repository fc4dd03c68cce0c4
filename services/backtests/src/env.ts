import { type EnvSource, loadEnv } from '@alphagraph/config';
import { workerLeaseEnv } from '@alphagraph/jobs';
import { loadServiceEnv } from '@alphagraph/service';

/** Heartbeat and lease of this process's worker (BACKTESTS_WORKER_HEARTBEAT_SECONDS, BACKTESTS_WORKER_LEASE_SECONDS). */
const workersEnv = workerLeaseEnv('BACKTESTS');

/** backtests' configuration, validated once at boot. The only place that reads the environment. */
export function loadBacktestsEnv(source: EnvSource = process.env) {
  return { ...loadServiceEnv('backtests', source), ...loadEnv({ workers: workersEnv }, source) };
}
