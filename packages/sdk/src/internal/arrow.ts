import { Table, vectorFromArray } from 'apache-arrow';
import { parquetMetadata, parquetReadObjects, parquetSchema } from 'hyparquet';
// The lake writes zstd; hyparquet alone reads snappy and uncompressed files only.
import { compressors } from 'hyparquet-compressors';

/**
 * A Parquet file as an Arrow table, decoded in JavaScript (hyparquet) so it works in a browser
 * too. Columns keep the file's order; Arrow infers each column's type from its values (numbers as
 * Float64, 64-bit integers as Int64, timestamps as dates, strings as Utf8).
 */
export async function arrowTableFromParquet(bytes: ArrayBuffer): Promise<Table> {
  const metadata = parquetMetadata(bytes);
  const names = parquetSchema(metadata).children.map((c) => c.element.name);
  const rows = (await parquetReadObjects({ file: bytes, metadata, compressors })) as Record<string, unknown>[];
  const columns = Object.fromEntries(names.map((name) => [name, vectorFromArray(rows.map((r) => r[name] ?? null))]));
  return new Table(columns);
}
