import { endianness } from 'node:os';
import {
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBDateValue,
  type DuckDBMaterializedResult,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
  DuckDBTypeId,
  type DuckDBVector,
} from '@duckdb/node-api';
import { LakeError } from './errors.ts';
import { type LakeParam, messageOf, toDuckValue } from './internal/duck.ts';
import { boundedStatement, type StatementDeadline } from './internal/scope.ts';

/**
 * One column of a columnar read or write, by DuckDB type:
 *
 * | DuckDB type                                   | JS column                 | NULL        |
 * | --------------------------------------------- | ------------------------- | ----------- |
 * | DOUBLE, FLOAT                                 | Float64Array              | NaN         |
 * | TIMESTAMPTZ, TIMESTAMP, DATE                  | Float64Array, epoch ms    | NaN         |
 * | INTEGER, SMALLINT, TINYINT, USMALLINT, UTINYINT | Int32Array              | refused     |
 * | BIGINT                                        | BigInt64Array             | refused     |
 * | BOOLEAN                                       | Uint8Array (0 or 1)       | refused     |
 * | VARCHAR                                       | (string \| null)[]        | null        |
 *
 * Integer and boolean arrays have no NULL: a read of such a column holding NULL fails with an
 * error naming it (cast it to DOUBLE in the query to read NULL as NaN). Timestamps keep their
 * microseconds as the fraction of a millisecond. Writes take the same arrays: NaN appends NULL.
 */
export type ColumnValues = Float64Array | Int32Array | BigInt64Array | Uint8Array | (string | null)[];

/** The result of a columnar read: each column by name, all of `rowCount` values. */
export interface ColumnBatch {
  readonly rowCount: number;
  readonly columns: Readonly<Record<string, ColumnValues>>;
}

type Kind = 'double' | 'instant' | 'date' | 'int32' | 'int64' | 'bool' | 'string';

const KIND_OF: Partial<Record<DuckDBTypeId, Kind>> = {
  [DuckDBTypeId.DOUBLE]: 'double',
  [DuckDBTypeId.FLOAT]: 'double',
  [DuckDBTypeId.TIMESTAMP_TZ]: 'instant',
  [DuckDBTypeId.TIMESTAMP]: 'instant',
  [DuckDBTypeId.DATE]: 'date',
  [DuckDBTypeId.INTEGER]: 'int32',
  [DuckDBTypeId.SMALLINT]: 'int32',
  [DuckDBTypeId.TINYINT]: 'int32',
  [DuckDBTypeId.USMALLINT]: 'int32',
  [DuckDBTypeId.UTINYINT]: 'int32',
  [DuckDBTypeId.BIGINT]: 'int64',
  [DuckDBTypeId.BOOLEAN]: 'bool',
  [DuckDBTypeId.VARCHAR]: 'string',
};

const DAY_MS = 86_400_000;
const LITTLE_ENDIAN = endianness() === 'LE';

function allocate(kind: Kind, n: number): ColumnValues {
  switch (kind) {
    case 'double':
    case 'instant':
    case 'date':
      return new Float64Array(n);
    case 'int32':
      return new Int32Array(n);
    case 'int64':
      return new BigInt64Array(n);
    case 'bool':
      return new Uint8Array(n);
    case 'string':
      return new Array<string | null>(n).fill(null);
  }
}

/**
 * The bits of a vector's validity mask as 32-bit words with the vector's bit offset, or null when
 * every item is valid. The driver keeps the mask as 64-bit BigInts; testing one bit that way costs
 * BigInt arithmetic per item, while DuckDB's mask is plain little-endian words (bit i of the
 * vector is bit i % 64 of word i / 64), read here 32 bits at a time.
 */
function validityWords(vector: DuckDBVector): { words: Uint32Array; offset: number } | null {
  const validity = (vector as unknown as { validity?: { data: BigUint64Array | null; offset: number } }).validity;
  if (!validity?.data) return null;
  const d = validity.data;
  return { words: new Uint32Array(d.buffer, d.byteOffset, d.length * 2), offset: validity.offset };
}

const isValid = (w: Uint32Array, bit: number) => ((w[bit >>> 5]! >>> (bit & 31)) & 1) === 1;

/** 2^32: an int64 (epoch micros) is read and written as two 32-bit halves, low one first. */
const TWO_32 = 4_294_967_296;

/**
 * Copies `m` values of one chunk's vector into `out` from `offset`, in bulk from the vector's
 * buffer (a value at a time through the driver's `getItem` costs an object per timestamp and
 * BigInt arithmetic per validity test: a million-row read took seconds).
 */
