import type { ApolloServerPlugin } from '@apollo/server';
import { type DocumentNode, visit } from 'graphql';
import { DomainError } from './errors.ts';

/** Where in the variables a string holds a NUL character, or null (strings, lists and objects walked). */
function nulIn(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulIn(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const found = nulIn(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

function nulInDocument(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/** The refusal of an operation carrying a NUL character (see nulCharacterPlugin), or null. */
export function nulCharacterRefusal(document: DocumentNode, variables: unknown): DomainError | null {
  const inVariables = nulIn(variables ?? {}, '$');
  if (inVariables) {
    return new DomainError(
      'BAD_USER_INPUT',
      `variable ${inVariables.replace(/^\$\./, '$')} contains a NUL character, which no argument accepts`,
    );
  }
  if (nulInDocument(document)) {
    return new DomainError(
      'BAD_USER_INPUT',
      'a string in the operation contains a NUL character, which no argument accepts',
    );
  }
  return null;
}

/**
 * No argument of any subgraph may carry a NUL character: Postgres cannot store one in text, so a
 * NUL reaching it (a dataset name, a filter, a source) would be a driver error. Refused before any
 * resolver runs, naming the variable, as BAD_USER_INPUT.
 */
export function nulCharacterPlugin<C extends object>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request }) {
          const refused = nulCharacterRefusal(document, request.variables);
          if (refused) throw refused;
        },
      };
    },
  };
}
