import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
} from 'graphql';
import { INTROSPECTION_DENIED, mayExplore } from './introspection.ts';
import { type AccessDenial, checkScopes, hasRequirement, type Requirement, requirementOf } from './policy.ts';
import type { Identity } from './tokens.ts';

/** Decides a named @policy for one field read, with the data the owning subgraph has. */
export type PolicyDecider = (
  policy: string,
  read: { identity: Identity; coordinate: string; parent: unknown; args: Record<string, unknown>; context: unknown },
) => Promise<AccessDenial | null> | AccessDenial | null;

export interface EnforceOptions {
  identityOf(context: unknown): Identity | null;
  decidePolicy?: PolicyDecider;
}

const FEDERATION_INTERNAL = new Set(['_Service', '_Any', '_Entity']);

function deny(d: AccessDenial): GraphQLError {
  return new GraphQLError(d.message, { extensions: { code: d.code } });
}

/**
 * Enforces the schema's own authorization directives inside a subgraph, so that a caller who
 * reaches it directly (not through the gateway) is held to the same rules: every field checks its
 * type's and its own requirements, and `_entities` checks each representation's type first.
 */
export function enforceAuthorization(schema: GraphQLSchema, options: EnforceOptions): GraphQLSchema {
  const decided = new WeakMap<object, Map<string, AccessDenial | null>>();
  const scopeCheck = (context: unknown, coordinate: string, reqs: Requirement[]) => {
    const key = (context ?? {}) as object;
    let cache = decided.get(key);
    if (!cache) decided.set(key, (cache = new Map()));
    if (!cache.has(coordinate)) cache.set(coordinate, checkScopes(coordinate, reqs, options.identityOf(context)));
    return cache.get(coordinate)!;
  };

  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (fieldConfig, fieldName, typeName) => {
      const type = schema.getType(typeName);
      if (!isObjectType(type) || FEDERATION_INTERNAL.has(typeName)) return fieldConfig;
      const field = type.getFields()[fieldName]!;
      const coordinate = `${typeName}.${fieldName}`;
      const original = (fieldConfig.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown>;

      if (typeName === 'Query' && fieldName === '_entities') {
        fieldConfig.resolve = entitiesGuard(schema, original, (ctx, t, reqs) => scopeCheck(ctx, t, reqs));
        return fieldConfig;
      }
      if (typeName === 'Query' && fieldName === '_service') {
        const reqs: Requirement[] = [{ authenticated: true, scopes: null, policies: null }];
        fieldConfig.resolve = (parent, args, ctx, info) => {
          const d = scopeCheck(ctx, coordinate, reqs);
          if (d) throw deny(d);
          // The subgraph's SDL is the schema: the introspection rule (explorer roles only) holds for it too.
          if (!mayExplore(options.identityOf(ctx))) {
            throw new GraphQLError(INTROSPECTION_DENIED, { extensions: { code: 'FORBIDDEN' } });
          }
          return original(parent, args, ctx, info);
        };
        return fieldConfig;
      }

      const reqs = [requirementOf(schema, type), requirementOf(schema, field)];
      if (!reqs.some(hasRequirement)) return fieldConfig;
      const policies = reqs.flatMap((r) => (r.policies ? [r.policies] : []));
      const guard =
        (inner: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> =>
        (parent, args, ctx, info: GraphQLResolveInfo) => {
          const d = scopeCheck(ctx, coordinate, reqs);
          if (d) throw deny(d);
          if (policies.length === 0) return inner(parent, args, ctx, info);
          return decidePolicies(options, policies, coordinate, parent, args, ctx).then((pd) => {
            if (pd) throw deny(pd);
            return inner(parent, args, ctx, info);
          });
        };
      fieldConfig.resolve = guard(original);
      // A subscription field is checked when its stream is opened, not only on each event.
      if (fieldConfig.subscribe)
        fieldConfig.subscribe = guard(fieldConfig.subscribe as GraphQLFieldResolver<unknown, unknown>);
      return fieldConfig;
    },
  });
}

/** Every @policy on the type and on the field must admit the read (each one an OR of AND groups). */
async function decidePolicies(
  options: EnforceOptions,
  policies: (readonly (readonly string[])[])[],
  coordinate: string,
  parent: unknown,
  args: Record<string, unknown>,
  context: unknown,
): Promise<AccessDenial | null> {
  const identity = options.identityOf(context);
  if (!identity) return { code: 'UNAUTHENTICATED', message: `${coordinate} requires an authenticated caller` };
  if (!options.decidePolicy) {
    return { code: 'FORBIDDEN', message: `${coordinate} is governed by a policy this subgraph cannot decide` };
  }
  for (const groups of policies) {
    let firstDenial: AccessDenial | null = null;
    let admitted = false;
    for (const group of groups) {
      let groupDenial: AccessDenial | null = null;
      for (const policy of group) {
        groupDenial = await options.decidePolicy(policy, { identity, coordinate, parent, args, context });
        if (groupDenial) break;
      }
      if (!groupDenial) {
        admitted = true;
        break;
      }
      firstDenial ??= groupDenial;
    }
    if (!admitted) return firstDenial;
  }
  return null;
}

function entitiesGuard(
  schema: GraphQLSchema,
  original: GraphQLFieldResolver<unknown, unknown>,
  check: (ctx: unknown, typeName: string, reqs: Requirement[]) => AccessDenial | null,
): GraphQLFieldResolver<unknown, unknown> {
  return async (parent, args, ctx, info) => {
    const representations = (args as { representations: { __typename: string }[] }).representations;
    const verdicts = representations.map((r) => {
      const type = schema.getType(r.__typename);
      if (!type) return null;
      return check(ctx, r.__typename, [
        requirementOf(schema, type),
        { authenticated: true, scopes: null, policies: null },
      ]);
    });
    const allowed = representations.filter((_, i) => verdicts[i] === null);
    const resolved =
      allowed.length > 0 ? ((await original(parent, { representations: allowed }, ctx, info)) as unknown[]) : [];
    let next = 0;
    return verdicts.map((v) => (v ? deny(v) : resolved[next++]));
  };
}
