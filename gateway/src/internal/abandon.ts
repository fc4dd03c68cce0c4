import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/**
 * Gives up a request's subgraph calls when its client goes away. The runtime bounds each call by
 * its deadline (upstreamTimeout) but not by the client's own request: without this, a client
 * that leaves keeps every subgraph computing its answer for nobody. The subgraph sees its caller
 * close the connection and stops the request's DuckDB work (packages/service).
 */
export function abandonWithClientPlugin(): GatewayPlugin {
  return {
    onFetch({ options, setOptions, context }) {
      const client = (context as { request?: Request } | undefined)?.request?.signal;
      if (!client) return;
      const signal = options.signal ? AbortSignal.any([options.signal, client]) : client;
      setOptions({ ...options, signal });
    },
  };
}