function copyVector(kind: Kind, vector: DuckDBVector, out: ColumnValues, offset: number, m: number, name: string) {
  const refuseNull = () => {
    throw new Error(`column ${name} holds NULL, which a ${kind} column cannot: cast it to DOUBLE to read NULL as NaN`);
  };
  const validity = LITTLE_ENDIAN && kind !== 'string' ? validityWords(vector) : null;
  const items = (vector as unknown as { items?: ArrayBufferView }).items;
  const dataView = (vector as unknown as { dataView?: DataView }).dataView;
  const nullAt = (i: number) => validity !== null && !isValid(validity.words, validity.offset + i);
  if (!LITTLE_ENDIAN) {
    copyVectorByItem(kind, vector, out, offset, m, refuseNull);
    return;
  }
  if (kind === 'double' && items instanceof Float64Array) {
    const o = out as Float64Array;
    o.set(items.subarray(0, m), offset);
    if (validity) for (let i = 0; i < m; i++) if (nullAt(i)) o[offset + i] = Number.NaN;
  } else if (kind === 'instant' && items instanceof BigInt64Array) {
    const o = out as Float64Array;
    const halves = new Int32Array(items.buffer, items.byteOffset, m * 2);
    for (let i = 0; i < m; i++) {
      o[offset + i] = nullAt(i) ? Number.NaN : (halves[2 * i + 1]! * TWO_32 + (halves[2 * i]! >>> 0)) / 1000;
    }
  } else if (kind === 'date' && items instanceof Int32Array) {
    const o = out as Float64Array;
    for (let i = 0; i < m; i++) o[offset + i] = nullAt(i) ? Number.NaN : items[i]! * DAY_MS;
  } else if (kind === 'int32' && items instanceof Int32Array) {
    for (let i = 0; validity && i < m; i++) if (nullAt(i)) refuseNull();
    (out as Int32Array).set(items.subarray(0, m), offset);
  } else if (kind === 'int64' && items instanceof BigInt64Array) {
    for (let i = 0; validity && i < m; i++) if (nullAt(i)) refuseNull();
    (out as BigInt64Array).set(items.subarray(0, m), offset);
  } else if (kind === 'bool' && dataView) {
    const bytes = new Uint8Array(dataView.buffer, dataView.byteOffset, m);
    const o = out as Uint8Array;
    for (let i = 0; i < m; i++) {
      if (nullAt(i)) refuseNull();
      o[offset + i] = bytes[i] === 0 ? 0 : 1;
    }
  } else {
    copyVectorByItem(kind, vector, out, offset, m, refuseNull);
  }
}

/** The same copy a value at a time through the driver (other vector layouts; big-endian hosts). */
function copyVectorByItem(
  kind: Kind,
  vector: DuckDBVector,
  out: ColumnValues,
  offset: number,
  m: number,
  refuseNull: () => never,
) {
  if (kind === 'double') {
    const o = out as Float64Array;
    const v = vector as DuckDBVector<number>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      o[offset + i] = x === null ? Number.NaN : x;
    }
  } else if (kind === 'instant') {
    const o = out as Float64Array;
    const v = vector as DuckDBVector<DuckDBTimestampTZValue | DuckDBTimestampValue>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      o[offset + i] = x === null ? Number.NaN : Number(x.micros) / 1000;
    }
  } else if (kind === 'date') {
    const o = out as Float64Array;
    const v = vector as DuckDBVector<DuckDBDateValue>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      o[offset + i] = x === null ? Number.NaN : x.days * DAY_MS;
    }
  } else if (kind === 'int32') {
    const o = out as Int32Array;
    const v = vector as DuckDBVector<number>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      if (x === null) refuseNull();
      o[offset + i] = x!;
    }
  } else if (kind === 'int64') {
    const o = out as BigInt64Array;
    const v = vector as DuckDBVector<bigint>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      if (x === null) refuseNull();
      o[offset + i] = x!;
    }
  } else if (kind === 'bool') {
    const o = out as Uint8Array;
    const v = vector as DuckDBVector<boolean>;
    for (let i = 0; i < m; i++) {
      const x = v.getItem(i);
      if (x === null) refuseNull();
      o[offset + i] = x ? 1 : 0;
    }
  } else {
    const o = out as (string | null)[];
    const v = vector as DuckDBVector<string>;
    for (let i = 0; i < m; i++) o[offset + i] = v.getItem(i);
  }
}

