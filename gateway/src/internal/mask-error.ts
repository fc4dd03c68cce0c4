import { GraphQLError, type GraphQLErrorOptions } from 'graphql';

/** What the HTTP transport says went wrong talking to a subgraph, in words a client can act on. */
const UPSTREAM_FAILURES: Record<string, string> = {
  SUBREQUEST_HTTP_ERROR: 'is unavailable',
  TIMEOUT_ERROR: 'did not answer in time',
  RESPONSE_VALIDATION_FAILED: 'sent a response that is not GraphQL',
};

/** Extensions that subgraphs in development mode add and that must not reach a client. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'originalError'];

/**
 * By name rather than `instanceof`, which a second copy of graphql defeats: its ESM and CJS builds
 * are two copies, as under vitest without the alias in vitest.config.ts.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** An error raised on purpose (validation, a resolver's GraphQLError), not wrapping an unexpected throw. */
function isOriginalGraphQLError(error: unknown): error is GraphQLError {
  return isGraphQLError(error) && (error.originalError == null || isOriginalGraphQLError(error.originalError));
}

/** A new error at the same place in the response, built with the class the runtime recognises. */
function replace(error: GraphQLError, message: string, extensions: Record<string, unknown>): GraphQLError {
  const { nodes, source, positions, path } = error;
  const options: GraphQLErrorOptions = { nodes, source, positions, path, extensions };
  const SameGraphQLError = error.constructor as typeof GraphQLError;
  return new SameGraphQLError(message, options);
}

/**
 * The gateway's error masking. Deliberate GraphQL errors reach the client without stack traces;
 * a subgraph that cannot be reached becomes an error naming it (the rest of the response stays);
 * anything else becomes `message` with code INTERNAL_SERVER_ERROR. The runtime logs the original.
 */
export function maskGatewayError(error: unknown, message: string): Error {
  if (isOriginalGraphQLError(error)) {
    if (!INTERNAL_EXTENSIONS.some((key) => key in error.extensions)) return error;
    const extensions = Object.fromEntries(
      Object.entries(error.extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)),
    );
    return replace(error, error.message, extensions);
  }
  if (!isGraphQLError(error)) {
    return new GraphQLError(message, { extensions: { code: 'INTERNAL_SERVER_ERROR' } });
  }
  const { code, serviceName } = error.extensions;
  const failure = typeof code === 'string' ? UPSTREAM_FAILURES[code] : undefined;
  if (failure && typeof serviceName === 'string') {
    return replace(error, `Subgraph "${serviceName}" ${failure}.`, { code, serviceName });
  }
  return replace(error, message, { code: 'INTERNAL_SERVER_ERROR' });
}
