export { LakeError, type LakeErrorCode } from './errors.ts';
export type { LakeParam } from './internal/duck.ts';
export type { LakeSession, StagedValue } from './internal/session.ts';
export {
  type CatalogTransaction,
  type ColumnSpec,
  type CommitOptions,
  type DatasetSpec,
  Lake,
  type LakeOptions,
  type ParquetWriteOptions,
  type Snapshot,
  type SnapshotWriter,
} from './lake.ts';
export { quoteIdent, quoteLiteral } from './sql.ts';
