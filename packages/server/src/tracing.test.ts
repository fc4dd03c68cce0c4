import { loadEnv, tracingEnv } from '@alphagraph/config';
import { context, propagation, trace } from '@opentelemetry/api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type OtlpCollector, startOtlpCollector } from './testing.ts';
import { startClientSpan, startTracing, withServerSpan } from './tracing.ts';

const CALLER = { traceId: '0af7651916cd43dd8448eb211c80319c', spanId: 'b7ad6b7169203331' };
const traceparent = `00-${CALLER.traceId}-${CALLER.spanId}-01`;

/** A request's work as the processes do it: a server span continuing the caller, a call out under it. */
async function oneRequest() {
  const outgoing: Record<string, string> = {};
  await withServerSpan({ name: 'POST /graphql', headers: { traceparent } }, async () => {
    startClientSpan('subgraph features', outgoing).end();
  });
  return outgoing;
}

describe('tracing', () => {
  let collector: OtlpCollector;
  beforeAll(async () => {
    collector = await startOtlpCollector();
  });
  afterAll(async () => {
    trace.disable();
    context.disable();
    propagation.disable();
    await collector.stop();
  });

  it('with no endpoint configured registers no tracer provider and exports nothing', async () => {
    const env = loadEnv({ tracing: tracingEnv }, { OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracing;
    const tracing = await startTracing({ serviceName: 'alphagraph-test', env });
    expect(tracing.enabled).toBe(false);
    // The API's own no-op: no provider behind the global proxy, spans that record nothing.
    expect(trace.getTracerProvider().getTracer('x').startSpan('s').isRecording()).toBe(false);
    expect(trace.getTracer('x').startSpan('s').spanContext().traceId).toBe('00000000000000000000000000000000');
    // Nothing is propagated either: a subgraph call carries no traceparent.
    expect(await oneRequest()).toEqual({});
    await tracing.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(collector.requests).toEqual([]);
  });

  it('with an endpoint exports the spans over OTLP/HTTP, continuing the caller’s trace and passing it on', async () => {
    const env = loadEnv({ tracing: tracingEnv }, { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint }).tracing;
    const tracing = await startTracing({ serviceName: 'alphagraph-test', env });
    expect(tracing.enabled).toBe(true);
    const outgoing = await oneRequest();
    await tracing.shutdown(); // flushes the batch

    expect(collector.requests.map((r) => r.url)).toEqual(['/v1/traces']);
    const spans = collector.spans;
    const server = spans.find((s) => s.name === 'POST /graphql');
    const client = spans.find((s) => s.name === 'subgraph features');
    expect(server).toMatchObject({ service: 'alphagraph-test', traceId: CALLER.traceId, parentSpanId: CALLER.spanId });
    expect(client).toMatchObject({ traceId: CALLER.traceId, parentSpanId: server?.spanId });
    // The callee is told to continue the trace under the client span (W3C trace context, sampled).
    expect(outgoing.traceparent).toBe(`00-${CALLER.traceId}-${client?.spanId}-01`);
  });
});
