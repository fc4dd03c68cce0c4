import { isConnectionLost } from '@alphagraph/db';
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
  | 'UNAVAILABLE';

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

/**
 * Rewrites, before masking, each error of a request whose cause is a lost or refused database
 * connection into code UNAVAILABLE with DATABASE_UNAVAILABLE_MESSAGE: a client can tell it from a
 * bug and retry. The driver's own message (host, port) is not shown; other errors are untouched.
 */
export function databaseUnavailablePlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            if (!isConnectionLost(error.originalError)) continue;
            error.message = DATABASE_UNAVAILABLE_MESSAGE;
            for (const key of Object.keys(error.extensions)) delete (error.extensions as Record<string, unknown>)[key];
            Object.assign(error.extensions, { code: 'UNAVAILABLE' });
          }
        },
      };
    },
  };
}
