import { type EnvSource, loadEnv } from '@alphagraph/config';
import { loadServiceEnv } from '@alphagraph/service';
import { z } from 'zod';

/**
 * How this process shows other replicas it is alive while it runs a materialization or builds a
 * training set: a heartbeat every FEATURES_WORKER_HEARTBEAT_SECONDS; a worker silent for
 * FEATURES_WORKER_LEASE_SECONDS is gone and its work is failed by a live replica. A longer lease
 * tolerates longer stalls (a paused VM, a long GC) at the price of noticing a crash later.
 */
const workersEnv = z
  .object({
    FEATURES_WORKER_HEARTBEAT_SECONDS: z.coerce.number().min(0.1).max(600).default(5),
    FEATURES_WORKER_LEASE_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
  })
  .refine((e) => e.FEATURES_WORKER_LEASE_SECONDS >= 2 * e.FEATURES_WORKER_HEARTBEAT_SECONDS, {
    message: 'FEATURES_WORKER_LEASE_SECONDS must span at least two heartbeats',
    path: ['FEATURES_WORKER_LEASE_SECONDS'],
  })
  .transform((e) => ({
    heartbeatMs: Math.round(e.FEATURES_WORKER_HEARTBEAT_SECONDS * 1000),
    leaseMs: Math.round(e.FEATURES_WORKER_LEASE_SECONDS * 1000),
  }));

/** features' configuration, validated once at boot. The only place that reads the environment. */
export function loadFeaturesEnv(source: EnvSource = process.env) {
  return { ...loadServiceEnv('features', source), ...loadEnv({ workers: workersEnv }, source) };
}
