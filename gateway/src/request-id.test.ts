import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';
import { startTinyGraph, type TinyGraph } from './testing.ts';

/**
 * A slow proxy in front of a subgraph: it records the x-request-id of every call and holds each
 * for a moment, so two client requests sent together are in flight at the same time.
 */
async function recordingProxy(target: string) {
  const seen: (string | undefined)[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    seen.push(req.headers['x-request-id'] as string | undefined);
    await new Promise((r) => setTimeout(r, 150));
    const answer = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.concat(chunks),
    });
    res.writeHead(answer.status, { 'content-type': 'application/json' });
    res.end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    seen,
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('request ids', () => {
  let graph: TinyGraph | undefined;
  let proxy: Awaited<ReturnType<typeof recordingProxy>> | undefined;
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.stop();
    await proxy?.stop();
    await graph?.stop();
  });

  async function start() {
    graph = await startTinyGraph();
    proxy = await recordingProxy(graph.instruments.url);
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl.replace(graph.instruments.url, proxy.url),
      auth: TEST_AUTH,
    });
    return { gateway, proxy };
  }

  const ask = async (url: string, headers: Record<string, string> = {}) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await testToken(['analyst'])}`,
        ...headers,
      },
      body: JSON.stringify({ query: '{ instruments { symbol } }' }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    return { id: response.headers.get('x-request-id'), body };
  };

  it('keep two identical concurrent requests of one caller apart, each with an id of its own', async () => {
    const { gateway, proxy } = await start();
    const token = await testToken(['analyst']);
    const [a, b] = await Promise.all([
      ask(gateway.url, { authorization: `Bearer ${token}` }),
      ask(gateway.url, { authorization: `Bearer ${token}` }),
    ]);
    expect(a.body.errors).toBeUndefined();
    expect(b.body.errors).toBeUndefined();
    // Both reached the subgraph: the executor's in-flight deduplication did not merge them.
    expect(proxy.seen).toHaveLength(2);
    expect(new Set(proxy.seen).size).toBe(2);
    expect(new Set([a.id, b.id])).toEqual(new Set(proxy.seen));
    for (const id of proxy.seen) expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("pass the caller's own id on and answer with it; refuse one that is not a sane id", async () => {
    const { gateway, proxy } = await start();
    const mine = await ask(gateway.url, { 'x-request-id': 'nightly-run.2026-12-03:7' });
    expect(mine.id).toBe('nightly-run.2026-12-03:7');
    expect(proxy.seen).toEqual(['nightly-run.2026-12-03:7']);
    const odd = await ask(gateway.url, { 'x-request-id': `a b ${'x'.repeat(200)}` });
    expect(odd.body).toEqual({
      errors: [
        {
          message: 'x-request-id must be 1 to 128 letters, digits or . _ : - (or left out: the gateway assigns one)',
          extensions: { code: 'BAD_REQUEST' },
        },
      ],
    });
    expect(proxy.seen).toHaveLength(1);
  });
});
