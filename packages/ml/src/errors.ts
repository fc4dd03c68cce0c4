/**
 * What went wrong, as a stable code a caller can branch on:
 * - UNKNOWN_ALGORITHM: the algorithm name is not one of `ALGORITHMS`.
 * - TASK_MISMATCH: the algorithm does not support the task (e.g. logistic regression for regression).
 * - UNKNOWN_HYPERPARAMETER: a hyperparameter name the algorithm does not have.
 * - BAD_HYPERPARAMETER: a known hyperparameter with a value out of its domain.
 * - BAD_LABEL: a label is non-finite, or a classification label is not 0/1, or only one class is present.
 * - BAD_INPUT: malformed training input (shape, feature names, seed, task).
 * - FEATURE_MISMATCH: prediction input does not have the artifact's feature count.
 * - BAD_ARTIFACT: bytes that are not a valid model artifact of a supported format version.
 */
export type MlErrorCode =
  | 'UNKNOWN_ALGORITHM'
  | 'TASK_MISMATCH'
  | 'UNKNOWN_HYPERPARAMETER'
  | 'BAD_HYPERPARAMETER'
  | 'BAD_LABEL'
  | 'BAD_INPUT'
  | 'FEATURE_MISMATCH'
  | 'BAD_ARTIFACT';

/** The ml package's error base: a code, a message a user can act on, and the cause. */
export class MlError extends Error {
  constructor(
    readonly code: MlErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'MlError';
  }
}
