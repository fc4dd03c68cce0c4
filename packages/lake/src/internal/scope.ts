import { AsyncLocalStorage } from 'node:async_hooks';
import type { DuckDBConnection } from '@duckdb/node-api';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { LakeError } from '../errors.ts';

/**
 * What bounds the DuckDB statements run on behalf of some work (a GraphQL request): a signal that
 * fires when its caller went away, and a deadline. Every statement started inside the scope, on
 * any connection or session, is interrupted when either fires.
 */
export interface QueryScope {
  /** Fires when the work was abandoned (the client closed its connection): statements stop. */
  readonly signal?: AbortSignal | undefined;
  /** The epoch millisecond after which a statement is interrupted. */
  readonly deadlineAt?: number | undefined;
  /** How an error names the deadline: `the request deadline of 30 s (DUCKDB_REQUEST_DEADLINE_SECONDS)`. */
  readonly deadlineName?: string | undefined;
}

const scopes = new AsyncLocalStorage<QueryScope>();

/**
 * Runs `fn` with its DuckDB statements bounded by `scope`. Scopes nest: the earlier deadline and
 * either signal apply. Work started inside and meant to outlive it (a background job) must leave
 * the scope first (`AsyncLocalStorage.snapshot()` taken outside, as the jobs kit does).
 */
export function withQueryScope<T>(scope: QueryScope, fn: () => T): T {
  const outer = scopes.getStore();
  if (!outer) return scopes.run(scope, fn);
  const signals = [outer.signal, scope.signal].filter((s): s is AbortSignal => s !== undefined);
  const innerFirst = (scope.deadlineAt ?? Number.POSITIVE_INFINITY) < (outer.deadlineAt ?? Number.POSITIVE_INFINITY);
  const deadline = innerFirst ? scope : outer;
  return scopes.run(
    {
      signal: signals.length > 1 ? AbortSignal.any(signals) : signals[0],
      deadlineAt: deadline.deadlineAt,
      deadlineName: deadline.deadlineName,
    },
    fn,
  );
}

/** The default bound of every statement, whatever runs it (LakeOptions.statementDeadlineSeconds). */
export interface StatementDeadline {
  readonly ms: number;
  readonly name: string;
}

/** Repeats the interrupt until the statement settles: one sent before DuckDB starts executing is lost. */
const INTERRUPT_REPEAT_MS = 20;

/**
 * Runs one statement on `connection` under the current scope and the lake's statement deadline:
 * a deadline that passes fails it with DEADLINE_EXCEEDED naming the deadline, an abandoned
 * caller with CANCELLED. The connection stays usable for the next statement.
 */
export function boundedStatement<T>(
  connection: DuckDBConnection,
  fallback: StatementDeadline | undefined,
  run: () => Promise<T>,
): Promise<T> {
  // The one place every DuckDB statement runs: its span is a child of the request's (a no-op
  // unless the process exports traces).
  return trace
    .getTracer('alphagraph')
    .startActiveSpan('duckdb query', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'duckdb' } }, (span) =>
      bounded(connection, fallback, run).then(
        (result) => {
          span.end();
          return result;
        },
        (error: unknown) => {
          span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
          span.end();
          throw error;
        },
      ),
    );
}

async function bounded<T>(
  connection: DuckDBConnection,
  fallback: StatementDeadline | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const scope = scopes.getStore();
  const now = Date.now();
  let deadlineAt = fallback ? now + fallback.ms : Number.POSITIVE_INFINITY;
  let deadlineName = fallback?.name;
  if (scope?.deadlineAt !== undefined && scope.deadlineAt < deadlineAt) {
    deadlineAt = scope.deadlineAt;
    deadlineName = scope.deadlineName ?? 'its deadline';
  }
  const exceeded = (cause?: unknown) =>
    new LakeError('DEADLINE_EXCEEDED', `the analytic query was stopped: it passed ${deadlineName}`, { cause });
  const cancelled = (cause?: unknown) =>
    new LakeError('CANCELLED', 'the analytic query was stopped: its caller went away before it finished', { cause });
  if (scope?.signal?.aborted) throw cancelled();
  if (deadlineAt <= now) throw exceeded();
  if (deadlineAt === Number.POSITIVE_INFINITY && !scope?.signal) return run();

  let reason: 'deadline' | 'cancelled' | null = null;
  let repeat: NodeJS.Timeout | undefined;
  const stop = (why: 'deadline' | 'cancelled') => {
    if (reason) return;
    reason = why;
    connection.interrupt();
    repeat = setInterval(() => connection.interrupt(), INTERRUPT_REPEAT_MS);
  };
  const timer =
    deadlineAt === Number.POSITIVE_INFINITY ? undefined : setTimeout(() => stop('deadline'), deadlineAt - now);
  const onAbort = () => stop('cancelled');
  scope?.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    return await run();
  } catch (error) {
    if (reason === 'deadline') throw exceeded(error);
    if (reason === 'cancelled') throw cancelled(error);
    throw error;
  } finally {
    clearTimeout(timer);
    clearInterval(repeat);
    scope?.signal?.removeEventListener('abort', onAbort);
  }
}
