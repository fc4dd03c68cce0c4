export type LakeErrorCode =
  | 'DATASET_NOT_FOUND'
  | 'DATASET_INVALID'
  | 'SNAPSHOT_NOT_FOUND'
  | 'SCHEMA_MISMATCH'
  | 'WRITE_FAILED'
  | 'QUERY_FAILED'
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
