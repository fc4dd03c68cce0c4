import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { type AuthEnv, createTokenVerifier } from '@alphagraph/auth';
import { defaultSubgraphUrl, PAGE_ROUTES, SUBGRAPHS, type SubgraphName } from '@alphagraph/config';
import {
  DEFAULT_OPERATION_LIMITS,
  discardRestOfBody,
  INTERNAL_ERROR_MESSAGE,
  type ListeningServer,
  listen,
  type OperationLimits,
  withServerSpan,
} from '@alphagraph/server';
import { createGatewayRuntime, type LogLevel, type LogWriter } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { type DocumentNode, getOperationAST } from 'graphql';
import { createGatewayAuth } from './auth.ts';
import { composeSupergraph } from './compose.ts';
import { abandonWithClientPlugin } from './internal/abandon.ts';
import {
  type Admission,
  createAdmission,
  DEFAULT_FAIRNESS,
  type FairnessOptions,
  type Refusal,
  readBodyUpTo,
} from './internal/admission.ts';
import {
  devTokenMinter,
  devTokenRefreshScript,
  GRAPHIQL_DEFAULT_QUERY,
  GRAPHIQL_DEV_TOKEN_PATH,
  GRAPHIQL_TITLE,
  type GraphiqlDevIdentity,
} from './internal/graphiql.ts';
import { createGatewayLogger, operationErrorLogPlugin } from './internal/logging.ts';
import { maskGatewayError } from './internal/mask-error.ts';
import { createGatewayMetrics, gatewayReadiness, subgraphsOfSupergraph } from './internal/observability.ts';
import { createTrustedDocuments, type TrustedDocuments, type TrustedDocumentsOptions } from './internal/persisted.ts';
import { requestIdOf, requestIdPlugin } from './internal/request-id.ts';
import { checkedScalarResolvers, checkedScalarsPlugin } from './internal/scalars.ts';
import { subgraphTracingPlugin } from './internal/tracing.ts';

export interface GatewayOptions {
  port: number;
  host: string;
  /** Where each subgraph listens; the supergraph is composed from schema/*.graphql with these URLs. */
  subgraphUrls?: Partial<Record<SubgraphName, string>>;
  /** A ready supergraph SDL, used instead of composing schema/*.graphql (tests, custom graphs). */
  supergraphSdl?: string;
  /**
   * The runtime's logging; `false` silences it (tests). Below `debug`, lines never carry a
   * request's variables or body, nor a subgraph call's.
   */
  logging?: boolean | LogLevel;
  /** Where log lines go (default: stdout, as `logFormat` says); tests read them. */
  logWriter?: LogWriter | undefined;
  /** JSON lines (default) or the runtime's readable ones. */
  logFormat?: 'json' | 'pretty' | undefined;
  /** How bearer tokens are verified (the same settings as every subgraph's). */
  auth: AuthEnv;
  /**
   * Development only: who GraphiQL signs in as. Each page load carries a freshly minted token, and
   * the page fetches a new one when it expires (GRAPHIQL_DEV_TOKEN_PATH). Needs `auth.secret`.
   */
  graphiqlDevIdentity?: GraphiqlDevIdentity | undefined;
  /** How long stop() lets requests in flight finish (HttpEnv's STOP_GRACE_SECONDS). */
  stopGraceMs?: number | undefined;
  /** Request and operation limits (the subgraphs apply the same); defaults: DEFAULT_OPERATION_LIMITS. */
  limits?: OperationLimits | undefined;
  /** Per-caller rate limits and the bound on expensive operations in flight; defaults: DEFAULT_FAIRNESS. */
  fairness?: FairnessOptions | undefined;
  /** The deadline of every subgraph call. */
  subgraphTimeoutMs?: number | undefined;
  /** Persisted operations (default: the SDK's manifest) and the roles held to them (default: none). */
  trustedDocuments?: TrustedDocumentsOptions | undefined;
  /**
   * The Prometheus plugins (requests, latency and errors per operation and subgraph); default on.
   * Off (GATEWAY_METRICS=off), /metrics holds only the auth denials.
   */
  metrics?: boolean | undefined;
}

