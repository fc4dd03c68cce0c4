import { createGraphQLError } from '@graphql-tools/utils';
import type { GraphQLError } from 'graphql';
import { AuthError } from './errors.ts';
import { bearerToken, type Identity, type TokenVerifier } from './tokens.ts';

/**
 * A refused token as GraphQL answers it, at the gateway and at every subgraph alike: HTTP 401,
 * code UNAUTHENTICATED, the reason as a machine-readable code and the message saying why.
 */
export function unauthenticatedError(error: AuthError): GraphQLError {
  return createGraphQLError(error.message, {
    extensions: { code: 'UNAUTHENTICATED', reason: error.code, http: { status: error.status } },
  });
}

/**
 * The caller behind an `Authorization` header: null when there is none (anonymous; each field
 * decides whether that is enough), the verified identity for a good bearer token, and a thrown
 * `unauthenticatedError` for a bad one.
 */
export async function identityFromAuthorization(
  verifier: TokenVerifier,
  header: string | null | undefined,
): Promise<Identity | null> {
  try {
    const token = bearerToken(header);
    return token ? await verifier.verify(token) : null;
  } catch (error) {
    if (error instanceof AuthError) throw unauthenticatedError(error);
    throw error;
  }
}
