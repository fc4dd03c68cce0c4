import { createGraphQLError } from '@graphql-tools/utils';
import { type DocumentNode, type GraphQLError, Kind, visit } from 'graphql';
import { EXPLORER_ROLES } from './roles.ts';
import type { Identity } from './tokens.ts';

/** Whether an operation asks for the schema (__schema or __type; __typename is always fine). */
export function isIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD]: (node) => {
      if (node.name.value === '__schema' || node.name.value === '__type') found = true;
    },
  });
  return found;
}

/** Introspection and field suggestions are for people using the explorer, not for machines or anonymous callers. */
export function mayExplore(identity: Identity | null | undefined): boolean {
  return !!identity && identity.roles.some((r) => EXPLORER_ROLES.includes(r));
}

export const INTROSPECTION_DENIED = 'introspection is only available to roles that use the explorer; send such a token';

/**
 * The introspection rule, as the gateway and every subgraph answer it: the error to send instead
 * of executing `document`, or null when the caller may run it.
 */
export function introspectionDenial(
  document: DocumentNode,
  identity: Identity | null | undefined,
): GraphQLError | null {
  if (!isIntrospection(document) || mayExplore(identity)) return null;
  return createGraphQLError(INTROSPECTION_DENIED, { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
}

/** Removes graphql-js "Did you mean …?" hints, which reveal schema names. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*\?$/s, '');
}
