/** Why a whole batch was refused: the file or the request, not one row, is at fault. */
export type IngestErrorCode =
  | 'FILE_NOT_FOUND'
  | 'EMPTY_FILE'
  | 'HEADER_ONLY'
  | 'NOT_UTF8'
  | 'CORRUPT_GZIP'
  | 'CORRUPT_PARQUET'
  | 'MALFORMED_CSV'
  | 'TRUNCATED'
  | 'FEWER_COLUMNS'
  | 'MISSING_COLUMNS'
  | 'WRONG_TYPE'
  | 'UNKNOWN_MAPPING'
  | 'INVALID_MAPPING'
  | 'INVALID_RULES'
  | 'TOO_MANY_ROWS'
  | 'NOT_FOUND'
  | 'LOCK_TIMEOUT'
  | 'COMMIT_FAILED';

/** The ingestion module's error base: a code, a message an operator can act on, and the cause. */
export class IngestError extends Error {
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'IngestError';
  }
}
