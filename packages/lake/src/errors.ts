export type LakeErrorCode =
  | 'DATASET_NOT_FOUND'
  | 'DATASET_INVALID'
  | 'SNAPSHOT_NOT_FOUND'
  | 'SCHEMA_MISMATCH'
  | 'WRITE_FAILED'
  | 'QUERY_FAILED'
  /** A statement ran past its deadline (the lake's, or its request's) and was interrupted. */
  | 'DEADLINE_EXCEEDED'
  /** A statement was interrupted because the work it served was abandoned (the client went away). */
  | 'CANCELLED'
  | 'OBJECT_INVALID_KEY'
  | 'OBJECT_CONFLICT'
  | 'OBJECT_NOT_FOUND'
  | 'OBJECT_CORRUPT';

/** The lake's error base: a code, a message a user can act on, and the cause. */
export class LakeError extends Error {
  constructor(
    readonly code: LakeErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LakeError';
  }
}
