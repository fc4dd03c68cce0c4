import { type InferenceSession, Tensor } from 'onnxruntime-node';
import type { Matrix } from '../eval/index.ts';
import { OnnxModelError } from './errors.ts';
import { loadSession, type OnnxSessionOptions, sessionSignature } from './session.ts';
import { describeSignature, type OnnxModelDescription, type OnnxSignatureOptions } from './signature.ts';

export interface OnnxInspectOptions extends OnnxSignatureOptions, OnnxSessionOptions {}

/**
 * Checks an uploaded ONNX model against the features and task it is registered with, then releases it.
 *
 * Inputs: either ONE float tensor [N, p] with p === features.length (columns in `features` order), or p float
 * tensors [N, 1] named exactly as the features (any declaration order). The batch axis must be dynamic (symbolic or
 * -1); float32 and float64 are accepted.
 * Outputs: only float tensors are candidates; int64 outputs such as skl2onnx's `label` are ignored. The output read
 * is, by name, 'probabilities' / 'probability' / 'output_probability' for classification or 'variable' /
 * 'prediction' / 'predictions' for regression, else the LAST float output. Classification: [N, 2] (P(y = 1) is
 * column 1) or [N] / [N, 1] (probability of class 1). Regression: [N] or [N, 1].
 * A model with no float tensor output but a non-tensor one (skl2onnx's ZipMap) is refused: re-export with
 * zipmap=False.
 *
 * Throws OnnxModelError: NOT_ONNX, LOAD_FAILED, INPUT_WIDTH, INPUT_NAMES, INPUT_SHAPE, INPUT_TYPE, OUTPUT_SHAPE,
 * OUTPUT_NOT_TENSOR, OUTPUT_MISSING, INVALID_FEATURES.
 */
export async function inspectOnnx(bytes: Uint8Array, options: OnnxInspectOptions): Promise<OnnxModelDescription> {
  const session = await loadSession(bytes, options);
  try {
    const { inputs, outputs } = sessionSignature(session);
    return describeSignature(inputs, outputs, options);
  } finally {
    await session.release();
  }
}

export interface OnnxScore {
  /** Regression: the predicted value. Classification: the label, 1 when probability >= threshold, else 0. */
  readonly prediction: Float64Array;
  /** Classification only: P(y = 1). */
  readonly probability?: Float64Array;
}

export interface OnnxScorer {
  readonly description: OnnxModelDescription;
  /** Scores the rows of X, whose columns are the features in registration order. */
  score(X: Matrix): Promise<OnnxScore>;
  /** Releases the onnxruntime session; score() afterwards throws CLOSED. Idempotent. */
  close(): Promise<void>;
}

export interface OnnxScorerOptions extends OnnxInspectOptions {
  /** Classification: probability at or above which the predicted label is 1. Default 0.5. */
  readonly threshold?: number;
}

/**
 * Loads an ONNX model for scoring after the same checks as inspectOnnx. Feature values are converted to the input's
 * element type (float32 rounds the float64 matrix). Outputs are checked when scoring: one value (or one row) per
 * input row, finite, and within [0, 1] for probabilities (OUTPUT_NOT_PROBABILITY otherwise, e.g. for logits).
 */
