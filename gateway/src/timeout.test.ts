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

  it("gives up the subgraph call when its own client goes away, so the subgraph's work is cancelled too", async () => {
    const patient = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl.replace(graph.prices.url, hung.url),
      logging: false,
      auth: TEST_AUTH,
      subgraphTimeoutMs: 60_000,
    });
    try {
      // The first test's call, given up at its deadline, is closed within moments.
      const settled = Date.now() + 5_000;
      while (hung.waiting > 0 && Date.now() < settled) await sleep(20);
      expect(hung.waiting).toBe(0);
      const client = new AbortController();
      const request = fetch(patient.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(['analyst'])}` },
        body: JSON.stringify({ query: '{ instruments { symbol lastClose } }' }),
        signal: client.signal,
      }).catch((e: unknown) => e);
      const until = Date.now() + 10_000;
      while (hung.waiting === 0 && Date.now() < until) await sleep(20);
      expect(hung.waiting).toBe(1);
      client.abort();
      expect(await request).toMatchObject({ name: 'AbortError' });
      // A subgraph sees its caller close the connection: packages/service stops the request's DuckDB work then.
      const closedBy = Date.now() + 10_000;
      while (hung.waiting > 0 && Date.now() < closedBy) await sleep(20);
      expect(hung.waiting).toBe(0);
    } finally {
      await patient.stop();
    }
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