/** How long a subgraph may take to answer one call, unless GATEWAY_SUBGRAPH_TIMEOUT_SECONDS says otherwise. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 30_000;

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  stop(): Promise<void>;
}

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/healthz';
export const READY_PATH = '/readyz';
export const METRICS_PATH = '/metrics';
export const DOWNLOADS_PATH = '/downloads/';

function defaultSubgraphUrls(): Record<SubgraphName, string> {
  return Object.fromEntries(SUBGRAPHS.map((s) => [s.name, defaultSubgraphUrl(s.name)])) as Record<SubgraphName, string>;
}

/**
 * Passes a GET through to a subgraph's own route (a Parquet download, a page) with the caller's
 * Authorization, and streams the answer back.
 */
async function passThrough(
  req: IncomingMessage,
  res: ServerResponse,
  base: string | undefined,
  path: string,
  what: string,
) {
  if (req.method !== 'GET' || !base) {
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: `unknown ${what}` }));
    return;
  }
  try {
    const upstream = await fetch(new URL(path, base), {
      headers: req.headers.authorization ? { authorization: req.headers.authorization } : {},
    });
    const headers: Record<string, string> = {};
    for (const h of [
      'content-type',
      'content-length',
      'content-disposition',
      'cache-control',
      'content-security-policy',
      'x-content-type-options',
    ]) {
      const v = upstream.headers.get(h);
      if (v) headers[h] = v;
    }
    res.writeHead(upstream.status, headers);
    if (upstream.body) Readable.fromWeb(upstream.body as never).pipe(res);
    else res.end();
  } catch {
    if (!res.headersSent) {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `${what} is unavailable` }));
    } else res.end();
  }
}

/** `/downloads/<subgraph>/<token>`: Parquet downloads are served by the subgraph that made them. */
function proxyDownload(req: IncomingMessage, res: ServerResponse, urls: Record<SubgraphName, string>) {
  const [, , service, token] = (req.url ?? '').split('?')[0]!.split('/');
  const base = SUBGRAPHS.some((s) => s.name === service) && token ? urls[service as SubgraphName] : undefined;
  return passThrough(req, res, base, `/downloads/${token}`, 'download');
}

/** Pages (`/models/…`, `/backtests/…`, see PAGE_ROUTES) are served by the subgraph that owns them. */
function proxyPage(req: IncomingMessage, res: ServerResponse, urls: Record<SubgraphName, string>): boolean {
  const route = PAGE_ROUTES.find((r) => req.url?.startsWith(r.prefix));
  if (!route) return false;
  void passThrough(req, res, urls[route.subgraph], req.url!, `${route.subgraph} page`);
  return true;
}

function sendRefusal(res: ServerResponse, refusal: Refusal) {
  res.writeHead(refusal.status, refusal.headers).end(refusal.body);
}

type GatewayRuntime = ReturnType<typeof createGatewayRuntime>;

/** Whether a subgraph call is a subscription (a long-lived event stream). */
function isSubscription(request: { document: DocumentNode; operationName?: string | undefined }): boolean {
  return getOperationAST(request.document, request.operationName)?.operation === 'subscription';
}

const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive', 'upgrade', 'expect']);

/**
 * A GraphQL request: admitted (limits, rate, expensive operations in flight) before the runtime
 * parses, validates or plans it, then handed to the runtime.
 */