/** Reads every chunk of a materialized result into one array per column. */
function columnsOf(result: DuckDBMaterializedResult): ColumnBatch {
  const n = result.rowCount;
  const names = result.columnNames();
  const kinds = names.map((name, c) => {
    const type = result.columnTypeId(c);
    const kind = KIND_OF[type];
    if (!kind) {
      throw new Error(`column ${name} has DuckDB type ${DuckDBTypeId[type]}, which a columnar read does not support`);
    }
    return kind;
  });
  const out = kinds.map((k) => allocate(k, n));
  let offset = 0;
  for (let ci = 0; ci < result.chunkCount; ci++) {
    const chunk = result.getChunk(ci);
    const m = chunk.rowCount;
    for (let c = 0; c < names.length; c++)
      copyVector(kinds[c]!, chunk.getColumnVector(c), out[c]!, offset, m, names[c]!);
    offset += m;
  }
  const columns: Record<string, ColumnValues> = {};
  names.forEach((name, c) => {
    if (name in columns) throw new Error(`column name ${name} repeats: alias the columns of a columnar read`);
    columns[name] = out[c]!;
  });
  return { rowCount: n, columns };
}

/**
 * Runs one statement with bound parameters and returns its result column by column as typed
 * arrays (see `ColumnValues` for the types and NULLs): no object per row, so a read of a million
 * rows costs about what DuckDB's own vectors do.
 */
export async function readColumns(
  connection: DuckDBConnection,
  sqlText: string,
  params: readonly LakeParam[] = [],
  deadline?: StatementDeadline,
): Promise<ColumnBatch> {
  const statement = await connection.prepare(sqlText).catch((cause: unknown) => {
    throw new LakeError('QUERY_FAILED', `analytic query could not be prepared: ${messageOf(cause)}`, { cause });
  });
  try {
    if (params.length > 0) statement.bind(params.map(toDuckValue));
    // Reading the chunks runs the query too: both are bounded (deadline, abandoned caller).
    return await boundedStatement(connection, deadline, async () => columnsOf(await statement.run()));
  } catch (cause) {
    if (cause instanceof LakeError) throw cause;
    throw new LakeError('QUERY_FAILED', `columnar read failed: ${messageOf(cause)}`, { cause });
  } finally {
    statement.destroySync();
  }
}

const CHUNK_ROWS = 2048;

/** Largest |epoch micros| written in bulk: beyond 2^53 a double no longer holds every integer. */
const EXACT_MICROS = 2 ** 53;

/**
 * Writes rows [from, from + m) of `values` into a chunk's vector of DuckDB type `type`. Numbers,
 * timestamps, integers and booleans are copied in bulk into the vector's buffer: a fresh chunk's
 * items are all valid, and marking an item valid one by one costs BigInt arithmetic per item
 * once any is null (and a timestamp through `setItem` an object and a BigInt per value); only the
 * NULLs (NaN) are marked, one by one.
 */
function fillVector(type: DuckDBTypeId, vector: DuckDBVector, values: ColumnValues, from: number, m: number) {
  const set = vector as unknown as { setItem(i: number, v: unknown): void };
  const items = (vector as unknown as { items?: ArrayBufferView }).items;
  const dataView = (vector as unknown as { dataView?: DataView }).dataView;
  if (Array.isArray(values)) {
    for (let i = 0; i < m; i++) set.setItem(i, values[from + i] ?? null);
  } else if (
    (type === DuckDBTypeId.TIMESTAMP_TZ || type === DuckDBTypeId.TIMESTAMP) &&
    LITTLE_ENDIAN &&
    items instanceof BigInt64Array
  ) {
    const v = values as Float64Array;
    const Value = type === DuckDBTypeId.TIMESTAMP_TZ ? DuckDBTimestampTZValue : DuckDBTimestampValue;
    // int64 micros written as two's-complement 32-bit halves (little-endian), no BigInt per value.
    const halves = new Int32Array(items.buffer, items.byteOffset, m * 2);
    for (let i = 0; i < m; i++) {
      const ms = v[from + i]!;
      if (Number.isNaN(ms)) {
        set.setItem(i, null);
        continue;
      }
      const micros = Math.round(ms * 1000);
      if (!(Math.abs(micros) < EXACT_MICROS)) {
        set.setItem(i, new Value(BigInt(micros)));
        continue;
      }
      const high = Math.floor(micros / TWO_32);
      halves[2 * i] = micros - high * TWO_32;
      halves[2 * i + 1] = high;
    }
  } else if (type === DuckDBTypeId.TIMESTAMP_TZ || type === DuckDBTypeId.TIMESTAMP) {
    const v = values as Float64Array;
    const Value = type === DuckDBTypeId.TIMESTAMP_TZ ? DuckDBTimestampTZValue : DuckDBTimestampValue;
    for (let i = 0; i < m; i++) {
      const ms = v[from + i]!;
      set.setItem(i, Number.isNaN(ms) ? null : new Value(BigInt(Math.round(ms * 1000))));
    }
  } else if (type === DuckDBTypeId.BOOLEAN && dataView) {
    const v = values as Uint8Array;
    const bytes = new Uint8Array(dataView.buffer, dataView.byteOffset, m);
    for (let i = 0; i < m; i++) bytes[i] = v[from + i] === 0 ? 0 : 1;
  } else if (type === DuckDBTypeId.BOOLEAN) {
    const v = values as Uint8Array;
    for (let i = 0; i < m; i++) set.setItem(i, v[from + i] !== 0);
  } else if (values instanceof Float64Array && type === DuckDBTypeId.DOUBLE && items instanceof Float64Array) {
    const slice = values.subarray(from, from + m);
    items.set(slice);
    for (let i = 0; i < m; i++) if (Number.isNaN(slice[i]!)) set.setItem(i, null);
  } else if (values instanceof Int32Array && type === DuckDBTypeId.INTEGER && items instanceof Int32Array) {
    items.set(values.subarray(from, from + m));
  } else if (values instanceof BigInt64Array && type === DuckDBTypeId.BIGINT && items instanceof BigInt64Array) {
    items.set(values.subarray(from, from + m));
  } else if (values instanceof Float64Array) {
    for (let i = 0; i < m; i++) {
      const x = values[from + i]!;
      set.setItem(i, Number.isNaN(x) ? null : x);
    }
  } else {
    for (let i = 0; i < m; i++) set.setItem(i, values[from + i]);
  }
  vector.flush();
}

