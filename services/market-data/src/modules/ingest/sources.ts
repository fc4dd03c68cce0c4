import { createReadStream, type Stats, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { type Lake, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { parse } from 'csv-parse';
import { z } from 'zod';
import { IngestError } from './errors.ts';
import { type ColumnMapping, requiredColumns } from './mappings.ts';
import type { RawBar } from './shape.ts';

export type SourceFormat = 'csv' | 'csv.gz' | 'parquet';

export interface SourceReadOptions {
  readonly path: string;
  readonly mapping: ColumnMapping;
  /** Called for every data row, in file order. */
  readonly onRow: (row: RawBar) => void;
  /** Bytes of the file read so far, of `total`. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface SourceRead {
  readonly format: SourceFormat;
  readonly bytes: number;
  readonly rows: number;
}

/** Reads a CSV (plain or gzip) or Parquet file of bars, refusing a broken file with a clear error. */
export async function readBarFile(lake: Lake, options: SourceReadOptions): Promise<SourceRead> {
  let stat: Stats;
  try {
    stat = statSync(options.path);
  } catch (cause) {
    throw new IngestError('FILE_NOT_FOUND', `${options.path}: no such file`, { cause });
  }
  if (!stat.isFile()) throw new IngestError('FILE_NOT_FOUND', `${options.path} is not a file`);
  if (stat.size === 0) throw new IngestError('EMPTY_FILE', `${options.path} is empty (0 bytes)`);
  const magic = await head(options.path, 4);
  if (magic.toString('latin1') === 'PAR1') return readParquet(lake, options, stat.size);
  return readCsv(options, stat.size, magic[0] === 0x1f && magic[1] === 0x8b);
}

async function head(path: string, n: number): Promise<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await fh.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

async function readCsv(options: SourceReadOptions, size: number, gzip: boolean): Promise<SourceRead> {
  const { path, mapping } = options;
  let read = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      read += chunk.length;
      options.onProgress?.(read, size);
      done(null, chunk);
    },
  });
  const utf8 = utf8Decoder(path);
  const state = {
    header: null as string[] | null,
    indices: [] as number[],
    rows: 0,
    // A short row is only known to be the file's last (a truncated file) when the next one arrives.
    short: null as { line: number; fields: number } | null,
  };
  // Empty lines come through as one empty field and are skipped here, so that line numbers can be
  // counted without csv-parse's per-record info objects (a third of its time on large files).
  const parser = parse({ bom: true, relax_column_count: true });
  let nextLine = 1;
  const sink = new Writable({
    objectMode: true,
    write(record: string[], _enc, done) {
      const line = nextLine;
      nextLine += 1;
      for (const field of record) {
        for (let i = field.indexOf('\n'); i !== -1; i = field.indexOf('\n', i + 1)) nextLine += 1;
      }
      if (record.length === 1 && record[0] === '') {
        done();
        return;
      }
      try {
        const { header, short } = state;
        if (!header) {
          state.header = record;
          state.indices = columnIndices(path, mapping, record);
        } else if (short) {
          throw new IngestError(
            'FEWER_COLUMNS',
            `${path} line ${short.line} has ${short.fields} fields, fewer than the header's ${header.length}`,
          );
        } else if (record.length < header.length) {
          state.short = { line, fields: record.length };
        } else if (record.length > header.length) {
          throw new IngestError(
            'MALFORMED_CSV',
            `${path} line ${line} has ${record.length} fields, more than the header's ${header.length}`,
          );
        } else {
          state.rows += 1;
          options.onRow(rawBar(line, record, state.indices));
        }
        done();
      } catch (error) {
        done(error as Error);
      }
    },
  });
  try {
    await pipeline(createReadStream(path), tap, ...(gzip ? [createGunzip()] : []), utf8, parser, sink);
  } catch (error) {
    throw classifyCsvError(path, error);
  }
  if (state.short) {
    throw new IngestError(
      'TRUNCATED',
      `${path} looks truncated: its last row (line ${state.short.line}) has ${state.short.fields} ` +
        `of the header's ${state.header?.length} fields`,
    );
  }
  if (!state.header) throw new IngestError('EMPTY_FILE', `${path} has no header and no rows`);
  if (state.rows === 0) throw new IngestError('HEADER_ONLY', `${path} has a header but no data rows`);
  return { format: gzip ? 'csv.gz' : 'csv', bytes: size, rows: state.rows };
}

