import { isConnectionLost } from '@alphagraph/db';
import { LakeError } from '@alphagraph/lake';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

export type DomainErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'FAILED_PRECONDITION'
  /** A dependency (the database) is unreachable for now: the same request may succeed on a retry. */
  | 'UNAVAILABLE'
  /** The request's analytic work ran past its deadline and was stopped. */
  | 'DEADLINE_EXCEEDED';

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

/** What a client is told when the database connection was lost under its request. */
export const DATABASE_UNAVAILABLE_MESSAGE =
  'the database is unreachable right now (its connection was lost); retry the request in a few seconds';

/** The lake's deadline or cancellation error somewhere in an error's cause chain. */
function stoppedLakeWork(error: unknown): LakeError | null {
  for (let e = error, depth = 0; e instanceof Error && depth < 8; depth++) {
    if (e instanceof LakeError && (e.code === 'DEADLINE_EXCEEDED' || e.code === 'CANCELLED')) return e;
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  return null;
}

function rewrite(error: GraphQLError, code: string, message: string): void {
  const extensions = error.extensions as Record<string, unknown>;
  error.message = message;
  for (const key of Object.keys(extensions)) delete extensions[key];
  Object.assign(extensions, { code });
}

/**
 * Rewrites, before masking, each error of a request whose cause is a dependency rather than a bug,
 * so a client can tell them apart: a lost or refused database connection becomes UNAVAILABLE with
 * DATABASE_UNAVAILABLE_MESSAGE (the driver's own message, with host and port, is not shown); an
 * analytic query stopped at its deadline becomes DEADLINE_EXCEEDED naming the deadline; one
 * stopped because the caller went away becomes CANCELLED (nobody reads it). Other errors are untouched.
 */
export function dependencyErrorsPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) rewriteDependencyError(error);
        },
      };
    },
  };
}

/** One error as `dependencyErrorsPlugin` rewrites it (in place); subscription events get the same. */
export function rewriteDependencyError(error: GraphQLError): void {
  if (isConnectionLost(error.originalError)) {
    rewrite(error, 'UNAVAILABLE', DATABASE_UNAVAILABLE_MESSAGE);
    return;
  }
  const stopped = stoppedLakeWork(error.originalError);
  if (stopped) rewrite(error, stopped.code, stopped.message);
}
