import type { EvalTask } from '../eval/index.ts';
import { OnnxModelError } from './errors.ts';

/** An input or output of an ONNX graph as onnxruntime reports it. */
export interface OnnxValueDescription {
  readonly name: string;
  /** False for non-tensor values such as a ZipMap's sequence of maps. */
  readonly isTensor: boolean;
  /** Element type ('float32', 'int64', ...) of a tensor; null otherwise. */
  readonly type: string | null;
  /** Dimensions of a tensor: a number when fixed, a string (symbolic) or -1 when dynamic; null otherwise. */
  readonly shape: readonly (number | string)[] | null;
}

/** How the model's output is read. */
export type OnnxOutputKind =
  /** Classification, [N, 2] class probabilities: P(y = 1) is column 1. */
  | 'probability-two-columns'
  /** Classification, [N] or [N, 1]: the probability of class 1. */
  | 'probability-of-class-1'
  /** Regression, [N] or [N, 1]: the predicted value. */
  | 'value';

export interface OnnxModelDescription {
  readonly inputs: readonly OnnxValueDescription[];
  readonly outputs: readonly OnnxValueDescription[];
  /** single-tensor: one [N, p] input; per-feature: p inputs [N, 1], each named as a feature. */
  readonly mode: 'single-tensor' | 'per-feature';
  /** The output that is read. */
  readonly output: string;
  readonly outputKind: OnnxOutputKind;
}

export interface OnnxSignatureOptions {
  /** The model's feature names, in the column order of the matrices it will score. */
  readonly features: readonly string[];
  readonly task: EvalTask;
}

const FLOAT_TYPES = new Set(['float32', 'float64']);
/** Output names preferred when a classifier has several float outputs (skl2onnx: 'probabilities'). */
const PROBABILITY_NAMES = ['probabilities', 'probability', 'output_probability'];
/** Output names preferred when a regressor has several float outputs (skl2onnx: 'variable'). */
const VALUE_NAMES = ['variable', 'prediction', 'predictions'];

const isFixed = (d: number | string | undefined): d is number => typeof d === 'number' && d >= 0;
const showShape = (shape: readonly (number | string)[] | null) =>
  shape === null
    ? '(no shape)'
    : `[${shape.map((d) => (isFixed(d) ? String(d) : typeof d === 'string' && d !== '' ? d : '?')).join(', ')}]`;

/**
 * Checks an ONNX graph's inputs and outputs against the features and task it is registered with, and decides how
 * it is fed and read (see inspectOnnx for the rules). Throws OnnxModelError naming the first problem found.
 */
export function describeSignature(
  inputs: readonly OnnxValueDescription[],
  outputs: readonly OnnxValueDescription[],
  options: OnnxSignatureOptions,
): OnnxModelDescription {
  const { features, task } = options;
  checkFeatures(features);
  const mode = checkInputs(inputs, features);
  const { output, outputKind } = chooseOutput(outputs, task);
  return { inputs, outputs, mode, output, outputKind };
}

function checkFeatures(features: readonly string[]): void {
  if (features.length === 0)
    throw new OnnxModelError('INVALID_FEATURES', 'the model must be registered with at least one feature');
  const seen = new Set<string>();
  for (const f of features) {
    if (seen.has(f)) throw new OnnxModelError('INVALID_FEATURES', `feature '${f}' is listed twice`);
    seen.add(f);
  }
}

