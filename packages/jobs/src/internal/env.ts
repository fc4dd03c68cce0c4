import { z } from 'zod';

/**
 * How a service's process shows other replicas it is alive while it holds a job: a heartbeat
 * every `<PREFIX>_WORKER_HEARTBEAT_SECONDS`; a worker silent for `<PREFIX>_WORKER_LEASE_SECONDS`
 * is gone and its work is failed by a live replica. A longer lease tolerates longer stalls (a
 * paused VM, a long GC) at the price of noticing a crash later. Gives `createWorkerLease` options.
 */
export function workerLeaseEnv(prefix: string) {
  const heartbeat = `${prefix}_WORKER_HEARTBEAT_SECONDS`;
  const lease = `${prefix}_WORKER_LEASE_SECONDS`;
  const shape: Record<string, z.ZodDefault<z.ZodCoercedNumber>> = {
    [heartbeat]: z.coerce.number().min(0.1).max(600).default(5),
    [lease]: z.coerce.number().min(1).max(86_400).default(60),
  };
  return z
    .object(shape)
    .refine((e: Record<string, number>) => e[lease]! >= 2 * e[heartbeat]!, {
      message: `${lease} must span at least two heartbeats`,
      path: [lease],
    })
    .transform((e: Record<string, number>) => ({
      heartbeatMs: Math.round(e[heartbeat]! * 1000),
      leaseMs: Math.round(e[lease]! * 1000),
    }));
}