async function serveGraphQL(
  req: IncomingMessage,
  res: ServerResponse,
  gateway: GatewayRuntime,
  admission: Admission,
  trusted: TrustedDocuments,
) {
  const url = new URL(req.url ?? '/', 'http://gateway');
  let body: string | undefined;
  let request: { query?: unknown; variables?: unknown; extensions?: unknown } = {};
  if (req.method === 'POST') {
    const read = await readBodyUpTo(req, admission.limits.maxBodyBytes);
    if ('tooLarge' in read) {
      // The rest of the body is read and dropped (bounded), so the client gets the 413, not a reset.
      await discardRestOfBody(req, { maxBytes: 4 * admission.limits.maxBodyBytes, ms: 30_000 });
      const refused = admission.bodyTooLarge(read.tooLarge);
      sendRefusal(res, { ...refused, headers: { ...refused.headers, connection: 'close' } });
      return;
    }
    body = read.text;
    if (/json/i.test(req.headers['content-type'] ?? '')) {
      try {
        const parsed = JSON.parse(body) as unknown;
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) request = parsed as typeof request;
      } catch {
        // Yoga answers with its own message.
      }
    }
  } else if (req.method === 'GET') {
    request = {
      query: url.searchParams.get('query') ?? undefined,
      variables: url.searchParams.get('variables') ?? undefined,
    };
  }
  // A persisted operation is measured (depth, cost) by its trusted text, like any other.
  const admitted = await admission.admit(req, {
    ...request,
    query: request.query ?? trusted.documentFor(request.extensions),
  });
  if ('refused' in admitted) return sendRefusal(res, admitted.refused);
  res.once('close', admitted.release);
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    // The body is passed whole: how it was framed on the wire does not carry over.
    if (v === undefined || HOP_BY_HOP.has(k)) continue;
    headers.set(k, Array.isArray(v) ? v.join(', ') : v);
  }
  const abort = new AbortController();
  res.once('close', () => abort.abort());
  const response = await gateway.fetch(
    new Request(url, {
      method: req.method ?? 'GET',
      headers,
      signal: abort.signal,
      ...(body !== undefined ? { body } : {}),
    }),
    { req, res },
  );
  const out: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') out[key] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) out['set-cookie'] = cookies;
  res.writeHead(response.status, out);
  if (!response.body) return void res.end();
  // The runtime's own stream class (a ponyfill), read chunk by chunk; streamed results flush as they come.
  const reader = response.body.getReader();
  // A client that leaves an event stream (a subscription) would otherwise leave this loop waiting
  // for the stream's next event; the runtime's stream may not end by itself when its request aborts.
  const cancel = () => void reader.cancel().catch(() => {});
  if (abort.signal.aborted) cancel();
  else abort.signal.addEventListener('abort', cancel, { once: true });
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve));
  }
  res.end();
}

