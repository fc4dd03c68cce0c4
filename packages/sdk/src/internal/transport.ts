import { type DocumentNode, type OperationDefinitionNode, print } from 'graphql';
import { AlphagraphError, errorFromGraphQL, type GraphQLErrorPayload } from '../errors.ts';
import type { TypedDocumentNode } from './typed-document.ts';

/** A bearer token, or a function the client asks for one before every request (rotating service tokens). */
export type TokenProvider = string | ((context: { refresh: boolean }) => string | Promise<string>);

export interface RetryOptions {
  /** Attempts in all, the first included (default 3; 1 turns retries off). */
  attempts?: number;
  /** The first backoff (default 100 ms); each next one doubles, up to maxDelayMs. */
  baseDelayMs?: number;
  /** The longest backoff (default 5 s). */
  maxDelayMs?: number;
}

export interface TransportOptions {
  /** The gateway's GraphQL endpoint, e.g. http://127.0.0.1:4000/graphql. */
  url: string;
  token?: TokenProvider | undefined;
  /** Per attempt (default 30 s). */
  timeoutMs?: number | undefined;
  retry?: RetryOptions | undefined;
  /**
   * Send the SDK's operations as persisted ids (their hash in the trusted-documents manifest)
   * instead of their text (default true). Documents of your own are always sent as text.
   */
  persisted?: boolean | undefined;
  /** Extra headers on every request. */
  headers?: Record<string, string> | undefined;
  /** Another fetch (tests, instrumentation); default: the global one. */
  fetch?: typeof fetch | undefined;
  /** How a backoff waits (tests); default: setTimeout. */
  sleep?: ((ms: number) => Promise<void>) | undefined;
  /** Where jitter comes from (tests); default Math.random. */
  random?: (() => number) | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

type Json = Record<string, unknown>;

interface GraphQLResponse {
  data?: Json | null;
  errors?: GraphQLErrorPayload[];
}

const DEFAULT_TIMEOUT_MS = 30_000;

/** Codes where the same read may succeed in a moment. */
const TRANSIENT = new Set([
  'UNAVAILABLE',
  'RATE_LIMITED',
  'DOWNSTREAM_SERVICE_ERROR',
  'GATEWAY_TIMEOUT',
  'NETWORK_ERROR',
  'TIMEOUT',
]);
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);

export function operationOf(document: DocumentNode): OperationDefinitionNode {
  const ops = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition');
  if (ops.length !== 1) throw new TypeError(`a document must hold exactly one operation, not ${ops.length}`);
  return ops[0]!;
}

/** The persisted id of a generated document: its hash in the manifest, without the algorithm prefix. */
export function persistedIdOf(document: DocumentNode): string | undefined {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' ? hash.replace(/^sha256:/, '') : undefined;
}

const texts = new WeakMap<DocumentNode, string>();
function textOf(document: DocumentNode): string {
  let text = texts.get(document);
  if (text === undefined) texts.set(document, (text = print(document)));
  return text;
}

/** Full jitter: a uniformly random wait below an exponentially growing cap. */
export function backoffMs(attempt: number, retry: Required<RetryOptions>, random: () => number): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt));
}

