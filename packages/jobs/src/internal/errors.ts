export type JobsErrorCode = 'JOB_TRANSITION_REFUSED' | 'JOB_LIFECYCLE_INVALID' | 'WORKER_STOPPING' | 'LEASE_INVALID';

/** The jobs kit's error base: a code, a message a user can act on, and the cause. */
export class JobsError extends Error {
  constructor(
    readonly code: JobsErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'JobsError';
  }
}
