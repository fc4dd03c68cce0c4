import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { withQueryScope } from '@alphagraph/lake';
import {
  checkRequestLimits,
  discardRestOfBody,
  listen,
  type OperationLimits,
  operationLimitError,
  withServerSpan,
} from '@alphagraph/server';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import { type Logger, type RequestLogFields, withRequestLogFields } from './logger.ts';
import { metricsText, recordRequest } from './metrics.ts';
import type { ReadinessReport } from './readiness.ts';
import type { RequestScope } from './server.ts';
import {
  type GraphQLRequestParams,
  paramsFromSearch,
  type SubscriptionServing,
  serveSubscription,
  subscriptionRequest,
} from './subscriptions.ts';

/** A non-GraphQL route a subgraph serves next to /graphql (e.g. Parquet downloads). */
export interface HttpRoute {
  /** Path prefix, e.g. `/downloads/`. */
  readonly prefix: string;
  handle(req: IncomingMessage, res: ServerResponse): Promise<void>;
}

/**
 * The gateway sends a subgraph its entity batches (`_entities(representations:)`), whose size the
 * gateway's cost limit bounds (each representation costs at least 1) rather than its body limit:
 * a subgraph's body may exceed the body limit by this many bytes per unit of the cost limit.
 */
const REPRESENTATION_BYTES_PER_COST = 100;

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
}

class LimitRefusal extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super('refused by an operation limit');
  }
}

function refusal(error: ReturnType<typeof operationLimitError>): LimitRefusal {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  return new LimitRefusal(http?.status ?? 400, { errors: [{ message: error.message, extensions }] });
}

async function readBody(req: IncomingMessage, limits: OperationLimits): Promise<string> {
  const max = limits.maxBodyBytes + limits.maxCost * REPRESENTATION_BYTES_PER_COST;
  const chunks: Buffer[] = [];
  let size = Number(req.headers['content-length']) || 0;
  if (size > max) throw refusal(operationLimitError('maxBodyBytes', size, max, true));
  size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw refusal(operationLimitError('maxBodyBytes', size, max, true));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The request limits, `representations` aside (see REPRESENTATION_BYTES_PER_COST). */
function checkBody(body: unknown, limits: OperationLimits): void {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return;
  const { query, variables } = body as { query?: unknown; variables?: unknown };
  const own =
    variables && typeof variables === 'object' && !Array.isArray(variables)
      ? Object.fromEntries(Object.entries(variables).filter(([k]) => k !== 'representations'))
      : variables;
  const refused = checkRequestLimits({ query, variables: own }, limits);
  if (refused) throw refusal(refused);
}

/**
 * The bound of one request's DuckDB work: its deadline, and a signal that fires when the client
 * (the gateway, or a direct caller) closes the connection before the answer was sent — an
 * abandoned request stops its statements instead of computing for nobody.
 */
function requestQueryScope(res: ServerResponse, deadlineSeconds: number | undefined) {
  const abandoned = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abandoned.abort();
  });
  return {
    signal: abandoned.signal,
    deadlineAt: deadlineSeconds ? Date.now() + deadlineSeconds * 1000 : undefined,
    deadlineName: deadlineSeconds
      ? `the request deadline of ${deadlineSeconds} s (DUCKDB_REQUEST_DEADLINE_SECONDS); ask for less (fewer symbols, a shorter period) or use a download`
      : undefined,
  };
}

/** The request id the gateway assigned (x-request-id), or one made here for a direct caller. */
export function requestIdOf(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  const id = Array.isArray(header) ? header[0] : header;
  if (!id) {
    const made = randomUUID();
    req.headers['x-request-id'] = made;
    return made;
  }
  return id;
}

/** The operation's name for logs and metrics (`anonymous` when it has none). */
function operationNameOf(params: unknown): string {
  const name = (params as { operationName?: unknown } | undefined)?.operationName;
  if (typeof name === 'string' && /^[_A-Za-z][_0-9A-Za-z]{0,99}$/.test(name)) return name;
  return 'anonymous';
}

/**
 * The subgraph's HTTP server: GraphQL at /graphql (any other path too, as Apollo's standalone
 * server does), liveness at /healthz, readiness at /readyz, Prometheus metrics at /metrics, and the
 * service's own routes.
 */
