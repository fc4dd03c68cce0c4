export { discardRestOfBody } from './discard.ts';
export { heapUsedAfterMajorGc } from './heap.ts';
export { boundedLabels, DEFAULT_MAX_LABEL_VALUES } from './labels.ts';
export {
  type CostAnnotations,
  checkOperationLimits,
  checkRequestLimits,
  costAnnotationsFromSdl,
  countTokens,
  DEFAULT_LIST_SIZE,
  DEFAULT_OPERATION_LIMITS,
  type FieldCost,
  measureOperation,
  OPERATION_LIMIT_CODE,
  OPERATION_LIMIT_VARIABLES,
  type OperationLimit,
  type OperationLimits,
  type OperationMeasure,
  operationLimitError,
} from './limits.ts';
export { operationLimitsEnv } from './limits-env.ts';
export { httpOrigin, type ListeningServer, listen } from './listen.ts';
export {
  INTERNAL_ERROR_MESSAGE,
  isGraphQLError,
  isOriginalGraphQLError,
  maskFormattedError,
  maskThrownError,
  replaceGraphQLError,
} from './masking.ts';
export {
  CHECKED_SCALARS,
  DateScalar,
  DateTimeScalar,
  JSONScalar,
  parseDate,
  parseDateTime,
} from './scalars.ts';
export { readSubgraphSdl } from './sdl.ts';
export { exitOnShutdownSignal, shutdownSignal } from './signals.ts';
export {
  recordSpanError,
  startClientSpan,
  startTracing,
  TRACER_NAME,
  type Tracing,
  withServerSpan,
} from './tracing.ts';
