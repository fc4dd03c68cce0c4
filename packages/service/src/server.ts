import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';

/** A resolver map as buildSubgraphSchema takes it (codegen's typed Resolvers are cast to it). */
export type SubgraphResolvers = NonNullable<
  Extract<Parameters<typeof buildSubgraphSchema>[0], { resolvers?: unknown }>['resolvers']
>;

import { type GraphQLFormattedError, parse } from 'graphql';

export interface SubgraphServerOptions<C extends BaseContext> {
  /** The subgraph's name; its SDL is read from schema/<name>.graphql. */
  name: string;
  resolvers: SubgraphResolvers;
  /** Builds the per-request context (fresh DataLoaders every request). */
  context: (req: IncomingMessage) => Promise<C>;
  port: number;
  host: string;
  plugins?: ApolloServerPlugin<C>[];
}

export interface RunningSubgraph {
  readonly url: string;
  stop(): Promise<void>;
}

export function readSubgraphSdl(name: string): string {
  return readFileSync(join(findRepoRoot(), 'schema', `${name}.graphql`), 'utf8');
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

/** Starts one subgraph: Apollo Server over the schema-first SDL with federation resolvers. */
export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
): Promise<RunningSubgraph> {
  const schema = buildSubgraphSchema({ typeDefs: parse(readSubgraphSdl(options.name)), resolvers: options.resolvers });
  const server = new ApolloServer<C>({
    schema,
    includeStacktraceInErrorResponses: false,
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
    plugins: [ApolloServerPluginInlineTraceDisabled(), ...(options.plugins ?? [])],
  });
  const { url } = await startStandaloneServer(server, {
    listen: { port: options.port, host: options.host },
    context: ({ req }) => options.context(req),
  });
  return { url, stop: () => server.stop() };
}
