import {
  checkScopes,
  type Identity,
  identityFromAuthorization,
  introspectionDenial,
  mayExplore,
  type Requirement,
  type TokenVerifier,
  withoutSuggestions,
} from '@alphagraph/auth';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';
import { createGraphQLError } from '@graphql-tools/utils';
import type { FieldNode, GraphQLError } from 'graphql';

/**
 * The gateway's half of authorization. The bearer token is verified once per request; the
 * Federation directives in the supergraph (@authenticated, @requiresScopes) are enforced by the
 * runtime's generic-auth plugin in `protect-granular` mode before any subgraph is called; and the
 * token itself is forwarded, so each subgraph verifies it again and enforces the same directives.
 *
 * Mixed queries: a query asking for fields the caller may read and fields it may not is answered
 * with the allowed part, and one error per denied field naming it and the role it needs
 * (`rejectUnauthenticated: false`). Nothing denied is ever sent to a subgraph.
 *
 * @policy (licence entitlements) needs data the gateway does not have: the gateway admits it and
 * the owning subgraph decides it per dataset.
 */
export function createGatewayAuth(verifier: TokenVerifier) {
  const identities = new WeakMap<Request, Promise<Identity | null>>();
  const resolved = new WeakMap<Request, Identity | null>();

  const identityOf = (request: Request): Promise<Identity | null> => {
    let pending = identities.get(request);
    if (!pending) {
      pending = identityFromAuthorization(verifier, request.headers.get('authorization'));
      identities.set(request, pending);
    }
    return pending;
  };

  const genericAuth = {
    mode: 'protect-granular' as const,
    rejectUnauthenticated: false,
    resolveUserFn: (context: { request: Request }) => identityOf(context.request),
    extractScopes: (user: Record<string, unknown> | null | undefined) => [
      ...((user as Identity | null | undefined)?.scopes ?? []),
    ],
    // The gateway cannot decide data-dependent policies; the owning subgraph does (see above).
    extractPolicies: () => ['entitled'],
    validateUser: (params: {
      user: Record<string, unknown> | null | undefined;
      parentType: { name: string };
      field: { name: string };
      fieldNode: FieldNode;
      path: ReadonlyArray<string | number>;
      typeScopes?: string[][];
      fieldScopes?: string[][];
      typeAuthArgs?: Record<string, unknown>;
      fieldAuthArgs?: Record<string, unknown>;
    }): GraphQLError | undefined => {
      const requirements: Requirement[] = [
        { authenticated: !!params.typeAuthArgs, scopes: params.typeScopes ?? null, policies: null },
        { authenticated: !!params.fieldAuthArgs, scopes: params.fieldScopes ?? null, policies: null },
      ];
      const coordinate = `${params.parentType.name}.${params.field.name}`;
      const denial = checkScopes(coordinate, requirements, (params.user as Identity | null | undefined) ?? null);
      if (!denial) return undefined;
      return createGraphQLError(denial.message, {
        nodes: [params.fieldNode],
        path: params.path,
        extensions: { code: denial.code },
      });
    },
  };

  /**
   * Introspection and field suggestions only for roles that use the explorer. Both are decided per
   * request after validation (validation results are cached across callers): introspection at
   * execution, suggestions when the result is sent.
   */
  const explorerOnly: GatewayPlugin = {
    async onParams({ request }) {
      resolved.set(request, await identityOf(request).catch(() => null));
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const denial = request ? introspectionDenial(args.document, resolved.get(request)) : null;
      if (denial) setResultAndStopExecution({ errors: [denial] });
    },
    onResultProcess({ request, result, setResult }) {
      if (mayExplore(resolved.get(request)) || Array.isArray(result) || !result || !('errors' in result)) return;
      const errors = (result as { errors?: readonly GraphQLError[] }).errors;
      if (!errors?.some((e) => /Did you mean/.test(e.message))) return;
      setResult({
        ...(result as object),
        errors: errors.map((e) =>
          createGraphQLError(withoutSuggestions(e.message), {
            ...(e.nodes ? { nodes: e.nodes } : {}),
            ...(e.extensions ? { extensions: e.extensions } : {}),
          }),
        ),
      } as never);
    },
  };

  return {
    genericAuth,
    plugins: [explorerOnly],
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }: { request: Request }) => ({
        authorization: request.headers.get('authorization'),
        'x-request-id': request.headers.get('x-request-id'),
      }),
    },
  };
}
