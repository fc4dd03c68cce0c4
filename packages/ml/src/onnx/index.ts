export { OnnxModelError, type OnnxModelErrorCode } from './errors.ts';
export {
  createOnnxScorer,
  inspectOnnx,
  type OnnxInspectOptions,
  type OnnxScore,
  type OnnxScorer,
  type OnnxScorerOptions,
} from './scorer.ts';
export type { OnnxSessionOptions } from './session.ts';
export type { OnnxModelDescription, OnnxOutputKind, OnnxSignatureOptions, OnnxValueDescription } from './signature.ts';
