import { GraphQLError } from 'graphql';

export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'FAILED_PRECONDITION';

/**
 * An expected failure whose message a user can act on. Resolvers throw it (or return it in a
 * result union); anything else that escapes a resolver is masked as an internal error.
 */
export class DomainError extends GraphQLError {
  constructor(
    code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, { extensions: { code, ...(options?.details ?? {}) }, originalError: asError(options?.cause) });
    this.name = 'DomainError';
  }
}

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}
