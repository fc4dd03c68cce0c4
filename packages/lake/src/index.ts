export { LakeError, type LakeErrorCode } from './errors.ts';
export type { LakeParam } from './internal/duck.ts';
export {
  type ColumnSpec,
  type DatasetSpec,
  Lake,
  type LakeOptions,
  type Snapshot,
  type SnapshotWriter,
} from './lake.ts';
export { quoteIdent, quoteLiteral } from './sql.ts';
