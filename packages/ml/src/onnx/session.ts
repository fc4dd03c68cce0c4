import { InferenceSession } from 'onnxruntime-node';
import { OnnxModelError } from './errors.ts';
import type { OnnxValueDescription } from './signature.ts';

export interface OnnxSessionOptions {
  /** Threads onnxruntime may use inside one operator. Default 1: scoring shares the machine with other work. */
  readonly threads?: number;
}

/** Loads an ONNX model on the CPU, mapping onnxruntime's load failures to OnnxModelError. */
export async function loadSession(bytes: Uint8Array, options: OnnxSessionOptions = {}): Promise<InferenceSession> {
  if (bytes.length === 0) throw new OnnxModelError('NOT_ONNX', 'the file is empty, not an ONNX model');
  try {
    return await InferenceSession.create(bytes, {
      executionProviders: ['cpu'],
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    if (/protobuf parsing failed|model data pointer is null/i.test(detail)) {
      throw new OnnxModelError(
        'NOT_ONNX',
        'not an ONNX file: onnxruntime could not parse it as an ONNX model (protobuf)',
        {
          cause,
        },
      );
    }
    throw new OnnxModelError('LOAD_FAILED', `onnxruntime could not load the model: ${detail}`, { cause });
  }
}

/** The session's inputs and outputs in declaration order. */
export function sessionSignature(session: InferenceSession): {
  inputs: OnnxValueDescription[];
  outputs: OnnxValueDescription[];
} {
  const describe = (m: InferenceSession.ValueMetadata): OnnxValueDescription =>
    m.isTensor
      ? { name: m.name, isTensor: true, type: m.type, shape: [...m.shape] }
      : { name: m.name, isTensor: false, type: null, shape: null };
  return { inputs: session.inputMetadata.map(describe), outputs: session.outputMetadata.map(describe) };
}
