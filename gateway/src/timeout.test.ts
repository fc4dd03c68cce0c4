import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';
import { type HungSubgraph, startHungSubgraph, startTinyGraph, type TinyGraph } from './testing.ts';

describe('subgraph deadline', () => {
  let graph: TinyGraph;
  let hung: HungSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    graph = await startTinyGraph();
    hung = await startHungSubgraph();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      // `prices` routed to a subgraph that never answers.
      supergraphSdl: graph.supergraphSdl.replace(graph.prices.url, hung.url),
      logging: false,
      auth: TEST_AUTH,
      subgraphTimeoutMs: 500,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await hung?.stop();
    await graph?.stop();
  });

  it('answers with the other subgraph data and an error naming the hung one once its deadline passes', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(['analyst'])}` },
      body: JSON.stringify({ query: '{ instruments { symbol lastClose } }' }),
    });
    const body = (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: unknown }[] };
    expect(hung.connections).toBeGreaterThan(0);
    expect(body.data).toEqual({
      instruments: [
        { symbol: 'AAPL', lastClose: null },
        { symbol: 'MSFT', lastClose: null },
      ],
    });
    expect(body.errors?.map((e) => e.message)).toContain('Subgraph "prices" did not answer in time.');
    // Nothing of the subgraph call (its body, its variables) reaches the client.
    expect(JSON.stringify(body)).not.toMatch(/representations|"request"/);
  });
});
