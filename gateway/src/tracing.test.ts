import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { loadEnv, tracingEnv } from '@alphagraph/config';
import { startTracing, type Tracing } from '@alphagraph/server';
import { type OtlpCollector, startOtlpCollector } from '@alphagraph/server/testing';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';
import { startTinyGraph, type TinyGraph } from './testing.ts';

const ERROR = 2; // STATUS_CODE_ERROR in OTLP

describe('subgraph call spans', () => {
  let collector: OtlpCollector;
  let tracing: Tracing;
  let graph: TinyGraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    collector = await startOtlpCollector();
    const env = loadEnv({ tracing: tracingEnv }, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint }).tracing;
    tracing = await startTracing({ serviceName: 'alphagraph-gateway-test', env });
    graph = await startTinyGraph();
    // `prices` routed to a port nothing listens on: its call fails before any answer.
    const closed = new URL(graph.prices.url);
    closed.port = '9';
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: graph.supergraphSdl.replace(graph.prices.url, closed.href),
      logging: false,
      auth: TEST_AUTH,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await graph?.stop();
    await tracing?.shutdown();
    trace.disable();
    context.disable();
    propagation.disable();
    await collector?.stop();
  });

  it('end every call: an answered one, and one whose connection was refused, marked failed', async () => {
    const res = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(['analyst'])}` },
      body: JSON.stringify({ query: '{ instruments { symbol lastClose } }' }),
    });
    const body = (await res.json()) as { data?: { instruments: { symbol: string }[] } };
    expect(body.data?.instruments.length).toBeGreaterThan(0);
    await tracing.shutdown(); // flushes every ended span; an unended one is never exported

    const request = collector.spans.find((s) => s.name === 'POST /graphql');
    expect(request).toBeDefined();
    const calls = collector.spans.filter((s) => s.name.startsWith('subgraph ') && s.traceId === request?.traceId);
    const failed = calls.filter((s) => s.status?.code === ERROR);
    const answered = calls.filter((s) => s.status?.code !== ERROR);
    expect(answered.length).toBeGreaterThan(0);
    expect(failed).toHaveLength(1);
    expect(failed[0]?.parentSpanId).toBe(request?.spanId);
    // The span says why: the refused connection to the closed port, not just "failed".
    expect(failed[0]?.status?.message).toMatch(/ECONNREFUSED 127\.0\.0\.1:9\b/);
  });
});