/** Positions of the mapped columns: symbol (or -1 for a fixed symbol), time, open, high, low, close, volume. */
function columnIndices(path: string, mapping: ColumnMapping, header: readonly string[]): number[] {
  const names = header.map((h) => h.trim());
  const missing = requiredColumns(mapping).filter((c) => !names.includes(c));
  if (missing.length > 0) {
    throw new IngestError(
      'MISSING_COLUMNS',
      `${path} lacks the column${missing.length > 1 ? 's' : ''} ${missing.map((m) => JSON.stringify(m)).join(', ')} ` +
        `that mapping ${mapping.name} reads; its header is ${names.map((n) => JSON.stringify(n)).join(',')}`,
    );
  }
  const at = (c: string | undefined) => (c === undefined ? -1 : names.indexOf(c));
  const c = mapping.columns;
  return [
    'column' in mapping.symbol ? at(mapping.symbol.column) : -1,
    at(mapping.time.column),
    at(c.open),
    at(c.high),
    at(c.low),
    at(c.close),
    at(c.volume),
  ];
}

function rawBar(line: number, values: readonly (string | number | null)[], idx: readonly number[]): RawBar {
  const symbol = idx[0]! < 0 ? null : (values[idx[0]!] ?? null);
  return {
    line,
    symbol: symbol === null ? null : String(symbol),
    time: values[idx[1]!] ?? null,
    open: values[idx[2]!] ?? null,
    high: values[idx[3]!] ?? null,
    low: values[idx[4]!] ?? null,
    close: values[idx[5]!] ?? null,
    volume: idx[6]! < 0 ? null : (values[idx[6]!] ?? null),
  };
}

