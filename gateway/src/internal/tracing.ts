import { recordSpanError, startClientSpan } from '@alphagraph/server';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * Each subgraph call in a client span, a child of the request's span (server.ts runs the request
 * in it), whose W3C trace context (`traceparent`) goes with the call: the subgraph's request span
 * continues the same trace. Without a registered tracer provider the spans are no-ops and no
 * header is added. The span ends when the answer arrives, or, when the call fails before any
 * answer (a refused connection, a reset, an abort), with that error: the runtime's done hook is
 * not called then, so the call itself is wrapped.
 */
export function subgraphTracingPlugin(): GatewayPlugin {
  return {
    onFetch({ url, options, setOptions, executionRequest, fetchFn, setFetchFn }) {
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
      let ended = false;
      const end = (error?: unknown) => {
        if (ended) return;
        ended = true;
        if (error !== undefined) recordSpanError(span, error);
        span.end();
      };
      setFetchFn(async (...args) => {
        try {
          return await fetchFn(...args);
        } catch (error) {
          end(error);
          throw error;
        }
      });
      return ({ response }) => {
        span.setAttribute('http.response.status_code', response.status);
        end(response.status >= 500 ? new Error(`HTTP ${response.status}`) : undefined);
      };
    },
  };
}
