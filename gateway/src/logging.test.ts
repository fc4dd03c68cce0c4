import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { type LogLevel, MemoryLogWriter } from '@graphql-hive/gateway-runtime';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';
import { type HungSubgraph, startHungSubgraph, startTinyGraph, type TinyGraph } from './testing.ts';

const SECRET = 'S3CRET-variable-value';

describe('gateway logs', () => {
  let graph: TinyGraph | undefined;
  let hung: HungSubgraph | undefined;
  let gateway: RunningGateway | undefined;
  afterEach(async () => {
    await gateway?.stop();
    await hung?.stop();
    await graph?.stop();
  });

  async function failingOperation(level: LogLevel) {
    graph = await startTinyGraph();
    hung = await startHungSubgraph();
    const writer = new MemoryLogWriter();
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl.replace(graph.prices.url, hung.url),
      logging: level,
      logWriter: writer,
      auth: TEST_AUTH,
      subgraphTimeoutMs: 300,
    });
    await fetch(gateway.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await testToken(['analyst'])}`,
        'x-request-id': 'req-42',
      },
      body: JSON.stringify({
        query:
          'query Overview($symbol: String!) { instruments { symbol lastClose } instrument(symbol: $symbol) { name } }',
        variables: { symbol: SECRET },
        operationName: 'Overview',
      }),
    }).then((r) => r.text());
    return JSON.stringify(writer.logs);
  }

  it('name the operation and the request id of a failure, never its variables or the subgraph call body', async () => {
    const logs = await failingOperation('info');
    expect(logs).toContain('"operationName":"Overview"');
    expect(logs).toContain('"requestId":"req-42"');
    expect(logs).toContain('GATEWAY_TIMEOUT');
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toContain('representations');
  });

  it('carry subgraph calls with their bodies at debug level only', async () => {
    const logs = await failingOperation('debug');
    expect(logs).toContain('representations');
  });
});
