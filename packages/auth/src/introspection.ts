import { type DocumentNode, Kind, visit } from 'graphql';
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

/** Removes graphql-js "Did you mean …?" hints, which reveal schema names. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean .*\?$/s, '');
}
