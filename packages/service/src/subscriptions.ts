import type { IncomingMessage, ServerResponse } from 'node:http';
import { withoutSuggestions } from '@alphagraph/auth';
import { withQueryScope } from '@alphagraph/lake';
import { type CostAnnotations, checkOperationLimits, measureOperation, type OperationLimits } from '@alphagraph/server';
import {
  createSourceEventStream,
  type DocumentNode,
  type ExecutionResult,
  execute,
  type FormattedExecutionResult,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import { nulCharacterRefusal } from './nul.ts';

/** How often an open event stream sends a comment, so proxies and load balancers keep it open. */
export const SSE_KEEP_ALIVE_MS = 15_000;

/** A GraphQL request as it arrived (POST JSON body, or GET search parameters decoded). */
export interface GraphQLRequestParams {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** A subscription operation, parsed: what `serveSubscription` runs. */
export interface SubscriptionRequest {
  document: DocumentNode;
  variables: Record<string, unknown> | undefined;
  operationName: string | undefined;
}

/** The GET search parameters of a GraphQL request, `variables` decoded (undefined when it is not JSON). */
export function paramsFromSearch(search: URLSearchParams): GraphQLRequestParams {
  const variables = search.get('variables');
  let decoded: unknown;
  try {
    decoded = variables ? JSON.parse(variables) : undefined;
  } catch {
    decoded = variables;
  }
  return {
    query: search.get('query') ?? undefined,
    variables: decoded,
    operationName: search.get('operationName') ?? undefined,
  };
}

/**
 * The request's operation when it is a subscription, else null: everything else (a query, a
 * mutation, a document that does not parse) is Apollo's to answer. The cheap text test first, so
 * a query is parsed here only when the word appears in it.
 */
export function subscriptionRequest(params: GraphQLRequestParams, maxTokens: number): SubscriptionRequest | null {
  const { query, variables, operationName } = params;
  if (typeof query !== 'string' || !query.includes('subscription')) return null;
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens });
  } catch {
    return null;
  }
  const name = typeof operationName === 'string' && operationName !== '' ? operationName : undefined;
  if (getOperationAST(document, name)?.operation !== 'subscription') return null;
  return {
    document,
    variables:
      variables && typeof variables === 'object' && !Array.isArray(variables)
        ? (variables as Record<string, unknown>)
        : undefined,
    operationName: name,
  };
}

export function acceptsEventStream(req: IncomingMessage): boolean {
  return /\btext\/event-stream\b/i.test(req.headers.accept ?? '');
}

export interface SubscriptionServing<S, C> {
  schema: GraphQLSchema;
  limits: OperationLimits;
  annotations: CostAnnotations;
  /** Who is asking, as for a query (the forwarded token verified): once, when the stream opens. */
  scope(req: IncomingMessage): Promise<S>;
  /**
   * The context a query gets, built from that scope: one to open the stream, then a fresh one per
   * event, so per-request caches (DataLoaders) do not live, and grow, as long as the stream.
   */
  context(scope: S): Promise<C>;
  /** The service's own error formatting (masking), as Apollo applies it to query results. */
  formatError(error: GraphQLError): GraphQLFormattedError;
  keepAliveMs?: number | undefined;
  /** Bounds each event's DuckDB work as a query's (DUCKDB_REQUEST_DEADLINE_SECONDS); default unbounded. */
  eventDeadlineSeconds?: number | undefined;
}

/** An HTTP refusal before the stream opens: the status the error names (`extensions.http`), else 400. */
function sendRefusal(res: ServerResponse, error: GraphQLError, format: (e: GraphQLError) => GraphQLFormattedError) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number } };
  const formatted = format(
    new GraphQLError(error.message, { extensions, ...(error.nodes ? { nodes: error.nodes } : {}) }),
  );
  res
    .writeHead(http?.status ?? 400, { 'content-type': 'application/json; charset=utf-8' })
    .end(JSON.stringify({ errors: [formatted] }));
}

function formatResult(
  result: ExecutionResult,
  format: (e: GraphQLError) => GraphQLFormattedError,
): FormattedExecutionResult {
  return {
    ...(result.errors ? { errors: result.errors.map(format) } : {}),
    ...('data' in result ? { data: result.data ?? null } : {}),
  };
}

/** One event's DuckDB bound: the stream's signal, and the request deadline counted from the event. */
function eventScope(signal: AbortSignal, deadlineSeconds: number | undefined) {
  if (!deadlineSeconds) return { signal };
  return {
    signal,
    deadlineAt: Date.now() + deadlineSeconds * 1000,
    deadlineName: `the request deadline of ${deadlineSeconds} s (DUCKDB_REQUEST_DEADLINE_SECONDS), per subscription event`,
  };
}

