export type LabelErrorCode =
  /** The label is not a valid definition (its expression does not compile, a barrier is missing). */
  | 'INVALID_LABEL'
  /** An argument other than the label is unusable (an as-of that is no instant, another dataset). */
  | 'INVALID_ARGUMENT';

/** Errors of label computation: a code, a message a user can act on, and the cause. */
export class LabelError extends Error {
  constructor(
    readonly code: LabelErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LabelError';
  }
}