export async function serveHttp<C extends BaseContext>(options: {
  apollo: ApolloServer<C>;
  host: string;
  port: number;
  stopGraceMs?: number | undefined;
  routes: readonly HttpRoute[];
  limits: OperationLimits;
  /** Bounds each request's DuckDB statements (see `requestQueryScope`). */
  requestDeadlineSeconds?: number | undefined;
  /** Builds a request's context; `log` is the request's log fields, to fill with the verified caller. */
  context: (req: IncomingMessage, log: RequestLogFields) => Promise<C>;
  /** Answers /readyz (200 when ready, 503 otherwise); without it, /readyz answers as /healthz. */
  readiness?: (() => Promise<ReadinessReport>) | undefined;
  /** Logs one line per GraphQL request answered (with the request id and the caller's user id). */
  log?: Logger | undefined;
  /**
   * Serves subscription operations over Server-Sent Events, before Apollo (which refuses them)
   * sees them; without it, Apollo answers a subscription with its own refusal.
   */
  subscriptions?: SubscriptionServing<RequestScope, C> | undefined;
}): Promise<{ url: string; close(): Promise<void> }> {
  // Open event streams complete when the server stops, instead of holding it for the grace period.
  const shutdown = new AbortController();
  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const path = url.pathname;
      if (path === '/healthz') return sendJson(res, 200, { status: 'ok' });
      if (path === '/readyz') {
        if (!options.readiness) return sendJson(res, 200, { status: 'ready', checks: {} });
        const report = await options.readiness();
        return sendJson(res, report.ready ? 200 : 503, {
          status: report.ready ? 'ready' : 'not ready',
          checks: report.checks,
        });
      }
      if (path === '/metrics' && req.method === 'GET') {
        const metrics = await metricsText();
        res.writeHead(200, { 'content-type': metrics.contentType }).end(metrics.body);
        return;
      }
      const route = options.routes.find((r) => path.startsWith(r.prefix));
      if (route) return route.handle(req, res);
      let body: unknown;
      if (req.method === 'POST') {
        const text = await readBody(req, options.limits);
        if (/json/i.test(req.headers['content-type'] ?? '')) {
          try {
            body = JSON.parse(text);
          } catch {
            return sendJson(res, 400, { errors: [{ message: 'request body is not valid JSON' }] });
          }
        } else body = text;
        checkBody(body, options.limits);
      } else {
        const variables = url.searchParams.get('variables');
        checkBody(
          { query: url.searchParams.get('query') ?? undefined, variables: variables ?? undefined },
          options.limits,
        );
      }
      if (options.subscriptions) {
        const params: GraphQLRequestParams =
          req.method === 'POST' ? ((body ?? {}) as GraphQLRequestParams) : paramsFromSearch(url.searchParams);
        const subscription = subscriptionRequest(params, options.limits.maxTokens);
        if (subscription) {
          return serveSubscription(options.subscriptions, req, res, subscription, shutdown.signal);
        }
      }
      const headers = new HeaderMap();
      requestIdOf(req);
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const scope = requestQueryScope(res, options.requestDeadlineSeconds);
      const started = performance.now();
      const logFields: RequestLogFields = { requestId: requestIdOf(req), userId: null };
      const operation = operationNameOf(req.method === 'POST' ? body : paramsFromSearch(url.searchParams));
      // The request's span continues the gateway's trace (traceparent); DuckDB statements and
      // Postgres transactions run under it become its children.
      const attributes = { 'http.request.method': req.method ?? 'GET', 'graphql.operation.name': operation };
      return withServerSpan(
        { name: `${req.method ?? 'GET'} /graphql`, headers: req.headers, attributes },
        async (span) => {
          const response = await withRequestLogFields(logFields, () =>
            withQueryScope(scope, () =>
              options.apollo.executeHTTPGraphQLRequest({
                httpGraphQLRequest: {
                  method: (req.method ?? 'GET').toUpperCase(),
                  headers,
                  search: url.search,
                  body,
                },
                context: () => options.context(req, logFields),
              }),
            ),
          );
          for (const [k, v] of response.headers) res.setHeader(k, v);
          res.statusCode = response.status ?? 200;
          const seconds = (performance.now() - started) / 1000;
          recordRequest(operation, res.statusCode, seconds);
          span.setAttribute('http.response.status_code', res.statusCode);
          withRequestLogFields(logFields, () =>
            options.log?.info(
              { operation, status: res.statusCode, ms: Math.round(seconds * 1000) },
              'request answered',
            ),
          );
          if (response.body.kind === 'complete') return void res.end(response.body.string);
          for await (const chunk of response.body.asyncIterator) res.write(chunk);
          res.end();
        },
      );
    })().catch((error: unknown) => {
      if (error instanceof LimitRefusal) {
        // The rest of an oversized body is read and dropped (bounded), so the client gets the 413, not a reset.
        if (error.status === 413) {
          void discardRestOfBody(req, { maxBytes: 4 * options.limits.maxBodyBytes, ms: 30_000 }).then(() => {
            if (!res.headersSent) res.setHeader('connection', 'close');
            if (!res.headersSent) sendJson(res, error.status, error.body);
          });
          return;
        }
        if (!res.headersSent) sendJson(res, error.status, error.body);
        return;
      }
      const status = (error as { status?: number }).status ?? 500;
      if (status === 500) console.error('unexpected HTTP error', error);
      if (!res.headersSent) {
        const message = status === 500 ? 'Internal server error' : (error as Error).message;
        sendJson(res, status, { errors: [{ message }] });
      } else res.end();
    });
  });
  const listening = await listen(server, options);
  return {
    url: `${listening.origin}/`,
    close: () => {
      shutdown.abort();
      return listening.close();
    },
  };
}
