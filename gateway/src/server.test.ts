import { createServer } from 'node:net';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { buildClientSchema, getIntrospectionQuery, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPHIQL_DEFAULT_QUERY } from './internal/graphiql.ts';
import { type RunningGateway, startGateway } from './server.ts';
import { startTinyGraph, TINY_VOLATILITY_ERROR, type TinyGraph } from './testing.ts';

const ANALYST = await testToken(['analyst']);

interface GraphQLResponse {
  status: number;
  data?: unknown;
  errors?: { message: string; path?: unknown[]; extensions?: Record<string, unknown> }[];
}

async function post(
  url: string,
  body: { query: string; variables?: Record<string, unknown> },
): Promise<GraphQLResponse> {
  const res = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json',
      authorization: `Bearer ${ANALYST}`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, ...((await res.json()) as Omit<GraphQLResponse, 'status'>) };
}

/** No error a client sees may carry a stack trace, in any spelling. */
function expectNoStackTrace(response: GraphQLResponse) {
  expect(JSON.stringify(response)).not.toMatch(/stacktrace|"stack"|\bat .+:\d+:\d+/);
}

const INSTRUMENT = '{ instrument(symbol: "AAPL") { symbol name lastClose } }';

describe('gateway over two subgraphs', () => {
  let graph: TinyGraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    graph = await startTinyGraph();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await graph?.stop();
  });

  it('resolves a query that spans both subgraphs', async () => {
    const res = await post(gateway.url, { query: '{ instruments { symbol name lastClose } }' });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({
      instruments: [
        { symbol: 'AAPL', name: 'Apple Inc.', lastClose: 189.98 },
        { symbol: 'MSFT', name: 'Microsoft Corp.', lastClose: 411.22 },
      ],
    });
  });

  it('answers a malformed document with a syntax error', async () => {
    const res = await post(gateway.url, { query: '{ instrument(symbol: "AAPL") { symbol ' });
    expect(res.status).toBe(400);
    expect(res.errors).toEqual([expect.objectContaining({ message: 'Syntax Error: Expected Name, found <EOF>.' })]);
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expectNoStackTrace(res);
  });

  it('answers an unknown field with a validation error naming it', async () => {
    const res = await post(gateway.url, { query: '{ instrument(symbol: "AAPL") { ticker } }' });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toBe('Cannot query field "ticker" on type "Instrument".');
    expect(res.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expectNoStackTrace(res);
  });

  it('answers a variable of the wrong type with an error naming the variable', async () => {
    const query = 'query ($symbol: String!) { instrument(symbol: $symbol) { symbol } }';
    const res = await post(gateway.url, { query, variables: { symbol: 42 } });
    expect(res.status).toBe(400);
    expect(res.errors?.[0]?.message).toBe(
      'Variable "$symbol" got invalid value 42; String cannot represent a non string value: 42',
    );
    expectNoStackTrace(res);
  });

  it('passes on an error thrown in a subgraph, naming it, without its stack trace', async () => {
    const res = await post(gateway.url, { query: '{ instrument(symbol: "AAPL") { symbol volatility } }' });
    expect(res.data).toEqual({ instrument: { symbol: 'AAPL', volatility: null } });
    expect(res.errors).toEqual([
      {
        message: TINY_VOLATILITY_ERROR,
        path: ['instrument', 'volatility'],
        extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'prices' },
      },
    ]);
    expectNoStackTrace(res);
  });

  it('answers with partial data while a subgraph is down, and recovers when it is back', async () => {
    await graph.prices.stop();
    const unavailable = {
      message: 'Subgraph "prices" is unavailable.',
      path: ['instrument', 'lastClose'],
      extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'prices' },
    };
    // Twice: the second request must not be served from some remembered state either.
    for (let i = 0; i < 2; i++) {
      const res = await post(gateway.url, { query: INSTRUMENT });
      expect(res.data).toEqual({ instrument: { symbol: 'AAPL', name: 'Apple Inc.', lastClose: null } });
      expect(res.errors).toEqual([unavailable]);
    }

    await graph.prices.start();
    const res = await post(gateway.url, { query: INSTRUMENT });
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ instrument: { symbol: 'AAPL', name: 'Apple Inc.', lastClose: 189.98 } });
  });

  it('answers null for a root field whose subgraph is down, and recovers when it is back', async () => {
    await graph.instruments.stop();
    const down = await post(gateway.url, { query: INSTRUMENT });
    expect(down.data).toEqual({ instrument: null });
    expect(down.errors).toEqual([
      expect.objectContaining({
        message: 'Subgraph "instruments" is unavailable.',
        extensions: { code: 'SUBREQUEST_HTTP_ERROR', serviceName: 'instruments' },
      }),
    ]);
    expectNoStackTrace(down);

    await graph.instruments.start();
    const back = await post(gateway.url, { query: INSTRUMENT });
    expect(back).toEqual({
      status: 200,
      data: { instrument: { symbol: 'AAPL', name: 'Apple Inc.', lastClose: 189.98 } },
    });
  });

  it('refuses to start on a port that is taken', async () => {
    const { port } = new URL(gateway.url);
    const start = startGateway({
      port: Number(port),
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
    });
    await expect(start).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('serves a health check', async () => {
    const res = await fetch(new URL('/healthz', gateway.url));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('serves GraphiQL with every asset inline, and no landing page', async () => {
    const res = await fetch(gateway.url, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<title>Alphagraph</title>');
    expect(html).not.toMatch(/<(script|link|img)\b[^>]*\b(src|href)="(https?:)?\/\//i);
    expect((await fetch(new URL('/', gateway.url), { headers: { accept: 'text/html' } })).status).toBe(404);
  });
});

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('gateway over the checked-in subgraph SDL', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const marketData = `http://127.0.0.1:${await closedPort()}/graphql`;
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      subgraphUrls: { 'market-data': marketData },
      logging: false,
      auth: TEST_AUTH,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
  });

  it('routes to the subgraph URLs it is given', async () => {
    const res = await post(gateway.url, { query: '{ instrument(symbol: "AAPL") { symbol } }' });
    expect(res.data).toEqual({ instrument: null });
    expect(res.errors?.[0]?.message).toBe('Subgraph "market-data" is unavailable.');
  });

  it('offers a GraphiQL default query that is valid against the supergraph', async () => {
    const res = await post(gateway.url, { query: getIntrospectionQuery() });
    const schema = buildClientSchema(res.data as Parameters<typeof buildClientSchema>[0]);
    expect(validate(schema, parse(GRAPHIQL_DEFAULT_QUERY)).map((e) => e.message)).toEqual([]);
  });
});
