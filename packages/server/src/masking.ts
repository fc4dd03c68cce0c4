import { GraphQLError, type GraphQLErrorOptions, type GraphQLFormattedError } from 'graphql';

/** What a client sees of anything that went wrong unexpectedly, at the gateway and in every subgraph. */
export const INTERNAL_ERROR_MESSAGE = 'Internal server error';
const INTERNAL_CODE = 'INTERNAL_SERVER_ERROR';

/** Extensions that servers in development mode add and that must not reach a client. */
/** `request`/`response`: the gateway transport's copy of a subgraph call, variables and body included. */
const INTERNAL_EXTENSIONS = ['stacktrace', 'exception', 'originalError', 'request', 'response'];

function publicExtensions(extensions: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(extensions).filter(([key]) => !INTERNAL_EXTENSIONS.includes(key)));
}

const hasInternals = (extensions: Readonly<Record<string, unknown>> | undefined) =>
  !!extensions && INTERNAL_EXTENSIONS.some((key) => key in extensions);

/**
 * A subgraph's masking of a formatted error (Apollo's formatError). Errors with a code other
 * than INTERNAL_SERVER_ERROR (DomainErrors; graphql-js parse, validation and variable errors)
 * keep their message without internals; everything else becomes INTERNAL_ERROR_MESSAGE: no stack
 * traces, SQL text or driver messages reach a client.
 */
export function maskFormattedError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== INTERNAL_CODE) {
    return hasInternals(formatted.extensions)
      ? { ...formatted, extensions: publicExtensions(formatted.extensions!) }
      : formatted;
  }
  return {
    message: INTERNAL_ERROR_MESSAGE,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: INTERNAL_CODE },
  };
}

/**
 * By name rather than `instanceof`, which a second copy of graphql defeats: its ESM and CJS builds
 * are two copies, as under vitest without the alias in vitest.config.ts.
 */
export function isGraphQLError(error: unknown): error is GraphQLError {
  return error instanceof Error && error.name === 'GraphQLError';
}

/** An error raised on purpose (validation, a resolver's GraphQLError), not wrapping an unexpected throw. */
export function isOriginalGraphQLError(error: unknown): error is GraphQLError {
  return isGraphQLError(error) && (error.originalError == null || isOriginalGraphQLError(error.originalError));
}

/** A new error at the same place in the response, built with the class the runtime recognises. */
export function replaceGraphQLError(
  error: GraphQLError,
  message: string,
  extensions: Record<string, unknown>,
): GraphQLError {
  const { nodes, source, positions, path } = error;
  const options: GraphQLErrorOptions = { nodes, source, positions, path, extensions };
  const SameGraphQLError = error.constructor as typeof GraphQLError;
  return new SameGraphQLError(message, options);
}

/**
 * Masking of a thrown error (a GraphQL server's maskError, as the gateway runtime takes it).
 * Deliberate GraphQL errors reach the client as they are, without internal extensions; anything
 * else becomes `message` with code INTERNAL_SERVER_ERROR, at the same path.
 */
export function maskThrownError(error: unknown, message: string = INTERNAL_ERROR_MESSAGE): Error {
  if (isOriginalGraphQLError(error)) {
    return hasInternals(error.extensions)
      ? replaceGraphQLError(error, error.message, publicExtensions(error.extensions))
      : error;
  }
  if (!isGraphQLError(error)) return new GraphQLError(message, { extensions: { code: INTERNAL_CODE } });
  return replaceGraphQLError(error, message, { code: INTERNAL_CODE });
}
