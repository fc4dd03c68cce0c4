import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';
import { startTinyGraph, type TinyGraph } from './testing.ts';

/** The value of one sample of a Prometheus text exposition (0 when absent). */
function sample(text: string, name: string, labels: Record<string, string>): number {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const labelText = line.slice(name.length).match(/^\{(.*)\}/)?.[1] ?? '';
    const have = Object.fromEntries([...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(line.split(' ').at(-1));
  }
  return 0;
}

/**
 * A subgraph's front: answers /readyz as told and passes everything else to the subgraph, so the
 * gateway's readiness can be watched following its subgraphs'.
 */
async function readinessFront(target: string) {
  const state = { ready: true };
  const server: Server = createServer(async (req, res) => {
    if (req.url === '/readyz') {
      res.writeHead(state.ready ? 200 : 503, { 'content-type': 'application/json' });
      res.end(JSON.stringify(state.ready ? { status: 'ready' } : { status: 'not ready', checks: { demo: 'loading' } }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    state,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('the gateway’s metrics and readiness', () => {
  let graph: TinyGraph | undefined;
  let gateway: RunningGateway | undefined;
  const fronts: Awaited<ReturnType<typeof readinessFront>>[] = [];
  afterEach(async () => {
    await gateway?.stop();
    gateway = undefined;
    for (const f of fronts.splice(0)) await f.stop();
    await graph?.stop();
  });

  const ask = async (url: string, query: string, roles: Parameters<typeof testToken>[0] = ['analyst']) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(roles)}` },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  };
  const scrape = async (gatewayUrl: string) => {
    const response = await fetch(new URL('/metrics', gatewayUrl));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    return response.text();
  };

  it('counts requests per operation, subgraph calls per subgraph and errors, after real requests', async () => {
    graph = await startTinyGraph();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      auth: TEST_AUTH,
      logging: false,
    });
    const before = await scrape(gateway.url);
    expect(sample(before, 'graphql_envelop_request', { operationName: 'Both' })).toBe(0);

    for (let i = 0; i < 2; i++) {
      expect((await ask(gateway.url, 'query Both { instruments { symbol lastClose } }')).errors).toBeUndefined();
    }
    expect((await ask(gateway.url, 'query Broken { instruments { volatility } }')).errors).toHaveLength(2);

    const after = await scrape(gateway.url);
    expect(sample(after, 'graphql_envelop_request', { operationName: 'Both' })).toBe(2);
    expect(sample(after, 'graphql_envelop_request', { operationName: 'Broken' })).toBe(1);
    expect(sample(after, 'graphql_envelop_request_duration_count', { operationName: 'Both' })).toBe(2);
    const calls = (subgraphName: string, operationName: string) =>
      sample(after, 'graphql_gateway_subgraph_execute_duration_count', { subgraphName, operationName });
    expect([calls('instruments', 'Both'), calls('prices', 'Both'), calls('prices', 'Broken')]).toEqual([2, 2, 1]);
    expect(
      sample(after, 'graphql_gateway_subgraph_execute_errors', { subgraphName: 'prices', operationName: 'Broken' }),
    ).toBe(2);
    // Each of the two instruments' volatility failed: two errors, by code.
    expect(
      sample(after, 'alphagraph_gateway_errors_total', { operation: 'Broken', code: 'INTERNAL_SERVER_ERROR' }),
    ).toBe(2);
    expect(sample(after, 'alphagraph_gateway_errors_total', { operation: 'Both' })).toBe(0);
  });

  it('keeps at most 200 operation names as label values in every metric, counting the rest as `other`', async () => {
    graph = await startTinyGraph();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl,
      auth: TEST_AUTH,
      logging: false,
    });
    // An attacker names each failing request anew: each of two instruments' volatility fails.
    for (let i = 0; i < 205; i++) {
      expect((await ask(gateway.url, `query Broken${i} { instruments { volatility } }`)).errors).toHaveLength(2);
    }
    const text = await scrape(gateway.url);
    const operations = [...text.matchAll(/^alphagraph_gateway_errors_total\{operation="([^"]*)"/gm)].map((m) => m[1]);
    expect(new Set(operations).size).toBe(201);
    expect(sample(text, 'alphagraph_gateway_errors_total', { operation: 'Broken199' })).toBe(2);
    expect(sample(text, 'alphagraph_gateway_errors_total', { operation: 'Broken200' })).toBe(0);
    expect(sample(text, 'alphagraph_gateway_errors_total', { operation: 'other', code: 'INTERNAL_SERVER_ERROR' })).toBe(
      10,
    );
    // The runtime plugin's metrics labelled by operation name keep the same 200 names.
    const byMetric = new Map<string, Set<string>>();
    for (const m of text.matchAll(/^(\w+)\{[^}]*operationName="([^"]*)"/gm)) {
      if (!byMetric.has(m[1]!)) byMetric.set(m[1]!, new Set());
      byMetric.get(m[1]!)!.add(m[2]!);
    }
    for (const metric of [
      'graphql_envelop_request',
      'graphql_envelop_request_duration_count',
      'graphql_envelop_error_result',
      'graphql_gateway_subgraph_execute_duration_count',
      'graphql_yoga_http_duration_count',
    ]) {
      expect(byMetric.get(metric)?.size, metric).toBe(201);
      expect(byMetric.get(metric)?.has('other'), metric).toBe(true);
    }
    expect(sample(text, 'graphql_envelop_request', { operationName: 'other' })).toBe(5);
    expect(sample(text, 'graphql_envelop_request', { operationName: 'Broken199' })).toBe(1);
    // The HTTP metric is not labelled by the request's URL (a query string is the caller's to choose).
    expect(text).not.toMatch(/^graphql_yoga_http_duration_count\{[^}]*url=/m);
  });

  it('serves the runtime’s memory figures and the heap that survived the last major collection', async () => {
    gateway = await startGateway({ port: 0, host: '127.0.0.1', auth: TEST_AUTH, logging: false });
    setFlagsFromString('--expose-gc');
    (runInNewContext('gc') as () => void)();
    await new Promise((r) => setTimeout(r, 50));
    const text = await scrape(gateway.url);
    const rss = sample(text, 'process_resident_memory_bytes', {});
    expect(rss).toBeGreaterThan(10 * 2 ** 20);
    const heapUsed = sample(text, 'nodejs_heap_size_used_bytes', {});
    expect(heapUsed).toBeGreaterThan(0);
    expect(heapUsed).toBeLessThan(rss);
    const afterGc = sample(text, 'alphagraph_heap_used_after_major_gc_bytes', {});
    expect(afterGc).toBeGreaterThan(0);
    expect(afterGc).toBeLessThanOrEqual(sample(text, 'nodejs_heap_size_total_bytes', {}));
  });

  it('counts auth denials by field', async () => {
    // The platform's own supergraph: a denied root field is refused before any subgraph is called.
    gateway = await startGateway({ port: 0, host: '127.0.0.1', auth: TEST_AUTH, logging: false });
    const query = 'query Denied { bars(symbols: ["AAPL"]) { edges { cursor } } }';
    for (let i = 0; i < 3; i++) {
      const answer = await ask(gateway.url, query, ['viewer']);
      expect(answer.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const text = await scrape(gateway.url);
    expect(sample(text, 'alphagraph_gateway_auth_denials_total', { field: 'Query.bars', code: 'FORBIDDEN' })).toBe(3);
  });

  it('is ready only while every subgraph is ready, naming the one that is not', async () => {
    graph = await startTinyGraph();
    const instruments = await readinessFront(graph.instruments.url);
    const prices = await readinessFront(graph.prices.url);
    fronts.push(instruments, prices);
    const sdl = graph.supergraphSdl
      .replace(graph.instruments.url, instruments.url)
      .replace(graph.prices.url, prices.url);
    gateway = await startGateway({ port: 0, host: '127.0.0.1', supergraphSdl: sdl, auth: TEST_AUTH, logging: false });
    const readyz = async () => {
      const response = await fetch(new URL('/readyz', gateway!.url));
      return { status: response.status, body: await response.json() };
    };
    expect(await readyz()).toEqual({
      status: 200,
      body: { status: 'ready', checks: { instruments: 'ok', prices: 'ok' } },
    });
    prices.state.ready = false;
    expect(await readyz()).toEqual({
      status: 503,
      body: { status: 'not ready', checks: { instruments: 'ok', prices: 'not ready (HTTP 503; demo: loading)' } },
    });
    await prices.stop();
    fronts.pop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.checks.prices).toMatch(/^unreachable: /);
    expect((await fetch(new URL('/healthz', gateway.url))).status).toBe(200);
  });
});
