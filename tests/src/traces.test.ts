import { type OtlpCollector, type ReceivedSpan, startOtlpCollector } from '@alphagraph/server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const BARS = [
  { symbol: 'ACME', time: '2016-03-11', open: 10, high: 11, low: 9, close: 10.5, volume: 1000 },
  { symbol: 'ACME', time: '2016-03-14', open: 10.5, high: 11.5, low: 10, close: 11, volume: 1200 },
  { symbol: 'ACME', time: '2016-03-15', open: 11, high: 12, low: 10.5, close: 11.5, volume: 900 },
];

const SERVER = 2; // SpanKind.SERVER in OTLP (SPAN_KIND_SERVER)
const CLIENT = 3;

describe('traces across the gateway and the subgraphs (real processes, OTLP to an in-process collector)', () => {
  let collector: OtlpCollector;
  let p: TestPlatform;
  beforeAll(async () => {
    collector = await startOtlpCollector();
    // The two subgraphs the query crosses, and no demo load (minutes on a busy machine): the test
    // ingests the few bars it reads.
    p = await startTestPlatform({
      demo: false,
      subgraphs: ['market-data', 'features'],
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: collector.endpoint, OTEL_BSP_SCHEDULE_DELAY: '200' },
    });
  });
  afterAll(async () => {
    await p?.dispose();
    await collector?.stop();
  });

  it('one query crossing two subgraphs is one trace: gateway → market-data and features, DuckDB under market-data', async () => {
    // The caller's own trace context: the gateway continues it, so the trace is found by its id.
    const ingest = await p.query(
      'mutation($input: IngestBarsInput!) { ingestBars(input: $input) { ok error { message } } }',
      { input: { source: 'feed', mapping: 'all_stocks_5yr', rows: BARS } },
      { token: await p.token(['service']) },
    );
    expect(ingest.data?.ingestBars).toEqual({ ok: true, error: null });

    const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
    const callerSpanId = '00f067aa0ba902b7';
    const body = await p.query(
      'query Traced { instrument(symbol: "ACME") { symbol bars(last: 3) { close } features { ref } } }',
      {},
      { headers: { traceparent: `00-${traceId}-${callerSpanId}-01` } },
    );
    expect(body.errors).toBeUndefined();
    // Bars from market-data; `features` from the features subgraph (none defined for ACME: an empty list).
    expect(body.data.instrument).toEqual({
      symbol: 'ACME',
      bars: [{ close: 10.5 }, { close: 11 }, { close: 11.5 }],
      features: [],
    });

    const servicesOf = () => new Set(collector.spans.filter((s) => s.traceId === traceId).map((s) => s.service));
    // Spans are exported in batches, each process on its own schedule: wait until all three sent theirs.
    await expect
      .poll(() => [...servicesOf()].sort(), { timeout: 30_000, interval: 200 })
      .toEqual(['alphagraph-features', 'alphagraph-gateway', 'alphagraph-market-data']);
    // And until market-data's statement spans are in too (they end before its request span).
    await expect
      .poll(() => collector.spans.some((s) => s.traceId === traceId && s.name === 'duckdb query'), { timeout: 30_000 })
      .toBe(true);
    expect([...collector.contentTypes]).toEqual(['application/json']);

    const trace = collector.spans.filter((s) => s.traceId === traceId);
    const byId = new Map(trace.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan) => byId.get(s.parentSpanId);

    // The gateway's request span is the child of the caller's span; it is the root of the rest.
    const gatewayRequest = trace.filter((s) => s.service === 'alphagraph-gateway' && s.kind === SERVER);
    expect(gatewayRequest.map((s) => [s.name, s.parentSpanId])).toEqual([['POST /graphql', callerSpanId]]);
    // Every other span of the trace has its parent in the trace: no broken link across processes.
    for (const s of trace) if (s !== gatewayRequest[0]) expect(parentOf(s), `${s.service} ${s.name}`).toBeDefined();

    // Each subgraph's request span is the child of a gateway client span calling that subgraph,
    // itself the child of the gateway's request span.
    for (const [service, subgraph] of [
      ['alphagraph-market-data', 'market-data'],
      ['alphagraph-features', 'features'],
    ] as const) {
      const requests = trace.filter((s) => s.service === service && s.kind === SERVER);
      expect(requests.length, service).toBeGreaterThan(0);
      for (const r of requests) {
        const call = parentOf(r)!;
        expect([call.service, call.kind, call.name]).toEqual(['alphagraph-gateway', CLIENT, `subgraph ${subgraph}`]);
        expect(call.parentSpanId).toBe(gatewayRequest[0]!.spanId);
      }
    }

    // The DuckDB statements that read the bars are children of market-data's request span.
    const duck = trace.filter((s) => s.name === 'duckdb query');
    expect(duck.length).toBeGreaterThan(0);
    for (const d of duck) {
      expect(d.service).toBe('alphagraph-market-data');
      let up = parentOf(d);
      while (up && up.kind !== SERVER) up = parentOf(up);
      expect([up?.service, up?.kind]).toEqual(['alphagraph-market-data', SERVER]);
    }
  });
});
