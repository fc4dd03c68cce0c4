import type { Snapshot } from './snapshot.ts';
import { quoteIdent, quoteLiteral } from './sql.ts';

/**
 * A DuckDB table expression over a snapshot, for use in a FROM clause. An empty snapshot still
 * has the dataset's declared columns. With `rowId`, a BIGINT `row_id` column names each row:
 * unique within the snapshot and the same every time the snapshot is read (a query can pick rows
 * by their keys first and fetch their other columns later by row_id).
 */
export function scanSql(snapshot: Snapshot, options: { rowId?: boolean } = {}): string {
  if (snapshot.files.length === 0) {
    const cols = snapshot.columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdent(c.name)}`);
    if (options.rowId) cols.push('CAST(NULL AS BIGINT) AS row_id');
    return `(SELECT ${cols.join(', ')} WHERE false)`;
  }
  const files = `read_parquet([${snapshot.files.map(quoteLiteral).join(', ')}])`;
  if (!options.rowId) return files;
  // `row_id`: the file's position in the snapshot's file list (fixed for good) and the row's number
  // in that file, both virtual columns of read_parquet, so numbering rows costs no sort and no pass.
  return `(SELECT *, (CAST(file_index AS BIGINT) << 40) + file_row_number AS row_id FROM ${files})`;
}
