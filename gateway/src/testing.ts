/**
 * A two-subgraph federated graph small enough to start in a test: `instruments` owns Instrument,
 * `prices` extends it with `lastClose`. Each subgraph can be stopped and started again on its port.
 */
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { startStandaloneServer } from '@apollo/server/standalone';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { composeServices } from '@theguild/federation-composition';
import { type GraphQLSchema, parse } from 'graphql';

export const TINY_INSTRUMENTS = [
  { symbol: 'AAPL', name: 'Apple Inc.', lastClose: 189.98 },
  { symbol: 'MSFT', name: 'Microsoft Corp.', lastClose: 411.22 },
] as const;

const bySymbol = (symbol: string) => TINY_INSTRUMENTS.find((i) => i.symbol === symbol) ?? null;

const INSTRUMENTS_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Instrument @key(fields: "symbol") {
    symbol: String!
    name: String!
  }
  type Query {
    instrument(symbol: String!): Instrument
    instruments: [Instrument!]!
  }
`);

const PRICES_SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key"])
  type Instrument @key(fields: "symbol") {
    symbol: String!
    "Nullable so that the gateway can answer with partial data when this subgraph is down."
    lastClose: Float
    "Always fails: shows what a client sees of an error thrown inside a subgraph."
    volatility: Float
  }
`);

const instrumentsSchema = (): GraphQLSchema =>
  buildSubgraphSchema({
    typeDefs: INSTRUMENTS_SDL,
    resolvers: {
      Query: {
        instrument: (_: unknown, args: { symbol: string }) => bySymbol(args.symbol),
        instruments: () => TINY_INSTRUMENTS,
      },
    },
  });

export const TINY_VOLATILITY_ERROR = 'volatility model is not calibrated';

const pricesSchema = (): GraphQLSchema =>
  buildSubgraphSchema({
    typeDefs: PRICES_SDL,
    resolvers: {
      Instrument: {
        __resolveReference: (ref: { symbol: string }) => bySymbol(ref.symbol),
        volatility: () => {
          throw new Error(TINY_VOLATILITY_ERROR);
        },
      },
    },
  });

export interface TinySubgraph {
  readonly name: string;
  readonly url: string;
  /** Stops listening (a request to `url` is then refused). */
  stop(): Promise<void>;
  /** Listens again on the same port, hence the same `url`. */
  start(): Promise<void>;
}

async function startTinySubgraph(name: string, schema: GraphQLSchema): Promise<TinySubgraph> {
  let server: ApolloServer | undefined;
  let port = 0;
  const listen = async () => {
    server = new ApolloServer({
      schema,
      // Like a subgraph run in development: errors carry stack traces, which the gateway must strip.
      includeStacktraceInErrorResponses: true,
      plugins: [ApolloServerPluginInlineTraceDisabled()],
    });
    const { url } = await startStandaloneServer(server, { listen: { port, host: '127.0.0.1' } });
    port = Number(new URL(url).port);
  };
  await listen();
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async start() {
      if (!server) await listen();
    },
  };
}

export interface TinyGraph {
  instruments: TinySubgraph;
  prices: TinySubgraph;
  supergraphSdl: string;
  stop(): Promise<void>;
}

/** Starts both subgraphs on free ports and composes their supergraph. */
export async function startTinyGraph(): Promise<TinyGraph> {
  const instruments = await startTinySubgraph('instruments', instrumentsSchema());
  const prices = await startTinySubgraph('prices', pricesSchema());
  const composed = composeServices([
    { name: instruments.name, url: instruments.url, typeDefs: INSTRUMENTS_SDL },
    { name: prices.name, url: prices.url, typeDefs: PRICES_SDL },
  ]);
  if (!composed.supergraphSdl) {
    throw new Error(`tiny graph does not compose: ${composed.errors?.map((e) => e.message).join('; ')}`);
  }
  return {
    instruments,
    prices,
    supergraphSdl: composed.supergraphSdl,
    async stop() {
      await Promise.all([instruments.stop(), prices.stop()]);
    },
  };
}

export interface HungSubgraph {
  readonly url: string;
  /** Connections accepted so far (each left without an answer). */
  readonly connections: number;
  /** Requests waiting for their answer: connections still open that a request was sent on. */
  readonly waiting: number;
  stop(): Promise<void>;
}

/**
 * A subgraph that accepts connections and never answers, as a stopped (SIGSTOP) process does
 * once the kernel has queued the connection: the caller's deadline is all that ends the wait.
 */
export async function startHungSubgraph(): Promise<HungSubgraph> {
  const sockets = new Set<Socket>();
  const asked = new Set<Socket>();
  let connections = 0;
  const server = createNetServer((socket) => {
    connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    // Read and drop what is sent, so the caller closing its side is seen ('end', then 'close').
    socket.on('data', () => asked.add(socket));
    socket.on('close', () => asked.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    get connections() {
      return connections;
    },
    get waiting() {
      return asked.size;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
