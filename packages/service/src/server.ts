import type { IncomingMessage } from 'node:http';
import { enforceAuthorization, type Identity, type PolicyDecider, type TokenVerifier } from '@alphagraph/auth';
import {
  checkOperationLimits,
  costAnnotationsFromSdl,
  DEFAULT_OPERATION_LIMITS,
  maskFormattedError,
  measureOperation,
  type OperationLimits,
  readSubgraphSdl,
} from '@alphagraph/server';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, parse } from 'graphql';
import { rereadEnumDefaults } from './enum-defaults.ts';
import { rewriteDependencyError } from './errors.ts';
import { type HttpRoute, serveHttp } from './http.ts';
import type { Logger, RequestLogFields } from './logger.ts';
import { nulCharacterPlugin } from './nul.ts';
import type { ReadinessReport } from './readiness.ts';
import { explorerOnlyPlugin, requestScope } from './request.ts';
import { SSE_KEEP_ALIVE_MS } from './subscriptions.ts';

/** A resolver map as buildSubgraphSchema takes it (codegen's typed Resolvers are assignable to it). */
export type SubgraphResolvers = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers']
>;

/** Who is asking, established before any resolver runs. */
export interface RequestScope {
  readonly identity: Identity | null;
  readonly requestId: string;
  /**
   * The caller's Authorization header, verified, kept only to call a peer subgraph on the caller's
   * behalf (so the peer applies the caller's roles and entitlements). Never logged or stored.
   */
  readonly authorization?: string | undefined;
}

/** Every subgraph's context carries the verified identity the authorization layer reads. */
export interface ServiceContext extends RequestScope {}

export interface SubgraphServerOptions<C extends ServiceContext> {
  /** The subgraph's name; its SDL is read from schema/<name>.graphql unless `sdl` is given. */
  name: string;
  /** The subgraph's SDL, instead of schema/<name>.graphql (test subgraphs). */
  sdl?: DocumentNode | undefined;
  resolvers: SubgraphResolvers;
  /** Builds the per-request context (fresh DataLoaders every request). */
  context: (scope: RequestScope) => Promise<C>;
  verifier: TokenVerifier;
  decidePolicy?: PolicyDecider | undefined;
  port: number;
  host: string;
  /** How long stop() lets requests in flight finish (HttpEnv's STOP_GRACE_SECONDS). */
  stopGraceMs?: number | undefined;
  plugins?: ApolloServerPlugin<C>[];
  /** Routes served next to GraphQL (e.g. downloads). */
  routes?: readonly HttpRoute[];
  /** The operation limits (the gateway's, GRAPHQL_MAX_*); defaults: DEFAULT_OPERATION_LIMITS. */
  limits?: OperationLimits | undefined;
  /** How long a request's DuckDB statements may run (DUCKDB_REQUEST_DEADLINE_SECONDS); default unbounded. */
  requestDeadlineSeconds?: number | undefined;
  /** How often an open subscription stream sends a keep-alive comment; default SSE_KEEP_ALIVE_MS (15 s). */
  subscriptionKeepAliveMs?: number | undefined;
  /** Answers /readyz; without it /readyz says ready whenever the server answers. */
  readiness?: (() => Promise<ReadinessReport>) | undefined;
  /** The process's logger: one line per request, unexpected errors. Default: none (console for errors). */
  log?: Logger | undefined;
}

export interface RunningSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The subgraph's executable schema: schema-first SDL, federation resolvers, and the SDL's own
 * authorization directives enforced on every field and every entity reference.
 */
export function buildServiceSchema(
  name: string,
  resolvers: SubgraphResolvers,
  decidePolicy?: PolicyDecider,
  sdl: DocumentNode = parse(readSubgraphSdl(name)),
): GraphQLSchema {
  const schema = rereadEnumDefaults(buildSubgraphSchema({ typeDefs: sdl, resolvers }));
  return enforceAuthorization(schema, {
    identityOf: (ctx) => (ctx as RequestScope | undefined)?.identity ?? null,
    ...(decidePolicy ? { decidePolicy } : {}),
  });
}

/**
 * The gateway's operation limits, measured again here on the subgraph's own schema and cost
 * annotations (with the request's variables; `_entities` sized by its representations) once the
 * operation is parsed and validated, before any resolver runs.
 */
function operationLimitsPlugin<C extends ServiceContext>(
  sdl: DocumentNode,
  limits: OperationLimits,
): ApolloServerPlugin<C> {
  const annotations = costAnnotationsFromSdl(sdl);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, request, schema }) {
          const measure = measureOperation({ schema, document, variables: request.variables, annotations });
          const refused = checkOperationLimits(measure, limits);
          if (refused) throw refused;
        },
      };
    },
  };
}

/** Starts one subgraph: Apollo Server over the schema-first SDL with federation resolvers. */
export async function startSubgraphServer<C extends ServiceContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningSubgraph> {
  const sdl = options.sdl ?? parse(readSubgraphSdl(options.name));
  const limits = options.limits ?? DEFAULT_OPERATION_LIMITS;
  const schema = buildServiceSchema(options.name, options.resolvers, options.decidePolicy, sdl);
  const formatError = (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const masked = maskFormattedError(formatted);
    if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
      const cause = (error as { originalError?: unknown }).originalError ?? error;
      if (options.log) options.log.error({ err: cause }, 'unexpected error');
      else console.error(`[${options.name}] unexpected error`, cause);
    }
    return masked;
  };
  const server = new ApolloServer<C>({
    schema,
    // Past this many tokens the document is not parsed at all (serveHttp refuses it first, naming the limit).
    parseOptions: { maxTokens: limits.maxTokens },
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    // Explicit, not NODE_ENV's default: explorerOnlyPlugin admits introspection for explorer roles.
    introspection: true,
    // Boot owns shutdown: Apollo's own SIGTERM handler would stop it (and re-raise the signal,
    // killing the process) while requests are still being answered.
    stopOnTerminationSignals: false,
    formatError,
    plugins: [
      // No per-field hooks: cache hints are unused and inline traces are for Apollo's registry; either
      // would wrap every resolver, and a 100 × 20 online read resolves over 10,000 fields.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      explorerOnlyPlugin<C>(),
      operationLimitsPlugin<C>(sdl, limits),
      nulCharacterPlugin<C>(),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const context = async (req: IncomingMessage, log: RequestLogFields) => {
    const scope = await requestScope(options.verifier, req);
    log.userId = scope.identity?.userId ?? null;
    return options.context(scope);
  };
  const http = await serveHttp({
    apollo: server,
    host: options.host,
    port: options.port,
    stopGraceMs: options.stopGraceMs,
    routes: options.routes ?? [],
    limits,
    requestDeadlineSeconds: options.requestDeadlineSeconds,
    context,
    readiness: options.readiness,
    log: options.log,
    // Apollo refuses subscriptions: they are served over SSE on the same schema, context and limits.
    subscriptions: {
      schema,
      limits,
      annotations: costAnnotationsFromSdl(sdl),
      scope: (req) => requestScope(options.verifier, req),
      context: options.context,
      formatError: (error) => {
        // What dependencyErrorsPlugin does for a query (every booted service has it).
        rewriteDependencyError(error);
        return formatError(error.toJSON(), error);
      },
      eventDeadlineSeconds: options.requestDeadlineSeconds,
      keepAliveMs: options.subscriptionKeepAliveMs ?? SSE_KEEP_ALIVE_MS,
    },
  });
  return {
    url: http.url,
    stop: async () => {
      await http.close();
      await server.stop();
    },
  };
}
