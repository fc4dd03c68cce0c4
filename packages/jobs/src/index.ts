export { workerLeaseEnv } from './internal/env.ts';
export { JobsError, type JobsErrorCode } from './internal/errors.ts';
export { createWorkerLease, type JobsLog, type WorkerLease, type WorkerLeaseOptions } from './internal/lease.ts';
export {
  defineLifecycle,
  type JobsDb,
  type Lifecycle,
  type LifecycleColumns,
  type LifecycleDeclaration,
  type StatusOf,
} from './internal/lifecycle.ts';
export { createJobWorker, type JobWorker, type JobWorkerOptions } from './internal/worker.ts';
