import { type DuckDBAppender, type DuckDBConnection, DuckDBTypeId, timestampTZValue } from '@duckdb/node-api';
import { appendColumns, type ColumnBatch, type ColumnValues, readColumns } from '../columns.ts';
import { LakeError } from '../errors.ts';
import { type LakeParam, messageOf, runAll } from './duck.ts';
import type { StatementDeadline } from './scope.ts';

/** A value staged into a DuckDB table from JavaScript. */
export type StagedValue = string | number | bigint | boolean | Date | null;

/**
 * One DuckDB connection for several statements (temporary tables live as long as it does).
 * Domain code stages data and runs analytic SQL through this, never through the driver itself.
 */
export interface LakeSession {
  run(sqlText: string, params?: readonly LakeParam[]): Promise<void>;
  all<T = Record<string, unknown>>(sqlText: string, params?: readonly LakeParam[]): Promise<T[]>;
  /** Appends rows to an existing table (columns in table order); the fast way to stage JS data. */
  append(table: string, rows: Iterable<readonly StagedValue[]>): Promise<number>;
  /** Runs one statement and returns its result as typed arrays per column (see `readColumns`). */
  columns(sqlText: string, params?: readonly LakeParam[]): Promise<ColumnBatch>;
  /** Appends typed-array columns to an existing table (see `appendColumns`): faster than `append`. */
  appendColumns(table: string, columns: readonly ColumnValues[]): Promise<number>;
  /**
   * Asks DuckDB to stop the statement running on this session (a deadline passed, the caller
   * left): it fails with an interrupt error. Nothing happens when no statement runs.
   */
  interrupt(): void;
}

export function sessionOn(connection: DuckDBConnection, deadline?: StatementDeadline): LakeSession {
  return {
    async run(sqlText, params = []) {
      await runAll(connection, sqlText, params, deadline);
    },
    all: (sqlText, params = []) => runAll(connection, sqlText, params, deadline),
    columns: (sqlText, params = []) => readColumns(connection, sqlText, params, deadline),
    appendColumns: (table, columns) => appendColumns(connection, table, columns),
    interrupt: () => connection.interrupt(),
    async append(table, rows) {
      let appender: DuckDBAppender;
      try {
        appender = await connection.createAppender(table);
      } catch (cause) {
        throw new LakeError('QUERY_FAILED', `cannot append to ${table}: ${messageOf(cause)}`, { cause });
      }
      let n = 0;
      try {
        const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i).typeId);
        for (const row of rows) {
          for (let i = 0; i < types.length; i++) appendValue(appender, types[i]!, row[i] ?? null);
          appender.endRow();
          n++;
        }
        appender.flushSync();
      } catch (cause) {
        throw new LakeError('QUERY_FAILED', `staging rows into ${table} failed at row ${n + 1}: ${messageOf(cause)}`, {
          cause,
        });
      } finally {
        appender.closeSync();
      }
      return n;
    },
  };
}

function appendValue(a: DuckDBAppender, type: DuckDBTypeId, v: StagedValue): void {
  if (v === null) {
    a.appendNull();
    return;
  }
  switch (type) {
    case DuckDBTypeId.VARCHAR:
      a.appendVarchar(String(v));
      break;
    case DuckDBTypeId.DOUBLE:
      a.appendDouble(Number(v));
      break;
    case DuckDBTypeId.FLOAT:
      a.appendFloat(Number(v));
      break;
    case DuckDBTypeId.BIGINT:
      a.appendBigInt(BigInt(v as number | bigint));
      break;
    case DuckDBTypeId.INTEGER:
      a.appendInteger(Number(v));
      break;
    case DuckDBTypeId.BOOLEAN:
      a.appendBoolean(Boolean(v));
      break;
    case DuckDBTypeId.TIMESTAMP_TZ:
      a.appendTimestampTZ(timestampTZValue(v instanceof Date ? BigInt(v.getTime()) * 1000n : isoToMicros(String(v))));
      break;
    default:
      throw new Error(`staging a value into a column of DuckDB type ${DuckDBTypeId[type]} is not supported`);
  }
}

/**
 * Microseconds since the epoch of an ISO-8601 instant, keeping sub-millisecond digits that a JS
 * Date would drop (`2016-01-05T00:00:00.000001Z`).
 */
export function isoToMicros(iso: string): bigint {
  const m = /^(.*?T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:?\d{2})$/.exec(iso);
  const ms = m ? Date.parse(`${m[1]}${m[3]}`) : Number.NaN;
  if (!m || Number.isNaN(ms)) throw new Error(`not an ISO-8601 instant: ${iso}`);
  const fraction = BigInt((m[2] ?? '').padEnd(6, '0').slice(0, 6));
  return BigInt(ms) * 1000n + fraction;
}
