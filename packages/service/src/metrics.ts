import { boundedLabels, heapUsedAfterMajorGc } from '@alphagraph/server';
import { Counter, type CounterConfiguration, collectDefaultMetrics, Gauge, Histogram, register } from 'prom-client';

/**
 * The process's metrics: prom-client's default registry, which the platform's packages (lake
 * snapshots, job runs, the online store) register on and /metrics serves in Prometheus' text format.
 */
export const metricsRegistry = register;

/** A counter on the default registry, the one already registered under `name` if any (tests boot twice). */
export function sharedCounter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}

// The runtime's own figures (resident memory, heap spaces, event-loop lag, GC pauses, handles), once
// per process: a second call would register the same names again.
if (!register.getSingleMetric('process_resident_memory_bytes')) collectDefaultMetrics({ register });
if (!register.getSingleMetric('alphagraph_heap_used_after_major_gc_bytes'))
  new Gauge({
    name: 'alphagraph_heap_used_after_major_gc_bytes',
    help: 'V8 heap in use just after the last major garbage collection (what survived it), in bytes',
    registers: [register],
    collect() {
      const bytes = heapUsedAfterMajorGc();
      if (bytes !== undefined) this.set(bytes);
    },
  });
// Started now, so the first major collection after boot is seen.
heapUsedAfterMajorGc();

const requests = sharedCounter({
  name: 'alphagraph_subgraph_requests_total',
  help: 'GraphQL requests a subgraph answered, by operation name and HTTP status',
  labelNames: ['operation', 'status'] as const,
});
const requestSeconds =
  (register.getSingleMetric('alphagraph_subgraph_request_duration_seconds') as Histogram<'operation'> | undefined) ??
  new Histogram({
    name: 'alphagraph_subgraph_request_duration_seconds',
    help: 'How long a subgraph took to answer a GraphQL request, by operation name',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  });

/** Operation names are the caller's choice: a bounded set of them becomes label values. */
const operationLabel = boundedLabels();

/** Records one answered GraphQL request (past 200 distinct operation names, the rest as `other`). */
export function recordRequest(operation: string, status: number, seconds: number): void {
  const label = operationLabel(operation);
  requests.inc({ operation: label, status: String(status) });
  requestSeconds.observe({ operation: label }, seconds);
}

/** The /metrics answer. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: register.contentType, body: await register.metrics() };
}
