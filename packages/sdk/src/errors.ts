import type { BacktestErrorCode, FeatureErrorCode, TrainingSetErrorCode } from './generated/graphql.ts';

/**
 * Codes the platform puts in `extensions.code`: the subgraphs' domain errors
 * (packages/service/src/errors.ts), authorization, the gateway's admission and limits, and the
 * GraphQL layer's own (validation, persisted documents).
 */
export type PlatformErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'FAILED_PRECONDITION'
  | 'UNAVAILABLE'
  | 'DEADLINE_EXCEEDED'
  | 'CANCELLED'
  | 'INTERNAL_SERVER_ERROR'
  | 'RATE_LIMITED'
  | 'OPERATION_LIMIT_EXCEEDED'
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'DOWNSTREAM_SERVICE_ERROR'
  | 'GATEWAY_TIMEOUT'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_ONLY';

/** Expected failures a mutation answers in its result (`{ ok: false, error: { code } }`). */
export type ResultErrorCode = TrainingSetErrorCode | BacktestErrorCode | FeatureErrorCode;

/** Failures seen by the client itself, before or around the platform's answer. */
export type ClientErrorCode =
  /** The request never got an answer (connection refused or reset, DNS). */
  | 'NETWORK_ERROR'
  /** No answer within the client's timeout. */
  | 'TIMEOUT'
  /** The caller's AbortSignal fired. */
  | 'ABORTED'
  /** An HTTP error without a GraphQL body (a proxy's 502, a download's 410). */
  | 'HTTP_ERROR'
  /** The answer was not a GraphQL response. */
  | 'BAD_RESPONSE'
  /** A training set, materialization or model build finished FAILED. */
  | 'BUILD_FAILED'
  /** A code this SDK version does not know (a newer platform); `graphQLError` has it. */
  | 'UNKNOWN';

export type AlphagraphErrorCode = PlatformErrorCode | ResultErrorCode | ClientErrorCode;

/** One error of a GraphQL response, as sent. */
export interface GraphQLErrorPayload {
  readonly message: string;
  readonly path?: ReadonlyArray<string | number>;
  readonly locations?: ReadonlyArray<{ line: number; column: number }>;
  readonly extensions?: Readonly<Record<string, unknown>> & { readonly code?: string };
}

const PLATFORM_CODES: ReadonlySet<string> = new Set<PlatformErrorCode>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'FAILED_PRECONDITION',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'CANCELLED',
  'INTERNAL_SERVER_ERROR',
  'RATE_LIMITED',
  'OPERATION_LIMIT_EXCEEDED',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'DOWNSTREAM_SERVICE_ERROR',
  'GATEWAY_TIMEOUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_ONLY',
]);

/**
 * Every failure the SDK reports: `code` is one of a closed union (switch on it exhaustively),
 * `graphQLError` the platform's first error as sent (with its path and extensions), `errors` all of them.
 */
export class AlphagraphError extends Error {
  override readonly name = 'AlphagraphError';
  readonly code: AlphagraphErrorCode;
  readonly graphQLError: GraphQLErrorPayload | undefined;
  readonly errors: readonly GraphQLErrorPayload[];
  /** The HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** The operation that failed. */
  readonly operationName: string | undefined;

  constructor(
    code: AlphagraphErrorCode,
    message: string,
    options: {
      errors?: readonly GraphQLErrorPayload[];
      status?: number | undefined;
      operationName?: string | undefined;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.errors = options.errors ?? [];
    this.graphQLError = this.errors[0];
    this.status = options.status;
    this.operationName = options.operationName;
  }
}

export function isAlphagraphError(error: unknown, code?: AlphagraphErrorCode): error is AlphagraphError {
  return error instanceof AlphagraphError && (code === undefined || error.code === code);
}

/** The code of a platform error as the SDK types it; one it does not know is UNKNOWN. */
export function codeOf(error: GraphQLErrorPayload): AlphagraphErrorCode {
  const code = error.extensions?.code;
  if (typeof code !== 'string') return 'UNKNOWN';
  // The persisted-documents plugin's own names for its refusals.
  if (code === 'PERSISTED_QUERY_NOT_IN_LIST') return 'PERSISTED_QUERY_NOT_FOUND';
  if (code === 'CANNOT_SEND_PQ_ID_AND_BODY') return 'PERSISTED_QUERY_ONLY';
  return PLATFORM_CODES.has(code) ? (code as PlatformErrorCode) : 'UNKNOWN';
}

/** The error of a GraphQL response's errors: the first one's code and message, all of them attached. */
export function errorFromGraphQL(
  errors: readonly GraphQLErrorPayload[],
  context: { status?: number | undefined; operationName?: string | undefined },
): AlphagraphError {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more error${errors.length > 2 ? 's' : ''})` : '';
  return new AlphagraphError(codeOf(first), `${first.message}${more}`, { errors, ...context });
}
