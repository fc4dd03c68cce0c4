export interface ColumnSpec {
  readonly name: string;
  /** A DuckDB type name: VARCHAR, DOUBLE, BIGINT, DATE, TIMESTAMPTZ, UUID, BOOLEAN… */
  readonly type: string;
}

export interface Snapshot {
  readonly id: number;
  readonly dataset: string;
  readonly parentId: number | null;
  readonly operation: 'append' | 'overwrite';
  readonly rowCount: number;
  readonly addedRows: number;
  readonly committedAt: Date;
  /** Absolute paths of the immutable Parquet files that make up this snapshot. */
  readonly files: readonly string[];
  readonly columns: readonly ColumnSpec[];
  readonly summary: Record<string, unknown>;
}