const nextEvent = (result: FormattedExecutionResult) => `event: next\ndata: ${JSON.stringify(result)}\n\n`;
const COMPLETE_EVENT = 'event: complete\ndata:\n\n';

/**
 * Answers a subscription over Server-Sent Events (GraphQL over SSE, "distinct connections"): the
 * same limits and identity as a query, then one `next` event per result, `complete` at the end,
 * a comment every `keepAliveMs`. The source is stopped (`return()`) when the client goes away or
 * `shutdown` fires. Resolves once the stream has ended.
 */
export async function serveSubscription<S, C>(
  serving: SubscriptionServing<S, C>,
  req: IncomingMessage,
  res: ServerResponse,
  request: SubscriptionRequest,
  shutdown: AbortSignal,
): Promise<void> {
  const format = serving.formatError;
  if (!acceptsEventStream(req)) {
    return sendRefusal(
      res,
      new GraphQLError(
        'a subscription is answered as a stream of events: send it with `Accept: text/event-stream` (GraphQL over Server-Sent Events)',
        { extensions: { code: 'BAD_REQUEST', http: { status: 406 } } },
      ),
      format,
    );
  }
  const invalid = validate(serving.schema, request.document);
  if (invalid.length > 0) {
    const errors = invalid.map((e) =>
      format(
        new GraphQLError(withoutSuggestions(e.message), {
          ...(e.nodes ? { nodes: e.nodes } : {}),
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ),
    );
    res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ errors }));
    return;
  }
  let scope: S;
  try {
    scope = await serving.scope(req);
  } catch (error) {
    if (error instanceof GraphQLError) return sendRefusal(res, error, format);
    throw error;
  }
  const nul = nulCharacterRefusal(request.document, request.variables);
  if (nul) return sendRefusal(res, nul, format);
  const measure = measureOperation({
    schema: serving.schema,
    document: request.document,
    variables: request.variables ?? null,
    annotations: serving.annotations,
  });
  const refused = checkOperationLimits(measure, serving.limits);
  if (refused) return sendRefusal(res, refused, format);

  const abandoned = new AbortController();
  const run = {
    schema: serving.schema,
    document: request.document,
    variableValues: request.variables ?? null,
    operationName: request.operationName ?? null,
  };
  // graphql-js `subscribe()`, with a context per event: the source stream, then each event executed.
  const openContext = await serving.context(scope);
  const result = await withQueryScope({ signal: abandoned.signal }, () =>
    createSourceEventStream({ ...run, contextValue: openContext }),
  );
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    // Proxies that buffer (nginx) would hold events back.
    'x-accel-buffering': 'no',
  });
  res.flushHeaders();
  if (!(Symbol.asyncIterator in result)) {
    // Refused or failed before a stream existed (a denied field, a throwing subscribe resolver).
    res.end(nextEvent(formatResult(result as ExecutionResult, format)) + COMPLETE_EVENT);
    return;
  }
  const iterator = result[Symbol.asyncIterator]();
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    abandoned.abort();
    void Promise.resolve(iterator.return?.()).catch(() => {});
  };
  const keepAlive = setInterval(() => res.write(':\n\n'), serving.keepAliveMs ?? SSE_KEEP_ALIVE_MS);
  // The client went away (or the response failed): stop the source so it holds nothing for nobody.
  res.once('close', stop);
  shutdown.addEventListener('abort', stop, { once: true });
  // A source that ignores `return()` while its `next()` is pending must not hold the loop.
  const ended = new Promise<IteratorResult<unknown>>((resolve) =>
    abandoned.signal.addEventListener('abort', () => resolve({ done: true, value: undefined }), { once: true }),
  );
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), ended]);
      if (next.done || stopped) break;
      const contextValue = await serving.context(scope);
      const event = await withQueryScope(eventScope(abandoned.signal, serving.eventDeadlineSeconds), () =>
        execute({ ...run, rootValue: next.value, contextValue }),
      );
      if (stopped) break;
      res.write(nextEvent(formatResult(event, format)));
    }
  } catch (error) {
    // The source failed mid-stream: the client is told (masked), then the stream completes.
    const failure =
      error instanceof GraphQLError
        ? error
        : new GraphQLError('subscription source failed', { originalError: error as Error });
    if (!res.destroyed) res.write(nextEvent({ errors: [format(failure)] }));
  } finally {
    clearInterval(keepAlive);
    shutdown.removeEventListener('abort', stop);
    if (!res.destroyed) res.end(COMPLETE_EVENT);
    // Also when the source ended on its own: `return()` is then a no-op.
    if (!stopped) {
      stopped = true;
      abandoned.abort();
    }
  }
}