function retryAfterMs(response: Response | undefined): number | undefined {
  const header = response?.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One fetch with a deadline that also stops when the caller's signal fires; tells which of the two
 * ended it.
 */
async function fetchWithDeadline(
  doFetch: typeof fetch,
  url: string,
  init: RequestInit,
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<{ response: Response; text: string }> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  if (signal?.aborted) controller.abort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await doFetch(url, { ...init, signal: controller.signal });
    // The body is part of the answer: the deadline covers reading it.
    return { response, text: await response.text() };
  } catch (error) {
    if (signal?.aborted)
      throw new AlphagraphError('ABORTED', 'the request was aborted by its caller', { cause: error });
    if (timedOut) throw new AlphagraphError('TIMEOUT', `no answer within ${timeoutMs} ms`, { cause: error });
    throw new AlphagraphError('NETWORK_ERROR', `cannot reach ${url}: ${(error as Error).message}`, { cause: error });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

export interface Transport {
  /** Runs one operation and returns its data; any error in the answer is thrown as an AlphagraphError. */
  request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options?: CallOptions,
  ): Promise<TResult>;
  /** An authenticated GET of a URL the platform gave (a Parquet download), resolved against the endpoint. */
  download(url: string, options?: CallOptions): Promise<Response>;
  /** Opens an SSE stream for a subscription. */
  stream(document: DocumentNode, variables: unknown, options?: CallOptions): Promise<Response>;
  readonly url: string;
}

export function createTransport(options: TransportOptions): Transport {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  const retry: Required<RetryOptions> = {
    attempts: Math.max(1, options.retry?.attempts ?? 3),
    baseDelayMs: options.retry?.baseDelayMs ?? 100,
    maxDelayMs: options.retry?.maxDelayMs ?? 5_000,
  };
  const usePersisted = options.persisted ?? true;

  async function headers(refresh: boolean, accept: string): Promise<Record<string, string>> {
    const token = typeof options.token === 'function' ? await options.token({ refresh }) : options.token;
    return {
      accept,
      'content-type': 'application/json',
      ...(options.headers ?? {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    };
  }

  function bodyOf(document: DocumentNode, variables: unknown): string {
    const operation = operationOf(document);
    const id = usePersisted ? persistedIdOf(document) : undefined;
    return JSON.stringify({
      operationName: operation.name?.value,
      variables: variables ?? {},
      ...(id ? { extensions: { persistedQuery: { version: 1, sha256Hash: id } } } : { query: textOf(document) }),
    });
  }

  async function attempt(
    document: DocumentNode,
    body: string,
    refresh: boolean,
    call: CallOptions,
  ): Promise<{ data: Json; response?: never } | { error: AlphagraphError; response?: Response }> {
    const operationName = operationOf(document).name?.value;
    let response: Response;
    let text: string;
    try {
      ({ response, text } = await fetchWithDeadline(
        doFetch,
        options.url,
        {
          method: 'POST',
          headers: await headers(refresh, 'application/graphql-response+json, application/json'),
          body,
        },
        call.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        call.signal,
      ));
    } catch (error) {
      if (error instanceof AlphagraphError) return { error };
      throw error;
    }
    let payload: GraphQLResponse | undefined;
    try {
      payload = JSON.parse(text) as GraphQLResponse;
    } catch {
      payload = undefined;
    }
    if (payload?.errors?.length) {
      return { error: errorFromGraphQL(payload.errors, { status: response.status, operationName }), response };
    }
    if (!response.ok) {
      const code =
        response.status === 429 ? 'RATE_LIMITED' : response.status === 401 ? 'UNAUTHENTICATED' : 'HTTP_ERROR';
      return {
        error: new AlphagraphError(code, `HTTP ${response.status} from ${options.url}: ${text.slice(0, 200)}`, {
          status: response.status,
          operationName,
        }),
        response,
      };
    }
    if (!payload?.data) {
      return {
        error: new AlphagraphError('BAD_RESPONSE', `not a GraphQL response (HTTP ${response.status})`, {
          status: response.status,
          operationName,
        }),
      };
    }
    return { data: payload.data };
  }

  return {
    url: options.url,

    async request<TResult, TVariables>(
      document: TypedDocumentNode<TResult, TVariables>,
      variables: TVariables,
      call: CallOptions = {},
    ): Promise<TResult> {
      const operation = operationOf(document);
      if (operation.operation === 'subscription') throw new TypeError('subscriptions go through subscribe()');
      // Only reads are retried: a mutation that timed out may have run, and running it twice is not ours to decide.
      const idempotent = operation.operation === 'query';
      const body = bodyOf(document, variables);
      let refreshed = false;
      for (let n = 0; ; n++) {
        const result = await attempt(document, body, refreshed, call);
        if ('data' in result) return result.data as TResult;
        const { error } = result;
        if (!idempotent || call.signal?.aborted) throw error;
        // A rejected token: ask the provider for a fresh one, once.
        if (error.code === 'UNAUTHENTICATED' && typeof options.token === 'function' && !refreshed) {
          refreshed = true;
          continue;
        }
        const transient =
          TRANSIENT.has(error.code) || (error.status !== undefined && TRANSIENT_STATUS.has(error.status));
        if (!transient || n + 1 >= retry.attempts) throw error;
        await sleep(retryAfterMs(result.response) ?? backoffMs(n, retry, random));
      }
    },

    async download(url, call = {}) {
      const target = new URL(url, options.url).toString();
      const controller = new AbortController();
      const onAbort = () => controller.abort();
      call.signal?.addEventListener('abort', onAbort, { once: true });
      let response: Response;
      try {
        response = await doFetch(target, { headers: await headers(false, '*/*'), signal: controller.signal });
      } catch (error) {
        throw new AlphagraphError('NETWORK_ERROR', `cannot fetch ${target}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        throw new AlphagraphError('HTTP_ERROR', `download failed with HTTP ${response.status}: ${text.slice(0, 200)}`, {
          status: response.status,
        });
      }
      return response;
    },

    async stream(document, variables, call = {}) {
      let response: Response;
      try {
        response = await doFetch(options.url, {
          method: 'POST',
          headers: await headers(false, 'text/event-stream'),
          body: bodyOf(document, variables),
          ...(call.signal ? { signal: call.signal } : {}),
        });
      } catch (error) {
        if (call.signal?.aborted) throw new AlphagraphError('ABORTED', 'the subscription was aborted by its caller');
        throw new AlphagraphError('NETWORK_ERROR', `cannot reach ${options.url}: ${(error as Error).message}`, {
          cause: error,
        });
      }
      return response;
    },
  };
}
