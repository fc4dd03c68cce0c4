export type OnnxModelErrorCode =
  | 'NOT_ONNX'
  | 'LOAD_FAILED'
  | 'INPUT_WIDTH'
  | 'INPUT_NAMES'
  | 'INPUT_SHAPE'
  | 'INPUT_TYPE'
  | 'OUTPUT_MISSING'
  | 'OUTPUT_SHAPE'
  | 'OUTPUT_NOT_TENSOR'
  | 'OUTPUT_NOT_PROBABILITY'
  | 'OUTPUT_NOT_FINITE'
  | 'INVALID_FEATURES'
  | 'INVALID_MATRIX'
  | 'SCORING_FAILED'
  | 'CLOSED';

/** Why an ONNX model cannot be accepted or scored: a code, a message naming what is wrong, and the cause. */
export class OnnxModelError extends Error {
  constructor(
    readonly code: OnnxModelErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'OnnxModelError';
  }
}
