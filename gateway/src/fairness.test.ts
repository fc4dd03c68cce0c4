import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { SUBGRAPHS, type SubgraphName } from '@alphagraph/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.ts';
import { type RunningGateway, startGateway } from './server.ts';

/** Every subgraph URL points here; requests are held until `releaseAll`, so operations stay in flight. */
interface HoldingSubgraph {
  url: string;
  held: ServerResponse[];
  releaseAll(): void;
  server: Server;
}

async function startHoldingSubgraph(): Promise<HoldingSubgraph> {
  const held: ServerResponse[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.on('end', () => held.push(res));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    held,
    server,
    releaseAll() {
      for (const res of held.splice(0)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: null }));
      }
    },
  };
}

async function post(url: string, query: string, token: string | null) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await res.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), errors: body.errors };
}

async function until(check: () => boolean) {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

const CHEAP = '{ __typename }';
const EXPENSIVE = '{ dataQuality { instruments } }';

describe('per-caller fairness at the gateway', () => {
  let subgraph: HoldingSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    subgraph = await startHoldingSubgraph();
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, subgraph.url])) as Record<SubgraphName, string>;
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: composeSupergraph(urls),
      subgraphUrls: urls,
      logging: false,
      auth: TEST_AUTH,
      // A refill far slower than the test, so a bucket only empties.
      fairness: {
        rates: { default: { perSecond: 0.01, burst: 3 }, service: { perSecond: 0.01, burst: 6 } },
        expensiveCost: 5_000,
        maxExpensivePerCaller: 1,
      },
    });
  });
  afterAll(async () => {
    subgraph?.releaseAll();
    await gateway?.stop();
    await new Promise((resolve) => subgraph?.server.close(resolve));
  });

  it('gives each user a token bucket: past its burst, HTTP 429 with Retry-After; other users are unaffected', async () => {
    const alice = await testToken(['analyst'], 'alice');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await post(gateway.url, CHEAP, alice)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await post(gateway.url, CHEAP, alice);
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(refused.errors?.[0]?.message).toMatch(/Rate limit: at most 0.01 requests per second \(bursts of 3\)/);
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect((await post(gateway.url, CHEAP, await testToken(['analyst'], 'bob'))).status).toBe(200);
  });

  it('sizes the bucket by role: a service identity gets its role rate', async () => {
    const machine = await testToken(['service'], 'ingest-bot');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await post(gateway.url, CHEAP, machine)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });

  it('bounds a caller to its expensive operations in flight; cheap reads and other callers go on', async () => {
    const carol = await testToken(['analyst'], 'carol');
    const first = post(gateway.url, EXPENSIVE, carol);
    await until(() => subgraph.held.length === 1);
    const second = await post(gateway.url, EXPENSIVE, carol);
    expect(second.status).toBe(429);
    expect(second.retryAfter).toBe('1');
    expect(second.errors?.[0]?.message).toMatch(/Too many expensive operations: at most 1 per caller at once/);
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'maxExpensivePerCaller' });
    expect(subgraph.held).toHaveLength(1);

    const dave = post(gateway.url, EXPENSIVE, await testToken(['analyst'], 'dave'));
    await until(() => subgraph.held.length === 2);
    subgraph.releaseAll();
    expect((await first).status).toBe(200);
    expect((await dave).status).toBe(200);

    const third = post(gateway.url, EXPENSIVE, carol);
    await until(() => subgraph.held.length === 1);
    subgraph.releaseAll();
    expect((await third).status).toBe(200);
  });
});
