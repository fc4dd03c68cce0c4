export type EvaluationErrorCode =
  | 'EMPTY_INPUT'
  | 'LENGTH_MISMATCH'
  | 'INVALID_LABEL'
  | 'INVALID_PROBABILITY'
  | 'NON_FINITE'
  | 'INVALID_ARGUMENT'
  | 'NOT_SORTED'
  | 'INVALID_MATRIX';

/** The evaluation module's error: a code, a message a user can act on, and the cause. */
export class EvaluationError extends Error {
  constructor(
    readonly code: EvaluationErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EvaluationError';
  }
}
