import { getDirective } from '@graphql-tools/utils';
import type { GraphQLField, GraphQLNamedType, GraphQLSchema } from 'graphql';
import type { Identity } from './tokens.ts';

/** What a type or field requires, read from the Federation authorization directives on it. */
export interface Requirement {
  readonly authenticated: boolean;
  /** OR of AND groups of scopes (roles), as in `@requiresScopes(scopes: [["analyst"], ["service"]])`. */
  readonly scopes: readonly (readonly string[])[] | null;
  /** OR of AND groups of policy names, decided with data by the owning subgraph. */
  readonly policies: readonly (readonly string[])[] | null;
}

export const NO_REQUIREMENT: Requirement = { authenticated: false, scopes: null, policies: null };

type Annotated = GraphQLNamedType | GraphQLField<unknown, unknown>;

/** Reads @authenticated, @requiresScopes and @policy from a type or a field of `schema`. */
export function requirementOf(schema: GraphQLSchema, node: Annotated): Requirement {
  const authenticated = (getDirective(schema, node, 'authenticated') ?? []).length > 0;
  const scopes = (getDirective(schema, node, 'requiresScopes') ?? []).flatMap(
    (d) => (d.scopes as string[][] | undefined) ?? [],
  );
  const policies = (getDirective(schema, node, 'policy') ?? []).flatMap(
    (d) => (d.policies as string[][] | undefined) ?? [],
  );
  return {
    authenticated,
    scopes: scopes.length > 0 ? scopes : null,
    policies: policies.length > 0 ? policies : null,
  };
}

export function hasRequirement(r: Requirement): boolean {
  return r.authenticated || r.scopes !== null || r.policies !== null;
}

export type AccessDenial = { readonly code: 'UNAUTHENTICATED' | 'FORBIDDEN'; readonly message: string };

const describeGroups = (groups: readonly (readonly string[])[]) =>
  groups.map((g) => g.join(' and ')).join(groups.length > 1 ? ' or ' : '');

/**
 * Decides the authentication and scope parts of a requirement for `coordinate` (e.g.
 * `Instrument.bars`). Policies are decided separately, with data, by the owning subgraph.
 */
export function checkScopes(
  coordinate: string,
  requirements: readonly Requirement[],
  identity: Identity | null,
): AccessDenial | null {
  const needed = requirements.filter(hasRequirement);
  if (needed.length === 0) return null;
  if (!identity) {
    return { code: 'UNAUTHENTICATED', message: `${coordinate} requires an authenticated caller: send a bearer token` };
  }
  for (const r of needed) {
    if (!r.scopes) continue;
    const ok = r.scopes.some((group) => group.every((s) => (identity.scopes as readonly string[]).includes(s)));
    if (!ok) {
      return {
        code: 'FORBIDDEN',
        message: `${coordinate} requires role ${describeGroups(r.scopes)}; you have ${identity.roles.join(', ')}`,
      };
    }
  }
  return null;
}