/** Decodes UTF-8 strictly: a byte sequence that is not UTF-8 stops the read with its position. */
function utf8Decoder(path: string): Transform {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let offset = 0;
  let lines = 1;
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, done) {
      try {
        const text = decoder.decode(chunk, { stream: true });
        offset += chunk.length;
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines += 1;
        done(null, text);
      } catch {
        const at = firstInvalidUtf8(chunk);
        const line = lines + chunk.subarray(0, at).filter((b) => b === 0x0a).length;
        done(
          new IngestError(
            'NOT_UTF8',
            `${path} is not UTF-8: byte 0x${(chunk[at] ?? 0).toString(16).padStart(2, '0')} at offset ${offset + at} ` +
              `(line ${line}) is not valid UTF-8; re-encode the file as UTF-8`,
          ),
        );
      }
    },
    flush(done) {
      try {
        done(null, decoder.decode());
      } catch {
        done(new IngestError('NOT_UTF8', `${path} is not UTF-8: it ends inside a multi-byte character`));
      }
    },
  });
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence (0 if unsure). */
function firstInvalidUtf8(buf: Uint8Array): number {
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      if (i + k >= buf.length) return i;
      if ((buf[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += n + 1;
  }
  return 0;
}

function classifyCsvError(path: string, error: unknown): Error {
  if (error instanceof IngestError) return error;
  const e = error as { code?: string; message?: string; lines?: number };
  if (e.code === 'Z_DATA_ERROR' || e.code === 'Z_BUF_ERROR' || e.code === 'Z_NEED_DICT') {
    return new IngestError('CORRUPT_GZIP', `${path} is not a valid gzip stream (corrupt or truncated): ${e.message}`, {
      cause: error,
    });
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new IngestError('TRUNCATED', `${path} ends inside a quoted field: the file looks truncated`, {
      cause: error,
    });
  }
  if (typeof e.code === 'string' && e.code.startsWith('CSV_')) {
    return new IngestError('MALFORMED_CSV', `${path} is not well-formed CSV: ${e.message}`, { cause: error });
  }
  return error instanceof Error ? error : new Error(String(error));
}

const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/;
const describeRow = z.object({ column_name: z.string(), column_type: z.string() });
const PARQUET_PAGE = 100_000;

/** Reads a Parquet file through the lake's DuckDB; column types are checked against the mapping first. */
async function readParquet(lake: Lake, options: SourceReadOptions, size: number): Promise<SourceRead> {
  const { path, mapping } = options;
  const source = `read_parquet(${quoteLiteral(path)}, file_row_number = true)`;
  let schema: z.output<typeof describeRow>[];
  try {
    schema = (await lake.query(`DESCRIBE SELECT * FROM ${source}`)).map((r) => describeRow.parse(r));
  } catch (cause) {
    throw new IngestError('CORRUPT_PARQUET', `${path} is not a readable Parquet file: ${messageOf(cause)}`, { cause });
  }
  const types = new Map(schema.map((c) => [c.column_name, c.column_type]));
  const missing = requiredColumns(mapping).filter((c) => !types.has(c));
  if (missing.length > 0) {
    throw new IngestError(
      'MISSING_COLUMNS',
      `${path} lacks the column(s) ${missing.join(', ')} that mapping ${mapping.name} reads; ` +
        `it has ${[...types.keys()].filter((k) => k !== 'file_row_number').join(', ')}`,
    );
  }
  const c = mapping.columns;
  const fields: [string, string | undefined][] = [
    ['symbol', 'column' in mapping.symbol ? mapping.symbol.column : undefined],
    ['time', mapping.time.column],
    ['open', c.open],
    ['high', c.high],
    ['low', c.low],
    ['close', c.close],
    ['volume', c.volume],
  ];
  const select = fields.map(([field, column]) => {
    if (column === undefined) return `NULL AS ${field}`;
    const type = types.get(column)!;
    const col = quoteIdent(column);
    if (field === 'time') return `${timeExpression(path, col, type)} AS time`;
    if (field === 'symbol' ? type === 'VARCHAR' : NUMERIC.test(type) || type === 'VARCHAR') {
      return `${NUMERIC.test(type) ? `CAST(${col} AS DOUBLE)` : col} AS ${field}`;
    }
    throw new IngestError('WRONG_TYPE', `${path}: column ${column} (${field}) is ${type}, not a number or text`);
  });
  let rows = 0;
  try {
    const [{ n }] = z
      .array(z.object({ n: z.union([z.bigint(), z.number()]) }))
      .length(1)
      .parse(await lake.query(`SELECT count(*) AS n FROM ${source}`)) as [{ n: bigint | number }];
    const total = Number(n);
    for (let offset = 0; ; offset += PARQUET_PAGE) {
      const page = await lake.query<Record<string, string | number | null | bigint>>(
        // A range of row numbers per page: a filter DuckDB pushes into the scan, no sort of the file.
        `SELECT file_row_number + 1 AS line, ${select.join(', ')} FROM ${source}
         WHERE file_row_number >= ${offset} AND file_row_number < ${offset + PARQUET_PAGE}
         ORDER BY file_row_number`,
      );
      for (const r of page) {
        rows += 1;
        const values = [r.symbol, r.time, r.open, r.high, r.low, r.close, r.volume].map((v) =>
          typeof v === 'bigint' ? Number(v) : (v ?? null),
        );
        options.onRow(rawBar(Number(r.line), values as (string | number | null)[], [0, 1, 2, 3, 4, 5, 6]));
      }
      options.onProgress?.(Math.min(size, Math.round((size * (offset + page.length)) / Math.max(total, 1))), size);
      if (offset + PARQUET_PAGE >= total) break;
    }
  } catch (cause) {
    if (cause instanceof IngestError) throw cause;
    throw new IngestError('CORRUPT_PARQUET', `${path} could not be read: ${messageOf(cause)}`, { cause });
  }
  options.onProgress?.(size, size);
  if (rows === 0) throw new IngestError('HEADER_ONLY', `${path} has a schema but no rows`);
  return { format: 'parquet', bytes: size, rows };
}

/** A Parquet time column as the text the mapping's time formats read (TIMESTAMPTZ as UTC ISO-8601). */
function timeExpression(path: string, col: string, type: string): string {
  if (type === 'DATE') return `strftime(${col}, '%Y-%m-%d')`;
  if (type === 'TIMESTAMP' || type.startsWith('TIMESTAMP_')) return `strftime(${col}, '%Y-%m-%d %H:%M:%S')`;
  if (type === 'TIMESTAMP WITH TIME ZONE') return `strftime(timezone('UTC', ${col}), '%Y-%m-%dT%H:%M:%SZ')`;
  if (type === 'VARCHAR' || NUMERIC.test(type)) return col;
  throw new IngestError('WRONG_TYPE', `${path}: the time column is ${type}, not a date, timestamp, text or number`);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message.split('\n')[0]! : String(error);
}
