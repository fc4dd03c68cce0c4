import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import {
  AuthError,
  bearerToken,
  enforceAuthorization,
  type Identity,
  isIntrospection,
  mayExplore,
  type PolicyDecider,
  type TokenVerifier,
} from '@alphagraph/auth';
import { findRepoRoot } from '@alphagraph/config';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema, parse } from 'graphql';
import { rereadEnumDefaults } from './enum-defaults.ts';
import { type HttpRoute, serveHttp } from './http.ts';

/** A resolver map as buildSubgraphSchema takes it (codegen's typed Resolvers are assignable to it). */
export type SubgraphResolvers = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers']
>;

/** Who is asking, established before any resolver runs. */
export interface RequestScope {
  readonly identity: Identity | null;
  readonly requestId: string;
}

/** Every subgraph's context carries the verified identity the authorization layer reads. */
export interface ServiceContext extends RequestScope {}

export interface SubgraphServerOptions<C extends ServiceContext> {
  /** The subgraph's name; its SDL is read from schema/<name>.graphql. */
  name: string;
  resolvers: SubgraphResolvers;
  /** Builds the per-request context (fresh DataLoaders every request). */
  context: (scope: RequestScope) => Promise<C>;
  verifier: TokenVerifier;
  decidePolicy?: PolicyDecider | undefined;
  port: number;
  host: string;
  plugins?: ApolloServerPlugin<C>[];
  /** Routes served next to GraphQL (e.g. downloads). */
  routes?: readonly HttpRoute[];
}

export interface RunningSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

export function readSubgraphSdl(name: string): string {
  return readFileSync(join(findRepoRoot(), 'schema', `${name}.graphql`), 'utf8');
}

/**
 * The subgraph's executable schema: schema-first SDL, federation resolvers, and the SDL's own
 * authorization directives enforced on every field and every entity reference.
 */
export function buildServiceSchema(
  name: string,
  resolvers: SubgraphResolvers,
  decidePolicy?: PolicyDecider,
): GraphQLSchema {
  const schema = rereadEnumDefaults(buildSubgraphSchema({ typeDefs: parse(readSubgraphSdl(name)), resolvers }));
  return enforceAuthorization(schema, {
    identityOf: (ctx) => (ctx as RequestScope | undefined)?.identity ?? null,
    ...(decidePolicy ? { decidePolicy } : {}),
  });
}

/**
 * Masks anything that is not a deliberate GraphQL error: no stack traces, SQL text or driver
 * messages reach a client. Errors with a code (DomainErrors; graphql-js parse, validation and
 * variable errors) keep their message; everything else becomes "Internal server error".
 */
export function maskError(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (code && code !== 'INTERNAL_SERVER_ERROR') return withoutStack(formatted);
  return {
    message: 'Internal server error',
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

function withoutStack(f: GraphQLFormattedError): GraphQLFormattedError {
  if (!f.extensions || !('stacktrace' in f.extensions)) return f;
  const { stacktrace: _drop, ...extensions } = f.extensions;
  return { ...f, extensions };
}

/** Verifies the bearer token of a request (the gateway forwards the caller's own token). */
export async function requestScope(verifier: TokenVerifier, req: IncomingMessage): Promise<RequestScope> {
  const header = req.headers.authorization;
  const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
  try {
    const token = bearerToken(Array.isArray(header) ? header[0] : header);
    return { identity: token ? await verifier.verify(token) : null, requestId };
  } catch (error) {
    if (error instanceof AuthError) {
      throw new GraphQLError(error.message, {
        extensions: { code: 'UNAUTHENTICATED', reason: error.code, http: { status: 401 } },
      });
    }
    throw error;
  }
}

/** Introspection is for explorer roles only, in a subgraph as at the gateway. */
function explorerOnlyPlugin<C extends ServiceContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          if (isIntrospection(document) && !mayExplore(contextValue.identity)) {
            throw new GraphQLError('introspection is only available to roles that use the explorer', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
        },
      };
    },
  };
}

/** Starts one subgraph: Apollo Server over the schema-first SDL with federation resolvers. */
export async function startSubgraphServer<C extends ServiceContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningSubgraph> {
  const server = new ApolloServer<C>({
    schema: buildServiceSchema(options.name, options.resolvers, options.decidePolicy),
    includeStacktraceInErrorResponses: false,
    hideSchemaDetailsFromClientErrors: true,
    // Explicit, not NODE_ENV's default: explorerOnlyPlugin admits introspection for explorer roles.
    introspection: true,
    formatError: (formatted, error) => {
      const masked = maskError(formatted);
      if (masked.extensions?.code === 'INTERNAL_SERVER_ERROR') {
        console.error(
          `[${options.name}] unexpected error`,
          (error as { originalError?: unknown }).originalError ?? error,
        );
      }
      return masked;
    },
    plugins: [
      // No per-field hooks: cache hints are unused and inline traces are for Apollo's registry; either
      // would wrap every resolver, and a 100 × 20 online read resolves over 10,000 fields.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      explorerOnlyPlugin<C>(),
      ...(options.plugins ?? []),
    ],
  });
  await server.start();
  const http = await serveHttp({
    apollo: server,
    host: options.host,
    port: options.port,
    routes: options.routes ?? [],
    context: async (req) => options.context(await requestScope(options.verifier, req)),
  });
  return {
    url: http.url,
    stop: async () => {
      // Stop accepting, let in-flight requests finish briefly, then cut what is left.
      const closed = new Promise<void>((resolve) => http.server.close(() => resolve()));
      const cut = setTimeout(() => http.server.closeAllConnections(), 2_000).unref();
      http.server.closeIdleConnections();
      await closed;
      clearTimeout(cut);
      await server.stop();
    },
  };
}