function checkInputs(
  inputs: readonly OnnxValueDescription[],
  features: readonly string[],
): OnnxModelDescription['mode'] {
  const p = features.length;
  if (inputs.length === 0) throw new OnnxModelError('INPUT_SHAPE', 'the model declares no inputs');
  for (const input of inputs) {
    if (!input.isTensor || input.type === null || !FLOAT_TYPES.has(input.type)) {
      throw new OnnxModelError(
        'INPUT_TYPE',
        `model input '${input.name}' is ${input.isTensor ? `a ${input.type} tensor` : 'not a tensor'}; inputs must be float tensors (float32 or float64)`,
      );
    }
    const shape = input.shape ?? [];
    if (shape.length !== 2) {
      throw new OnnxModelError(
        'INPUT_SHAPE',
        `model input '${input.name}' has shape ${showShape(input.shape)}; expected 2 dimensions [N, ${inputs.length === 1 ? p : 1}]`,
      );
    }
    if (isFixed(shape[0])) {
      throw new OnnxModelError(
        'INPUT_SHAPE',
        `model input '${input.name}' has a fixed batch dimension ${shape[0]}; export it with a dynamic first axis (N or -1)`,
      );
    }
  }

  if (inputs.length === 1) {
    const [input] = inputs as [OnnxValueDescription];
    const width = (input.shape as (number | string)[])[1];
    if (isFixed(width) && width !== p) {
      throw new OnnxModelError(
        'INPUT_WIDTH',
        `model input '${input.name}' has width ${width} but the model is registered with ${p} features (${features.join(', ')})`,
      );
    }
    return 'single-tensor';
  }

  const names = new Set(inputs.map((i) => i.name));
  const missing = features.filter((f) => !names.has(f));
  const unexpected = inputs.map((i) => i.name).filter((n) => !features.includes(n));
  if (missing.length > 0 || unexpected.length > 0) {
    throw new OnnxModelError(
      'INPUT_NAMES',
      `a model with ${inputs.length} inputs must name each input exactly as a feature (${features.join(', ')})` +
        (missing.length > 0 ? `; no input for: ${missing.join(', ')}` : '') +
        (unexpected.length > 0 ? `; inputs that are not features: ${unexpected.join(', ')}` : ''),
    );
  }
  for (const input of inputs) {
    const width = (input.shape as (number | string)[])[1];
    if (isFixed(width) && width !== 1) {
      throw new OnnxModelError(
        'INPUT_SHAPE',
        `per-feature input '${input.name}' has shape ${showShape(input.shape)}; expected [N, 1]`,
      );
    }
  }
  return 'per-feature';
}

function chooseOutput(
  outputs: readonly OnnxValueDescription[],
  task: EvalTask,
): { output: string; outputKind: OnnxOutputKind } {
  const floats = outputs.filter((o) => o.isTensor && o.type !== null && FLOAT_TYPES.has(o.type));
  if (floats.length === 0) {
    const nonTensor = outputs.find((o) => !o.isTensor);
    if (nonTensor !== undefined) {
      throw new OnnxModelError(
        'OUTPUT_NOT_TENSOR',
        `model output '${nonTensor.name}' is not a tensor (e.g. a ZipMap sequence of maps) and there is no float tensor output; ` +
          're-export the model with zipmap=False (skl2onnx: options={id(model): {"zipmap": False}}) so probabilities are a float tensor [N, 2]',
      );
    }
    throw new OnnxModelError(
      'OUTPUT_MISSING',
      `the model has no float tensor output (outputs: ${outputs.map((o) => `${o.name}: ${o.type ?? 'non-tensor'}`).join(', ')})`,
    );
  }
  const preferred = task === 'classification' ? PROBABILITY_NAMES : VALUE_NAMES;
  const chosen =
    preferred.map((n) => floats.find((o) => o.name === n)).find((o) => o !== undefined) ??
    (floats.at(-1) as OnnxValueDescription);
  const shape = chosen.shape ?? [];
  const rank1 = shape.length === 1;
  const rank2 = shape.length === 2;
  const width = rank2 ? shape[1] : undefined;

  if (task === 'regression') {
    if (rank1 || (rank2 && (!isFixed(width) || width === 1))) return { output: chosen.name, outputKind: 'value' };
    throw new OnnxModelError(
      'OUTPUT_SHAPE',
      `regression output '${chosen.name}' has shape ${showShape(chosen.shape)}; expected [N] or [N, 1]`,
    );
  }
  if (rank2 && width === 2) return { output: chosen.name, outputKind: 'probability-two-columns' };
  if (rank1 || (rank2 && width === 1)) return { output: chosen.name, outputKind: 'probability-of-class-1' };
  if (rank2 && !isFixed(width)) {
    // Width unknown until run time: read as [N, 2] or [N, 1] by the actual output's shape (checked when scoring).
    return { output: chosen.name, outputKind: 'probability-two-columns' };
  }
  throw new OnnxModelError(
    'OUTPUT_SHAPE',
    `classification output '${chosen.name}' has shape ${showShape(chosen.shape)}; a binary classifier must output ` +
      'probabilities [N, 2] (P(y=1) in column 1) or the probability of class 1 as [N] or [N, 1]',
  );
}
