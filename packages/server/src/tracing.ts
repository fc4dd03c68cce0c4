import type { IncomingHttpHeaders } from 'node:http';
import type { TracingEnv } from '@alphagraph/config';
import {
  type Attributes,
  context,
  propagation,
  ROOT_CONTEXT,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  trace,
} from '@opentelemetry/api';

/**
 * The process's tracing. Started once at boot by every process (the gateway and each subgraph)
 * with its service name; `enabled` is false, and nothing was loaded or registered, when no OTLP
 * endpoint is configured: the spans the code starts are then the API's no-ops.
 */
export interface Tracing {
  readonly enabled: boolean;
  /** Exports the spans still buffered and stops exporting (the last step of a shutdown). */
  shutdown(): Promise<void>;
}

const DISABLED: Tracing = { enabled: false, shutdown: async () => {} };

/** The tracer every span of the platform's own code is started with. */
export const TRACER_NAME = 'alphagraph';

/**
 * Starts exporting this process's spans over OTLP/HTTP (JSON) to `env.tracesUrl`, with W3C trace
 * context (`traceparent`, `baggage`) as the propagator and an AsyncLocalStorage context manager,
 * so a span started anywhere during a request is a child of the request's span. Without
 * `env.tracesUrl` it does nothing: the SDK is not even loaded.
 */
export async function startTracing(options: { serviceName: string; env: TracingEnv | undefined }): Promise<Tracing> {
  const url = options.env?.tracesUrl;
  if (!url) return DISABLED;
  const [{ NodeTracerProvider, BatchSpanProcessor }, { OTLPTraceExporter }, { resourceFromAttributes }] =
    await Promise.all([
      import('@opentelemetry/sdk-trace-node'),
      import('@opentelemetry/exporter-trace-otlp-http'),
      import('@opentelemetry/resources'),
    ]);
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url }))],
  });
  provider.register();
  return { enabled: true, shutdown: () => provider.shutdown() };
}

/** Reads W3C trace context from a Node request's headers or a fetch `Headers`. */
const headerGetter: TextMapGetter<IncomingHttpHeaders | Headers> = {
  keys: (carrier) => (carrier instanceof Headers ? [...carrier.keys()] : Object.keys(carrier)),
  get: (carrier, key) => (carrier instanceof Headers ? (carrier.get(key) ?? undefined) : carrier[key.toLowerCase()]),
};

/** Marks `span` failed with `error` (its message only: a trace is no place for a stack or SQL). */
export function recordSpanError(span: Span, error: unknown): void {
  span.setStatus({ code: SpanStatusCode.ERROR, message: error instanceof Error ? error.message : String(error) });
}

/**
 * Runs `fn` in a server span continuing the caller's trace (W3C `traceparent` in `headers`, as the
 * gateway sends each subgraph): every span started inside, in this process, is its descendant. The
 * span ends when `fn` settles; `fn` may set its attributes (the HTTP status, the operation).
 */
export async function withServerSpan<T>(
  options: { name: string; headers: IncomingHttpHeaders | Headers; attributes?: Attributes },
  fn: (span: Span) => Promise<T>,
): Promise<T> {
  const parent = propagation.extract(ROOT_CONTEXT, options.headers, headerGetter);
  const span = trace
    .getTracer(TRACER_NAME)
    .startSpan(options.name, { kind: SpanKind.SERVER, attributes: options.attributes ?? {} }, parent);
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span));
  } catch (error) {
    recordSpanError(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Starts a client span (a call to another process) under the active span, and writes its trace
 * context (`traceparent`) into `headers` so the callee continues the trace. The caller ends it.
 */
export function startClientSpan(name: string, headers: Record<string, string>, attributes?: Attributes): Span {
  const span = trace.getTracer(TRACER_NAME).startSpan(name, { kind: SpanKind.CLIENT, attributes: attributes ?? {} });
  propagation.inject(trace.setSpan(context.active(), span), headers);
  return span;
}
