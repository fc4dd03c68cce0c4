import { isGraphQLError, isOriginalGraphQLError, maskThrownError, replaceGraphQLError } from '@alphagraph/server';

/** What the HTTP transport says went wrong talking to a subgraph, in words a client can act on. */
const UPSTREAM_FAILURES: Record<string, string> = {
  SUBREQUEST_HTTP_ERROR: 'is unavailable',
  TIMEOUT_ERROR: 'did not answer in time',
  // The runtime's upstream timeout (GatewayOptions.subgraphTimeoutMs).
  GATEWAY_TIMEOUT: 'did not answer in time',
  RESPONSE_VALIDATION_FAILED: 'sent a response that is not GraphQL',
};

/**
 * The gateway's error masking: the platform's (maskThrownError), except that a subgraph that
 * cannot be reached becomes an error naming it (the rest of the response stays). The runtime logs
 * the original.
 */
export function maskGatewayError(error: unknown, message: string): Error {
  // A transport failure wraps the fetch error; a subgraph's own errors are passed on as they are.
  // The upstream timeout is raised by the runtime itself, as a GraphQLError of its own.
  const wrapsAFailure = !isOriginalGraphQLError(error) || error.extensions.code === 'GATEWAY_TIMEOUT';
  if (wrapsAFailure && isGraphQLError(error)) {
    const { code, serviceName } = error.extensions;
    const failure = typeof code === 'string' ? UPSTREAM_FAILURES[code] : undefined;
    if (failure && typeof serviceName === 'string') {
      return replaceGraphQLError(error, `Subgraph "${serviceName}" ${failure}.`, { code, serviceName });
    }
  }
  return maskThrownError(error, message);
}
