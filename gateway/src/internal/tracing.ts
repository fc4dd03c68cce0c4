import { recordSpanError, startClientSpan } from '@alphagraph/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * Each subgraph call in a client span, a child of the request's span (server.ts runs the request
 * in it), whose W3C trace context (`traceparent`) goes with the call: the subgraph's request span
 * continues the same trace. Without a registered tracer provider the spans are no-ops and no
 * header is added.
 */
export function subgraphTracingPlugin(): GatewayPlugin {
  return {
    onFetch({ url, options, setOptions, executionRequest }) {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      const subgraph = executionRequest?.subgraphName ?? new URL(url).host;
      const span = startClientSpan(`subgraph ${subgraph}`, headers, {
        'graphql.subgraph.name': subgraph,
        'url.full': url,
        'http.request.method': options.method ?? 'POST',
      });
      // Passed on even when this trace is not sampled (flags 00): the subgraph follows the decision.
      if (headers.traceparent !== undefined) setOptions({ ...options, headers });
      if (!span.isRecording()) {
        span.end();
        return;
      }
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        if (response.status >= 500) recordSpanError(span, new Error(`HTTP ${response.status}`));
        span.end();
      };
    },
  };
}