/** Starts the federated gateway over the subgraphs in an HTTP server; resolves once it listens. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const verifier = createTokenVerifier(options.auth);
  const metrics = createGatewayMetrics();
  const auth = createGatewayAuth(verifier, { onDenied: metrics.denied });
  const supergraph = options.supergraphSdl ?? composeSupergraph(options.subgraphUrls);
  const admission = createAdmission({
    supergraphSdl: supergraph,
    limits: options.limits ?? DEFAULT_OPERATION_LIMITS,
    fairness: options.fairness ?? DEFAULT_FAIRNESS,
    verifier,
  });
  const trusted = createTrustedDocuments(options.trustedDocuments ?? {}, verifier);
  const mintDevToken = devTokenMinter(options.graphiqlDevIdentity, options.auth);
  const devIdentity = mintDevToken ? options.graphiqlDevIdentity : undefined;
  const gateway = createGatewayRuntime({
    supergraph,
    // A subgraph that hangs (stopped, not dead) fails its call after this, naming it. Not a
    // subscription's call: its stream lasts as long as its client, who ends it by leaving
    // (abandonWithClientPlugin); the calls that resolve each event's entities keep the deadline.
    upstreamTimeout: ({ executionRequest }) =>
      executionRequest && isSubscription(executionRequest)
        ? undefined
        : (options.subgraphTimeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS),
    // Given explicitly so the runtime never resolves a transport package by name at run time.
    transports: { http: httpTransport },
    graphqlEndpoint: GRAPHQL_PATH,
    // The caller's x-request-id (checked by requestIdPlugin) or one assigned once per request.
    requestId: { generateRequestId: ({ request }) => requestIdOf(request) },
    landingPage: false,
    productName: GRAPHIQL_TITLE,
    // All GraphiQL assets inline in the page: it works behind a firewall and with no internet.
    renderGraphiQL: devIdentity
      ? (opts) => renderGraphiQL(opts).replace('</head>', `${devTokenRefreshScript(devIdentity.userId)}</head>`)
      : renderGraphiQL,
    graphiql: async () => ({
      title: GRAPHIQL_TITLE,
      defaultQuery: GRAPHIQL_DEFAULT_QUERY,
      ...(mintDevToken
        ? { headers: JSON.stringify({ Authorization: `Bearer ${await mintDevToken()}` }, null, 2) }
        : {}),
    }),
    persistedDocuments: trusted.runtimeOption,
    genericAuth: auth.genericAuth,
    propagateHeaders: auth.propagateHeaders,
    // Date scalars are checked against the caller's document, under the caller's names (internal/scalars.ts).
    additionalResolvers: checkedScalarResolvers,
    plugins: (ctx) => [
      ...(options.metrics === false ? [] : metrics.plugins(ctx.log)),
      subgraphTracingPlugin(),
      ...auth.plugins,
      requestIdPlugin(),
      operationErrorLogPlugin(),
      abandonWithClientPlugin(),
      checkedScalarsPlugin(),
    ],
    // isDev off: Yoga would otherwise add the original error and its stack when NODE_ENV=development.
    maskedErrors: { maskError: maskGatewayError, errorMessage: INTERNAL_ERROR_MESSAGE, isDev: false },
    // The default, stated because maskGatewayError names a failing subgraph from `serviceName`.
    subgraphErrors: { errorCode: 'DOWNSTREAM_SERVICE_ERROR', subgraphNameProp: 'serviceName' },
    logging:
      options.logging === false
        ? false
        : createGatewayLogger(
            options.logging === true || options.logging === undefined ? 'info' : options.logging,
            options.logWriter,
            options.logFormat,
          ),
  });

  const urls = { ...defaultSubgraphUrls(), ...(options.subgraphUrls ?? {}) };
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === HEALTH_PATH) {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ status: 'ok' }));
      return;
    }
    if (req.method === 'GET' && req.url?.split('?')[0] === READY_PATH) {
      void gatewayReadiness(subgraphsOfSupergraph(supergraph)).then((report) =>
        res
          .writeHead(report.ready ? 200 : 503, { 'content-type': 'application/json' })
          .end(JSON.stringify({ status: report.ready ? 'ready' : 'not ready', checks: report.checks })),
      );
      return;
    }
    if (req.method === 'GET' && req.url?.split('?')[0] === METRICS_PATH) {
      void metrics.text().then((m) => res.writeHead(200, { 'content-type': m.contentType }).end(m.body));
      return;
    }
    if (mintDevToken && req.method === 'GET' && req.url?.split('?')[0] === GRAPHIQL_DEV_TOKEN_PATH) {
      void mintDevToken().then((token) =>
        res
          .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
          .end(JSON.stringify({ token })),
      );
      return;
    }
    if (req.url?.startsWith(DOWNLOADS_PATH)) {
      void proxyDownload(req, res, urls);
      return;
    }
    if (proxyPage(req, res, urls)) return;
    if (req.url?.split('?')[0] === GRAPHQL_PATH && (req.method === 'POST' || req.method === 'GET')) {
      // The request's span (continuing the caller's traceparent, if any) is the parent of every
      // subgraph call's (subgraphTracingPlugin): a no-op unless the process exports traces.
      withServerSpan({ name: `${req.method} ${GRAPHQL_PATH}`, headers: req.headers }, (span) =>
        serveGraphQL(req, res, gateway, admission, trusted).finally(() =>
          span.setAttribute('http.response.status_code', res.statusCode),
        ),
      ).catch((error: unknown) => {
        // The client left: its subgraph calls were given up with it (abandonWithClientPlugin); nobody to answer.
        if (res.destroyed && (error as { name?: string })?.name === 'AbortError') return;
        console.error('gateway: unexpected error serving a request', error);
        if (!res.headersSent) {
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: INTERNAL_ERROR_MESSAGE }] }));
        } else res.end();
      });
      return;
    }
    gateway(req, res);
  });
  let listening: ListeningServer;
  try {
    listening = await listen(server, {
      port: options.port,
      host: options.host,
      stopGraceMs: options.stopGraceMs,
    });
  } catch (error) {
    admission.dispose();
    await gateway.dispose();
    throw error;
  }
  return {
    url: `${listening.origin}${GRAPHQL_PATH}`,
    async stop() {
      await listening.close();
      admission.dispose();
      await gateway.dispose();
    },
  };
}
