import { boundedLabels, heapUsedAfterMajorGc } from '@alphagraph/server';
import type { GatewayPlugin, Logger } from '@graphql-hive/gateway-runtime';
import usePrometheus from '@graphql-mesh/plugin-prometheus';
import { getOperationAST } from 'graphql';
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

/**
 * The gateway's metrics, one registry per gateway (tests run several in one process): the runtime's
 * Prometheus plugin (requests, latency and errors per operation name, subgraph calls' latency and
 * errors per subgraph), the runtime's own (resident memory, heap, event-loop lag, GC) and the
 * platform's (auth denials per field, errors per operation, the heap that survived the last major GC).
 */
export function createGatewayMetrics() {
  const registry = new Registry();
  // Operation names are the caller's choice: past 200 distinct ones, the rest count as `other`, in
  // every metric labelled by them (ours and those the runtime's plugin registers, as it registers them).
  const operationLabel = boundedLabels();
  capLabel(registry, 'operationName', operationLabel);
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'alphagraph_heap_used_after_major_gc_bytes',
    help: 'V8 heap in use just after the last major garbage collection (what survived it), in bytes',
    registers: [registry],
    collect() {
      const bytes = heapUsedAfterMajorGc();
      if (bytes !== undefined) this.set(bytes);
    },
  });
  heapUsedAfterMajorGc();
  const denials = new Counter({
    name: 'alphagraph_gateway_auth_denials_total',
    help: 'Fields the gateway refused a caller, by field coordinate (Type.field) and error code',
    labelNames: ['field', 'code'] as const,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'alphagraph_gateway_errors_total',
    help: 'Errors in answers the gateway sent, by operation name and error code (extensions.code)',
    labelNames: ['operation', 'code'] as const,
    registers: [registry],
  });
  /** Counts the errors of each answered operation by code. */
  const errorCodes: GatewayPlugin = {
    onExecute({ args }) {
      const operation = operationLabel(
        args.operationName ?? getOperationAST(args.document, args.operationName)?.name?.value ?? 'anonymous',
      );
      return {
        onExecuteDone({ result }) {
          if (!result || Symbol.asyncIterator in result) return;
          for (const e of (result as { errors?: readonly { extensions?: Record<string, unknown> }[] }).errors ?? []) {
            errors.inc({ operation, code: String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
          }
        },
      };
    },
  };
  return {
    registry,
    /** Counts one field refused to a caller. */
    denied(field: string, code: string): void {
      denials.inc({ field, code });
    },
    plugins(log: Logger): GatewayPlugin[] {
      return [errorCodes, this.prometheus(log)];
    },
    prometheus(log: Logger): GatewayPlugin {
      return usePrometheus({
        log,
        registry,
        // /metrics is served by the gateway's own HTTP server (server.ts), not by the runtime.
        endpoint: false,
        metrics: {
          graphql_envelop_request: true,
          graphql_envelop_request_duration: true,
          graphql_envelop_request_time_summary: false,
          graphql_envelop_phase_parse: false,
          graphql_envelop_phase_validate: false,
          graphql_envelop_phase_context: false,
          graphql_envelop_phase_execute: true,
          graphql_envelop_phase_subscribe: false,
          graphql_envelop_error_result: true,
          graphql_envelop_deprecated_field: false,
          graphql_envelop_schema_change: false,
          graphql_envelop_execute_resolver: false,
          graphql_yoga_http_duration: true,
          graphql_gateway_fetch_duration: false,
          graphql_gateway_subgraph_execute_duration: true,
          graphql_gateway_subgraph_execute_errors: true,
        },
        // The request's URL, query string included, is the caller's to choose; the path is /graphql.
        labels: { subgraphName: true, url: false },
      }) as GatewayPlugin;
    },
    async text(): Promise<{ contentType: string; body: string }> {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
export type GatewayMetrics = ReturnType<typeof createGatewayMetrics>;

/**
 * Passes the value of `label` of every metric registered on `registry` from now on through `bound`:
 * the runtime's Prometheus plugin labels its request, latency and subgraph-call metrics by the
 * caller's operation name with no cap of its own, and registers some of them only when the
 * gateway starts (its envelop part is added at plugin init).
 */
function capLabel(registry: Registry, label: string, bound: (value: string) => string): void {
  type Recording = (this: unknown, labels?: unknown, ...rest: unknown[]) => unknown;
  const capped = (record: Recording): Recording =>
    function (this: unknown, labels?: unknown, ...rest: unknown[]) {
      const values = labels as Record<string, unknown> | undefined;
      if (values && typeof values === 'object' && typeof values[label] === 'string') {
        labels = { ...values, [label]: bound(values[label]) };
      }
      return record.call(this, labels, ...rest);
    };
  const register = registry.registerMetric.bind(registry);
  registry.registerMetric = (metric) => {
    if ((metric as { labelNames?: string[] }).labelNames?.includes(label)) {
      // prom-client registers a metric from its base constructor, before the subclass assigns
      // `observe` or `inc` (with or without exemplars): wrap whatever is assigned, then or later.
      for (const method of ['inc', 'observe', 'labels', 'startTimer']) {
        const initial = (metric as unknown as Record<string, Recording | undefined>)[method];
        let wrapped = typeof initial === 'function' ? capped(initial) : initial;
        Object.defineProperty(metric, method, {
          configurable: true,
          enumerable: false,
          get: () => wrapped,
          set: (next: Recording | undefined) => {
            wrapped = typeof next === 'function' ? capped(next) : next;
          },
        });
      }
    }
    register(metric);
  };
}

/** Each subgraph of a supergraph and where it is called (its `@join__graph(name:, url:)`). */
export function subgraphsOfSupergraph(supergraphSdl: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of supergraphSdl.matchAll(/@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]+)"\s*\)/g)) {
    found[m[1]!] = m[2]!;
  }
  return found;
}

/**
 * The gateway's readiness: every subgraph's /readyz answers 200 (a subgraph that is loading its
 * demo data, or whose database is down, makes the gateway not ready either).
 */
export async function gatewayReadiness(
  subgraphs: Record<string, string>,
): Promise<{ ready: boolean; checks: Record<string, string> }> {
  const entries = await Promise.all(
    Object.entries(subgraphs).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/readyz', url), { signal: AbortSignal.timeout(5_000) });
        if (response.ok) {
          await response.body?.cancel();
          return [name, 'ok'] as const;
        }
        const body = (await response.json().catch(() => null)) as { checks?: Record<string, string> } | null;
        const failing = Object.entries(body?.checks ?? {})
          .filter(([, outcome]) => outcome !== 'ok')
          .map(([check, outcome]) => `${check}: ${outcome}`);
        return [name, `not ready (HTTP ${response.status}${failing.length ? `; ${failing.join('; ')}` : ''})`] as const;
      } catch (error) {
        return [name, `unreachable: ${(error as Error)?.message ?? String(error)}`] as const;
      }
    }),
  );
  return { ready: entries.every(([, outcome]) => outcome === 'ok'), checks: Object.fromEntries(entries) };
}