export async function createOnnxScorer(bytes: Uint8Array, options: OnnxScorerOptions): Promise<OnnxScorer> {
  const session = await loadSession(bytes, options);
  let description: OnnxModelDescription;
  try {
    const { inputs, outputs } = sessionSignature(session);
    description = describeSignature(inputs, outputs, options);
  } catch (error) {
    await session.release();
    throw error;
  }
  const threshold = options.threshold ?? 0.5;
  const features = options.features;
  let closed = false;

  return {
    description,
    async score(X: Matrix): Promise<OnnxScore> {
      if (closed) throw new OnnxModelError('CLOSED', 'the scorer was closed; create a new one to score');
      checkMatrix(X, features.length);
      const classification = options.task === 'classification';
      if (X.rows === 0) {
        return classification
          ? { prediction: new Float64Array(0), probability: new Float64Array(0) }
          : { prediction: new Float64Array(0) };
      }
      const values = await run(session, description, X, features);
      if (!classification) return { prediction: values };
      for (let i = 0; i < values.length; i++) {
        const p = values[i] as number;
        if (!(p >= 0 && p <= 1)) {
          throw new OnnxModelError(
            'OUTPUT_NOT_PROBABILITY',
            `output '${description.output}' gave ${p} for row ${i}; a classifier must output probabilities in [0, 1], not scores or logits`,
          );
        }
      }
      const prediction = new Float64Array(values.length);
      for (let i = 0; i < values.length; i++) prediction[i] = (values[i] as number) >= threshold ? 1 : 0;
      return { prediction, probability: values };
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await session.release();
    },
  };
}

function checkMatrix(X: Matrix, p: number): void {
  if (X.cols !== p) {
    throw new OnnxModelError('INVALID_MATRIX', `the matrix has ${X.cols} columns but the model takes ${p} features`);
  }
  if (!Number.isInteger(X.rows) || X.rows < 0 || X.data.length !== X.rows * X.cols) {
    throw new OnnxModelError('INVALID_MATRIX', `the matrix is ${X.rows}x${X.cols} but holds ${X.data.length} values`);
  }
}

function tensorOf(type: string | null, data: Float64Array, dims: number[]): Tensor {
  return type === 'float64' ? new Tensor('float64', data, dims) : new Tensor('float32', Float32Array.from(data), dims);
}

/** Runs the model and returns, per row, the value (regression) or P(y = 1) (classification). */
async function run(
  session: InferenceSession,
  description: OnnxModelDescription,
  X: Matrix,
  features: readonly string[],
): Promise<Float64Array> {
  const feeds: Record<string, Tensor> = {};
  if (description.mode === 'single-tensor') {
    const input = description.inputs[0] as OnnxModelDescription['inputs'][number];
    feeds[input.name] = tensorOf(input.type, X.data, [X.rows, X.cols]);
  } else {
    for (const input of description.inputs) {
      const j = features.indexOf(input.name);
      const column = new Float64Array(X.rows);
      for (let i = 0; i < X.rows; i++) column[i] = X.data[i * X.cols + j] as number;
      feeds[input.name] = tensorOf(input.type, column, [X.rows, 1]);
    }
  }

  let output: Tensor;
  try {
    const result = await session.run(feeds, [description.output]);
    output = result[description.output] as Tensor;
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new OnnxModelError('SCORING_FAILED', `onnxruntime failed to score ${X.rows} rows: ${detail}`, { cause });
  }

  const dims = output.dims;
  const data = output.data as Float32Array | Float64Array;
  const rowsOut = dims[0];
  const width = dims.length === 1 ? 1 : dims.length === 2 ? (dims[1] as number) : -1;
  const twoColumns = description.outputKind === 'probability-two-columns' && width === 2;
  if (rowsOut !== X.rows || !(width === 1 || twoColumns)) {
    throw new OnnxModelError(
      'OUTPUT_SHAPE',
      `output '${description.output}' has shape [${dims.join(', ')}] for ${X.rows} rows; expected ` +
        (description.outputKind === 'value'
          ? `[${X.rows}] or [${X.rows}, 1]`
          : `[${X.rows}, 2], [${X.rows}, 1] or [${X.rows}]`),
    );
  }
  const values = new Float64Array(X.rows);
  for (let i = 0; i < X.rows; i++) {
    const v = twoColumns ? (data[i * 2 + 1] as number) : (data[i] as number);
    if (!Number.isFinite(v)) {
      throw new OnnxModelError('OUTPUT_NOT_FINITE', `output '${description.output}' gave ${v} for row ${i}`);
    }
    values[i] = v;
  }
  return values;
}
