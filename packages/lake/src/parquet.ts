import { randomUUID } from 'node:crypto';
import { renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { LakeError } from './errors.ts';
import { type LakeParam, runAll } from './internal/duck.ts';
import type { StatementDeadline } from './internal/scope.ts';
import type { ColumnSpec } from './snapshot.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';

/**
 * How a written Parquet file is encoded. Omitted fields keep the lake's defaults: zstd at DuckDB's
 * default level, dictionary encoding tried on every column.
 */
export interface ParquetWriteOptions {
  readonly compression?: 'zstd' | 'lz4' | 'snappy' | 'uncompressed';
  /** The zstd level, 1 (fastest) to 22; only with zstd. */
  readonly compressionLevel?: number;
  /**
   * false: write every column plainly encoded. Trying a dictionary costs most of a write whose
   * columns are mostly distinct values (DOUBLE features) and gains nothing there once compressed.
   */
  readonly dictionary?: boolean;
  /**
   * Key-value metadata in the file's footer (Parquet `key_value_metadata`), e.g. what a file was
   * built from; readers see it with pyarrow's `schema.metadata` or DuckDB's `parquet_kv_metadata()`.
   */
  readonly keyValueMetadata?: Readonly<Record<string, string>>;
}

const COMPRESSIONS: readonly string[] = ['zstd', 'lz4', 'snappy', 'uncompressed'];

/** The COPY options for a Parquet file; refuses settings DuckDB would reject or silently ignore. */
export function parquetCopyOptions(parquet: ParquetWriteOptions): string {
  const compression = parquet.compression ?? 'zstd';
  if (!COMPRESSIONS.includes(compression)) {
    throw new LakeError('WRITE_FAILED', `unknown Parquet compression ${JSON.stringify(compression)}`);
  }
  const options = ['FORMAT parquet', `COMPRESSION ${compression}`];
  if (parquet.compressionLevel !== undefined) {
    const level = parquet.compressionLevel;
    if (compression !== 'zstd' || !Number.isInteger(level) || level < 1 || level > 22) {
      throw new LakeError('WRITE_FAILED', 'a compression level must be an integer from 1 to 22, with zstd only');
    }
    options.push(`COMPRESSION_LEVEL ${level}`);
  }
  // A one-byte dictionary limit is how DuckDB's writer is told to encode every column plainly.
  if (parquet.dictionary === false) options.push('DICTIONARY_SIZE_LIMIT 1');
  options.push('ROW_GROUP_SIZE 122880');
  const metadata = Object.entries(parquet.keyValueMetadata ?? {});
  if (metadata.length > 0) {
    options.push(`KV_METADATA {${metadata.map(([k, v]) => `${quoteLiteral(k)}: ${quoteLiteral(v)}`).join(', ')}}`);
  }
  return options.join(', ');
}

export async function writeParquetFile(
  connection: DuckDBConnection,
  options: {
    dir: string;
    columns: readonly ColumnSpec[];
    selectSql: string;
    params: readonly LakeParam[];
    parquet: ParquetWriteOptions;
    deadline: StatementDeadline | undefined;
  },
): Promise<{ path: string; rowCount: number; bytes: number }> {
  const copyOptions = parquetCopyOptions(options.parquet);
  const finalPath = join(options.dir, `${randomUUID()}.parquet`);
  const tmpPath = `${finalPath}.tmp`;
  const projection = options.columns
    .map((c) => `CAST(${quoteIdent(c.name)} AS ${c.type}) AS ${quoteIdent(c.name)}`)
    .join(', ');
  try {
    const rows = await runAll<{ Count: bigint | number }>(
      connection,
      `COPY (SELECT ${projection} FROM (${options.selectSql})) TO ${quoteLiteral(tmpPath)} (${copyOptions})`,
      options.params,
      options.deadline,
    );
    renameSync(tmpPath, finalPath);
    return { path: finalPath, rowCount: Number(rows[0]?.Count ?? 0), bytes: statSync(finalPath).size };
  } catch (error) {
    rmSync(tmpPath, { force: true });
    throw error;
  }
}
