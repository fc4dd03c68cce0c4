import { createHash } from 'node:crypto';
import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { type RunningSubgraph, startSubgraphServer } from '@alphagraph/service';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';

// Trusted documents: a persisted operation runs by its hash; with GATEWAY_PERSISTED_ONLY_ROLES=service
// a service token may run nothing else, while an analyst keeps free-form queries.
const SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@requiresScopes"])
  type Query {
    price(symbol: String!): Float @requiresScopes(scopes: [["analyst"], ["service"]])
  }
`);
const PRICE = 'query Price($symbol: String!) { price(symbol: $symbol) }';
const PRICE_ID = createHash('sha256').update(PRICE).digest('hex');

type Body = { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };

describe('persisted operations (trusted documents)', () => {
  let subgraph: RunningSubgraph;
  let strict: RunningGateway;
  let open: RunningGateway;
  let service: string;
  let analyst: string;

  beforeAll(async () => {
    subgraph = await startSubgraphServer({
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
      name: 'prices',
      sdl: SDL,
      resolvers: { Query: { price: (_: unknown, a: { symbol: string }) => a.symbol.length * 10 } } as never,
      context: async (scope) => scope,
    });
    const composed = composeServices([{ name: 'prices', url: subgraph.url, typeDefs: SDL }]);
    if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('; '));
    const common = {
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: composed.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
    };
    // The manifest's keys carry the algorithm, as codegen writes them.
    const documents = { [`sha256:${PRICE_ID}`]: PRICE };
    strict = await startGateway({ ...common, trustedDocuments: { documents, persistedOnlyRoles: ['service'] } });
    open = await startGateway({ ...common, trustedDocuments: { documents } });
    service = await testToken(['service'], 'svc');
    analyst = await testToken(['analyst'], 'ana');
  });
  afterAll(async () => {
    await strict?.stop();
    await open?.stop();
    await subgraph?.stop();
  });

  const post = async (url: string, token: string, body: Record<string, unknown>) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Body };
  };
  const persisted = (id: string) => ({
    operationName: 'Price',
    variables: { symbol: 'AAPL' },
    extensions: { persistedQuery: { version: 1, sha256Hash: id } },
  });

  it('runs a known persisted operation by its id', async () => {
    const { status, body } = await post(strict.url, service, persisted(PRICE_ID));
    expect(status).toBe(200);
    expect(body).toEqual({ data: { price: 40 } });
  });

  it('refuses an unknown id, naming it', async () => {
    const unknown = 'f'.repeat(64);
    const { status, body } = await post(strict.url, service, persisted(unknown));
    expect(status).toBe(400);
    expect(body.data).toBeUndefined();
    expect(body.errors).toHaveLength(1);
    expect(body.errors![0]!.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(body.errors![0]!.message).toContain(`Unknown persisted operation ${unknown}`);
  });

  it('refuses a free-form query from a service token when the switch is on', async () => {
    const { status, body } = await post(strict.url, service, { query: PRICE, variables: { symbol: 'AAPL' } });
    expect(status).toBe(403);
    expect(body.errors![0]!.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(body.errors![0]!.message).toContain('Free-form operations are refused for the service role');
  });

  it('lets the same free-form query from a service token run when the switch is off', async () => {
    const { body } = await post(open.url, service, { query: PRICE, variables: { symbol: 'AAPL' } });
    expect(body).toEqual({ data: { price: 40 } });
  });

  it('keeps free-form queries for analysts with the switch on', async () => {
    const { body } = await post(strict.url, analyst, { query: '{ price(symbol: "MSFT") }' });
    expect(body).toEqual({ data: { price: 40 } });
  });

  it('still authorizes a persisted operation: a viewer gets no price', async () => {
    const viewer = await testToken(['viewer'], 'vic');
    const { body } = await post(strict.url, viewer, persisted(PRICE_ID));
    expect(body.data).toEqual({ price: null });
    expect(body.errors![0]!.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a request with neither a query nor an id, saying so', async () => {
    const { status, body } = await post(strict.url, analyst, { variables: {} });
    expect(status).toBe(400);
    expect(body.errors![0]!.message).toContain('neither a query nor a persisted operation id');
  });
});
