import { Counter, type CounterConfiguration, Histogram, register } from 'prom-client';

/**
 * The process's metrics: prom-client's default registry, which the platform's packages (lake
 * snapshots, job runs, the online store) register on and /metrics serves in Prometheus' text format.
 */
export const metricsRegistry = register;

/** A counter on the default registry, the one already registered under `name` if any (tests boot twice). */
export function sharedCounter<L extends string>(config: CounterConfiguration<L>): Counter<L> {
  return (register.getSingleMetric(config.name) as Counter<L> | undefined) ?? new Counter(config);
}

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

/** Records one answered GraphQL request. */
export function recordRequest(operation: string, status: number, seconds: number): void {
  requests.inc({ operation, status: String(status) });
  requestSeconds.observe({ operation }, seconds);
}

/** The /metrics answer. */
export async function metricsText(): Promise<{ contentType: string; body: string }> {
  return { contentType: register.contentType, body: await register.metrics() };
}
