import { randomUUID } from 'node:crypto';
import type { GatewayPlugin } from '@graphql-hive/gateway-runtime';

/** What a caller may choose as its own request id: short, and safe in a log line or a header. */
const CALLER_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const assigned = new WeakMap<Request, string>();

/**
 * The request id of a client request: the caller's own `x-request-id`, or else one the gateway
 * assigns (a UUID), the same every time it is asked for. The runtime's request-id plugin takes it
 * (`requestId.generateRequestId`) for log lines, the answer's `x-request-id` header and each
 * subgraph call; `propagateHeaders` sends it too, so that it is part of what the HTTP executor's
 * in-flight deduplication compares (url, body, headers): two identical concurrent queries of one
 * caller stay two requests. `signals` logs each request it answers, so two must not become one.
 */
export function requestIdOf(request: Request): string {
  const sent = request.headers.get('x-request-id');
  if (sent) return sent;
  let id = assigned.get(request);
  if (!id) {
    id = randomUUID();
    assigned.set(request, id);
  }
  return id;
}

/** Refuses a request whose own `x-request-id` could not be quoted safely in a log line or a header. */
export function requestIdPlugin(): GatewayPlugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      const sent = request.headers.get('x-request-id');
      if (sent === null || CALLER_ID.test(sent)) return;
      endResponse(
        new fetchAPI.Response(
          JSON.stringify({
            errors: [
              {
                message:
                  'x-request-id must be 1 to 128 letters, digits or . _ : - (or left out: the gateway assigns one)',
                extensions: { code: 'BAD_REQUEST' },
              },
            ],
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
      );
    },
  };
}
