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
import { createGraphQLError, mapAsyncIterator } from '@graphql-tools/utils';
import type { DocumentNode, ExecutionResult, FieldNode, GraphQLError, GraphQLSchema } from 'graphql';
import { type DenialScope, placeDenials } from './internal/denials.ts';
import { requestIdOf } from './internal/request-id.ts';

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
export function createGatewayAuth(
  verifier: TokenVerifier,
  options: { onDenied?: (field: string, code: string) => void } = {},
) {
  const identities = new WeakMap<Request, Promise<Identity | null>>();
  const resolved = new WeakMap<Request, Identity | null>();
  const denials = new WeakMap<Request, DenialScope>();

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
      executionArgs: {
        schema: GraphQLSchema;
        document: DocumentNode;
        operationName?: string | null;
        variableValues?: Record<string, unknown> | null;
        contextValue?: unknown;
      };
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
      options.onDenied?.(coordinate, String(denial.code));
      // No path here: the plugin's is wrong under lists; placeDenials puts it where it belongs.
      const error = createGraphQLError(denial.message, {
        nodes: [params.fieldNode],
        extensions: { code: denial.code },
      });
      const args = params.executionArgs;
      const request = (args.contextValue as { request?: Request }).request;
      if (request) {
        let scope = denials.get(request);
        if (!scope) {
          // The document as the caller sent it: the plugin replaces it only once its walk is done.
          scope = {
            schema: args.schema,
            document: args.document,
            operationName: args.operationName,
            variables: args.variableValues,
            denials: [],
          };
          denials.set(request, scope);
        }
        scope.denials.push({ node: params.fieldNode, error });
      }
      return error;
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
    /**
     * A subscription's denials, as a query's: every event carries the allowed part with each denied
     * field null and an error naming it. The validation plugin that takes denied fields out of the
     * document ends an event stream with one error result instead (`rejectUnauthenticated: false`
     * does not cover streams), so the stream the runtime opened is kept aside and passed on, each
     * event's denials placed. A denied root field opens no stream: the answer is its error.
     * Runs after the validation plugin's own onSubscribe (genericAuth comes before `plugins` in the
     * runtime), which is what records the request's denials; gateway/src/subscriptions.test.ts
     * fails if that order changes.
     */
    onSubscribe({ args, subscribeFn, setSubscribeFn }) {
      const request = (args.contextValue as { request?: Request }).request;
      const scope = request ? denials.get(request) : undefined;
      if (!request || !scope) return;
      let opened: unknown;
      setSubscribeFn(((subscribeArgs: Parameters<typeof subscribeFn>[0]) => {
        const result = subscribeFn(subscribeArgs);
        opened = result;
        // Settled before the runtime's own continuation, which was registered after this one.
        if (result instanceof Promise) void result.then((r) => (opened = r)).catch(() => {});
        return result;
      }) as typeof subscribeFn);
      return {
        onSubscribeResult({ setResult }) {
          denials.delete(request);
          if (opened && typeof opened === 'object' && Symbol.asyncIterator in opened) {
            setResult(
              mapAsyncIterator(opened as AsyncIterableIterator<ExecutionResult>, (event) => {
                const placed = placeDenials(scope, event.data ?? {}, event.errors ?? []);
                return { ...event, data: placed.data, errors: placed.errors } as ExecutionResult;
              }) as never,
            );
            return;
          }
          const placed = placeDenials(scope, {}, []);
          setResult({ data: placed.data ?? null, errors: placed.errors } as never);
        },
      };
    },
    onExecute({ args, setResultAndStopExecution }) {
      const request = (args.contextValue as { request?: Request }).request;
      const denial = request ? introspectionDenial(args.document, resolved.get(request)) : null;
      if (denial) setResultAndStopExecution({ errors: [denial] });
    },
    onResultProcess({ request, result, setResult }) {
      const scope = denials.get(request);
      if (
        scope &&
        result &&
        !Array.isArray(result) &&
        typeof result === 'object' &&
        !(Symbol.asyncIterator in result)
      ) {
        denials.delete(request);
        const r = result as { data?: Record<string, unknown> | null; errors?: readonly GraphQLError[] };
        const placed = placeDenials(scope, r.data ?? {}, r.errors ?? []);
        result = { ...r, data: placed.data, errors: placed.errors } as typeof result;
        setResult(result);
      }
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
        'x-request-id': requestIdOf(request),
      }),
    },
  };
}
