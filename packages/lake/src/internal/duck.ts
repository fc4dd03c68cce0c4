import { type DuckDBConnection, DuckDBInstance, type DuckDBValue, listValue } from '@duckdb/node-api';
import { LakeError } from '../errors.ts';
import { boundedStatement, type StatementDeadline } from './scope.ts';

export interface DuckOptions {
  threads?: number | undefined;
  memoryLimit?: string | undefined;
  /** Every statement's bound, whatever runs it (a query scope may set an earlier one). */
  statementDeadline?: StatementDeadline | undefined;
}

/** A bound parameter: scalars, Dates (bound as ISO strings: cast in SQL), and lists of scalars. */
export type LakeParam = string | number | bigint | boolean | null | Date | readonly (string | number)[];

export function toDuckValue(p: LakeParam): DuckDBValue {
  if (p instanceof Date) return p.toISOString();
  if (Array.isArray(p)) return listValue([...p]);
  return p as DuckDBValue;
}

/** Owns one in-process DuckDB instance; every statement runs on a short-lived connection. */
export class Duck {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly statementDeadline: StatementDeadline | undefined,
  ) {}

  static async create(options: DuckOptions): Promise<Duck> {
    const config: Record<string, string> = {
      autoinstall_known_extensions: 'false',
      // Give memory back to the OS once a statement is done. Without it DuckDB's allocator keeps
      // the pages of a job's peak (a materialization, a training-set build) resident for good:
      // 0.7-0.9 GB after a 20M-row window query in one process, 120 MB with it (measured in the
      // soak, issue 12: the features process otherwise grew +25% over 10 minutes of jobs).
      allocator_background_threads: 'true',
    };
    if (options.threads) config.threads = String(options.threads);
    if (options.memoryLimit) config.memory_limit = options.memoryLimit;
    return new Duck(await DuckDBInstance.create(':memory:', config), options.statementDeadline);
  }

  async withConnection<T>(fn: (c: DuckDBConnection) => Promise<T>): Promise<T> {
    const connection = await this.instance.connect();
    try {
      return await fn(connection);
    } finally {
      connection.closeSync();
    }
  }

  /** Runs one statement with bound parameters and returns its rows as plain JS objects. */
  async all<T = Record<string, unknown>>(sqlText: string, params: readonly LakeParam[] = []): Promise<T[]> {
    return this.withConnection((c) => runAll<T>(c, sqlText, params, this.statementDeadline));
  }

  close(): void {
    this.instance.closeSync();
  }
}

/**
 * Runs one statement and returns its rows as plain JS objects. It is bounded by the current query
 * scope and `deadline` (see `boundedStatement`): a deadline or an abandoned caller interrupts it.
 */
export async function runAll<T>(
  c: DuckDBConnection,
  sqlText: string,
  params: readonly LakeParam[] = [],
  deadline?: StatementDeadline,
): Promise<T[]> {
  const statement = await c.prepare(sqlText).catch((cause: unknown) => {
    throw new LakeError('QUERY_FAILED', `analytic query could not be prepared: ${messageOf(cause)}`, { cause });
  });
  try {
    if (params.length > 0) statement.bind(params.map(toDuckValue));
    const reader = await boundedStatement(c, deadline, () => statement.runAndReadAll());
    return reader.getRowObjectsJS() as T[];
  } catch (cause) {
    if (cause instanceof LakeError) throw cause;
    throw new LakeError('QUERY_FAILED', `analytic query failed: ${messageOf(cause)}`, { cause });
  } finally {
    statement.destroySync();
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