/** The array each DuckDB column type takes in a columnar append. */
const APPENDABLE: Partial<Record<DuckDBTypeId, (v: ColumnValues) => boolean>> = {
  [DuckDBTypeId.DOUBLE]: (v) => v instanceof Float64Array,
  [DuckDBTypeId.TIMESTAMP_TZ]: (v) => v instanceof Float64Array,
  [DuckDBTypeId.TIMESTAMP]: (v) => v instanceof Float64Array,
  [DuckDBTypeId.INTEGER]: (v) => v instanceof Int32Array,
  [DuckDBTypeId.BIGINT]: (v) => v instanceof BigInt64Array,
  [DuckDBTypeId.BOOLEAN]: (v) => v instanceof Uint8Array,
  [DuckDBTypeId.VARCHAR]: (v) => Array.isArray(v),
};

/**
 * Appends columns (in the table's column order, all of one length) to an existing table through
 * DuckDB data chunks: the fast way to stage many rows of numbers. Column types: DOUBLE and
 * TIMESTAMPTZ/TIMESTAMP (epoch ms) from Float64Array (NaN appends NULL), INTEGER from Int32Array,
 * BIGINT from BigInt64Array, BOOLEAN from Uint8Array, VARCHAR from a string array.
 */
export async function appendColumns(
  connection: DuckDBConnection,
  table: string,
  columns: readonly ColumnValues[],
): Promise<number> {
  const appender = await connection.createAppender(table).catch((cause: unknown) => {
    throw new LakeError('QUERY_FAILED', `cannot append to ${table}: ${messageOf(cause)}`, { cause });
  });
  try {
    const types = Array.from({ length: appender.columnCount }, (_, i) => appender.columnType(i));
    if (columns.length !== types.length) {
      throw new Error(`${table} has ${types.length} columns and ${columns.length} were given`);
    }
    const n = columns[0]?.length ?? 0;
    columns.forEach((values, c) => {
      const accepts = APPENDABLE[types[c]!.typeId];
      if (!accepts)
        throw new Error(`column ${c + 1} of ${table} has a type (${types[c]}) a columnar append does not take`);
      if (!accepts(values))
        throw new Error(`column ${c + 1} of ${table} (${types[c]}) was given the wrong kind of array`);
      if (values.length !== n) throw new Error(`the columns appended to ${table} differ in length`);
    });
    for (let from = 0; from < n; from += CHUNK_ROWS) {
      const m = Math.min(CHUNK_ROWS, n - from);
      const chunk = DuckDBDataChunk.create(types, m);
      for (let c = 0; c < types.length; c++)
        fillVector(types[c]!.typeId, chunk.getColumnVector(c), columns[c]!, from, m);
      appender.appendDataChunk(chunk);
    }
    appender.flushSync();
    return n;
  } catch (cause) {
    if (cause instanceof LakeError) throw cause;
    throw new LakeError('QUERY_FAILED', `appending columns to ${table} failed: ${messageOf(cause)}`, { cause });
  } finally {
    appender.closeSync();
  }
}
